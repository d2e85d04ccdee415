/// Everything that can go wrong reading proposals and rule packs, each with where it happened.
///
/// Errors stay typed until they are shown; `message(in:)` renders them for a user.
public enum PrincipError: Error, Sendable, Hashable {
  /// The file could not be read at all.
  case unreadable(file: String, reason: String)
  /// The file is empty, binary, too large or not UTF-8.
  case unusableFile(file: String, problem: FileProblem)
  /// YAML or JSON that does not parse.
  case syntax(SourceLocation, detail: String)
  /// A proposal that parses but does not fit the proposal schema.
  case invalidProposal(SourceLocation, field: String, problem: SchemaProblem)
  /// A rule pack file that does not follow the pack format.
  case invalidRulePack(SourceLocation, detail: String)
  /// No pack with this name among the loaded rules.
  case unknownPack(String, available: [String])
  /// The pack has no version in force on the decision date.
  case noPackInForce(pack: String, date: String, periods: [String])

  /// Why a file cannot be used as input.
  public enum FileProblem: Sendable, Hashable {
    case empty
    case binary
    case notUTF8
    case tooLarge(bytes: Int, limit: Int)
    case tooManyNodes(limit: Int)
  }

  /// Where the error is, if it has a place.
  public var location: SourceLocation? {
    switch self {
    case .unreadable(let file, _), .unusableFile(let file, _): SourceLocation(file: file)
    case .syntax(let location, _), .invalidProposal(let location, _, _),
      .invalidRulePack(let location, _):
      location
    case .unknownPack, .noPackInForce: nil
    }
  }

  /// The error as a user reads it: `file:line:col: what was expected`. With
  /// ``Disclosure/withheld`` (batch outputs), a value that failed the schema is not repeated.
  public func message(in language: Language, disclosure: Disclosure = .full) -> String {
    let place = location.map { "\($0): " } ?? ""
    let da = language == .da
    switch self {
    case .unreadable(_, let reason):
      return place + (da ? "kan ikke læses: \(reason)" : "cannot be read: \(reason)")
    case .unusableFile(_, let problem):
      return place + problem.message(in: language)
    case .syntax(_, let detail):
      return place + (da ? "syntaksfejl: \(detail)" : "syntax error: \(detail)")
    case .invalidProposal(_, let field, let problem):
      return place + "\(field): " + problem.message(in: language, disclosure: disclosure)
    case .invalidRulePack(_, let detail):
      return place + detail
    case .unknownPack(let name, let available):
      let hint = Suggestion.hint(for: name, among: available, in: language)
      return da
        ? "ingen regelpakke hedder '\(name)'\(hint); kendte pakker: \(available.joined(separator: ", "))"
        : "no rule pack is named '\(name)'\(hint); known packs: \(available.joined(separator: ", "))"
    case .noPackInForce(let pack, let date, let periods):
      return da
        ? "ingen version af '\(pack)' var i kraft \(date) (perioder: \(periods.joined(separator: ", ")))"
        : "no version of '\(pack)' was in force on \(date) (periods: \(periods.joined(separator: ", ")))"
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
    case .tooLarge(let bytes, let limit):
      return da
        ? "filen fylder \(bytes) byte; højst \(limit) byte er tilladt"
        : "the file is \(bytes) bytes; at most \(limit) bytes are allowed"
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
