import CEL

/// Checks the facts an expression names against the proposal schema: that every field
/// exists (with a "did you mean"), and that values compared with a field are of its
/// type and, for fields with a fixed set of values, one of them.
struct FieldCheck {
  let schema: ProposalSchema
  let ladderEntry: SchemaNode
  private(set) var diagnostics: [Diagnostic] = []

  /// Names CEL itself gives meaning to, which are not variables of ours.
  private static let typeNames: Set<String> = ["int", "uint", "double", "string", "bytes", "bool", "list", "map", "null_type", "type", "dyn"]

  init(schema: ProposalSchema, ladder: Ladder) {
    self.schema = schema
    let text = SchemaNode.string(.init(allowed: nil, isDate: false, minLength: nil))
    let categories = Array(Set(ladder.steps.map(\.category))).sorted()
    self.ladderEntry = .object(.init(
      properties: [
        ("category", .string(.init(allowed: categories, isDate: false, minLength: nil))),
        ("level", .integer(.init())), ("paragraph", text), ("specialised", .boolean),
        ("title", .object(.init(properties: [("da", text), ("en", text)], required: [], additional: nil))),
      ],
      required: [], additional: nil))
  }

  /// Checks one expression of a rule with the given scope.
  mutating func check(_ expression: Expression, scope: RuleScope) {
    var variables: [String: SchemaNode] = ["proposal": schema.root, "ladder": .object(.init(properties: [], required: [], additional: ladderEntry))]
    if scope == .intervention, let intervention = schema.node(at: ["interventions"]), case .array(let items, _) = intervention {
      variables["intervention"] = items
    }
    _ = type(of: expression.program.expression, variables, expression)
  }

  /// The schema type of `node`, where it can be known; `nil` for anything dynamic.
  private mutating func type(of node: CELExpr, _ variables: [String: SchemaNode], _ expression: Expression) -> SchemaNode? {
    switch node.kind {
    case .identifier(let name):
      if let known = variables[name] { return known }
      if !Self.typeNames.contains(name) {
        let hint = Suggestion.closest(to: name, among: variables.keys)
        report(node, expression,
          da: "ukendt variabel '\(name)'" + (hint.map { " (mente du '\($0)'?)" } ?? "") + "; kendte: \(variables.keys.sorted().joined(separator: ", "))",
          en: "unknown variable '\(name)'" + (hint.map { " (did you mean '\($0)'?)" } ?? "") + "; known: \(variables.keys.sorted().joined(separator: ", "))")
      }
      return nil
    case .select(let operand, let field), .presenceTest(let operand, let field):
      guard let base = type(of: operand, variables, expression) else { return nil }
      let result = self.field(field, of: base, at: node, expression)
      if case .presenceTest = node.kind { return .boolean }
      return result
    case .call(let function, let target, let arguments):
      let argumentTypes = arguments.map { type(of: $0, variables, expression) }
      _ = target.map { type(of: $0, variables, expression) }
      return call(function, arguments, argumentTypes, node, expression)
    case .comprehension(let comprehension):
      var inner = variables
      if case .array(let items, _)? = type(of: comprehension.range, variables, expression) {
        inner[comprehension.variable] = items
      } else {
        inner[comprehension.variable] = .any
      }
      if let filter = comprehension.filter { _ = type(of: filter, inner, expression) }
      _ = type(of: comprehension.body, inner, expression)
      return nil
    default:
      for child in node.children { _ = type(of: child, variables, expression) }
      return nil
    }
  }

  private mutating func field(_ name: String, of base: SchemaNode, at node: CELExpr, _ expression: Expression) -> SchemaNode? {
    switch base {
    case .object(let rule):
      if let found = rule.field(name) { return found }
      let hint = Suggestion.closest(to: name, among: rule.properties.map(\.name))
      report(node, expression,
        da: "forslagsskemaet har intet felt '\(name)'" + (hint.map { " (mente du '\($0)'?)" } ?? ""),
        en: "the proposal schema has no field '\(name)'" + (hint.map { " (did you mean '\($0)'?)" } ?? ""))
      return nil
    case .any:
      return nil
    default:
      report(node, expression,
        da: "'.\(name)' vælger et felt i en værdi af typen \(base.typeName)",
        en: "'.\(name)' selects a field of a \(base.typeName) value")
      return nil
    }
  }

  private mutating func call(_ function: String, _ arguments: [CELExpr], _ types: [SchemaNode?], _ node: CELExpr, _ expression: Expression) -> SchemaNode? {
    switch function {
    case "_==_", "_!=_", "_<_", "_<=_", "_>_", "_>=_":
      guard arguments.count == 2 else { return .boolean }
      compare(types[0], with: arguments[1], expression)
      compare(types[1], with: arguments[0], expression)
      return .boolean
    case "@in":
      guard arguments.count == 2 else { return .boolean }
      if case .list(let elements) = arguments[1].kind {
        for element in elements { compare(types[0], with: element, expression) }
      }
      if case .array(let items, _)? = types[1] { compare(items, with: arguments[0], expression) }
      return .boolean
    case "_[_]":
      switch types.first ?? nil {
      case .array(let items, _)?: return items
      case .object(let rule)?: return rule.additional
      default: return nil
      }
    case "_&&_", "_||_", "!_":
      return .boolean
    default:
      return nil
    }
  }

  /// Reports a literal that cannot equal a value of the field's type.
  private mutating func compare(_ fieldType: SchemaNode?, with other: CELExpr, _ expression: Expression) {
    guard let fieldType, case .literal(let literal) = other.kind else { return }
    switch (fieldType, literal) {
    case (.string(let rule), .string(let text)) where rule.statesNone(text):
      return
    case (.string(let rule), .string(let text)) where rule.isDate:
      report(other, expression, da: "en dato sammenlignes med date('\(text)'), ikke med en tekst",
        en: "compare a date with date('\(text)'), not with text")
    case (.string(let rule), .string(let text)):
      guard let allowed = rule.allowed, !allowed.contains(text) else { return }
      let hint = Suggestion.closest(to: text, among: allowed)
      report(other, expression,
        da: "'\(text)' er ikke en mulig værdi" + (hint.map { " (mente du '\($0)'?)" } ?? "") + "; mulige: \(allowed.joined(separator: ", "))",
        en: "'\(text)' is not a possible value" + (hint.map { " (did you mean '\($0)'?)" } ?? "") + "; possible: \(allowed.joined(separator: ", "))")
    case (.string, .null), (.integer, .int), (.integer, .uint), (.integer, .double), (.number, .int), (.number, .double),
      (.number, .uint), (.boolean, .bool), (.any, _), (_, .null):
      return
    default:
      report(other, expression,
        da: "sammenligner et felt af typen \(fieldType.typeName) med \(literal.typeName)-værdien \(literal)",
        en: "compares a \(fieldType.typeName) field with the \(literal.typeName) value \(literal)")
    }
  }

  private mutating func report(_ node: CELExpr, _ expression: Expression, da: String, en: String) {
    diagnostics.append(Diagnostic(.error, at: expression.fileLocation(node.location), da: da, en: en))
  }
}
