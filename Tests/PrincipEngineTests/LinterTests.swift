import PrincipEngine
import Testing

/// `princip rules lint` points at the file, line and column of each problem.
struct LinterTests {
  private func lint(_ rules: String, principleExtra: String = "") throws -> [String] {
    try Linter.lint(Fixtures.files(Fixtures.pack(rules: rules, principleExtra: principleExtra)))
      .filter { $0.level == .error }.map { $0.rendered(in: .en) }
  }

  /// The demo rule with one line replaced.
  private func rule(replacing old: String, with new: String) -> String {
    Fixtures.localRule.replacingOccurrences(of: old, with: new)
  }

  @Test func theFixtureIsClean() throws {
    #expect(try lint(Fixtures.localRule) == [])
  }

  @Test func unknownKeySuggestsTheKnownOne() throws {
    let errors = try lint(rule(replacing: "    severity: major", with: "    severty: major"))
    #expect(errors.contains { $0.hasPrefix("fixture/demo/rules/local.yaml:4:5: error: unknown key 'severty' in rule (did you mean 'severity'?)") })
  }

  @Test func celSyntaxErrorPointsIntoAFoldedBlock() throws {
    let errors = try lint(rule(replacing: "&& a.status in", with: "&& a.status in in"))
    // `in in` on the block's second line (file line 10), after `&& a.status in `.
    #expect(errors.first?.hasPrefix("fixture/demo/rules/local.yaml:10:") == true, "\(errors)")
    #expect(errors.first?.contains("CEL syntax error in require") == true)
  }

  @Test func unknownFieldAndValueGetSuggestions() throws {
    let errors = try lint(rule(replacing: "when: intervention.provider in [\"other_municipality\", \"private\"]",
      with: "when: intervention.provder in [\"other_municipality\"] || intervention.provider == \"privat\""))
    #expect(errors.contains { $0.hasPrefix("fixture/demo/rules/local.yaml:7:") && $0.contains("no field 'provder' (did you mean 'provider'?)") }, "\(errors)")
    #expect(errors.contains { $0.contains("'privat' is not a possible value (did you mean 'private'?)") }, "\(errors)")
  }

  @Test func comparingWithTheWrongTypeIsReported() throws {
    let errors = try lint(rule(replacing: "when: intervention.provider in [\"other_municipality\", \"private\"]",
      with: "when: intervention.hours_per_week > \"20\""))
    #expect(errors.contains { $0.contains("compares a number field with the string value") }, "\(errors)")
  }

  @Test func danglingPrincipleAndDuplicateIds() throws {
    let twice = Fixtures.localRule + "\n" + Fixtures.localRule.replacingOccurrences(of: "rules:\n", with: "")
      .replacingOccurrences(of: "principle: local", with: "principle: locale")
    let errors = try lint(twice)
    #expect(errors.contains { $0.contains("rule 'demo.local' is declared twice") }, "\(errors)")
    #expect(errors.contains { $0.contains("unknown principle 'locale' (did you mean 'local'?)") }, "\(errors)")
  }

  @Test func aThemeOutsideThemesYAMLIsAWarningWithASuggestion() throws {
    var files = try Fixtures.files(Fixtures.pack(rules: Fixtures.localRule))
    files.texts["demo/pack.yaml"] = files.texts["demo/pack.yaml"]?.replacingOccurrences(of: "[local_first]", with: "[local_frist]")
    let warnings = Linter.lint(files).filter { $0.level == .warning }.map { $0.rendered(in: .en) }
    #expect(warnings.contains { $0.hasPrefix("fixture/demo/pack.yaml:7:") && $0.contains("unknown theme 'local_frist' (did you mean 'local_first'?)") },
      "\(warnings)")
    // A rules folder without themes.yaml has no list to check against.
    files.texts["themes.yaml"] = nil
    #expect(!Linter.lint(files).contains { $0.message.en.contains("unknown theme") })
  }

  @Test func bundledRulesHaveNoLintErrors() throws {
    let errors = Linter.lint(try RuleFiles.directory(Fixtures.rules)).filter { $0.level == .error }
    #expect(errors.isEmpty, "\(errors.map { $0.rendered(in: .en) }.joined(separator: "\n"))")
  }
}
