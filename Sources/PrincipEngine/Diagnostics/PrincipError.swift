/// Everything that can go wrong reading proposals and rule packs, each with where it happened.
///
/// Errors stay typed until they are shown; `message(in:)` renders them for a user.
public enum PrincipError: Error, Sendable, Hashable {
  /// The file could not be opened or read at all.
  case unreadable(file: String, reason: FileFailure)
  /// The file is empty, binary, too large or not UTF-8; `line` and `column` (1-based, 0
  /// when unknown) point at the first offending character.
  case unusableFile(file: String, problem: FileProblem, line: Int = 0, column: Int = 0)
  /// YAML or JSON that does not parse.
  case syntax(SourceLocation, detail: String)
  /// A proposal that parses but does not fit the proposal schema.
  case invalidProposal(SourceLocation, field: String, problem: SchemaProblem)
  /// A rule pack file that does not follow the pack format.
  case invalidRulePack(SourceLocation, detail: String)
  /// No pack with this name among the loaded rules; `at` is the value that named it
  /// (the proposal's `municipality`), `nil` for `--pack`.
  case unknownPack(String, available: [String], at: SourceLocation? = nil)
  /// The pack has no version in force on the decision date; `at` is the proposal's
  /// `decision_date`.
  case noPackInForce(pack: String, date: String, periods: [String], at: SourceLocation? = nil)
  /// A pack folder whose `pack.yaml` gives the pack another name (or none that is text),
  /// so the name a proposal uses finds no pack.
  case packNamedOtherwise(folder: String, name: String?, at: SourceLocation)
  /// A rule's condition took more steps than the evaluation budget
  /// (`CELActivation.stepBudget`); the location is where in the rule file it ran out.
  case budgetExceeded(SourceLocation, rule: String, budget: Int)

  /// Why a file cannot be used as input.
  public enum FileProblem: Sendable, Hashable {
    case empty
    case binary
    case notUTF8
    /// `bytes` is `nil` when the input is not a regular file (a pipe, a device) and its
    /// size is known only to exceed the limit.
    case tooLarge(bytes: Int?, limit: Int)
    case tooManyNodes(limit: Int)
  }

  /// Where the error is, if it has a place.
  public var location: SourceLocation? {
    switch self {
    case .unreadable(let file, _): SourceLocation(file: file)
    case .unusableFile(let file, _, let line, let column): SourceLocation(file: file, line: line, column: column)
    case .syntax(let location, _), .invalidProposal(let location, _, _),
      .invalidRulePack(let location, _), .packNamedOtherwise(_, _, let location), .budgetExceeded(let location, _, _):
      location
    case .unknownPack(_, _, let location), .noPackInForce(_, _, _, let location): location
    }
  }

  /// The error as a user reads it: `file:line:col: what was expected`.
  public func message(in language: Language) -> String {
    let place = location.map { "\($0): " } ?? ""
    let da = language == .da
    switch self {
    case .unreadable(_, let reason):
      return place + reason.message(in: language)
    case .unusableFile(_, let problem, _, _):
      return place + problem.message(in: language)
    case .syntax(_, let detail):
      return place + (da ? "syntaksfejl: \(detail)" : "syntax error: \(detail)")
    case .invalidProposal(_, let field, let problem):
      return place + "\(field): " + problem.message(in: language)
    case .invalidRulePack(_, let detail):
      return place + detail
    case .budgetExceeded(_, let rule, let budget):
      return place + (da
        ? "reglen '\(rule)': evalueringsbudgettet på \(budget) skridt er overskredet"
        : "rule '\(rule)': evaluation budget of \(budget) steps exceeded")
    case .unknownPack(let name, let available, _):
      let hint = Suggestion.hint(for: name, among: available.filter { $0 != name }, in: language)
      return place + (da
        ? "ingen regelpakke hedder '\(name)'\(hint); kendte pakker: \(available.joined(separator: ", "))"
        : "no rule pack is named '\(name)'\(hint); known packs: \(available.joined(separator: ", "))")
    case .noPackInForce(let pack, let date, let periods, _):
      return place + (da
        ? "ingen version af '\(pack)' var i kraft \(date) (perioder: \(periods.joined(separator: ", ")))"
        : "no version of '\(pack)' was in force on \(date) (periods: \(periods.joined(separator: ", ")))")
    case .packNamedOtherwise(let folder, let name, _):
      let named = name.map { da ? "hedder '\($0)'" : "is named '\($0)'" } ?? (da ? "har intet navn" : "has no name")
      return place + (da
        ? "pakken i mappen '\(folder)' \(named), så ingen pakke hedder '\(folder)'; `pack:` skal være mappens navn"
        : "the pack in the folder '\(folder)' \(named), so no pack is named '\(folder)'; `pack:` must be the folder's name")
    }
  }
}

extension PrincipError.FileProblem {
  func message(in language: Language) -> String {
    let da = language == .da
    switch self {
    case .empty: return da ? "filen er tom" : "the file is empty"
    case .binary: return da ? "filen er binær, ikke tekst" : "the file is binary, not text"
    case .notUTF8: return da ? "filen er ikke UTF-8-tekst" : "the file is not UTF-8 text"
    case .tooLarge(let bytes?, let limit):
      return da
        ? "filen fylder \(bytes) byte; højst \(limit) byte er tilladt"
        : "the file is \(bytes) bytes; at most \(limit) bytes are allowed"
    case .tooLarge(nil, let limit):
      return da
        ? "filen fylder mere end \(limit) byte, som er det højst tilladte"
        : "the file is larger than \(limit) bytes, the most allowed"
    case .tooManyNodes(let limit):
      return da
        ? "dokumentet folder sig ud til mere end \(limit) elementer (YAML-alias-bombe?)"
        : "the document expands to more than \(limit) nodes (a YAML alias bomb?)"
    }
  }
}

extension PrincipError: CustomStringConvertible {
  public var description: String { message(in: .en) }
}
