/// How a value fails the proposal schema.
public enum SchemaProblem: Sendable, Hashable {
  /// A field the schema does not have; `suggestion` is the nearest one it does.
  case unknownField(suggestion: String?)
  /// A required field is absent.
  case missingRequired
  /// A value of the wrong JSON type.
  case wrongType(expected: String, found: String)
  /// A string outside the field's allowed values.
  case notAllowed(value: String, allowed: [String], suggestion: String?)
  /// A date that is not `YYYY-MM-DD`.
  case invalidDate(String)
  /// A number outside the allowed range.
  case outOfRange(value: String, minimum: Double?, maximum: Double?)
  /// A list with too few entries, or a string that is too short.
  case tooShort(minimum: Int)

  func message(in language: Language) -> String {
    let da = language == .da
    switch self {
    case .unknownField(let suggestion):
      let hint = suggestion.map { da ? " (mente du '\($0)'?)" : " (did you mean '\($0)'?)" } ?? ""
      return (da ? "ukendt felt" : "unknown field") + hint
    case .missingRequired:
      return da ? "feltet skal være udfyldt" : "this field is required"
    case .wrongType(let expected, let found):
      return da ? "forventede \(expected), fandt \(found)" : "expected \(expected), found \(found)"
    case .notAllowed(let value, let allowed, let suggestion):
      let hint = suggestion.map { da ? " (mente du '\($0)'?)" : " (did you mean '\($0)'?)" } ?? ""
      return (da ? "'\(value)' er ikke en tilladt værdi" : "'\(value)' is not an allowed value")
        + hint + (da ? "; tilladt: " : "; allowed: ") + allowed.joined(separator: ", ")
    case .invalidDate(let value):
      return da ? "'\(value)' er ikke en dato (ÅÅÅÅ-MM-DD)" : "'\(value)' is not a date (YYYY-MM-DD)"
    case .outOfRange(let value, let minimum, let maximum):
      let range = [minimum.map { "≥ \(Self.format($0))" }, maximum.map { "≤ \(Self.format($0))" }]
        .compactMap { $0 }.joined(separator: da ? " og " : " and ")
      return da ? "\(value) skal være \(range)" : "\(value) must be \(range)"
    case .tooShort(let minimum):
      return da ? "skal have mindst \(minimum) element(er)" : "must have at least \(minimum) element(s)"
    }
  }

  private static func format(_ number: Double) -> String {
    number == number.rounded() ? String(Int(number)) : String(number)
  }
}
