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
///
/// Being on the audit's hot path, it works on raw pointers against the flat tables of
/// ``FastSchema``: no reference counting while walking the schema, no hashing of keys
/// (they are matched by bytes, and their map hashes are precomputed), and maps are
/// filled in place with ``CELMap/StringKeyBuilder``.
///
/// Given what each pack's scoring reads, it builds only that (``FieldProjection``): the
/// other fields are read and checked all the same, but no value is made for them.
struct SchemaDirectedReader: Sendable {
  private let schema: FastSchema
  /// The fields to build per pack; `nil`: build every field.
  private let projection: FieldProjection?
  /// Constants of the column mapping, already checked against the schema: the root
  /// field they fill and their value.
  private let constants: [(field: Int, value: CELValue)]

  /// A reader for `schema`; `nil` when the mapping's constants need the general path.
  ///
  /// - Parameter fieldsRead: per pack name, what judging a decision of that pack reads
  ///   of it; a proposal read for that pack holds at least those fields. `nil`: every
  ///   proposal holds every field.
  init?(schema: ProposalSchema, mapping: ColumnMapping?, fieldsRead: [String: CELFieldUsage]? = nil) {
    let renames = mapping?.renames.sorted(by: { $0.key < $1.key }).map { (from: $0.key, to: $0.value) } ?? []
    let fastSchema = FastSchema(schema, renames: renames)
    self.schema = fastSchema
    let tables = self.schema.tables
    guard tables.nodes[self.schema.root].kind == .object else { return nil }
    var constants: [(field: Int, value: CELValue)] = []
    for (target, value) in mapping?.constants ?? [] {
      // A constant must fit its field as a record's value would: read its JSON text.
      guard target.components.count == 1, case .field(let name) = target.components[0],
        let field = self.schema.rootField(name)
      else { return nil }
      let checked: CELValue? = Array(value.jsonText.utf8).withUnsafeBufferPointer { buffer in
        var cursor = Cursor(bytes: buffer, tables: tables)
        return cursor.value(tables.fields[field].node)
      }
      guard let checked else { return nil }
      constants.append((field, checked))
    }
    self.constants = constants
    // The pack of records that name none, when the mapping names it.
    let packField = fastSchema.rootField(ProposalReader.packField)
    let constantPack = constants.first { $0.field == packField }?.value.stringValue
    projection = fieldsRead.flatMap { FieldProjection(schema: fastSchema, usages: $0, fallbackPack: constantPack) }
  }

  /// The validated proposal, or `nil` to take the general path.
  func read(_ bytes: UnsafeBufferPointer<UInt8>) -> CELValue? {
    // `self` holds the schema and the projection, and so their tables, for the whole call.
    let tables = schema.tables
    var cursor = Cursor(bytes: bytes, tables: tables)
    cursor.keep = projection?.fallback
    let root = cursor.root(tables.nodes[schema.root].index, TopLevel(renames: tables.renames, constants: constants, projection: projection))
    guard let value = root else { return nil }
    cursor.skipSpace()
    // Not `position == count ? value : nil`: CELValue is ExpressibleByNilLiteral, so that
    // `nil` would be CEL's null, not "no value".
    guard cursor.position == cursor.count else { return nil }
    return value
  }
}

/// What applies to the root object only: the mapping's renames and constants, and the
/// projection chosen by its pack field.
private struct TopLevel {
  let renames: UnsafeBufferPointer<FastSchema.Rename>
  let constants: [(field: Int, value: CELValue)]
  let projection: FieldProjection?
}

/// A position in the record and the parsing steps, each returning `nil` to give up.
///
/// Every read of `base[i]` is guarded by `i < count` (the pointer has no bounds checks).
/// Each step comes in two forms from one body: one builds the value, the other (`skip…`)
/// checks it just the same but makes nothing.
private struct Cursor {
  let base: UnsafePointer<UInt8>
  let count: Int
  let tables: FastSchema.Tables
  var position = 0
  /// Per field, whether to build it (`nil`: all): the projection of the record's pack,
  /// once its pack field has been read.
  var keep: UnsafePointer<Bool>?

  init(bytes: UnsafeBufferPointer<UInt8>, tables: FastSchema.Tables) {
    // An empty buffer may have no address; any address will do, as nothing is read.
    base = bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!
    count = bytes.count
    self.tables = tables
  }

