/// Result lines as JSON, one object per decision:
///
/// ```json
/// {"input":"d.jsonl","line":1,"case_id":"H-1","municipality":"halsnaes","pack_version":"2019.1",
///  "fingerprint":"…","decision_date":"2024-03-01","score":72,"verdict":"deviations",
///  "findings":[{"rule":"halsnaes.phase-out","principle":"phase-out","subject":"interventions[0]","outcome":"violated"}]}
/// {"input":"d.jsonl","line":2,"case_id":"H-2","error":"…"}
/// ```
///
/// `findings` lists every rule that applied (not-applicable ones are left out). The case
/// id is the only thing that identifies the decision.
struct JSONLinesResultWriter: ResultWriter {
  let header: [UInt8] = []
  private let language: Language
  private let packs: [RulePack]
  private let scopes: [[RuleScope]]
  /// Per pack version: `,"municipality":…,"fingerprint":"…"` up to the decision date.
  private let packFragments: [[UInt8]]
  /// Per pack version and rule: `{"rule":"…","principle":"…","subject":`.
  private let ruleFragments: [[[UInt8]]]
  /// Per pack version, every rule's finding up to its outcome for the first subjects —
  /// `{"rule":"…","principle":"…","subject":"interventions[2]","outcome":"` — in one
  /// buffer, so that writing a finding is one copy.
  private let findingPrefixes: [FindingPrefixes]

  /// The finding prefixes of one pack version.
  private struct FindingPrefixes: Sendable {
    /// Prefixes are made for the proposal and the first interventions; later ones are
    /// written piece by piece.
    static let interventionLimit = 16
    var bytes: [UInt8] = []
    /// Per rule: where each subject's prefix lies in `bytes`: one for a proposal-scoped
    /// rule, `interventionLimit` otherwise.
    var ranges: [[Range<Int>]] = []
    /// The most bytes one finding takes: the longest prefix, outcome and separator.
    var longestFinding = 0
  }

  /// What follows a finding's prefix, by ``Outcome/code``.
  private static let outcomeTails: [[UInt8]] = (0...4).map { code in
    Array("\(Outcome(code: UInt8(code)).rawValue)\"}".utf8)
  }

  init(library: RuleLibrary, language: Language) {
    self.language = language
    packs = library.packs
    scopes = library.packs.map(\.ruleScopes)
    packFragments = library.packs.map { pack in
      var bytes: [UInt8] = []
      bytes.append(",\"municipality\":")
      bytes.append(jsonString: pack.name)
      bytes.append(",\"pack_version\":")
      bytes.append(jsonString: pack.version)
      bytes.append(",\"fingerprint\":")
      bytes.append(jsonString: pack.fingerprint)
      return bytes
    }
    ruleFragments = library.packs.map { pack in
      pack.rules.map { rule in
        var bytes: [UInt8] = []
        bytes.append("{\"rule\":")
        bytes.append(jsonString: rule.id)
        bytes.append(",\"principle\":")
        bytes.append(jsonString: rule.principleID)
        bytes.append(",\"subject\":")
        return bytes
      }
    }
    findingPrefixes = zip(library.packs, ruleFragments).map { pack, fragments in
      var prefixes = FindingPrefixes()
      for (rule, fragment) in zip(pack.rules, fragments) {
        let subjects: [Subject] = rule.scope == .proposal
          ? [.proposal] : (0..<FindingPrefixes.interventionLimit).map { .intervention($0) }
        prefixes.ranges.append(subjects.map { subject in
          let start = prefixes.bytes.count
          prefixes.bytes.append(contentsOf: fragment)
          Self.appendSubject(subject, to: &prefixes.bytes)
          prefixes.bytes.append(",\"outcome\":\"")
          return start..<prefixes.bytes.count
        })
      }
      let longestPrefix = prefixes.ranges.joined().map(\.count).max() ?? 0
      prefixes.longestFinding = longestPrefix + (Self.outcomeTails.map(\.count).max() ?? 0) + 1
      return prefixes
    }
  }

  private static func appendSubject(_ subject: Subject, to bytes: inout [UInt8]) {
    switch subject {
    case .proposal:
      bytes.append("\"proposal\"")
    case .intervention(let index):
      bytes.append("\"interventions[")
      bytes.append(decimal: index)
      bytes.append("]\"")
    }
  }

