import CEL
import PrincipEngine
import Testing

/// Each loaded library has its own shared copies of the rules' names, so that an audit's
/// threads, each with a copy of the rules, share no strings.
struct RuleLibraryKeysTests {
  private func representation(_ text: String) -> (UInt64, UInt64) {
    unsafeBitCast(text, to: (UInt64, UInt64).self)
  }

  @Test func eachLoadSharesTheNamesOfItsRulesInAPoolOfItsOwn() throws {
    let files = try RuleFiles.directory(Fixtures.rules)
    let first = try #require(RuleLibrary.load(files, examples: false).library)
    let second = try #require(RuleLibrary.load(files, examples: false).library)
    // Made afresh, so that it is no shared copy itself; a bundled rule reads this field.
    let name = ["resources", "identified", "with", "citizen"].joined(separator: "_")
    let fromFirst = first.sharingKeys { CELMap.sharedKey(name) }
    let fromSecond = second.sharingKeys { CELMap.sharedKey(name) }
    #expect(fromFirst == name && fromSecond == name)
    // Each load put the name in its pool: each gives its own copy, not the string asked with.
    #expect(representation(fromFirst) != representation(name))
    #expect(representation(fromSecond) != representation(name))
    #expect(representation(fromFirst) != representation(fromSecond))
  }
}
