import CEL

/// Judges one record at a time: parse, map, validate against the schema, pick the pack
/// version in force on the decision date, assess. A value shared by every worker thread.
struct DecisionJudge: Sendable {
  let library: RuleLibrary
  let table: PrincipleTable
  private let evaluators: [Evaluator]
  /// Per pack version, each rule's scope.
  let ruleScopes: [[RuleScope]]
  /// Pack name → indices of its versions in `library.packs`.
  private let versions: [String: [Int]]
  private let reader: ProposalReader
  private let mapping: ColumnMapping?
  private let breakdown: Breakdown?
  /// The one-pass reader for well-formed JSON records (`nil`: always the general path).
  private let fastReader: SchemaDirectedReader?
  /// Whether judgements keep their proposal, for the report to explain the most serious.
  private let keepsProposals: Bool

  init(library: RuleLibrary, options: AuditOptions) {
    let mapping = options.mapping
    keepsProposals = options.seriousCount > 0
    self.library = library
    table = PrincipleTable(packs: library.packs)
    // The ladder's kinds (for results by kind) and the reader's keys and enum values share
    // the rules' names.
    let evaluators = library.sharingKeys { library.packs.map { Evaluator(pack: $0, ladder: library.ladder, resultsByKind: true) } }
    self.evaluators = evaluators
    ruleScopes = library.packs.map(\.ruleScopes)
    var versions: [String: [Int]] = [:]
    for (index, pack) in library.packs.enumerated() { versions[pack.name, default: []].append(index) }
    self.versions = versions
    reader = ProposalReader(schema: library.schema)
    self.mapping = mapping
    breakdown = options.breakdown
    // The report explains decisions from their whole proposal; without it, only what judging reads is built.
    let fieldsRead = keepsProposals ? nil : Self.fieldsRead(library, evaluators, options.breakdown)
    fastReader = library.sharingKeys { SchemaDirectedReader(schema: library.schema, mapping: mapping, fieldsRead: fieldsRead) }
  }

  /// Per pack name, what judging its decisions reads: each version's scoring, the case
  /// id, the pack and date fields, and the breakdown's field.
  static func fieldsRead(_ library: RuleLibrary, _ evaluators: [Evaluator], _ breakdown: Breakdown?) -> [String: CELFieldUsage] {
    var own = CELFieldUsage(fields: [Self.caseIDField: .whole, ProposalReader.packField: .whole, ProposalReader.dateField: .whole])
    if let breakdown { own.formUnion(breakdown.fieldsRead(in: library.schema)) }
    var usages: [String: CELFieldUsage] = [:]
    for evaluator in evaluators { usages[evaluator.pack.name, default: own].formUnion(evaluator.fieldsRead) }
    return usages
  }

  /// The field of the case id, the only part of a decision that results name.
  private static let caseIDField = "case_id"

  /// Judges one JSON Lines record.
  func judge(jsonLine bytes: UnsafeBufferPointer<UInt8>, record: Int, location: SourceLocation) -> DecisionResult {
    if let proposal = fastReader?.read(bytes) { return assess(proposal, record: record, location: location) }
    return judgeSlowly(jsonLine: bytes, record: record, location: location)
  }

  /// The general path: parse, rename, validate; every problem becomes an error row.
  func judgeSlowly(jsonLine bytes: UnsafeBufferPointer<UInt8>, record: Int, location: SourceLocation) -> DecisionResult {
    let parsed: CELValue
    do {
      parsed = try CELValue.parseJSON(bytes)
    } catch {
      return DecisionResult(record: record, location: location, outcome: .error(AuditRecordError(
        location: location, problem: .malformedJSON(detail: error.message, column: error.column))))
    }
    guard case .map = parsed else {
      return DecisionResult(record: record, location: location, outcome: .error(AuditRecordError(
        location: location, problem: .notAnObject(found: parsed.typeName))))
    }
    return judge(value: mapping.map { $0.renamed(parsed) } ?? parsed, record: record, location: location)
  }

  /// Judges a proposal read from a proposal file (YAML or JSON), with errors at file:line:column.
  func judge(file path: String, record: Int) -> DecisionResult {
    let location = SourceLocation(file: path)
    do {
      let text = try InputText.read(path: path)
      let proposal = try reader.read(text: text, file: path)
      let result = assess(proposal, record: record, location: location)
      // A pack that cannot be chosen is shown at the value that chose it.
      guard case .error(var error) = result.outcome, case .rejected(let rejection) = error.problem,
        let document = try? YAMLDocument(text: text, file: path)
      else { return result }
      error.problem = .rejected(rejection.placed(in: document))
      return DecisionResult(record: record, location: location, outcome: .error(error))
    } catch {
      return DecisionResult(record: record, location: location, outcome: .error(AuditRecordError(location: location, problem: .rejected(error))))
    }
  }

