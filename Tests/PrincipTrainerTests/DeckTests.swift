import Foundation
import PrincipEngine
import PrincipTrainer
import Testing

/// The scenario decks stay true as the rules change, and `train` works from piped input.
@Suite struct DeckTests {
  static let deck = TrainerFixtures.root.appending(path: "Examples/training").path

  @Test func theDeckHasSixteenScenariosAcrossTheFourPacks() throws {
    let scenarios = try Scenario.deck(at: Self.deck)
    #expect(scenarios.count >= 16)
    let packs = Set(scenarios.compactMap { $0.proposal.celValue["municipality"]?.stringValue })
    #expect(packs == ["halsnaes", "ishoj", "silkeborg", "viborg"])
    #expect(scenarios.allSatisfy { !$0.story.da.isEmpty && !$0.story.en.isEmpty && (2...3).contains($0.discussion.count) })
  }

  @Test(arguments: try! Scenario.deck(at: deck).map(\.file))
  func everyExpectedOutcomeHolds(_ file: String) throws {
    let scenario = try Scenario.read(path: file)
    let result = try ScenarioResult.judge(scenario, judge: TrainerFixtures.judge)
    #expect(result.mismatches.isEmpty, "\(scenario.file): \(result.mismatches)")
  }

  @Test(arguments: [Language.da, .en])
  func trainingTalliesPipedAnswers(_ language: Language) throws {
    let scenario = try Scenario.deck(at: Self.deck).first { $0.id == "halsnaes-psychiatric-botilbud-violated" }!
    let session = TrainingSession(scenarios: [scenario], judge: TrainerFixtures.judge, language: language)
    let violated = session.keys.first { $0.outcome == .violated }!.key
    let satisfied = session.keys.first { $0.outcome == .satisfied }!.key
    var answers = scenario.expected.map { $0.outcome == .violated ? violated : satisfied }
    answers[0] = "?"  // not a key: asked again
    answers.insert(satisfied, at: 1)  // a wrong answer for the first principle
    var output = ""
    var input = answers[...]
    let tally = try session.run(readLine: { input.popFirst() }, write: { output += $0 })
    #expect(tally.asked == scenario.expected.count)
    #expect(tally.correct == scenario.expected.count - 1)
    #expect(output.contains(language == .da ? "Rigtige svar: \(tally.correct) af \(tally.asked)." : "Right answers: \(tally.correct) of \(tally.asked)."))
    #expect(output.contains(scenario.story[language]))
  }

  @Test func aDeckWithoutExpectedOutcomesIsAnErrorNamingTheFile() throws {
    let path = FileManager.default.temporaryDirectory.appending(path: "deck-\(UUID().uuidString).yaml").path
    try Data("id: x\ntitle: { da: a, en: b }\nstory: { da: a, en: b }\nproposal: {}\n".utf8).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect {
      try Scenario.read(path: path)
    } throws: { error in
      (error as? TrainerError)?.message(in: .en) == "\(path):1:1: the key 'expected' is missing"
    }
  }
}
