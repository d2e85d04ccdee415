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
  /// A string longer than its field allows (`maxLength`, in characters).
  case tooLong(maximum: Int)
  /// A list or an object with more entries than its field allows (`maxItems`, `maxProperties`).
  case tooMany(maximum: Int)
  /// A number that is infinite or not a number (YAML `.inf`, `.nan`, or `1e309`, beyond a double).
  case notFinite

  /// The problem as a user reads it; ``Disclosure/withheld`` never repeats the offending value.
  func message(in language: Language, disclosure: Disclosure = .full) -> String {
    let da = language == .da
    let shown = disclosure == .full
    switch self {
    case .unknownField(let suggestion):
      let hint = suggestion.map { da ? " (mente du '\($0)'?)" : " (did you mean '\($0)'?)" } ?? ""
      return (da ? "ukendt felt" : "unknown field") + hint
    case .missingRequired:
      return da ? "feltet skal være udfyldt" : "this field is required"
    case .wrongType(let expected, let found):
      return da ? "forventede \(expected), fandt \(found)" : "expected \(expected), found \(found)"
    case .notAllowed(let value, let allowed, let suggestion):
      // The suggestion is one of the allowed values, but it is chosen by the value: withheld too.
      let hint = shown ? suggestion.map { da ? " (mente du '\($0)'?)" : " (did you mean '\($0)'?)" } ?? "" : ""
      let subject = shown ? "'\(value)' " : ""
      let head = shown ? (da ? "\(subject)er ikke en tilladt værdi" : "\(subject)is not an allowed value") : (da ? "ikke en tilladt værdi" : "not an allowed value")
      return head + hint + (da ? "; tilladt: " : "; allowed: ") + allowed.joined(separator: ", ")
    case .invalidDate(let value):
      guard shown else { return da ? "ikke en dato (ÅÅÅÅ-MM-DD)" : "not a date (YYYY-MM-DD)" }
      return da ? "'\(value)' er ikke en dato (ÅÅÅÅ-MM-DD)" : "'\(value)' is not a date (YYYY-MM-DD)"
    case .outOfRange(let value, let minimum, let maximum):
      let range = [minimum.map { "≥ \(Self.format($0))" }, maximum.map { "≤ \(Self.format($0))" }]
        .compactMap { $0 }.joined(separator: da ? " og " : " and ")
      guard shown else { return da ? "værdien skal være \(range)" : "the value must be \(range)" }
      return da ? "\(value) skal være \(range)" : "\(value) must be \(range)"
    case .tooShort(let minimum):
      return da ? "skal have mindst \(minimum) element(er)" : "must have at least \(minimum) element(s)"
    case .tooLong(let maximum):
      return da ? "teksten er længere end \(maximum) tegn" : "the text is longer than \(maximum) characters"
    case .tooMany(let maximum):
      return da ? "må højst have \(maximum) element(er)" : "must have at most \(maximum) element(s)"
    case .notFinite:
      return da ? "forventede et endeligt tal (ikke uendelig eller NaN)" : "expected a finite number (not infinity or NaN)"
    }
  }

  private static func format(_ number: Double) -> String {
    number == number.rounded() ? String(Int(number)) : String(number)
  }
}
