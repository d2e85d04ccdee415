import PrincipEngine
import Testing

/// The rules built into the binary are exactly the files under `Rules/`, so the
/// default a caseworker gets is what the rule authors wrote and tested.
struct BundledRulesTests {
  @Test func bundledCopyMatchesTheRulesFolder() throws {
    let onDisk = try RuleFiles.directory(Fixtures.rules).texts
    let bundled = RuleFiles.bundled.texts
    #expect(Set(bundled.keys) == Set(onDisk.keys))
    for (path, text) in onDisk {
      #expect(bundled[path] == text, "\(path) differs from its bundled copy")
    }
  }

  @Test func fingerprintChangesWithAnyRuleFile() throws {
    let files = try RuleFiles.directory(Fixtures.rules)
    let before = try #require(RuleLibrary.load(files).library?.latest(named: "halsnaes").fingerprint)
    var edited = files
    let rulePath = try #require(files.texts.keys.first { $0.hasPrefix("halsnaes/rules/") })
    edited.texts[rulePath]? += "\n# an edit\n"
    let after = try #require(RuleLibrary.load(edited).library?.latest(named: "halsnaes").fingerprint)
    #expect(before != after)
    #expect(before.count == 64)
  }
}
