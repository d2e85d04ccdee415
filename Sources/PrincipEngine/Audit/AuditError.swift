/// What stops an audit as a whole: an input that cannot be opened, a column mapping or
/// baseline that cannot be read, an output that cannot be written. Problems with single
/// records never stop it (see ``AuditRecordError``).
public enum AuditError: Error, Sendable, Hashable {
  /// An input, mapping or baseline file cannot be opened, read or used: the reading
  /// error of ``InputFile`` and ``InputText``, worded as for every other command.
  case input(PrincipError)
  /// An output cannot be written, or would overwrite an input.
  case output(OutputError)
  /// A JSON Lines line or CSV row longer than ``AuditOptions/maxRecordBytes``: the input
  /// is not one of decisions (a binary file, an unclosed quote, endless input such as
  /// `/dev/zero`), and its rest is not read.
  case recordTooLong(SourceLocation, limit: Int)
  /// The input's format cannot be told from its name.
  case unknownFormat(file: String)
  /// A CSV input needs a column mapping (`--mapping`).
  case mappingRequired(file: String)
  /// The column mapping file is not valid.
  case invalidMapping(SourceLocation, detail: LocalizedText)
  /// The CSV header lacks a column the mapping names.
  case missingColumn(file: String, column: String, suggestion: String?)
  /// A baseline line that is not a result line of `princip audit --out`.
  case invalidBaseline(SourceLocation, detail: LocalizedText)
  /// `--by` names a field the proposal schema does not have.
  case unknownBreakdownField(String, suggestion: String?)
  /// The rules could not be used.
  case rules(PrincipError)

  /// The error as a user reads it, with its place first.
  public func message(in language: Language) -> String {
    let da = language == .da
    switch self {
    case .input(let error):
      return error.message(in: language)
    case .output(let error):
      return error.message(in: language)
    case .recordTooLong(let location, let limit):
      return da
        ? "\(location): posten er længere end \(limit) byte; er det en fil med afgørelser? Resten af input læses ikke"
        : "\(location): the record is longer than \(limit) bytes; is this a file of decisions? The rest of the input is not read"
    case .unknownFormat(let file):
      return da
        ? "\(file): ukendt format; brug .jsonl, .csv, .json, .yaml eller en mappe, eller angiv --format"
        : "\(file): unknown format; use .jsonl, .csv, .json, .yaml or a folder, or give --format"
    case .mappingRequired(let file):
      return da
        ? "\(file): en CSV-fil kræver en kolonneoversættelse (--mapping FIL.yaml)"
        : "\(file): a CSV file needs a column mapping (--mapping FILE.yaml)"
    case .invalidMapping(let location, let detail):
      return "\(location): " + (da ? "ugyldig kolonneoversættelse: " : "invalid column mapping: ") + detail[language]
    case .missingColumn(let file, let column, let suggestion):
      let hint = suggestion.map { da ? " (mente du '\($0)'?)" : " (did you mean '\($0)'?)" } ?? ""
      return da
        ? "\(file): kolonnen '\(column)' fra kolonneoversættelsen findes ikke i overskriften\(hint)"
        : "\(file): the column '\(column)' named in the mapping is not in the header\(hint)"
    case .invalidBaseline(let location, let detail):
      return "\(location): " + (da ? "ikke en resultatlinje fra princip audit: " : "not a result line of princip audit: ") + detail[language]
    case .unknownBreakdownField(let field, let suggestion):
      let hint = suggestion.map { da ? " (mente du '\($0)'?)" : " (did you mean '\($0)'?)" } ?? ""
      return da
        ? "--by: forslagsskemaet har intet felt '\(field)'\(hint)"
        : "--by: the proposal schema has no field '\(field)'\(hint)"
    case .rules(let error):
      return error.message(in: language)
    }
  }
}

extension AuditError: CustomStringConvertible {
  public var description: String { message(in: .en) }
}
