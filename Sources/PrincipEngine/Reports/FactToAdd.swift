/// A fact the proposal does not state, which principles it would settle, and the YAML
/// line that states it: what a caseworker adds before the proposal is ready for the
/// committee (a verdict of *needs information*, exit code 3).
public struct FactToAdd: Sendable, Hashable {
  /// The missing field as reports print it: `proposal.interventions[0].follow_up_date`.
  public var path: String
  /// The principles whose undetermined findings need it, in pack order.
  public var principleIDs: [String]
  /// Where to write it (the path of the field's parent without `proposal.`, e.g.
  /// `interventions[0]`; empty for a top-level field) and the field's own name.
  public var parent: String
  public var field: String

  /// `follow_up_date: <YYYY-MM-DD>`: the line to write, with a placeholder for the value
  /// drawn from the schema (allowed values, a date, a number, yes/no, a list).
  public func yaml(schema: ProposalSchema?, in language: Language) -> String {
    let words = ReportWords(language)
    guard let node = node(in: schema) else { return "\(field): \(words.placeholderValue)" }
    return "\(field): \(Self.placeholder(node, words))"
  }

  /// `follow_up_date: none` when the field can state that there is none of it.
  public func noneYAML(schema: ProposalSchema?) -> String? {
    switch node(in: schema) {
    case .string(let rule)? where rule.acceptsNone: "\(field): \(SchemaNode.none)"
    case .array?: "\(field): []"
    default: nil
    }
  }

  private func node(in schema: ProposalSchema?) -> SchemaNode? {
    let names = (parent.isEmpty ? [] : Self.fieldNames(parent)) + [field]
    return schema?.node(at: names)
  }

  private static func placeholder(_ node: SchemaNode, _ words: ReportWords) -> String {
    switch node {
    case .string(let rule):
      if let allowed = rule.allowed { return allowed.joined(separator: " | ") }
      return rule.isDate ? words.placeholderDate : "\"…\""
    case .integer, .number: return words.placeholderNumber
    case .boolean: return "true | false"
    case .array: return "[…]"
    case .object, .any: return words.placeholderValue
    }
  }

  /// `interventions[0].goals[1]` → `["interventions", "goals"]` (indexes are stepped through).
  private static func fieldNames(_ path: String) -> [String] {
    path.split(separator: ".").map { part in String(part.prefix { $0 != "[" }) }
  }

  /// Splits `proposal.interventions[0].follow_up_date` into where and what; `nil` for a
  /// path that does not name a proposal field.
  init?(path: String, principleIDs: [String]) {
    let prefix = "proposal."
    guard path.hasPrefix(prefix) else { return nil }
    let inside = path.dropFirst(prefix.count)
    let parts = inside.split(separator: ".", omittingEmptySubsequences: false)
    guard let last = parts.last, !last.isEmpty, !last.contains("[") else { return nil }
    self.path = path
    self.principleIDs = principleIDs
    self.parent = parts.dropLast().joined(separator: ".")
    self.field = String(last)
  }
}

extension AssessmentReport {
  /// Every fact the undetermined findings name, the one that settles the most principles
  /// first (then in the order the findings name them).
  public var factsToAdd: [FactToAdd] {
    var order: [String] = []
    var principles: [String: [String]] = [:]
    for finding in assessment.findings where finding.outcome == .undetermined {
      for path in finding.missing {
        if principles[path] == nil { order.append(path) }
        if !(principles[path]?.contains(finding.principleID) ?? false) {
          principles[path, default: []].append(finding.principleID)
        }
      }
    }
    let packOrder = Dictionary(pack.principles.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    let facts = order.enumerated().compactMap { offset, path -> (Int, FactToAdd)? in
      let ids = (principles[path] ?? []).sorted { (packOrder[$0] ?? .max) < (packOrder[$1] ?? .max) }
      return FactToAdd(path: path, principleIDs: ids).map { (offset, $0) }
    }
    return facts.sorted { lhs, rhs in
      (rhs.1.principleIDs.count, lhs.0) < (lhs.1.principleIDs.count, rhs.0)
    }.map(\.1)
  }
}
