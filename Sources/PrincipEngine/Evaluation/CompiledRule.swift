import CEL

/// A rule readied for evaluation: its programs, the facts it reads and the keys a
/// justification may be filed under. Built once per evaluator and shared by reference,
/// so judging a proposal copies nothing large.
final class CompiledRule: Sendable {
  // What `evaluate` reads comes first, so that it shares the object's first cache line.
  let when: CELProgram?
  let require: CELProgram
  /// `when` and `require` worked out per intervention kind, for those that read nothing
  /// else (intervention-scoped rules only).
  let whenByKind: ResultsByKind?
  let requireByKind: ResultsByKind?
  /// The principle's id and themes: where a justification for it may be filed.
  let justificationKeys: [CELValue]
  let justifiable: Bool
  /// The facts the rule reads, as field chains from `proposal` or `intervention`.
  let evidencePaths: [[String]]
  let rule: Rule

  /// - Parameter kinds: the ladder's kinds (``ResultsByKind/kinds(of:)``) to work out
  ///   `whenByKind` and `requireByKind` for; `nil`: none.
  init(_ rule: Rule, principle: Principle?, ladder: Ladder, kinds: [String]?) {
    self.rule = rule
    justifiable = rule.justifiable
    let when = rule.when?.program
    let require = rule.require.program
    self.when = when
    self.require = require
    evidencePaths = FactPaths.collect([rule.when, rule.require].compactMap { $0?.program.expression })
    justificationKeys = ([rule.principleID] + (principle?.themes ?? [])).map(CELValue.string)
    let kinds = rule.scope == .intervention ? kinds : nil
    whenByKind = kinds.flatMap { kinds in when.flatMap { ResultsByKind($0, kinds: kinds, ladder: ladder.value) } }
    requireByKind = kinds.flatMap { ResultsByKind(require, kinds: $0, ladder: ladder.value) }
  }

  /// What `when` and `require` came to for one subject, before it is worded as a finding.
  enum Result {
    case notApplicable
    case satisfied
    case violated
    case justified(String)
    /// Facts are missing: the unknowns of `when` (if it was unknown) and of `require`.
    case missing(when: CELUnknown?, require: CELUnknown?)
    /// An expression gave an error or a non-bool: a rule or data problem. Boxed
    /// (`indirect`), so that the rare failure does not make every result larger.
    indirect case failed(part: String, kind: CELError.Kind?, found: String?, at: CELSourceLocation?)
    /// An expression took more steps than its budget: an error for the whole judgement,
    /// never an outcome. Boxed, so that the common results stay small to return.
    indirect case exceeded(PrincipError)

    var outcome: Outcome {
      switch self {
      case .notApplicable: .notApplicable
      case .satisfied: .satisfied
      case .violated: .violated
      case .justified: .justified
      case .missing, .failed, .exceeded: .undetermined
      }
    }

    /// The outcome's code for a ``Scorecard``: ``Scorecard/failedCode`` for a failure,
    /// ``exceededCode`` (no outcome's) for `exceeded`.
    @inline(__always)
    var code: UInt8 {
      // One switch on the result, as `outcome.code` was before `exceeded`.
      switch self {
      case .notApplicable: Outcome.notApplicable.code
      case .satisfied: Outcome.satisfied.code
      case .violated: Outcome.violated.code
      case .justified: Outcome.justified.code
      case .missing: Outcome.undetermined.code
      case .failed: Scorecard.failedCode
      case .exceeded: Result.exceededCode
      }
    }

    static let exceededCode: UInt8 = 0xFF
  }

