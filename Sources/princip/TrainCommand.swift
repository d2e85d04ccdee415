import ArgumentParser
import Foundation
import PrincipEngine
import PrincipTrainer

/// `princip train DECK`: a scenario deck in the terminal; `--check` proves its expected
/// outcomes still hold, as `rules test` does for the rules' examples.
struct TrainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "train",
    abstract: "Train with a scenario deck: predict each principle's outcome, then see why.",
    discussion: """
      DECK is a scenario file or a folder of them (Examples/training). Answer each \
      principle with one key and Enter (Danish: o overholdt, b brudt, j begrundet, \
      m mangler oplysninger, i ikke relevant; English: s, v, j, u, n). Input may be piped. \
      --check judges every scenario and exits 1 if an expected outcome no longer holds.
      """
  )

  @Argument(help: "A scenario file or a folder of scenario files.")
  var deck: String

  @Flag(help: "Check the deck's expected outcomes instead of training.")
  var check = false

  @Option(name: .customLong("rules"), help: "The rules folder (default: the rules built into princip).")
  var directory: String?

  @OptionGroup var options: LanguageOption

  func run() throws {
    let language = options.language
    let trainer = TrainerOptions(pack: nil, directory: directory, format: .text, options: options)
    let judge = try trainer.judge()
    let scenarios = try trainer.trainer { () throws(TrainerError) in try Scenario.deck(at: deck) }
    let words = TrainerWords(language)
    if check {
      var passed = 0
      for scenario in scenarios {
        let result = try trainer.trainer { () throws(TrainerError) in try ScenarioResult.judge(scenario, judge: judge) }
        if result.mismatches.isEmpty {
          passed += 1
          Swift.print(words.format(.deckCheckPassed, scenario.file, result.pack))
        }
        for mismatch in result.mismatches {
          Swift.print(words.format(.deckCheckFailed, scenario.file, mismatch.principle,
            mismatch.expected.map(words.outcome) ?? words[.deckNotListed], mismatch.actual.map(words.outcome) ?? "–"))
        }
      }
      Swift.print(words.format(.deckSummary, String(passed), String(scenarios.count)))
      if passed != scenarios.count { throw ExitCode(1) }
      return
    }
    let session = TrainingSession(scenarios: scenarios, judge: judge, language: language)
    _ = try trainer.trainer { () throws(TrainerError) in
      try session.run(readLine: { Swift.readLine() }, write: { FileHandle.standardOutput.write(Data($0.utf8)) })
    }
  }
}
