import CEL

extension SchemaNode {
  /// The type rules see for a value of this node, for the type checker: as a proposal is
  /// after ``ProposalSchema/validate(_:)`` (dates are timestamps, numbers doubles). Fields
  /// with a fixed set of values are enumerations; objects that allow no other fields are
  /// closed records, so an unknown field is reported.
  var celType: CELType {
    switch self {
    case .string(let rule):
      // A date that may be the word `none` is a timestamp or a string: rules compare it
      // with "none" before they read it as a date.
      if rule.isDate { return rule.acceptsNone ? .dyn : .timestamp }
      return rule.allowed.map(CELType.string(oneOf:)) ?? .string
    case .integer: return .int
    case .number: return .double
    case .boolean: return .bool
    case .array(let items, _): return .list(items.celType)
    case .object(let rule):
      switch (rule.properties.isEmpty, rule.additional) {
      case (_, nil): return .object(fields: Dictionary(rule.properties.map { ($0.name, $0.node.celType) }, uniquingKeysWith: { a, _ in a }))
      case (true, let other?): return .map(.string, other.celType)
      case (false, _?): return .map(.string, .dyn)
      }
    case .any: return .dyn
    }
  }
}