  /// Judges a decision already parsed into a value (a JSON record, or CSV rows assembled).
  func judge(value: CELValue, record: Int, location: SourceLocation) -> DecisionResult {
    do {
      let proposal = try reader.validate(value, record: location)
      return assess(proposal, record: record, location: location)
    } catch {
      return DecisionResult(record: record, location: location, outcome: .error(AuditRecordError(
        location: location, caseID: value[Self.caseIDField]?.stringValue, problem: .rejected(error))))
    }
  }

  private func assess(_ proposal: CELValue, record: Int, location: SourceLocation) -> DecisionResult {
    let caseID = proposal[Self.caseIDField]?.stringValue
    func failure(_ error: PrincipError) -> DecisionResult {
      DecisionResult(record: record, location: location, outcome: .error(AuditRecordError(
        location: location, caseID: caseID, problem: .rejected(error.placed(at: location)))))
    }
    guard let (name, date) = ProposalReader.packAndDate(of: proposal) else {
      return failure(.invalidProposal(location, field: ProposalReader.dateField, problem: .missingRequired))
    }
    // A municipality written by its own name (`Halsnæs`) rather than its pack's is looked up only on a miss.
    let indices = versions[name] ?? library.packName(for: name).flatMap { versions[$0] }
    guard let index = indices?.first(where: { library.packs[$0].inForce.contains(date) }) else {
      // Let the library word the error: unknown pack (with a suggestion) or no version in force.
      do {
        _ = try library.pack(named: name, on: date)
        return failure(.unknownPack(name, available: library.packNames))
      } catch {
        return failure(error)
      }
    }
    // Through the buffer: `evaluators[index]` would copy the evaluator (and retain each of its parts).
    let scorecard: Scorecard
    do {
      scorecard = try evaluators.withUnsafeBufferPointer { (e) throws(PrincipError) in try e[index].scorecard(proposal) }
    } catch {
      return failure(error)
    }
    let groups = breakdown?.groups(of: proposal, date: date) ?? []
    let judgement = Judgement(
      packIndex: index, decisionDate: date, caseID: caseID ?? "?", scorecard: scorecard, groups: groups,
      proposal: keepsProposals ? proposal : nil)
    return DecisionResult(record: record, location: location, outcome: .judged(judgement))
  }

  /// The full assessment, with messages, remedies and evidence, for the report; `nil`
  /// when the judgement no longer holds its proposal.
  func explain(_ judgement: Judgement) -> Assessment? {
    // A judged decision's rules stayed within their budget when scored, so they do again.
    judgement.proposal.flatMap { try? evaluators[judgement.packIndex].assess($0, explain: true) }
  }

  /// The most serious outcome of each principle a judged decision touched, as slots of
  /// ``PrincipleTable/entries``, into buffers the caller reuses from decision to decision.
  ///
  /// - Complexity: O(findings).
  func principleOutcomes(of judgement: Judgement, into outcomes: inout [(slot: Int, outcome: Outcome)], scratch worst: inout [UInt8]) {
    let perRule = table.rulePrinciple[judgement.packIndex]
    let slots = table.principleSlots[judgement.packIndex]
    let none = Self.rank(.notApplicable)
    // The scratch only grows: decisions of packs with fewer principles use its start.
    if worst.count < slots.count { worst = [UInt8](repeating: none, count: slots.count) }
    outcomes.removeAll(keepingCapacity: true)
    worst.withUnsafeMutableBufferPointer { scratch in
      let worst = UnsafeMutableBufferPointer(rebasing: scratch[..<slots.count])
      worst.update(repeating: none)
      judgement.scorecard.forEach(scopes: ruleScopes[judgement.packIndex]) { ruleIndex, _, outcome in
        let local = perRule[ruleIndex]
        worst[local] = min(worst[local], Self.rank(outcome))
      }
      for (local, rank) in worst.enumerated() where rank != none {
        outcomes.append((slots[local], Self.outcomes[Int(rank)]))
      }
    }
  }

  private static let outcomes: [Outcome] = [.violated, .undetermined, .justified, .satisfied, .notApplicable]

  @inline(__always)
  private static func rank(_ outcome: Outcome) -> UInt8 {
    switch outcome {
    case .violated: 0
    case .undetermined: 1
    case .justified: 2
    case .satisfied: 3
    case .notApplicable: 4
    }
  }
}