  func append(_ result: DecisionResult, to bytes: inout [UInt8]) {
    bytes.append("{\"input\":")
    bytes.append(jsonString: result.location.file)
    bytes.append(",\"line\":")
    bytes.append(decimal: result.location.line)
    if let caseID = result.caseID {
      bytes.append(",\"case_id\":")
      bytes.append(jsonString: caseID)
    }
    switch result.outcome {
    case .error(let error):
      bytes.append(",\"error\":")
      bytes.append(jsonString: error.reason(in: language))
      if error.place != error.location {
        bytes.append(",\"at\":")
        bytes.append(jsonString: error.place.description)
      }
    case .judged(let judgement):
      let scorecard = judgement.scorecard
      bytes.append(contentsOf: packFragments[judgement.packIndex])
      bytes.append(",\"decision_date\":")
      bytes.append(UInt8(ascii: "\""))
      bytes.append(date: judgement.decisionDate)
      bytes.append(UInt8(ascii: "\""))
      bytes.append(",\"score\":")
      bytes.append(decimal: scorecard.score)
      bytes.append(",\"verdict\":\"")
      bytes.append(text: scorecard.verdict.rawValue)
      bytes.append("\",\"findings\":[")
      let prefixes = findingPrefixes[judgement.packIndex]
      if scorecard.interventionCount <= FindingPrefixes.interventionLimit && prefixes.longestFinding <= Self.gatherBytes {
        appendFindings(scorecard, prefixes: prefixes, scopes: scopes[judgement.packIndex], to: &bytes)
      } else {
        appendFindings(scorecard, fragments: ruleFragments[judgement.packIndex], scopes: scopes[judgement.packIndex], to: &bytes)
      }
      bytes.append("]")
    }
    bytes.append("}\n")
  }

  /// The findings of a proposal with no more than ``FindingPrefixes/interventionLimit``
  /// interventions, each one prefix and one tail, gathered in a stack buffer that is
  /// appended whenever it fills (fewer, larger appends).
  private func appendFindings(_ scorecard: Scorecard, prefixes: FindingPrefixes, scopes: [RuleScope], to bytes: inout [UInt8]) {
    let capacity = Self.gatherBytes
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
      let base = buffer.baseAddress!
      var end = 0
      var first = true
      prefixes.bytes.withUnsafeBufferPointer { prefixBytes in
        Self.outcomeTails.withUnsafeBufferPointer { tails in
          scorecard.forEach(scopes: scopes) { ruleIndex, subject, outcome in
            guard outcome != .notApplicable else { return }
            if end + prefixes.longestFinding > capacity {
              bytes.append(contentsOf: UnsafeBufferPointer(start: base, count: end))
              end = 0
            }
            if !first {
              base[end] = UInt8(ascii: ",")
              end += 1
            }
            first = false
            let position = if case .intervention(let index) = subject { index } else { 0 }
            let range = prefixes.ranges[ruleIndex][position]
            (base + end).initialize(from: prefixBytes.baseAddress! + range.lowerBound, count: range.count)
            end += range.count
            tails[Int(outcome.code)].withUnsafeBufferPointer { tail in
              (base + end).initialize(from: tail.baseAddress!, count: tail.count)
              end += tail.count
            }
          }
        }
      }
      bytes.append(contentsOf: UnsafeBufferPointer(start: base, count: end))
    }
  }

  /// The size of the stack buffer findings are gathered in (larger temporary
  /// allocations go to the heap).
  private static let gatherBytes = 1024

  /// The findings of a proposal with more interventions than there are prefixes for (or
  /// with rule ids too long to gather), written piece by piece.
  private func appendFindings(_ scorecard: Scorecard, fragments: [[UInt8]], scopes: [RuleScope], to bytes: inout [UInt8]) {
    var first = true
    scorecard.forEach(scopes: scopes) { ruleIndex, subject, outcome in
      guard outcome != .notApplicable else { return }
      if !first { bytes.append(UInt8(ascii: ",")) }
      first = false
      bytes.append(contentsOf: fragments[ruleIndex])
      Self.appendSubject(subject, to: &bytes)
      bytes.append(",\"outcome\":\"")
      bytes.append(contentsOf: Self.outcomeTails[Int(outcome.code)])
    }
  }
}
