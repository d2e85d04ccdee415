import Foundation

/// One node of the proposal schema: the subset of JSON Schema princip reads.
///
/// Supported keywords: `type`, `properties`, `required`, `additionalProperties`,
/// `items`, `enum`, `format: date`, `minimum`, `maximum`, `minItems`, `minLength`,
/// `description`, `$ref` to `#/$defs/…`, and princip's own `x-none: true` (the field may
/// hold the word `none`: the proposal states that there is none of it). Anything else is
/// ignored by validation (editors still use it).
public indirect enum SchemaNode: Sendable {
  case string(StringRule)
  case integer(NumberRule)
  case number(NumberRule)
  case boolean
  case array(items: SchemaNode, minItems: Int?)
  case object(ObjectRule)
  /// Any JSON value (a schema without `type`).
  case any

  public struct StringRule: Sendable {
    public var allowed: [String]?
    public var isDate: Bool
    public var minLength: Int?
    /// `x-none: true`: the field may hold ``SchemaNode/none`` in place of a value, e.g.
    /// `follow_up_date: none`; the word is accepted whatever the other keywords say.
    public var acceptsNone = false

    /// Whether `text` states that there is none of this item.
    public func statesNone(_ text: String) -> Bool { acceptsNone && text == SchemaNode.none }
  }

  /// The word a proposal writes to say that there is none of a documentation item (a
  /// phase-out plan, a follow-up date …). Silence is unknown; this is an answer.
  public static let none = "none"

  public struct NumberRule: Sendable {
    public var minimum: Double?
    public var maximum: Double?
  }

  public struct ObjectRule: Sendable {
    /// Declared fields, in schema order.
    public var properties: [(name: String, node: SchemaNode)]
    public var required: Set<String> {
      didSet { requiredInOrder = required.sorted() }
    }
    /// `required`, sorted, so messages come in a stable order.
    private(set) var requiredInOrder: [String]
    /// The schema of undeclared fields, or `nil` when they are not allowed.
    public var additional: SchemaNode?
    /// Field lookup by name (built once).
    let index: [String: Int]

    init(properties: [(name: String, node: SchemaNode)], required: Set<String>, additional: SchemaNode?) {
      self.properties = properties
      self.required = required
      self.requiredInOrder = required.sorted()
      self.additional = additional
      var index: [String: Int] = [:]
      for (offset, property) in properties.enumerated() { index[property.name] = offset }
      self.index = index
    }

    /// The schema of the field `name`, declared or additional.
    public func field(_ name: String) -> SchemaNode? {
      if let offset = index[name] { return properties[offset].node }
      return additional
    }
  }

  /// The JSON type name, as error messages say it.
  var typeName: String {
    switch self {
    case .string(let rule): rule.isDate ? "date (YYYY-MM-DD)" : "string"
    case .integer: "integer"
    case .number: "number"
    case .boolean: "boolean"
    case .array: "array"
    case .object: "object"
    case .any: "any value"
    }
  }
}
