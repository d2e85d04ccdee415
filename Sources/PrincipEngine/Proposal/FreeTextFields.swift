import CEL

/// Which facts of a proposal may be free text, by the schema's `x-free-text` marks
/// (``SchemaNode/StringRule/isFreeText``): what batch outputs must not show
/// (``Disclosure/withheld``).
public struct FreeTextFields: Sendable {
  public let schema: ProposalSchema

  public init(schema: ProposalSchema) {
    self.schema = schema
  }

  /// Whether `expression` reads a fact that is, or holds, free text: a field chain from
  /// `proposal` or `intervention` whose schema may hold free text, a whole `proposal` or
  /// `intervention`, or a field the schema does not know (which could be anything).
  public func isRead(by expression: CELExpr) -> Bool {
    if case .select = expression.kind, let name = expression.qualifiedName {
      let components = name.split(separator: ".").map(String.init)
      if let root = components.first, FactPaths.roots.contains(root) { return holdsFreeText(components) }
    }
    if case .identifier(let name) = expression.kind, FactPaths.roots.contains(name) { return true }
    return expression.children.contains { isRead(by: $0) }
  }

  /// Whether the fact at a field chain rooted at `proposal` or `intervention` may hold free text.
  func holdsFreeText(_ path: [String]) -> Bool {
    guard let root = path.first else { return true }
    let fields = (root == "intervention" ? ["interventions"] : []) + path.dropFirst()
    return schema.node(at: fields)?.mayHoldFreeText ?? true
  }
}
