import CEL

/// An earlier audit's result file (`--out … .jsonl`), counted per principle, to show what
/// changed since.
public struct AuditBaseline: Sendable {
  public var file: String
  public var read = 0
  public var judged = 0
  public var errors = 0
  /// Judged decisions with at least one violation.
  public var withViolations = 0
  /// Counts per principle key (`halsnaes/local-before-external`).
  public var principles: [String: PrincipleCounts] = [:]
  /// Each judged decision by case id (a repeated id gets `#2`, `#3`, …), for
  /// ``BaselineDecisions``; error rows are left out.
  public var decisions: [String: BaselineDecisions.Decision] = [:]

  /// Share of judged decisions with a violation.
  public var violationShare: Double? { judged > 0 ? Double(withViolations) / Double(judged) : nil }

  /// Reads a JSON Lines result file of `princip audit`, streaming it.
  public static func read(path: String) throws(AuditError) -> AuditBaseline {
    var baseline = AuditBaseline(file: path)
    let reader = JSONLinesReader(source: try ByteSource(path: path))
    while let batch = try reader.next(targetBytes: 1 << 20) {
      for line in batch.lines {
        let location = SourceLocation(file: path, line: line.number)
        let value: CELValue
        do {
          value = try batch.bytes.withUnsafeBufferPointer { buffer throws(CELJSONError) in
            try CELValue.parseJSON(UnsafeBufferPointer(rebasing: buffer[line.start..<line.end]))
          }
        } catch {
          throw .invalidBaseline(location, detail: LocalizedText(da: "ugyldig JSON: \(error)", en: "malformed JSON: \(error)"))
        }
        try baseline.add(value, at: location)
      }
    }
    return baseline
  }

  private mutating func add(_ value: CELValue, at location: SourceLocation) throws(AuditError) {
    read += 1
    if value["error"] != nil {
      errors += 1
      return
    }
    guard let pack = value["municipality"]?.stringValue, let verdict = value["verdict"]?.stringValue.flatMap(Verdict.init(rawValue:)),
      let findings = value["findings"]?.listValue
    else {
      throw .invalidBaseline(location, detail: LocalizedText(
        da: "mangler municipality, verdict eller findings", en: "lacks municipality, verdict or findings"))
    }
    judged += 1
    if verdict.hasViolations { withViolations += 1 }
    var decision = BaselineDecisions.Decision(verdict: verdict)
    var worst: [String: Outcome] = [:]
    for finding in findings {
      guard let principle = finding["principle"]?.stringValue, let outcome = finding["outcome"]?.stringValue.flatMap(Outcome.init(rawValue:)) else {
        throw .invalidBaseline(location, detail: LocalizedText(da: "et fund mangler principle eller outcome", en: "a finding lacks principle or outcome"))
      }
      let key = "\(pack)/\(principle)"
      worst[key] = min(worst[key] ?? .notApplicable, outcome)
      if let rule = finding["rule"]?.stringValue { decision.outcomes["\(rule)@\(finding["subject"]?.stringValue ?? "")"] = outcome }
    }
    decision.pack = "\(pack) \(value["pack_version"]?.stringValue ?? "")"
    var id = value["case_id"]?.stringValue ?? "line \(location.line)"
    var repeats = 1
    while decisions[id] != nil { repeats += 1; id = "\(value["case_id"]?.stringValue ?? "") #\(repeats)" }
    decisions[id] = decision
    for (key, outcome) in worst { principles[key, default: PrincipleCounts()].add(outcome) }
  }
}
