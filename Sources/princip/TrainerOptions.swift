import ArgumentParser
import Foundation
import PrincipEngine
import PrincipTrainer

extension TrainerFormat: ExpressibleByArgument {}

/// What the trainer's commands share: the rules, the pack, the format and the language.
struct TrainerOptions: ParsableArguments {
  @Option(help: "Judge by this pack instead of the proposal's municipality.")
  var pack: String?

  @Option(name: .customLong("rules"), help: "The rules folder (default: the rules built into princip).")
  var directory: String?

  @Option(help: "Output format: text, markdown or json.")
  var format: TrainerFormat = .text

  @OptionGroup var options: LanguageOption

  var language: Language { options.language }

  init() {}

  init(pack: String?, directory: String?, format: TrainerFormat, options: LanguageOption) {
    self.pack = pack
    self.directory = directory
    self.format = format
    self.options = options
  }

  /// The judge over the rules, exiting with status 2 if they are unusable.
  func judge() throws -> ProposalJudge {
    ProposalJudge(library: try RuleSource.library(directory, examples: false, language: language), pack: pack)
  }

  /// Reads the proposal file, exiting with status 2 on a problem.
  func proposal(_ path: String, _ judge: ProposalJudge) throws -> TrainerProposal {
    try trainer { () throws(TrainerError) in try TrainerProposal.read(path: path, schema: judge.library.schema) }
  }

  /// Runs a trainer call; an error is printed and becomes exit status 2.
  func trainer<T>(_ body: () throws(TrainerError) -> T) throws -> T {
    do {
      return try body()
    } catch {
      printError(error.message(in: language))
      throw ExitStatus.invalid
    }
  }

  /// Prints a report in the chosen format: the document, or the result's JSON.
  func print(_ document: TrainerDocument, json: String) {
    let text = format == .json ? json : document.rendered(format)
    FileHandle.standardOutput.write(Data(text.utf8))
  }
}
