import Foundation
@testable import PrincipEngine
import Testing

/// `--baseline` decision by decision: verdicts that changed with the rules that changed
/// them, and decisions added or dropped (not a change of rate).
struct BaselineDecisionsTests {
  @Test func changedAddedAndDroppedDecisionsAreListed() throws {
    let library = try AuditFixtures.library()
    let earlier = [AuditFixtures.line("K-1"), AuditFixtures.line("K-2", provider: "private"), AuditFixtures.line("K-9")].joined(separator: "\n")
    let now = [AuditFixtures.line("K-1"), AuditFixtures.line("K-2", provider: "own_municipality"),
               AuditFixtures.line("K-3", provider: "region")].joined(separator: "\n")
    let before = try AuditFixtures.run([AuditInput(path: try AuditFixtures.file("d-earlier.jsonl", earlier), format: .jsonLines)], library: library)
    let after = try AuditFixtures.run([AuditInput(path: try AuditFixtures.file("d-now.jsonl", now), format: .jsonLines)], library: library)
    let baseline = try AuditBaseline.read(path: try AuditFixtures.file("d-earlier-results.jsonl", before.results))
    let current = try AuditBaseline.read(path: try AuditFixtures.file("d-now-results.jsonl", after.results))
    let decisions = BaselineDecisions(baseline: baseline, now: current)
    #expect(decisions.changed.map(\.caseID) == ["K-2"])
    #expect(decisions.changed.first?.rules.map(\.rule) == ["demo.local@interventions[0]"])
    #expect(decisions.added == ["K-3"])
    #expect(decisions.dropped == ["K-9"])
    let text = decisions.text(in: .en)
    #expect(text.hasPrefix("Decisions since the baseline: 1 with a changed verdict, 1 added, 1 dropped"))
    #expect(text.contains("K-2: Breaks the principles → ") || text.contains("K-2: "))
    #expect(text.contains("K-2: Deviations → Honours the principles (demo.local (interventions[0]): violated → not applicable)"))
    #expect(text.contains("Dropped: K-9"))
  }
}
