import CEL

/// Why one record of an audit could not be judged. The batch goes on: the record becomes
/// an error row that names its place and the reason.
public struct AuditRecordError: Error, Sendable, Hashable {
  /// The record's place: the input file and line (for a folder of proposals, the file).
  public var location: SourceLocation
  /// The case id, when the record got far enough to name one.
  public var caseID: String?
  public var problem: Problem

  public init(location: SourceLocation, caseID: String? = nil, problem: Problem) {
    self.location = location
    self.caseID = caseID
    self.problem = problem
  }

  /// What is wrong with the record.
  public enum Problem: Sendable, Hashable {
    /// The line is not a JSON document; `column` is 1-based within the line.
    case malformedJSON(detail: String, column: Int)
    /// The record is JSON, but not an object.
    case notAnObject(found: String)
    /// A line longer than the caller accepts (the server's `/v1/audit`; the CLI's audit
    /// stops instead, ``AuditError/recordTooLong(_:limit:)``); its bytes are dropped.
    case lineTooLong(limit: Int)
    /// A CSV row that does not fit the header, or a quote left open.
    case malformedCSV(detail: LocalizedText)
    /// A CSV cell the column mapping cannot turn into the field's type.
    case unconvertibleCell(column: String, value: String, expected: String)
    /// A CSV row without a case id.
    case missingCaseID(column: String)
    /// The rows of a case are not next to each other: the case appeared before, at `firstLine`.
    case caseSplit(firstLine: Int)
    /// Schema problems, unknown municipality, no pack version in force, a proposal file
    /// that does not parse: the engine's own error.
    case rejected(PrincipError)
    /// A rule could not be evaluated for the decision (``RuleFailure``): a rule or data
    /// problem, so the decision has no result.
    case ruleFailed(rule: String, subject: Subject, failure: RuleFailure)
  }

  /// The reason as a user reads it, without the place: `interventions[0].kind: ikke en tilladt værdi …`.
  ///
  /// An error row is a batch output: it names the record by its place and case id, and
  /// never repeats a value of the record (``Disclosure/withheld``), which may be personal data.
  public func reason(in language: Language) -> String {
    let da = language == .da
    switch problem {
    case .malformedJSON(let detail, let column):
      return da ? "ugyldig JSON (kolonne \(column)): \(detail)" : "malformed JSON (column \(column)): \(detail)"
    case .notAnObject(let found):
      return da ? "forventede et JSON-objekt, fandt \(found)" : "expected a JSON object, found \(found)"
    case .lineTooLong(let limit):
      return da ? "linjen er længere end \(limit) byte" : "the line is longer than \(limit) bytes"
    case .malformedCSV(let detail):
      return (da ? "ugyldig CSV: " : "malformed CSV: ") + detail[language]
    case .unconvertibleCell(let column, _, let expected):
      return da
        ? "kolonnen '\(column)': værdien kan ikke læses som \(expected)"
        : "column '\(column)': the value cannot be read as \(expected)"
    case .missingCaseID(let column):
      return da ? "rækken har intet sagsnummer i kolonnen '\(column)'" : "the row has no case id in column '\(column)'"
    case .caseSplit(let firstLine):
      return da
        ? "sagens rækker står ikke samlet: sagen optrådte allerede i linje \(firstLine)"
        : "the case's rows are not together: the case already appeared at line \(firstLine)"
    case .ruleFailed(let rule, let subject, let failure):
      return failure.message(rule: rule, subject: subject)[language]
    case .rejected(let error):
      let text = error.message(in: language, disclosure: .withheld)
      // The engine's message starts with the place when it has one; the row shows it apart.
      if let place = error.location.map({ "\($0): " }), text.hasPrefix(place) { return String(text.dropFirst(place.count)) }
      return text
    }
  }

  /// `file:line: reason`, as compilers print it.
  public func message(in language: Language) -> String {
    "\(place): \(reason(in: language))"
  }

  /// The place shown for the record: the engine's own position within a proposal file
  /// when it has a finer one, else the record's line.
  public var place: SourceLocation {
    if case .rejected(let error) = problem, let inner = error.location, inner.file == location.file, inner.line > 0 {
      return inner
    }
    return location
  }
}
