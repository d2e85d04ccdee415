import CEL

/// Why a rule could not be evaluated for a subject, other than missing facts: its `when`
/// or `require` gave an evaluation error (a division by zero, an overflow …) or a value
/// that is not a bool. A rule or data problem, reported as an error, never as an
/// undetermined outcome. It names the kind of error and where in the rule, never a value
/// of the proposal.
public struct RuleFailure: Sendable, Hashable {
  /// `when` or `require`.
  public var part: String
  /// The evaluation error's kind, or `nil` when the expression gave a non-bool value.
  public var kind: CELError.Kind?
  /// For a non-bool value: its type.
  public var foundType: String?
  /// Where in the rule file.
  public var location: SourceLocation

  /// The failure as a user reads it: `require: division by zero`.
  public var text: LocalizedText {
    guard let kind else {
      let found = foundType ?? "?"
      return LocalizedText(da: "\(part) gav en værdi af typen \(found), ikke en bool", en: "\(part) gave a \(found) value, not a bool")
    }
    let (da, en): (String, String) =
      switch kind {
      case .noMatchingOverload: ("ingen udgave af en funktion eller operator passer til værdiernes typer", "no overload of a function or operator fits the values' types")
      case .noSuchKey: ("et felt eller en nøgle findes ikke", "a field or key does not exist")
      case .unboundVariable: ("en variabel er ikke bundet", "a variable is not bound")
      case .unknownFunction: ("en ukendt funktion", "an unknown function")
      case .divisionByZero: ("division med nul", "division by zero")
      case .moduloByZero: ("modulo med nul", "modulo by zero")
      case .overflow: ("et resultat uden for sit område (overløb)", "a result out of its range (overflow)")
      case .outOfRange: ("et indeks eller argument uden for sit område", "an index or argument out of range")
      case .invalidArgument: ("et argument med en ubrugelig værdi", "an argument with an unusable value")
      case .unsupported: ("noget, princip ikke understøtter", "something princip does not support")
      case .budgetExceeded: ("evalueringsbudgettet er overskredet", "the evaluation budget was exceeded")
      }
    return LocalizedText(da: "\(part) fejlede: \(da)", en: "\(part) failed: \(en)")
  }

  /// `rule 'x' (FILE:LINE:COLUMN) could not be evaluated for proposal.interventions[0]: require failed: division by zero`.
  public func message(rule: String, subject: Subject) -> LocalizedText {
    let text = text
    return LocalizedText(
      da: "reglen '\(rule)' (\(location)) kunne ikke vurderes for \(subject.path): \(text.da)",
      en: "rule '\(rule)' (\(location)) could not be evaluated for \(subject.path): \(text.en)")
  }
}
