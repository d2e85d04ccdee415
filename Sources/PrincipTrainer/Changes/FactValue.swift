import CEL
import PrincipEngine

/// A fact of a proposal as plain JSON data: what the trainer's results carry instead of a
/// ``CEL/CELValue``, so that they are `Codable` for the HTTP server and the playground.
/// Dates are `YYYY-MM-DD` text, as a proposal file writes them.
public indirect enum FactValue: Sendable, Hashable, Codable, CustomStringConvertible {
  case null
  case bool(Bool)
  case int(Int64)
  case double(Double)
  case string(String)
  case list([FactValue])
  /// An object, keys in the order written.
  case object([Member])

  /// One key and value of an object.
  public struct Member: Sendable, Hashable {
    public var key: String
    public var value: FactValue

    public init(key: String, value: FactValue) {
      self.key = key
      self.value = value
    }
  }

  /// The fact as JSON data; timestamps become their dates, durations their CEL text.
  public init(_ value: CELValue) {
    switch value {
    case .null: self = .null
    case .bool(let flag): self = .bool(flag)
    case .int(let number): self = .int(number)
    case .uint(let number): self = number <= UInt64(Int64.max) ? .int(Int64(number)) : .double(Double(number))
    case .double(let number): self = .double(number)
    case .string(let text): self = .string(text)
    case .list(let elements): self = .list(elements.map(FactValue.init))
    case .map(let map):
      self = .object(map.pairs.map { Member(key: $0.key.stringValue ?? $0.key.description, value: FactValue($0.value)) })
    case .timestamp(let time):
      self = .string(ValueText.date(time))
    default: self = .string(value.description)
    }
  }

  /// The fact as a CEL value, as a proposal file would give it before the schema has
  /// read it (dates still text).
  public var celValue: CELValue {
    switch self {
    case .null: .null
    case .bool(let flag): .bool(flag)
    case .int(let number): .int(number)
    case .double(let number): .double(number)
    case .string(let text): .string(text)
    case .list(let elements): .list(elements.map(\.celValue))
    case .object(let members):
      .map({
        var builder = CELMap.Builder(capacity: members.count)
        for member in members { builder.set(.string(member.key), member.value.celValue) }
        return builder.build()
      }())
    }
  }

  /// The value in YAML flow style, as an edit is written into a proposal file:
  /// `own_municipality`, `"2024-05-01"`, `{ kind: sel_85, status: excluded }`.
  public var yaml: String {
    switch self {
    case .null: "null"
    case .bool(let flag): flag ? "true" : "false"
    case .int(let number): String(number)
    case .double(let number): number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    case .string(let text): Self.yamlScalar(text)
    case .list(let elements): "[" + elements.map(\.yaml).joined(separator: ", ") + "]"
    case .object(let members):
      members.isEmpty ? "{}" : "{ " + members.map { "\($0.key): \($0.value.yaml)" }.joined(separator: ", ") + " }"
    }
  }

  public var description: String { yaml }

  /// A string as a YAML scalar: plain when YAML would read it back as the same string,
  /// quoted otherwise (dates, numbers, booleans, text with YAML's special characters).
  private static func yamlScalar(_ text: String) -> String {
    let plain = !text.isEmpty
      && text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
      && !(text.first.map { $0.isNumber || $0 == "-" } ?? true)
      && !["true", "false", "null", "yes", "no", "on", "off", "~"].contains(text.lowercased())
    return plain ? text : CELValue.string(text).jsonText
  }

  // MARK: Codable, as the JSON value itself

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let flag = try? container.decode(Bool.self) {
      self = .bool(flag)
    } else if let number = try? container.decode(Int64.self) {
      self = .int(number)
    } else if let number = try? container.decode(Double.self) {
      self = .double(number)
    } else if let text = try? container.decode(String.self) {
      self = .string(text)
    } else if let elements = try? container.decode([FactValue].self) {
      self = .list(elements)
    } else {
      let object = try container.decode([String: FactValue].self)
      self = .object(object.keys.sorted().map { Member(key: $0, value: object[$0] ?? .null) })
    }
  }

  public func encode(to encoder: any Encoder) throws {
    switch self {
    case .null:
      var container = encoder.singleValueContainer()
      try container.encodeNil()
    case .bool(let flag):
      var container = encoder.singleValueContainer()
      try container.encode(flag)
    case .int(let number):
      var container = encoder.singleValueContainer()
      try container.encode(number)
    case .double(let number):
      var container = encoder.singleValueContainer()
      try container.encode(number)
    case .string(let text):
      var container = encoder.singleValueContainer()
      try container.encode(text)
    case .list(let elements):
      var container = encoder.unkeyedContainer()
      for element in elements { try container.encode(element) }
    case .object(let members):
      var container = encoder.container(keyedBy: MemberKey.self)
      for member in members { try container.encode(member.value, forKey: MemberKey(member.key)) }
    }
  }

  private struct MemberKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }
}