  @inline(__always)
  mutating func skipSpace() {
    // Most calls find no space at all: one comparison settles that.
    while position < count, base[position] <= 0x20 {
      switch base[position] {
      case 0x20, 0x0A, 0x0D, 0x09: position += 1
      default: return
      }
    }
  }

  @inline(__always)
  mutating func take(_ byte: UInt8) -> Bool {
    skipSpace()
    guard position < count, base[position] == byte else { return false }
    position += 1
    return true
  }

  /// Whether the next byte is the opening quote of a string.
  @inline(__always)
  private func atQuote() -> Bool {
    position < count && base[position] == UInt8(ascii: "\"")
  }

  mutating func value(_ nodeIndex: Int) -> CELValue? {
    read(nodeIndex, build: true)
  }

  /// Whether the value at the cursor is one ``value(_:)`` would read; it makes none.
  mutating func skip(_ nodeIndex: Int) -> Bool {
    read(nodeIndex, build: false) != nil
  }

  /// The value at the cursor, or when not `build`, `.null` for one that fits.
  @inline(__always)
  private mutating func read(_ nodeIndex: Int, build: Bool) -> CELValue? {
    skipSpace()
    guard position < count else { return nil }
    // Through the pointer: each case reads only the fields it needs.
    let node = tables.nodes + nodeIndex
    switch node.pointee.kind {
    case .unsupported:
      return nil
    case .object:
      return build ? object(node.pointee.index) : skipObject(node.pointee.index) ? .null : nil
    case .array:
      guard take(UInt8(ascii: "[")) else { return nil }
      var elements: [CELValue] = []
      var itemCount = 0
      if !take(UInt8(ascii: "]")) {
        // Room for a few items up front rather than growing from one.
        if build { elements.reserveCapacity(4) }
        repeat {
          if build {
            guard let element = value(node.pointee.index) else { return nil }
            elements.append(element)
          } else {
            guard skip(node.pointee.index) else { return nil }
          }
          itemCount += 1
        } while take(UInt8(ascii: ","))
        guard take(UInt8(ascii: "]")) else { return nil }
      }
      if let minItems = node.pointee.minCount, itemCount < minItems { return nil }
      return build ? .list(elements) : .null
    case .boolean:
      return boolean().map(CELValue.bool)
    case .integer:
      switch number() {
      case .int(let value)? where inRange(Double(value), node): return .int(value)
      case .double(let value)? where value == value.rounded() && abs(value) < 9e15 && inRange(value, node): return .int(Int64(value))
      default: return nil
      }
    case .number:
      switch number() {
      case .int(let value)? where inRange(Double(value), node): return .double(Double(value))
      case .double(let value)? where inRange(value, node): return .double(value)
      default: return nil
      }
    case .enumeration:
      // Matched by bytes, so the value is the schema's own string: no decoding, no copy.
      guard atQuote(), let (raw, _) = rawString() else { return nil }
      let start = raw.baseAddress.unsafelyUnwrapped
      let theirs = fingerprint(raw)
      for i in node.pointee.index..<(node.pointee.index + node.pointee.count) where tables.allowed[i].equals(start, theirs) {
        return build ? tables.allowedValues[i] : .null
      }
      return nil
    case .string:
      guard atQuote(), let (raw, ascii) = rawString() else { return nil }
      // A string has at most one character per byte, and ASCII without control
      // characters (which rawString refuses) exactly one: count characters only if
      // neither settles minLength.
      if let minLength = node.pointee.minCount, raw.count < minLength { return nil }
      // Unbuilt: ASCII is settled; other text only needs checking, unless its characters must be counted.
      if !build && (ascii || node.pointee.minCount == nil) { return ascii || SchemaDirectedReader.isValidUTF8(raw) ? .null : nil }
      guard let text = ascii ? String(decoding: raw, as: UTF8.self) : Self.validString(raw) else { return nil }
      if let minLength = node.pointee.minCount, !ascii, text.count < minLength { return nil }
      return .string(text)
    case .date:
      guard atQuote(), let (raw, _) = rawString() else { return nil }
      if node.pointee.acceptsNone, raw.elementsEqual(SchemaNode.none.utf8) { return build ? .string(SchemaNode.none) : .null }
      // A valid date is 10 ASCII characters.
      if let minLength = node.pointee.minCount, minLength > 10 { return nil }
      return Self.date(raw)
    }
  }

