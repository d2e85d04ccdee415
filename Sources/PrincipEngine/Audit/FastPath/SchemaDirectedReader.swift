import CEL

/// Reads a JSON record straight into the proposal that ``ProposalSchema/validate(_:)``
/// would return — parsing, checking and coercing (dates to timestamps, integers in
/// number fields to doubles) in one pass, with no intermediate value.
///
/// It handles records that fit the schema; at the first deviation of any kind (syntax,
/// unknown field, wrong type, value not allowed, missing field, escapes it does not
/// decode, …) it returns `nil`, and the caller takes the general path
/// (`CELValue.parseJSON` + `ProposalReader.validate`), which words the error. So error
/// rows read exactly as elsewhere in princip, and well-formed records skip most of the
/// work. Tests check that both paths give the same value.
struct SchemaDirectedReader: Sendable {
  private let schema: FastSchema
  /// Top-level renames of the column mapping: source name → schema name.
  private let renames: [(from: FastSchema.Name, to: FastSchema.Name)]
  /// Constants of the column mapping, already checked against the schema.
  private let constants: [(name: String, value: CELValue)]

  /// A reader for `schema`; `nil` when the mapping's constants need the general path.
  init?(schema: ProposalSchema, mapping: ColumnMapping?) {
    self.schema = FastSchema(schema)
    var renames: [(from: FastSchema.Name, to: FastSchema.Name)] = []
    var constants: [(name: String, value: CELValue)] = []
    for (from, to) in mapping?.renames.sorted(by: { $0.key < $1.key }) ?? [] {
      renames.append((FastSchema.Name(from), FastSchema.Name(to)))
    }
    guard case .object(let root) = self.schema.root else { return nil }
    for (target, value) in mapping?.constants ?? [] {
      // A constant must fit its field as a record's value would: read its JSON text.
      guard target.components.count == 1, case .field(let name) = target.components[0],
        let index = root.fields.firstIndex(where: { $0.name.text == name })
      else { return nil }
      let checked: CELValue? = Array(value.jsonText.utf8).withUnsafeBufferPointer { buffer in
        var cursor = Cursor(bytes: buffer)
        return cursor.value(root.fields[index].node)
      }
      guard let checked else { return nil }
      constants.append((name, checked))
    }
    self.renames = renames
    self.constants = constants
  }

  /// The validated proposal, or `nil` to take the general path.
  func read(_ bytes: UnsafeBufferPointer<UInt8>) -> CELValue? {
    var cursor = Cursor(bytes: bytes)
    guard case .object(let root) = schema.root, let value = cursor.object(root, renames: renames, constants: constants) else { return nil }
    cursor.skipSpace()
    // Not `position == count ? value : nil`: CELValue is ExpressibleByNilLiteral, so that
    // `nil` would be CEL's null, not "no value".
    guard cursor.position == bytes.count else { return nil }
    return value
  }
}

/// A position in the record and the parsing steps, each returning `nil` to give up.
private struct Cursor {
  let bytes: UnsafeBufferPointer<UInt8>
  var position = 0

  init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  @inline(__always)
  mutating func skipSpace() {
    while position < bytes.count {
      switch bytes[position] {
      case 0x20, 0x0A, 0x0D, 0x09: position += 1
      default: return
      }
    }
  }

  @inline(__always)
  mutating func take(_ byte: UInt8) -> Bool {
    skipSpace()
    guard position < bytes.count, bytes[position] == byte else { return false }
    position += 1
    return true
  }

  mutating func value(_ node: FastSchema.Node) -> CELValue? {
    skipSpace()
    guard position < bytes.count else { return nil }
    switch node {
    case .unsupported:
      return nil
    case .object(let object):
      return self.object(object, renames: [], constants: [])
    case .array(let items, let minItems):
      guard take(UInt8(ascii: "[")) else { return nil }
      var elements: [CELValue] = []
      if !take(UInt8(ascii: "]")) {
        repeat {
          guard let element = value(items) else { return nil }
          elements.append(element)
        } while take(UInt8(ascii: ","))
        guard take(UInt8(ascii: "]")) else { return nil }
      }
      if let minItems, elements.count < minItems { return nil }
      return .list(elements)
    case .boolean:
      if literal("true") { return .bool(true) }
      if literal("false") { return .bool(false) }
      return nil
    case .integer(let minimum, let maximum):
      switch number() {
      case .int(let value)? where inRange(Double(value), minimum, maximum): return .int(value)
      case .double(let value)? where value == value.rounded() && abs(value) < 9e15 && inRange(value, minimum, maximum): return .int(Int64(value))
      default: return nil
      }
    case .number(let minimum, let maximum):
      switch number() {
      case .int(let value)? where inRange(Double(value), minimum, maximum): return .double(Double(value))
      case .double(let value)? where inRange(value, minimum, maximum): return .double(value)
      default: return nil
      }
    case .string(let allowed, let isDate, let minLength):
      guard bytes[position] == UInt8(ascii: "\"") else { return nil }
      if let allowed {
        guard let raw = rawString() else { return nil }
        let hash = FastSchema.hash(raw)
        guard let match = allowed.first(where: { $0.hash == hash && $0.matches(raw) }) else { return nil }
        return .string(match.text)
      }
      guard let text = string() else { return nil }
      if let minLength, text.count < minLength { return nil }
      guard isDate else { return .string(text) }
      guard let date = CivilDate(text) else { return nil }
      return date.timestamp
    }
  }

