/// A static type for the ``CELTypeChecker``: finer than a runtime type, with element
/// types for lists and maps, closed records, and enumerations of strings.
public indirect enum CELType: Sendable, Hashable, CustomStringConvertible {
  /// Any type: the checker accepts every use.
  case dyn
  case null
  case bool
  case int
  case uint
  case double
  case string
  case bytes
  case timestamp
  case duration
  /// A type value, such as `int` or `type(x)`.
  case type
  /// A list whose elements have the given type.
  case list(CELType)
  /// A map with the given key and value types.
  case map(CELType, CELType)
  /// A closed record (a map with string keys) whose fields are known: selecting any
  /// other field is reported.
  case object(fields: [String: CELType])
  /// A string that must be one of the given values.
  case enumeration([String])

  /// A string restricted to the given values.
  public static func string(oneOf values: [String]) -> CELType { .enumeration(values) }

  /// `int`, `list(string)`, `map(string, dyn)`, `object{a, b}`, `string(one of "x", "y")`.
  public var description: String {
    switch self {
    case .dyn: "dyn"
    case .null: "null_type"
    case .bool: "bool"
    case .int: "int"
    case .uint: "uint"
    case .double: "double"
    case .string: "string"
    case .bytes: "bytes"
    case .timestamp: "timestamp"
    case .duration: "duration"
    case .type: "type"
    case .list(let e): "list(\(e))"
    case .map(let k, let v): "map(\(k), \(v))"
    case .object(let fields): "object{\(fields.keys.sorted().joined(separator: ", "))}"
    case .enumeration(let values): "string(one of \(values.map { CELValue.quote($0) }.joined(separator: ", ")))"
    }
  }

  var isNumeric: Bool {
    switch self {
    case .int, .uint, .double: true
    default: false
    }
  }

  var isStringLike: Bool {
    switch self {
    case .string, .enumeration: true
    default: false
    }
  }

  /// Whether values of the two types can meet in `==`, `in` or an argument position
  /// without a certain runtime mismatch. `dyn` meets everything; numbers meet each
  /// other; `null` meets everything (absent JSON values are often null).
  func isCompatible(with other: CELType) -> Bool {
    switch (self, other) {
    case (.dyn, _), (_, .dyn), (.null, _), (_, .null): return true
    case (.list(let a), .list(let b)): return a.isCompatible(with: b)
    case (.map(let k1, let v1), .map(let k2, let v2)): return k1.isCompatible(with: k2) && v1.isCompatible(with: v2)
    case (.object, .object), (.object, .map(.string, _)), (.map(.string, _), .object),
      (.object, .map(.dyn, _)), (.map(.dyn, _), .object):
      return true
    default:
      if isNumeric && other.isNumeric { return true }
      if isStringLike && other.isStringLike { return true }
      return kind == other.kind
    }
  }

  /// The type's name without parameters.
  var kind: String {
    switch self {
    case .list: "list"
    case .map, .object: "map"
    case .enumeration: "string"
    default: description
    }
  }

  /// The static type of a runtime value.
  init(of value: CELValue) {
    switch value {
    case .null: self = .null
    case .bool: self = .bool
    case .int: self = .int
    case .uint: self = .uint
    case .double: self = .double
    case .string: self = .string
    case .bytes: self = .bytes
    case .list(let l): self = .list(CELType.join(l.map(CELType.init(of:))))
    case .map(let m): self = .map(CELType.join(m.keys.map(CELType.init(of:))), CELType.join(m.pairs.map { CELType(of: $0.value) }))
    case .timestamp: self = .timestamp
    case .duration: self = .duration
    case .type: self = .type
    }
  }

  /// The common type of several, or `dyn` when they differ.
  static func join(_ types: [CELType]) -> CELType {
    guard let first = types.first else { return .dyn }
    return types.allSatisfy({ $0 == first }) ? first : .dyn
  }
}