  /// Evaluates the rule for one subject.
  ///
  /// - Parameter kindIndex: where the subject intervention's kind is among the ladder's
  ///   kinds, when known: `when` and `require` that read nothing else are looked up.
  func evaluate(_ activation: CELActivation, justifications: CELMap?, kindIndex: Int? = nil) -> Result {
    var whenUnknown: CELUnknown?
    if let when {
      switch kindIndex.flatMap({ whenByKind?[$0] }) ?? when.evaluate(activation) {
      case .value(.bool(false)): return .notApplicable
      case .value(.bool(true)): break
      case .unknown(let unknown): whenUnknown = unknown
      case .value(let other): return .failed(part: "when", kind: nil, found: other.typeName, at: nil)
      case .error(let error):
        if error.kind == .budgetExceeded { return exceeded(error, in: rule.when) }
        return .failed(part: "when", kind: error.kind, found: nil, at: error.location)
      }
    }
    switch kindIndex.flatMap({ requireByKind?[$0] }) ?? require.evaluate(activation) {
    case .value(.bool(true)):
      return .satisfied
    case .value(.bool(false)) where whenUnknown == nil:
      if justifiable, let reason = justification(in: justifications) { return .justified(reason) }
      return .violated
    case .value(.bool(false)):
      // It fails, but whether the rule applies at all is unknown. A justification
      // settles the principle either way.
      if justifiable, let reason = justification(in: justifications) { return .justified(reason) }
      return .missing(when: whenUnknown, require: nil)
    case .unknown(let unknown):
      // Whatever the missing facts turn out to be, a documented justification means the
      // principle is honoured or justifiably deviated from.
      if justifiable, let reason = justification(in: justifications) { return .justified(reason) }
      return .missing(when: whenUnknown, require: unknown)
    case .value(let other):
      return .failed(part: "require", kind: nil, found: other.typeName, at: nil)
    case .error(let error):
      if error.kind == .budgetExceeded { return exceeded(error, in: rule.require) }
      return .failed(part: "require", kind: error.kind, found: nil, at: error.location)
    }
  }

  /// The error for a condition whose budget ran out, at its place in the rule file.
  @inline(never)
  private func exceeded(_ error: CELError, in expression: Expression?) -> Result {
    let location = error.location.flatMap { place in expression.map { $0.fileLocation(place) } } ?? rule.location
    return .exceeded(.budgetExceeded(location, rule: rule.id, budget: CELActivation.defaultStepBudget))
  }

  /// The finding for one subject, explained (messages, remedies, evidence) when asked.
  ///
  /// - Parameter withholding: explain for a batch output (``Disclosure/withheld``): no
  ///   free text in messages and remedies, and no evidence or justification text.
  /// - Throws: ``PrincipError/budgetExceeded(_:rule:budget:)``.
  func judge(
    _ subject: Subject, _ activation: CELActivation, justifications: CELMap?, explain: Bool, withholding: FreeTextFields? = nil
  ) throws(PrincipError) -> Finding {
    let result = evaluate(activation, justifications: justifications)
    if case .exceeded(let error) = result { throw error }
    var finding = Finding(
      ruleID: rule.id, principleID: rule.principleID, severity: rule.severity, subject: subject,
      outcome: result.outcome, missing: [], evidence: [])
    switch result {
    case .justified(let reason):
      finding.justification = reason
    case .missing(let when, let require):
      let paths = (when?.paths ?? []) + (require?.paths ?? [])
      finding.missing = when != nil && require != nil ? Array(Set(paths)).sorted() : paths
    case .failed(let part, let kind, let found, let place):
      let expression = part == "when" ? rule.when ?? rule.require : rule.require
      let failure = RuleFailure(
        part: part, kind: kind, foundType: found, location: place.map(expression.fileLocation) ?? expression.location)
      finding.failure = failure
      finding.problem = failure.text.en
    case .notApplicable, .satisfied, .violated, .exceeded:
      break
    }
    if explain { explainFinding(&finding, activation, withholding) }
    if withholding != nil { finding.justification = nil }
    return finding
  }

  /// The proposal's justification for this rule's principle: by principle id, then by
  /// theme. `none` states that there is none.
  private func justification(in justifications: CELMap?) -> String? {
    guard let justifications else { return nil }
    for key in justificationKeys {
      if let text = justifications[key]?.stringValue, text != SchemaNode.none { return text }
    }
    return nil
  }

  private func explainFinding(_ finding: inout Finding, _ activation: CELActivation, _ withholding: FreeTextFields?) {
    guard finding.outcome != .notApplicable else { return }
    if withholding == nil {
      finding.evidence = evidencePaths.map { path in
        Evidence(path: FactPaths.display(path, subject: finding.subject), value: FactPaths.value(at: path, in: activation))
      }
    }
    if finding.outcome == .violated || finding.outcome == .justified {
      finding.message = MessageRenderer.render(rule.message, activation, subject: finding.subject, withholding: withholding)
    }
    if finding.outcome != .satisfied {
      finding.remedy = MessageRenderer.render(rule.remedy, activation, subject: finding.subject, withholding: withholding)
    }
  }
}
