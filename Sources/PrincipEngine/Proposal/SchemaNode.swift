import Foundation

/// One node of the proposal schema: the subset of JSON Schema princip reads.
///
/// Supported keywords: `type`, `properties`, `required`, `additionalProperties`,
/// `items`, `enum`, `format: date`, `minimum`, `maximum`, `minItems`, `maxItems`,
/// `minLength`, `maxLength`, `maxProperties`, `description`, `$ref` to `#/$defs/…`,
/// princip's own `x-free-text` (see ``StringRule/isFreeText``) and `x-none: true` (the
/// field may hold the word `none`: the proposal states that there is none of it). Anything else is
/// ignored by validation (editors still use it).
public indirect enum SchemaNode: Sendable {
  case string(StringRule)
  case integer(NumberRule)
  case number(NumberRule)
  case boolean
  case array(items: SchemaNode, ArrayRule)
  case object(ObjectRule)
  /// Any JSON value (a schema without `type`).
  case any

  public struct StringRule: Sendable {
    public var allowed: [String]?
    public var isDate: Bool
    public var minLength: Int?
    /// The most characters the string may have (`maxLength`).
    public var maxLength: Int?
    /// Whether the field may carry free text, which may be personal data: batch outputs
    /// (the audit's results, terminal and report) never show it. `x-free-text` says so in
    /// the schema; without it, a string with neither `enum` nor `format: date` is free text.
    public var isFreeText: Bool
    /// `x-none: true`: the field may hold ``SchemaNode/none`` in place of a value, e.g.
    /// `follow_up_date: none`; the word is accepted whatever the other keywords say.
    public var acceptsNone: Bool

    public init(
      allowed: [String]? = nil, isDate: Bool = false, minLength: Int? = nil, maxLength: Int? = nil, isFreeText: Bool? = nil,
      acceptsNone: Bool = false
    ) {
      self.allowed = allowed
      self.isDate = isDate
      self.minLength = minLength
      self.maxLength = maxLength
      self.isFreeText = isFreeText ?? (allowed == nil && !isDate)
      self.acceptsNone = acceptsNone
    }

    /// Whether `text` states that there is none of this item.
    public func statesNone(_ text: String) -> Bool { acceptsNone && text == SchemaNode.none }
  }

  /// The bounds of a list's length (`minItems`, `maxItems`).
  public struct ArrayRule: Sendable {
    public var minItems: Int?
    public var maxItems: Int?

    public init(minItems: Int? = nil, maxItems: Int? = nil) {
      self.minItems = minItems
      self.maxItems = maxItems
    }
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
    /// The most fields the object may have (`maxProperties`).
    public var maxProperties: Int?
    /// Field lookup by name (built once).
    let index: [String: Int]

    init(properties: [(name: String, node: SchemaNode)], required: Set<String>, additional: SchemaNode?, maxProperties: Int? = nil) {
      self.properties = properties
      self.maxProperties = maxProperties
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

  /// Whether a value of this schema may hold free text anywhere inside it (a schema
  /// without a type may hold anything).
  public var mayHoldFreeText: Bool {
    switch self {
    case .string(let rule): rule.isFreeText
    case .integer, .number, .boolean: false
    case .array(let items, _): items.mayHoldFreeText
    case .object(let rule): rule.properties.contains { $0.node.mayHoldFreeText } || (rule.additional?.mayHoldFreeText ?? false)
    case .any: true
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
