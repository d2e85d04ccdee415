import Foundation
@testable import PrincipEngine

/// Assessments of the bundled example proposals, and of small proposals against the
/// demo pack, for the report tests.
enum ReportFixtures {
  /// The rules under `Rules/` (not the copy built into princip, which may lag behind).
  static func library(only packs: Set<String>? = nil) throws -> RuleLibrary {
    let (library, diagnostics) = RuleLibrary.load(try RuleFiles.directory(Fixtures.rules), only: packs)
    guard let library else { throw Fixtures.FixtureError(diagnostics: diagnostics.map { $0.rendered(in: .en) }) }
    return library
  }

  /// An example proposal judged by its own municipality's pack, named as the CLI names it.
  static func example(_ name: String) throws -> AssessmentReport {
    let library = try library(only: [String(name.prefix { $0 != "-" })])
    let file = "Examples/proposals/\(name)"
    let proposal = try ProposalReader(schema: library.schema).read(path: Fixtures.root.appending(path: file).path)
    guard let (packName, date) = ProposalReader.packAndDate(of: proposal) else {
      throw Fixtures.FixtureError(diagnostics: ["\(file) names no municipality or decision date"])
    }
    let pack = try library.pack(named: packName, on: date)
    let assessment = Evaluator(pack: pack, ladder: library.ladder).assess(proposal)
    return AssessmentReport(assessment: assessment, pack: pack, ladder: library.ladder, file: file, schema: library.schema)
  }

  /// A proposal in YAML judged by the demo pack of `Fixtures` (one rule: local first).
  static func demo(_ body: String) throws -> AssessmentReport {
    let library = try Fixtures.library(Fixtures.pack(rules: Fixtures.localRule))
    let pack = try library.latest(named: "demo")
    let yaml = "case_id: T-1\nmunicipality: demo\ndecision_date: 2024-03-01\n" + body
    let proposal = try ProposalReader(schema: library.schema).read(text: yaml, file: "demo.yaml")
    let assessment = Evaluator(pack: pack, ladder: library.ladder).assess(proposal)
    return AssessmentReport(assessment: assessment, pack: pack, ladder: library.ladder, file: "demo.yaml")
  }

  /// The example whose snapshots are recorded: a long-term residential offer that breaks
  /// four Halsnæs principles.
  static let violatedExample = "halsnaes-psychiatric-botilbud-violated.yaml"
  /// A group offer replaced by an individual one, with a documented justification.
  static let justifiedExample = "halsnaes-social-anxiety-group-justified.yaml"
  /// Home support where facts are missing.
  static let undeterminedExample = "halsnaes-bostoette-incomplete-undetermined.yaml"
}
