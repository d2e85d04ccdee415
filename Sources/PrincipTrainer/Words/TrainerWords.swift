import Foundation
import PrincipEngine

/// The trainer's words in one language, looked up by key in that language's catalog
/// (``TrainerCatalog``). Templates mark their blanks `{1}`, `{2}`, … .
public struct TrainerWords: Sendable {
  public let language: Language
  private let catalog: [TrainerWord: String]

  public init(_ language: Language) {
    self.language = language
    catalog = language == .da ? TrainerCatalog.danish : TrainerCatalog.english
  }

  /// The word or sentence for `key` (the key's name if a catalog lacks it, which a test forbids).
  public subscript(key: TrainerWord) -> String {
    catalog[key] ?? key.rawValue
  }

  /// The template for `key` with its blanks filled in order.
  public func format(_ key: TrainerWord, _ values: String...) -> String {
    var text = self[key]
    for (offset, value) in values.enumerated() {
      text = text.replacingOccurrences(of: "{\(offset + 1)}", with: value)
    }
    return text
  }

  /// An outcome in words: `brudt`, `overholdt`, … (the words `check` uses).
  public func outcome(_ outcome: Outcome) -> String {
    switch outcome {
    case .violated: self[.outcomeViolated]
    case .justified: self[.outcomeJustified]
    case .undetermined: self[.outcomeUndetermined]
    case .satisfied: self[.outcomeSatisfied]
    case .notApplicable: self[.outcomeNotApplicable]
    }
  }

  /// A verdict in words, as `check` titles it.
  public func verdict(_ verdict: Verdict) -> String {
    verdict.title[language]
  }

  /// A severity in words.
  public func severity(_ severity: Severity) -> String {
    switch severity {
    case .critical: self[.severityCritical]
    case .major: self[.severityMajor]
    case .minor: self[.severityMinor]
    }
  }

  /// The subject of a finding: `hele indstillingen`, `indsats 2`.
  public func subject(_ subject: Subject) -> String {
    switch subject {
    case .proposal: self[.wholeProposal]
    case .intervention(let index): format(.interventionNumber, String(index + 1))
    }
  }

  /// `ja`, `nej`.
  public func yesNo(_ flag: Bool) -> String { self[flag ? .yes : .no] }
}
