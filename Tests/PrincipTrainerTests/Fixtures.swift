import Foundation
import PrincipEngine
import PrincipTrainer

/// The repository's rules and examples, loaded once for the trainer's tests.
enum TrainerFixtures {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let examples = root.appending(path: "Examples/proposals").path

  /// The rules in `Rules/`, as a judge.
  static let judge: ProposalJudge = {
    let files = try! RuleFiles.directory(root.appending(path: "Rules").path)
    return ProposalJudge(library: RuleLibrary.load(files, examples: false).library!)
  }()

  /// Every example proposal file (not the expected-results files).
  static let proposalFiles: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: examples)) ?? []
    return names.filter { $0.hasSuffix(".yaml") && !$0.hasSuffix("expected.yaml") }.sorted().map { "\(examples)/\($0)" }
  }()

  static func proposal(_ name: String) throws -> TrainerProposal {
    try TrainerProposal.read(path: "\(examples)/\(name)", schema: judge.library.schema)
  }
}
