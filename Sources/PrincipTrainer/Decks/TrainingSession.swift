import PrincipEngine

/// `princip train`: presents each scenario, lets the trainee predict each principle's
/// outcome, reveals it with the explanation, and tallies the guesses. Input and output
/// are functions, so the same session runs in a terminal, from a pipe, or in a test.
public struct TrainingSession {
  public let scenarios: [Scenario]
  public let judge: ProposalJudge
  public let language: Language

  public init(scenarios: [Scenario], judge: ProposalJudge, language: Language) {
    self.scenarios = scenarios
    self.judge = judge
    self.language = language
  }

  /// The tally of a session.
  public struct Tally: Sendable, Codable, Hashable {
    public var correct = 0
    public var asked = 0
  }

  /// The keys a trainee answers with, per outcome (one letter each, by language).
  public var keys: [(key: String, outcome: Outcome)] {
    let words = TrainerWords(language)
    return [
      (words[.keySatisfied], .satisfied), (words[.keyViolated], .violated), (words[.keyJustified], .justified),
      (words[.keyUndetermined], .undetermined), (words[.keyNotApplicable], .notApplicable),
    ]
  }

  /// Runs the session: `readLine` gives the trainee's next answer (`nil` ends the
  /// session early), `write` shows text.
  public func run(readLine: () -> String?, write: (String) -> Void) throws(TrainerError) -> Tally {
    let words = TrainerWords(language)
    var tally = Tally()
    let legend = keys.map { "\($0.key) = \(words.outcome($0.outcome))" }.joined(separator: ", ")
    scenarios: for (number, scenario) in scenarios.enumerated() {
      let result = try ScenarioResult.judge(scenario, judge: judge)
      write("\n" + words.format(.scenarioHeading, String(number + 1), String(scenarios.count), scenario.title[language]) + "\n\n")
      write(scenario.story[language] + "\n\n" + scenario.question[language] + "\n" + words.format(.answerKeys, legend) + "\n")
      for expectation in scenario.expected {
        let title = result.titles[expectation.principle]?[language] ?? expectation.principle
        var guess: Outcome?
        while guess == nil {
          write("\n  \(title)? ")
          guard let line = readLine() else { break scenarios }
          let answer = line.trimmingCharacters(in: .whitespaces).lowercased()
          guess = keys.first { $0.key == answer }?.outcome
          if guess == nil { write(words.format(.answerAgain, legend)) }
        }
        let actual = result.outcomes[expectation.principle] ?? .notApplicable
        tally.asked += 1
        if guess == actual { tally.correct += 1 }
        write("  " + words.format(guess == actual ? .answerRight : .answerWrong, words.outcome(actual)) + "\n")
        for finding in result.results where finding.principleID == expectation.principle && finding.outcome == actual {
          if let reason = finding.reason?[language] { write("    \(finding.ruleID): \(reason)\n") }
        }
        if let quote = result.quotes[expectation.principle] { write("    «\(quote)»\n") }
      }
      if !scenario.discussion.isEmpty {
        write("\n" + words[.discussionHeading] + "\n" + scenario.discussion.map { "  • " + $0[language] }.joined(separator: "\n") + "\n")
      }
    }
    write("\n" + words.format(.tallyLine, String(tally.correct), String(tally.asked)) + "\n")
    return tally
  }
}
