import Foundation

/// What changed decision by decision between an earlier audit's results and this one's:
/// the decisions whose verdict changed (and the rules that changed it), and the
/// decisions added or dropped, so that a dropped case is not read as a change of rate.
public struct BaselineDecisions: Sendable {
  /// One judged decision of a result file.
  public struct Decision: Sendable, Hashable {
    public var verdict: Verdict
    /// The pack and version that judged it.
    public var pack = ""
    /// Each rule's outcome, keyed `rule@subject`.
    public var outcomes: [String: Outcome] = [:]

    public init(verdict: Verdict) {
      self.verdict = verdict
    }
  }

  /// A decision whose verdict changed.
  public struct Change: Sendable, Hashable {
    public var caseID: String
    public var before: Verdict
    public var after: Verdict
    /// The rules whose outcome changed, as `rule (subject): before → after`.
    public var rules: [(rule: String, before: Outcome?, after: Outcome?)]

    public static func == (a: Self, b: Self) -> Bool {
      a.caseID == b.caseID && a.before == b.before && a.after == b.after && a.rules.map(\.rule) == b.rules.map(\.rule)
    }
    public func hash(into hasher: inout Hasher) { hasher.combine(caseID) }
  }

  /// By case id.
  public var changed: [Change] = []
  public var added: [String] = []
  public var dropped: [String] = []

  /// Compares the decisions of two result files.
  public init(baseline: AuditBaseline, now: AuditBaseline) {
    for id in now.decisions.keys.sorted() {
      guard let after = now.decisions[id] else { continue }
      guard let before = baseline.decisions[id] else {
        added.append(id)
        continue
      }
      guard before.verdict != after.verdict else { continue }
      let keys = Set(before.outcomes.keys).union(after.outcomes.keys).sorted()
      let rules = keys.filter { before.outcomes[$0] != after.outcomes[$0] }.map { ($0, before.outcomes[$0], after.outcomes[$0]) }
      changed.append(Change(caseID: id, before: before.verdict, after: after.verdict, rules: rules))
    }
    dropped = baseline.decisions.keys.filter { now.decisions[$0] == nil }.sorted()
  }

  /// The comparison as lines of the audit's text report.
  public func text(in language: Language, limit: Int = 50) -> String {
    let words = BaselineWords(language)
    var lines = [words.heading(changed: changed.count, added: added.count, dropped: dropped.count)]
    for change in changed.prefix(limit) {
      // Result files leave out the rules that do not apply.
      let rules = change.rules.map { rule in
        "\(rule.rule.replacingOccurrences(of: "@", with: " (") + ")"): \(words.outcome(rule.before ?? .notApplicable)) → \(words.outcome(rule.after ?? .notApplicable))"
      }
      lines.append("  \(change.caseID): \(change.before.title[language]) → \(change.after.title[language])"
        + (rules.isEmpty ? "" : " (" + rules.joined(separator: "; ") + ")"))
    }
    if changed.count > limit { lines.append("  " + words.more(changed.count - limit)) }
    if !added.isEmpty { lines.append("  " + words.added(added.prefix(limit).joined(separator: ", "))) }
    if !dropped.isEmpty { lines.append("  " + words.dropped(dropped.prefix(limit).joined(separator: ", "))) }
    return lines.joined(separator: "\n") + "\n"
  }
}

/// The words of ``BaselineDecisions/text(in:limit:)``, both languages side by side.
private struct BaselineWords {
  let language: Language

  init(_ language: Language) {
    self.language = language
  }

  private func pick(_ text: LocalizedText) -> String { text[language] }

  func heading(changed: Int, added: Int, dropped: Int) -> String {
    pick(LocalizedText(
      da: "Afgørelser siden sammenligningen: \(changed) med ændret vurdering, \(added) tilføjet, \(dropped) faldet bort",
      en: "Decisions since the baseline: \(changed) with a changed verdict, \(added) added, \(dropped) dropped"))
  }

  func more(_ count: Int) -> String { pick(LocalizedText(da: "… og \(count) flere", en: "… and \(count) more")) }
  func added(_ ids: String) -> String { pick(LocalizedText(da: "Tilføjet: \(ids)", en: "Added: \(ids)")) }
  func dropped(_ ids: String) -> String { pick(LocalizedText(da: "Faldet bort: \(ids)", en: "Dropped: \(ids)")) }

  func outcome(_ outcome: Outcome) -> String { ReportWords(language).outcome(outcome) }
}
