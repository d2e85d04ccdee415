import CEL
import Foundation
import PrincipEngine
import PrincipTrainer

/// The rules a server judges by, loaded once and never changed: a rules folder that is
/// edited while the server runs is loaded into a new value and swapped in whole
/// (``RuleStore``), so a request always finishes on the rules it started with.
public final class ServedRules: Sendable {
  public let library: RuleLibrary
  /// Where the rules came from: a folder, or `bundled` for the rules built into princip.
  public let origin: String
  /// When they were loaded.
  public let loadedAt: Date
  /// The proposal schema as written (JSON Schema), for clients that draw forms from it.
  public let schemaText: String
  let reader: ProposalReader
  /// One evaluator per pack version, as in `library.packs`.
  private let evaluators: [Evaluator]
  /// The audit's per-record judge, for `/v1/audit`.
  let lineJudge: AuditLineJudge
  /// The trainer's judge, for the trainer's tools.
  let trainerJudge: ProposalJudge

  /// Makes the served rules from a loaded library.
  public init(library: RuleLibrary, origin: String, schemaText: String, loadedAt: Date = Date()) {
    self.library = library
    self.origin = origin
    self.schemaText = schemaText
    self.loadedAt = loadedAt
    reader = ProposalReader(schema: library.schema)
    evaluators = library.sharingKeys { library.packs.map { Evaluator(pack: $0, ladder: library.ladder) } }
    lineJudge = AuditLineJudge(library: library)
    trainerJudge = ProposalJudge(library: library)
  }

  /// Loads and lints the rules in `directory` (the bundled rules when `nil`): `nil` with
  /// the errors when they cannot serve — a rules folder that fails `princip rules lint`
  /// is refused.
  public static func load(_ directory: String?) -> (rules: ServedRules?, errors: [Diagnostic]) {
    let files: RuleFiles
    do {
      files = try directory.map { (path) throws(PrincipError) in try RuleFiles.directory(path) } ?? .bundled
    } catch {
      return (nil, [Diagnostic(.error, at: error.location ?? SourceLocation(file: directory ?? "?"), da: error.message(in: .da), en: error.message(in: .en))])
    }
    let lintErrors = directory == nil ? [] : Linter.lint(files).filter { $0.level == .error }
    guard lintErrors.isEmpty else { return (nil, lintErrors) }
    let (library, diagnostics) = RuleLibrary.load(files)
    guard let library else { return (nil, diagnostics.filter { $0.level == .error }) }
    let schema = files.texts[schemaPath] ?? "{}"
    return (ServedRules(library: library, origin: directory ?? "bundled", schemaText: schema), [])
  }

  /// Where a rules folder keeps the proposal schema.
  static let schemaPath = "schema/proposal.schema.json"

  /// The evaluator of a pack version of `library`.
  func evaluator(for pack: RulePack) -> Evaluator {
    let index = library.packs.firstIndex { $0.name == pack.name && $0.version == pack.version } ?? 0
    return evaluators[index]
  }

  /// The pack version that judges a proposal: the one named `name` (the `pack`
  /// parameter) or else the proposal's municipality, in the version in force on its
  /// decision date — the choice `princip check` makes.
  func pack(for proposal: CELValue, named name: String?) throws(PrincipError) -> RulePack {
    guard let (municipality, date) = ProposalReader.packAndDate(of: proposal) else {
      throw .unknownPack(name ?? "?", available: library.packNames)
    }
    return try library.pack(named: name ?? municipality, on: date)
  }

}
