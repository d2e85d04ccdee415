import CEL
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The proposal schema compiled for ``SchemaDirectedReader``: field names and allowed
/// values as bytes with their interned `String`s, so that reading a well-formed record
/// allocates no string for a key or an enumerated value.
final class FastSchema: Sendable {
  /// One node, as ``SchemaNode`` with byte-level lookups.
  indirect enum Node: Sendable {
    /// Values the fast path does not read; the record falls back to the general path.
    case unsupported
    case string(allowed: [Name]?, isDate: Bool, minLength: Int?)
    case integer(minimum: Double?, maximum: Double?)
    case number(minimum: Double?, maximum: Double?)
    case boolean
    case array(items: Node, minItems: Int?)
    case object(Object)
  }

  /// A name or allowed value: its UTF-8 bytes, the interned string and its FNV hash.
  struct Name: Sendable {
    let bytes: [UInt8]
    let text: String
    let hash: UInt64

    init(_ text: String) {
      self.text = text
      bytes = Array(text.utf8)
      hash = FastSchema.hash(bytes[...])
    }

    /// Whether `other` holds exactly this name's bytes.
    @inline(__always)
    func matches(_ other: UnsafeBufferPointer<UInt8>) -> Bool {
      guard other.count == bytes.count else { return false }
      guard let base = other.baseAddress else { return bytes.isEmpty }
      return bytes.withUnsafeBufferPointer { mine in
        guard let own = mine.baseAddress else { return true }
        return memcmp(own, base, mine.count) == 0
      }
    }
  }

  /// An object's declared fields; at most 64, so a bit mask tracks which were seen.
  final class Object: Sendable {
    let fields: [(name: Name, node: Node)]
    let requiredMask: UInt64
    /// The node of undeclared fields; `nil` when they are not allowed.
    let additional: Node?

    init(fields: [(name: Name, node: Node)], requiredMask: UInt64, additional: Node?) {
      self.fields = fields
      self.requiredMask = requiredMask
      self.additional = additional
    }

    /// The index of the field whose name is `bytes`.
    @inline(__always)
    func field(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
      for index in fields.indices where fields[index].name.hash == hash && fields[index].name.matches(bytes) {
        return index
      }
      return nil
    }
  }

  let root: Node

  init(_ schema: ProposalSchema) {
    root = Self.compile(schema.root)
  }

  private static func compile(_ node: SchemaNode) -> Node {
    switch node {
    case .any: return .unsupported
    case .string(let rule): return .string(allowed: rule.allowed?.map(Name.init), isDate: rule.isDate, minLength: rule.minLength)
    case .integer(let rule): return .integer(minimum: rule.minimum, maximum: rule.maximum)
    case .number(let rule): return .number(minimum: rule.minimum, maximum: rule.maximum)
    case .boolean: return .boolean
    case .array(let items, let minItems): return .array(items: compile(items), minItems: minItems)
    case .object(let rule):
      guard rule.properties.count <= 64, rule.required.allSatisfy({ name in rule.properties.contains { $0.name == name } }) else {
        return .unsupported
      }
      var mask: UInt64 = 0
      for (offset, property) in rule.properties.enumerated() where rule.required.contains(property.name) { mask |= 1 << UInt64(offset) }
      let fields = rule.properties.map { (name: Name($0.name), node: compile($0.node)) }
      return .object(Object(fields: fields, requiredMask: mask, additional: rule.additional.map(compile)))
    }
  }

  /// FNV-1a over the bytes (any fixed hash would do: it only speeds up comparisons).
  @inline(__always)
  static func hash(_ bytes: some Collection<UInt8>) -> UInt64 {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in bytes { h = (h ^ UInt64(byte)) &* 0x100_0000_01B3 }
    return h
  }
}
