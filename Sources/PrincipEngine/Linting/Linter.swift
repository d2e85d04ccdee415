import CEL

/// `princip rules lint`: every problem in a rules folder, each at its file, line and column.
///
/// Beyond what loading finds (YAML errors, unknown keys, CEL syntax, dangling
/// references, duplicate ids), it checks the fields rules name against the proposal
/// schema and that every rule carries the examples that show it working.
public enum Linter {
  /// - Parameter only: lint just these packs (folder names) besides the shared files.
  public static func lint(_ files: RuleFiles, only: Set<String>? = nil) -> [Diagnostic] {
    let parts = RuleLibrary.read(files, only: only)
    var diagnostics = parts.diagnostics
    if let schema = parts.schema, let ladder = parts.ladder {
      var fields = FieldCheck(schema: schema, ladder: ladder)
      for rule in parts.packs.flatMap(\.rules) {
        for expression in [rule.when, rule.require].compactMap({ $0 }) { fields.check(expression, scope: rule.scope) }
        for template in [rule.message, rule.remedy] {
          for case .fact(let expression) in template.da + template.en { fields.check(expression, scope: rule.scope) }
        }
      }
      diagnostics += fields.diagnostics
    }
    for pack in parts.packs { diagnostics += coverage(of: pack, themes: parts.themes) }
    diagnostics += CostCheck.warnings(parts.packs.flatMap(\.rules))
    return Array(Set(diagnostics)).sorted()
  }

  /// Warnings for what a pack leaves unshown: principles without rules, rules without
  /// the examples that prove them, and themes outside `themes` (`themes.yaml`, if any).
  static func coverage(of pack: RulePack, themes: ThemeCatalog?) -> [Diagnostic] {
    var found: [Diagnostic] = []
    let enforced = Set(pack.rules.map(\.principleID))
    for principle in pack.principles {
      if principle.notCheckableReason == nil, !enforced.contains(principle.id) {
        found.append(Diagnostic(.warning, at: principle.location,
          da: "princippet '\(principle.id)' håndhæves ikke af nogen regel; flyt det til not_checkable med en begrundelse",
          en: "principle '\(principle.id)' is enforced by no rule; move it to not_checkable with a reason"))
      }
      for theme in principle.themes {
        guard let themes, !themes.contains(theme) else { continue }
        let hint = Suggestion.closest(to: theme, among: themes.tags)
        found.append(Diagnostic(.warning, at: principle.location,
          da: "ukendt tema '\(theme)'" + (hint.map { " (mente du '\($0)'?)" } ?? ""),
          en: "unknown theme '\(theme)'" + (hint.map { " (did you mean '\($0)'?)" } ?? "")))
      }
    }
    for rule in pack.rules {
      let outcomes = Set(rule.examples.flatMap(\.expected))
      if !outcomes.contains(.violated) {
        found.append(Diagnostic(.warning, at: rule.location,
          da: "reglen '\(rule.id)' har intet eksempel, der bryder den (expect: violated)",
          en: "rule '\(rule.id)' has no example that breaks it (expect: violated)"))
      }
      if outcomes.isDisjoint(with: [.satisfied, .notApplicable]) {
        found.append(Diagnostic(.warning, at: rule.location,
          da: "reglen '\(rule.id)' har intet eksempel, der overholder den (expect: satisfied)",
          en: "rule '\(rule.id)' has no example that honours it (expect: satisfied)"))
      }
      if rule.justifiable, !outcomes.contains(.justified) {
        found.append(Diagnostic(.warning, at: rule.location,
          da: "reglen '\(rule.id)' kan begrundes, men har intet eksempel med en begrundelse (expect: justified)",
          en: "rule '\(rule.id)' is justifiable but has no justified example (expect: justified)"))
      }
    }
    return found
  }
}