  mutating func object(_ object: FastSchema.Object, renames: [(from: FastSchema.Name, to: FastSchema.Name)], constants: [(name: String, value: CELValue)]) -> CELValue? {
    guard take(UInt8(ascii: "{")) else { return nil }
    var builder = CELMap.Builder(capacity: object.fields.count)
    var seen: UInt64 = 0
    if !take(UInt8(ascii: "}")) {
      repeat {
        skipSpace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\""), let key = rawString() else { return nil }
        let hash = FastSchema.hash(key)
        let index: Int?
        // Renames first, as ColumnMapping.renamed does (they exist only at the top level).
        if let rename = renames.first(where: { $0.from.hash == hash && $0.from.matches(key) }) {
          index = rename.to.bytes.withUnsafeBufferPointer { object.field($0, hash: rename.to.hash) }
          guard index != nil else { return nil }
        } else {
          index = object.field(key, hash: hash)
        }
        guard take(UInt8(ascii: ":")) else { return nil }
        if let index {
          guard seen & (1 << UInt64(index)) == 0, let value = value(object.fields[index].node) else { return nil }
          seen |= 1 << UInt64(index)
          builder.insert(string: object.fields[index].name.text, value)
        } else {
          guard let additional = object.additional, let name = String(validating: key, as: UTF8.self),
            let value = value(additional), builder.insert(string: name, value) == .inserted
          else { return nil }
        }
      } while take(UInt8(ascii: ","))
      guard take(UInt8(ascii: "}")) else { return nil }
    }
    for (name, value) in constants {
      let hash = FastSchema.hash(name.utf8)
      if let index = object.fields.firstIndex(where: { $0.name.hash == hash && $0.name.text == name }) {
        if seen & (1 << UInt64(index)) == 0 {
          seen |= 1 << UInt64(index)
          builder.insert(string: name, value)
        }
      }
    }
    guard seen & object.requiredMask == object.requiredMask else { return nil }
    return .map(builder.build())
  }

  @inline(__always)
  private func inRange(_ value: Double, _ minimum: Double?, _ maximum: Double?) -> Bool {
    !(minimum.map { value < $0 || value.isNaN } ?? false) && !(maximum.map { value > $0 } ?? false)
  }

  private mutating func literal(_ word: StaticString) -> Bool {
    let count = word.utf8CodeUnitCount
    guard position + count <= bytes.count else { return false }
    for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] { return false }
    position += count
    return true
  }

  /// The bytes of a string without escapes (a string with escapes gives up).
  private mutating func rawString() -> UnsafeBufferPointer<UInt8>? {
    let start = position + 1
    var end = start
    while end < bytes.count {
      let byte = bytes[end]
      if byte == UInt8(ascii: "\"") {
        position = end + 1
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
      }
      if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
      end += 1
    }
    return nil
  }

  private mutating func string() -> String? {
    guard let raw = rawString() else { return nil }
    if raw.isEmpty { return "" }
    // ASCII needs no validation; anything else is checked as UTF-8.
    var ascii = true
    for byte in raw where byte >= 0x80 {
      ascii = false
      break
    }
    return ascii ? String(decoding: raw, as: UTF8.self) : String(validating: raw, as: UTF8.self)
  }

  /// A JSON number as CEL's JSON reader reads it: `int` without fraction or exponent
  /// (when it fits), `double` otherwise.
  private mutating func number() -> CELValue? {
    let start = position
    if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
    let digits = position
    var magnitude: UInt64 = 0
    var overflow = false
    while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 {
      let (times, o1) = magnitude.multipliedReportingOverflow(by: 10)
      let (sum, o2) = times.addingReportingOverflow(UInt64(bytes[position] - 0x30))
      overflow = overflow || o1 || o2
      magnitude = sum
      position += 1
    }
    guard position > digits, !(position - digits > 1 && bytes[digits] == 0x30) else { return nil }
    var fractional = false
    if position < bytes.count, bytes[position] == UInt8(ascii: ".") || bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
      fractional = true
      while position < bytes.count, "0123456789.eE+-".utf8.contains(bytes[position]) { position += 1 }
    }
    let negative = bytes[start] == UInt8(ascii: "-")
    if !fractional && !overflow && magnitude <= UInt64(Int64.max) {
      return .int(negative ? -Int64(magnitude) : Int64(magnitude))
    }
    guard let text = String(validating: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self), let value = Double(text) else { return nil }
    return .double(value)
  }
}