  /// The root object at the cursor.
  mutating func root(_ objectIndex: Int, _ top: TopLevel) -> CELValue? {
    object(objectIndex, build: true, top: top)
  }

  /// An object at the cursor below the root.
  mutating func object(_ objectIndex: Int) -> CELValue? {
    object(objectIndex, build: true, top: nil)
  }

  /// Whether the object at the cursor is one ``object(_:)`` would read; it makes none.
  mutating func skipObject(_ objectIndex: Int) -> Bool {
    // Built all the same if it allows undeclared fields: the map is what finds them repeated.
    if tables.objects[objectIndex].additional != nil { return object(objectIndex) != nil }
    return object(objectIndex, build: false, top: nil) != nil
  }

  /// The object at the cursor, or when not `build`, `.null` for one that fits; `top` for
  /// the root object only.
  @inline(__always)
  private mutating func object(_ objectIndex: Int, build: Bool, top: TopLevel?) -> CELValue? {
    guard take(UInt8(ascii: "{")) else { return nil }
    let object = tables.objects[objectIndex]
    let fields = object.fields
    let renames = top?.renames ?? UnsafeBufferPointer(start: nil, count: 0)
    var builder: CELMap.StringKeyBuilder? = build ? CELMap.StringKeyBuilder(capacity: fields.count + (object.additional == nil ? 0 : 4)) : nil
    var seen: UInt64 = 0
    // Hoisted: reaching the projection in the loop would retain it for every field.
    let selector = top?.projection?.selector ?? -1
    if !take(UInt8(ascii: "}")) {
      repeat {
        skipSpace()
        guard atQuote(), let (key, ascii) = rawString() else { return nil }
        // Bytes equal names only for ASCII keys: a non-ASCII key may be a declared name
        // written another way (Unicode equivalence), which the general path resolves.
        guard ascii else { return nil }
        let keyStart = key.baseAddress.unsafelyUnwrapped
        let keyPrint = fingerprint(key)
        var field: Int?
        // Renames first, as ColumnMapping.renamed does (they exist only at the top level).
        if let rename = renames.first(where: { $0.from.equals(keyStart, keyPrint) }) {
          guard let target = rename.field else { return nil }
          field = target
        } else {
          field = find(keyStart, keyPrint, in: object)
        }
        guard take(UInt8(ascii: ":")) else { return nil }
        if let field {
          let bit: UInt64 = 1 << UInt64(field - fields.lowerBound)
          guard seen & bit == 0 else { return nil }
          seen |= bit
          if build && (keep?[field] ?? true) {
            guard let value = value(tables.fields[field].node) else { return nil }
            if field == selector, let projection = top?.projection, case .string(let pack) = value {
              let chosen = projection.fields(forPack: pack)
              // The mapping's pack chose the fields so far; a record naming another gives up.
              guard keep == nil || keep == chosen else { return nil }
              keep = chosen
            }
            // Declared fields are distinct (`seen`), and their hash is precomputed.
            builder?.append(distinct: tables.keys[field], hash: tables.fields[field].keyHash, value)
          } else {
            guard skip(tables.fields[field].node) else { return nil }
          }
        } else {
          // Never when not building: skipObject builds objects that allow undeclared fields.
          guard let additional = object.additional, let value = value(additional),
            builder?.insert(string: String(decoding: key, as: UTF8.self), value) == true
          else { return nil }
        }
      } while take(UInt8(ascii: ","))
      guard take(UInt8(ascii: "}")) else { return nil }
    }
    for (field, value) in top?.constants ?? [] {
      let bit: UInt64 = 1 << UInt64(field - fields.lowerBound)
      if seen & bit == 0 {
        seen |= bit
        builder?.append(distinct: tables.keys[field], hash: tables.fields[field].keyHash, value)
      }
    }
    guard seen & object.requiredMask == object.requiredMask else { return nil }
    guard build, let built = builder.take() else { return .null }
    return .map(built.build())
  }

