import PrincipEngine
import Testing

/// Every example written inside a bundled rule runs as a test, as SwiftLint runs its
/// rules' triggering and non-triggering examples. A failure names the file and line.
struct RuleExamplesTests {
  static let library: RuleLibrary? = RuleLibrary.load((try? RuleFiles.directory(Fixtures.rules)) ?? RuleFiles(origin: "", texts: [:])).library
  static let results = library.map { ExampleRunner(library: $0).run() } ?? []

  @Test func bundledRulesLoad() throws {
    let (library, diagnostics) = RuleLibrary.load(try RuleFiles.directory(Fixtures.rules))
    let errors = diagnostics.filter { $0.level == .error }.map { $0.rendered(in: .en) }
    #expect(errors.isEmpty, "\(errors.joined(separator: "\n"))")
    #expect(library != nil)
  }

  @Test func everyPackHasExamples() throws {
    let library = try #require(Self.library)
    for pack in library.packs {
      #expect(pack.rules.allSatisfy { !$0.examples.isEmpty }, "\(pack.label)")
    }
    #expect(Self.results.count > 20)
  }

  @Test(arguments: results)
  func example(_ result: ExampleRunner.Result) {
    let expected = result.expected.map(\.rawValue).joined(separator: ", ")
    let actual = result.actual.map { $0.map(\.rawValue).joined(separator: ", ") } ?? "invalid proposal"
    #expect(result.passed, "\(result.location): \(result.ruleID) — \(result.example): expected \(expected), got \(actual) \(result.detail ?? "")")
  }
}

extension ExampleRunner.Result: CustomTestStringConvertible {
  public var testDescription: String { "\(ruleID): \(example)" }
}
