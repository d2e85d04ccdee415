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
    #expect(errors.contains { $0.hasPrefix("fixture/demo/rules/local.yaml:7:") && $0.contains("'intervention' has no field 'provder' (did you mean 'provider'?)") }, "\(errors)")
    #expect(errors.contains { $0.contains("\"privat\" is not one of the values of intervention.provider (did you mean \"private\"?)") }, "\(errors)")
  }

  @Test func comparingWithTheWrongTypeIsReported() throws {
    let errors = try lint(rule(replacing: "when: intervention.provider in [\"other_municipality\", \"private\"]",
      with: "when: intervention.hours_per_week > \"20\""))
    #expect(errors == ["fixture/demo/rules/local.yaml:7:39: error: when: '>' compares double with string; the result is always an error (did you mean 20 (a number, without quotes)?)"], "\(errors)")
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

  @Test func anUnknownFunctionIsAnErrorInBothLanguages() throws {
    let files = try Fixtures.files(Fixtures.pack(rules: rule(replacing: "when: intervention.provider in [\"other_municipality\", \"private\"]",
      with: "when: unknwnFn(intervention.kind)")))
    let errors = Linter.lint(files).filter { $0.level == .error }
    #expect(errors.map { $0.rendered(in: .en) } == ["fixture/demo/rules/local.yaml:7:11: error: when: unknown function 'unknwnFn'"])
    #expect(errors.map { $0.rendered(in: .da) } == ["fixture/demo/rules/local.yaml:7:11: fejl: when: ukendt funktion 'unknwnFn'"])
  }

  @Test func arithmeticOnABoolIsAnError() throws {
    let errors = try lint(rule(replacing: "when: intervention.provider in [\"other_municipality\", \"private\"]",
      with: "when: intervention.time_limited + 1 > 0"))
    #expect(errors == ["fixture/demo/rules/local.yaml:7:37: error: when: '+' is not defined for bool and int"], "\(errors)")
  }

  @Test func aConditionThatIsNotABoolIsAnError() throws {
    let errors = try lint(rule(replacing: "when: intervention.provider in [\"other_municipality\", \"private\"]",
      with: "when: '\"a string\"'"))
    #expect(errors == ["fixture/demo/rules/local.yaml:7:12: error: when: the expression must give bool, not string"], "\(errors)")
  }

  @Test func aMisspeltLiteralGetsASuggestion() throws {
    let errors = try lint(rule(replacing: "when: intervention.provider in [\"other_municipality\", \"private\"]",
      with: "when: intervention.time_limited == ture"))
    #expect(errors == ["fixture/demo/rules/local.yaml:7:40: error: when: undeclared variable 'ture' (did you mean 'true'?)"], "\(errors)")
  }

  @Test func factsInMessagesAreTypeChecked() throws {
    let errors = try lint(rule(replacing: "da: \"{{intervention.provider}} uden lokalt alternativ\"",
      with: "da: \"{{intervention.providr}} uden lokalt alternativ\""))
    #expect(errors.count == 1 && errors[0].contains("error: message: 'intervention' has no field 'providr' (did you mean 'provider'?)"), "\(errors)")
  }

  @Test func theLadderIsTypedFromLadderYAML() throws {
    let errors = try lint(rule(replacing: "when: intervention.provider in [\"other_municipality\", \"private\"]",
      with: "when: ladder[intervention.kind].level > 2 && ladder[intervention.kind].categry == \"treatment\""))
    #expect(errors.count == 1 && errors[0].contains("has no field 'categry' (did you mean 'category'?)"), "\(errors)")
  }

  @Test func theSameRuleIDInTwoPacksIsAnErrorNamingBoth() throws {
    var packs = Fixtures.pack(rules: Fixtures.localRule)
    packs["other/pack.yaml"] = packs["demo/pack.yaml"]?.replacingOccurrences(of: "pack: demo", with: "pack: other")
    packs["other/rules/local.yaml"] = Fixtures.localRule
    let errors = Linter.lint(try Fixtures.files(packs)).filter { $0.level == .error }.map { $0.rendered(in: .en) }
    #expect(errors == [
      "fixture/other/rules/local.yaml:2:5: error: rule 'demo.local' is also declared in pack 'demo' (fixture/demo/rules/local.yaml:2:5); rule ids must be unique across packs"
    ], "\(errors)")
  }

  @Test func aPackNamedOtherwiseThanItsFolderIsAnError() throws {
    var files = try Fixtures.files(Fixtures.pack(rules: Fixtures.localRule))
    files.texts["demo/pack.yaml"] = files.texts["demo/pack.yaml"]?.replacingOccurrences(of: "pack: demo", with: "pack: 5")
    let errors = Linter.lint(files).filter { $0.level == .error }.map { $0.rendered(in: .en) }
    #expect(errors == ["fixture/demo/pack.yaml:1:7: error: the pack is named '5' but is in the folder 'demo'; the name must be the folder's, for the pack to be found"], "\(errors)")
    #expect(RuleLibrary.load(files).library == nil)
  }

  @Test func examplesAreCheckedAgainstTheSchemaAtTheField() throws {
    let errors = try lint(rule(replacing: "interventions: [{ kind: sel_85, provider: private }]",
      with: "interventions: [{ kind: sel_85, provider: private, time_limited: \"yes\" }]"))
    #expect(errors == [
      "fixture/demo/rules/local.yaml:19:76: error: the example 'private, nothing local considered' does not follow the proposal schema: interventions[0].time_limited: expected boolean, found string"
    ], "\(errors)")
  }

  @Test func rulesFromAFolderThatLintRejectsDoNotLoad() throws {
    var files = try Fixtures.files(Fixtures.pack(rules: rule(replacing: "when: intervention.provider in [\"other_municipality\", \"private\"]",
      with: "when: unknwnFn(intervention.kind)")))
    let (library, diagnostics) = RuleLibrary.load(files, examples: false)
    #expect(library == nil)
    #expect(diagnostics.map { $0.rendered(in: .en) } == ["fixture/demo/rules/local.yaml:7:11: error: when: unknown function 'unknwnFn'"])
    // Rules linted before they were built in are not checked again as they load.
    files.linted = true
    #expect(RuleLibrary.load(files, examples: false).library != nil)
  }

  @Test func bundledRulesHaveNoLintErrors() throws {
    let errors = Linter.lint(try RuleFiles.directory(Fixtures.rules)).filter { $0.level == .error }
    #expect(errors.isEmpty, "\(errors.map { $0.rendered(in: .en) }.joined(separator: "\n"))")
  }
}
