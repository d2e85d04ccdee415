import PrincipEngine

/// What went wrong in a trainer's tool, with where: the argument, path or file it is about.
public enum TrainerError: Error, Sendable, Hashable {
  /// A command-line argument that does not read as what was expected.
  case invalidArgument(String, expected: Expectation)
  /// A change whose path leads nowhere in the proposal.
  case noSuchPath(String, PathProblem)
  /// A change that makes the proposal invalid: the schema's complaint, located at the change.
  case invalidChange(PrincipError)
  /// The proposal file, the rules or the pack could not be used.
  case principError(PrincipError)
  /// A sweep range that is not `FROM..TO[:STEP]` of numbers or dates, or too long.
  case invalidRange(String, RangeProblem)
  /// A scenario deck that cannot be used: where, and what is wrong.
  case invalidDeck(SourceLocation, DeckProblem)

  /// What an argument should have looked like.
  public enum Expectation: String, Sendable, Hashable {
    case path, pathEqualsValue, yamlValue, rulesFolders, ruleID
  }

  /// Why a path leads nowhere.
  public enum PathProblem: Sendable, Hashable {
    case absent
    case notAnObject
    case notAList
    case noElement(count: Int)
  }

  /// What is wrong with a sweep's range.
  public enum RangeProblem: String, Sendable, Hashable {
    case syntax, emptyStep, tooManySteps, notNumeric
  }

  /// What is wrong with a scenario deck.
  public enum DeckProblem: Sendable, Hashable {
    case missingKey(String)
    case wrongType(key: String, expected: String)
    case unknownOutcome(String)
    case unknownRule(String)
    case empty
  }

  /// The error as a user reads it, naming the argument, path or file.
  public func message(in language: Language) -> String {
    let words = TrainerWords(language)
    switch self {
    case .invalidArgument(let argument, let expected):
      return words.format(.errorArgument, argument, words[expected.word])
    case .noSuchPath(let path, let problem):
      let reason: String
      switch problem {
      case .absent: reason = words[.pathAbsent]
      case .notAnObject: reason = words[.pathNotObject]
      case .notAList: reason = words[.pathNotList]
      case .noElement(let count): reason = words.format(.pathNoElement, String(count))
      }
      return "\(path): \(reason)"
    case .invalidChange(let error), .principError(let error):
      return error.message(in: language)
    case .invalidRange(let argument, let problem):
      return words.format(.errorRange, argument, words[problem.word])
    case .invalidDeck(let location, let problem):
      let detail: String
      switch problem {
      case .missingKey(let key): detail = words.format(.deckMissingKey, key)
      case .wrongType(let key, let expected): detail = words.format(.deckWrongType, key, expected)
      case .unknownOutcome(let outcome): detail = words.format(.deckUnknownOutcome, outcome)
      case .unknownRule(let rule): detail = words.format(.deckUnknownRule, rule)
      case .empty: detail = words[.deckEmpty]
      }
      return "\(location): \(detail)"
    }
  }
}

extension TrainerError.Expectation {
  var word: TrainerWord {
    switch self {
    case .path: .expectPath
    case .pathEqualsValue: .expectPathEqualsValue
    case .yamlValue: .expectYAMLValue
    case .rulesFolders: .expectRulesFolders
    case .ruleID: .expectRuleID
    }
  }
}

extension TrainerError.RangeProblem {
  var word: TrainerWord {
    switch self {
    case .syntax: .rangeSyntax
    case .emptyStep: .rangeEmptyStep
    case .tooManySteps: .rangeTooManySteps
    case .notNumeric: .rangeNotNumeric
    }
  }
}
