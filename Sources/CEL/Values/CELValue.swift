/// A CEL value: the result of evaluating an expression, or a variable binding.
///
/// Equality (`==`) follows CEL's heterogeneous equality: values of different kinds are
/// unequal, except that `int`, `uint` and `double` compare by numeric value, so
/// `CELValue.int(1) == .double(1.0)`. Lists compare element-wise and maps by key set and
/// values. As in CEL, `NaN` is unequal to itself.
public enum CELValue: Sendable {
  /// `null`, of type `null_type`.
  case null
  /// A boolean.
  case bool(Bool)
  /// A signed 64-bit integer (`int`).
  case int(Int64)
  /// An unsigned 64-bit integer (`uint`).
  case uint(UInt64)
  /// A 64-bit IEEE floating-point number (`double`).
  case double(Double)
  /// A string of Unicode code points.
  case string(String)
  /// A sequence of bytes.
  case bytes([UInt8])
  /// A list of values, possibly of mixed kinds.
  case list([CELValue])
  /// A map whose keys are `bool`, `int`, `uint` or `string` values.
  case map(CELMap)
  /// A point in time (`google.protobuf.Timestamp`).
  case timestamp(CELTimestamp)
  /// A signed span of time (`google.protobuf.Duration`).
  case duration(CELDuration)
  /// A type, as returned by `type(x)` or named by `int`, `string`, ….
  case type(CELValueType)

  /// The CEL name of the value's type: `int`, `uint`, `double`, `string`, `bytes`, `bool`,
  /// `null_type`, `list`, `map`, `timestamp`, `duration` or `type`.
  public var typeName: String { valueType.shortName }

  /// The runtime type of the value, as `type(x)` returns it.
  public var valueType: CELValueType {
    switch self {
    case .null: .null
    case .bool: .bool
    case .int: .int
    case .uint: .uint
    case .double: .double
    case .string: .string
    case .bytes: .bytes
    case .list: .list
    case .map: .map
    case .timestamp: .timestamp
    case .duration: .duration
    case .type: .type
    }
  }
}

// MARK: - Convenient accessors

extension CELValue {
  /// The boolean, if the value is a `bool`.
  public var boolValue: Bool? {
    if case .bool(let b) = self { return b }
    return nil
  }

  /// The integer, if the value is an `int`.
  public var intValue: Int64? {
    if case .int(let i) = self { return i }
    return nil
  }

  /// The number as a `Double`, if the value is an `int`, `uint` or `double`.
  public var numericValue: Double? {
    switch self {
    case .int(let i): Double(i)
    case .uint(let u): Double(u)
    case .double(let d): d
    default: nil
    }
  }

  /// The string, if the value is a `string`.
  public var stringValue: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  /// The elements, if the value is a `list`.
  public var listValue: [CELValue]? {
    if case .list(let l) = self { return l }
    return nil
  }

  /// The map, if the value is a `map`.
  public var mapValue: CELMap? {
    if case .map(let m) = self { return m }
    return nil
  }

  /// The value stored under a string key, if the value is a map that has that key.
  public subscript(key: String) -> CELValue? {
    if case .map(let m) = self { return m[.string(key)] }
    return nil
  }
}

// MARK: - Literals

extension CELValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral,
  ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral,
  ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
  public init(nilLiteral: ()) { self = .null }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(integerLiteral value: Int64) { self = .int(value) }
  public init(floatLiteral value: Double) { self = .double(value) }
  public init(stringLiteral value: String) { self = .string(value) }
  public init(arrayLiteral elements: CELValue...) { self = .list(elements) }

  /// Builds a map from a dictionary literal; a repeated key keeps its last value.
  public init(dictionaryLiteral elements: (String, CELValue)...) {
    var builder = CELMap.Builder(capacity: elements.count)
    for (k, v) in elements { builder.set(.string(k), v) }
    self = .map(builder.build())
  }
}