  /// The declared field of `object` named by the bytes at `key`, whose fingerprint is
  /// `print`.
  @inline(__always)
  private func find(_ key: UnsafePointer<UInt8>, _ print: FastSchema.Fingerprint, in object: FastSchema.Object) -> Int? {
    var slot = print.hash & object.slotMask
    while true {
      let entry = Int(tables.slots[object.slots + slot])
      if entry == 0 { return nil }
      if tables.fields[entry - 1].name.equals(key, print) { return entry - 1 }
      slot = (slot + 1) & object.slotMask
    }
  }

  /// The fingerprint of bytes of the record.
  @inline(__always)
  private func fingerprint(_ bytes: UnsafeBufferPointer<UInt8>) -> FastSchema.Fingerprint {
    let start = bytes.baseAddress.unsafelyUnwrapped
    return FastSchema.Fingerprint(start, count: bytes.count, readable: count - (start - base))
  }

  @inline(__always)
  private func inRange(_ value: Double, _ node: UnsafePointer<FastSchema.Node>) -> Bool {
    !(node.pointee.minimum.map { value < $0 || value.isNaN } ?? false) && !(node.pointee.maximum.map { value > $0 } ?? false)
  }

  /// `true` or `false` at the cursor, compared four bytes at once.
  @inline(__always)
  private mutating func boolean() -> Bool? {
    guard position + 4 <= count else { return nil }
    let word = UInt32(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt32.self))
    if word == 0x6575_7274 {  // "true"
      position += 4
      return true
    }
    if word == 0x736C_6166, position + 5 <= count, base[position + 4] == UInt8(ascii: "e") {  // "fals" "e"
      position += 5
      return false
    }
    return nil
  }

  /// `raw` as a string; `nil` when it is not valid UTF-8.
  ///
  /// Not `String(validating:as:)`: being generic, it looks up type metadata on every call
  /// in a statically linked build. Decoding repairs invalid UTF-8 (with U+FFFD), so the
  /// bytes are valid exactly when the string holds them unchanged.
  private static func validString(_ raw: UnsafeBufferPointer<UInt8>) -> String? {
    var text = String(decoding: raw, as: UTF8.self)
    let unchanged = text.withUTF8 { decoded in
      guard decoded.count == raw.count, let mine = decoded.baseAddress, let theirs = raw.baseAddress else { return decoded.count == raw.count }
      var i = 0
      while i + 8 <= raw.count {
        guard UnsafeRawPointer(mine + i).loadUnaligned(as: UInt64.self) == UnsafeRawPointer(theirs + i).loadUnaligned(as: UInt64.self) else {
          return false
        }
        i += 8
      }
      while i < raw.count {
        guard mine[i] == theirs[i] else { return false }
        i += 1
      }
      return true
    }
    return unchanged ? text : nil
  }

  /// The bytes of the string at the cursor and whether they are all ASCII; `nil` for a
  /// string with escapes or control characters (left to the general path), or unclosed.
  @inline(__always)
  private mutating func rawString() -> (UnsafeBufferPointer<UInt8>, ascii: Bool)? {
    let start = position + 1
    var i = start
    var high: UInt64 = 0
    // Eight bytes at a time, up to the first that is a quote, a backslash or a control
    // character; the last few bytes of the record one by one.
    while i + 8 <= count {
      // Little-endian, so that the first byte is the lowest.
      let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
      let special = Self.specialBytes(word)
      if special == 0 {
        high |= word
        i += 8
        continue
      }
      // The lowest flag is exact: the first special byte.
      let offset = special.trailingZeroBitCount >> 3
      high |= word & ~(UInt64.max << UInt64(offset << 3))
      i += offset
      guard base[i] == UInt8(ascii: "\"") else { return nil }
      return finishString(start: start, end: i, high: high)
    }
    while i < count {
      let byte = base[i]
      if byte == UInt8(ascii: "\"") { return finishString(start: start, end: i, high: high) }
      if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
      high |= UInt64(byte)
      i += 1
    }
    return nil
  }

  @inline(__always)
  private mutating func finishString(start: Int, end: Int, high: UInt64) -> (UnsafeBufferPointer<UInt8>, ascii: Bool) {
    position = end + 1
    return (UnsafeBufferPointer(start: base + start, count: end - start), high & 0x8080_8080_8080_8080 == 0)
  }

  /// The high bit of each byte of `word` that is `"`, `\` or below 0x20 may be set, and
  /// is for the first such byte (the classic "has zero byte" and "has byte less than"
  /// tests: a false flag only ever follows a true one); zero when there is none.
  @inline(__always)
  private static func specialBytes(_ word: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let quotes = word ^ (ones &* 0x22)
    let backslashes = word ^ (ones &* 0x5C)
    let special = ((quotes &- ones) & ~quotes) | ((backslashes &- ones) & ~backslashes) | ((word &- ones &* 0x20) & ~word)
    return special & 0x8080_8080_8080_8080
  }

  /// A `YYYY-MM-DD` date as ``CivilDate/timestamp`` gives it, read from bytes (no
  /// string); `nil` for anything else, including impossible dates like 2023-02-30.
  private static func date(_ raw: UnsafeBufferPointer<UInt8>) -> CELValue? {
    CivilDate(utf8: raw)?.timestamp
  }

  /// A JSON number as CEL's JSON reader reads it: `int` without fraction or exponent
  /// (when it fits), `double` otherwise; `nil` when it is no JSON number.
  private mutating func number() -> Number? {
    let start = position
    let negative = position < count && base[position] == UInt8(ascii: "-")
    if negative { position += 1 }
    let digits = position
    var magnitude: UInt64 = 0
    while position < count, base[position] &- 0x30 < 10 {
      magnitude = magnitude &* 10 &+ UInt64(base[position] &- 0x30)
      position += 1
    }
    let digitCount = position - digits
    guard digitCount > 0, !(digitCount > 1 && base[digits] == 0x30) else { return nil }
    var isInteger = true
    if position < count, base[position] == UInt8(ascii: ".") {
      isInteger = false
      position += 1
      guard skipDigits() else { return nil }
    }
    if position < count, base[position] | 0x20 == UInt8(ascii: "e") {
      isInteger = false
      position += 1
      if position < count, base[position] == UInt8(ascii: "+") || base[position] == UInt8(ascii: "-") { position += 1 }
      guard skipDigits() else { return nil }
    }
    // Up to 18 digits cannot overflow; longer integers (rare) are parsed as text below.
    if isInteger && digitCount <= 18 { return .int(negative ? -Int64(magnitude) : Int64(magnitude)) }
    let text = String(decoding: UnsafeBufferPointer(start: base + start, count: position - start), as: UTF8.self)
    if isInteger, let value = Int64(text) { return .int(value) }
    guard let value = Double(text) else { return nil }
    return .double(value)
  }

  /// Skips one or more digits; `false` when there is none.
  @inline(__always)
  private mutating func skipDigits() -> Bool {
    let start = position
    while position < count, base[position] &- 0x30 < 10 { position += 1 }
    return position > start
  }

  /// A number read, before the schema's coercion.
  private enum Number {
    case int(Int64)
    case double(Double)
  }
}

extension SchemaDirectedReader {
  /// Whether `raw` is well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing
  /// past U+10FFFF), as `String(validating:as:)` decides, without making a string.
  static func isValidUTF8(_ raw: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = raw.baseAddress else { return true }
    var i = 0
    while i < raw.count {
      // Mostly ASCII: eight bytes at a time while they are.
      if i + 8 <= raw.count, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
        i += 8
        continue
      }
      let lead = raw[i]
      if lead < 0x80 {
        i += 1
        continue
      }
      // The sequence's length, and the range of its second byte (narrower after some leads).
      var length = 2
      var low: UInt8 = 0x80
      var high: UInt8 = 0xBF
      switch lead {
      case 0xC2...0xDF: break
      case 0xE0: (length, low) = (3, 0xA0)
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED: (length, high) = (3, 0x9F)
      case 0xF0: (length, low) = (4, 0x90)
      case 0xF1...0xF3: length = 4
      case 0xF4: (length, high) = (4, 0x8F)
      default: return false
      }
      guard i + length <= raw.count, raw[i + 1] >= low, raw[i + 1] <= high else { return false }
      for k in 2..<length where raw[i + k] & 0xC0 != 0x80 { return false }
      i += length
    }
    return true
  }
}
