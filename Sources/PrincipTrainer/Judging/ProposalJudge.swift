import CEL
import PrincipEngine

/// Judges proposals for the trainer's tools the way `princip check` does: validate with
/// the proposal schema, choose the pack version in force on the decision date (or the
/// pack named), assess. Build it once per rule library; it is a value, safe to share.
public struct ProposalJudge: Sendable {
  public let library: RuleLibrary
  /// Judge by this pack instead of the proposal's municipality.
  public let packName: String?
  /// An evaluator per pack version, in library order.
  private let evaluators: [Evaluator]

  public init(library: RuleLibrary, pack packName: String? = nil) {
    self.library = library
    self.packName = packName
    evaluators = library.sharingKeys { library.packs.map { Evaluator(pack: $0, ladder: library.ladder) } }
  }

  /// Validates a proposal as read from its file (dates still text) and judges it.
  /// - Parameter change: the change that made it, named in a schema error.
  public func judge(_ raw: CELValue, change: String? = nil, file: String = "") throws(TrainerError) -> Judgement {
    let proposal: CELValue
    switch library.schema.validate(raw) {
    case .success(let valid):
      proposal = valid
    case .failure(let violation):
      let error = PrincipError.invalidProposal(SourceLocation(file: file), field: violation.path.description, problem: violation.problem)
      throw change.map { .invalidChange(.invalidProposal(SourceLocation(file: $0), field: violation.path.description, problem: violation.problem)) }
        ?? .principError(error)
    }
    return try judgeValid(raw: raw, proposal)
  }

  /// Judges a proposal that has passed the schema.
  public func judgeValid(raw: CELValue, _ proposal: CELValue, explain: Bool = true) throws(TrainerError) -> Judgement {
    let evaluator = try evaluator(for: proposal)
    let assessment = evaluator.assess(proposal, explain: explain)
    return Judgement(raw: raw, proposal: proposal, pack: evaluator.pack, assessment: assessment)
  }

  /// The evaluator of the pack version that judges `proposal`.
  public func evaluator(for proposal: CELValue) throws(TrainerError) -> Evaluator {
    guard let (municipality, date) = ProposalReader.packAndDate(of: proposal) else {
      throw .principError(.unknownPack(packName ?? "?", available: library.packNames))
    }
    let pack: RulePack
    do { pack = try library.pack(named: packName ?? municipality, on: date) } catch { throw .principError(error) }
    guard let evaluator = evaluators.first(where: { $0.pack.name == pack.name && $0.pack.version == pack.version }) else {
      throw .principError(.unknownPack(pack.name, available: library.packNames))
    }
    return evaluator
  }

  /// The evaluator of the newest version of pack `name`.
  func evaluator(named name: String, on date: CivilDate?) throws(TrainerError) -> Evaluator {
    let pack: RulePack
    do {
      if let date, let inForce = try? library.pack(named: name, on: date) { pack = inForce } else { pack = try library.latest(named: name) }
    } catch { throw .principError(error) }
    guard let evaluator = evaluators.first(where: { $0.pack.name == pack.name && $0.pack.version == pack.version }) else {
      throw .principError(.unknownPack(name, available: library.packNames))
    }
    return evaluator
  }
}

/// A proposal judged: as read, as validated, the pack version that judged it and the
/// assessment.
public struct Judgement: Sendable {
  /// The proposal as read from its file, before the schema (dates as text).
  public var raw: CELValue
  /// The proposal as the rules see it.
  public var proposal: CELValue
  public var pack: RulePack
  public var assessment: Assessment

  /// The assessment with what a report needs to explain it.
  public func report(ladder: Ladder, file: String?) -> AssessmentReport {
    AssessmentReport(assessment: assessment, pack: pack, ladder: ladder, file: file)
  }
}

/// A proposal file read for the trainer's tools: its text parsed but not yet validated,
/// so changes can be made to it as the file writes it.
public struct TrainerProposal: Sendable {
  /// The file as the user named it.
  public var file: String
  /// The proposal as the file writes it (dates as text).
  public var raw: CELValue

  public init(file: String, raw: CELValue) {
    self.file = file
    self.raw = raw
  }

  /// Reads and parses a proposal file (`-` for standard input) and checks it against the
  /// schema, so that a problem in the file is named by its line and column.
  public static func read(path: String, schema: ProposalSchema) throws(TrainerError) -> TrainerProposal {
    let text: String
    do { text = try InputText.read(path: path) } catch { throw .principError(error) }
    return try read(text: text, file: path, schema: schema)
  }

  /// Parses proposal text and checks it against the schema.
  public static func read(text: String, file: String, schema: ProposalSchema) throws(TrainerError) -> TrainerProposal {
    let document: YAMLDocument
    let raw: CELValue
    do {
      document = try YAMLDocument(text: text, file: file)
      raw = try document.value()
    } catch { throw .principError(error) }
    if case .failure(let violation) = schema.validate(raw) {
      throw .principError(
        .invalidProposal(document.location(of: document.node(at: violation.path)), field: violation.path.description, problem: violation.problem))
    }
    return TrainerProposal(file: file, raw: raw)
  }

  /// The proposal with the changes made, in order.
  public func applying(_ changes: [ProposalChange]) throws(TrainerError) -> CELValue {
    var value = raw
    for change in changes { value = try change.applied(to: value) }
    return value
  }
}
