/// What changed between an earlier audit and this one, per principle.
public struct BaselineComparison: Sendable {
  public var baseline: AuditBaseline

  /// One principle, then and now.
  public struct Change: Sendable {
    public var key: String
    public var title: LocalizedText?
    public var before: PrincipleCounts?
    public var now: PrincipleCounts?

    /// The change of the violation rate in percentage points; `nil` unless both have one.
    public var points: Double? {
      guard let old = before?.violationRate, let new = now?.violationRate else { return nil }
      return (new - old) * 100
    }
  }

  /// Every principle counted in either audit: the largest rises first, then the largest
  /// falls, then those only in one of them.
  public var changes: [Change]

  init(baseline: AuditBaseline, summary: AuditSummary) {
    self.baseline = baseline
    var changes: [Change] = []
    var seen: Set<String> = []
    for row in summary.principles {
      seen.insert(row.entry.key)
      changes.append(Change(key: row.entry.key, title: row.entry.title, before: baseline.principles[row.entry.key], now: row.counts))
    }
    for key in baseline.principles.keys.sorted() where !seen.contains(key) {
      let title = summary.table.slot(of: key).map { summary.table.entries[$0].title }
      changes.append(Change(key: key, title: title, before: baseline.principles[key], now: nil))
    }
    self.changes = changes.sorted { a, b in
      switch (a.points, b.points) {
      case (let x?, let y?): x != y ? x > y : a.key < b.key
      case (.some, nil): true
      case (nil, .some): false
      case (nil, nil): a.key < b.key
      }
    }
  }

  /// The change for one principle key.
  public func change(for key: String) -> Change? { changes.first { $0.key == key } }
}

extension AuditSummary {
  /// Adds the comparison with an earlier audit.
  public mutating func compare(with baseline: AuditBaseline) {
    self.baseline = BaselineComparison(baseline: baseline, summary: self)
  }
}
