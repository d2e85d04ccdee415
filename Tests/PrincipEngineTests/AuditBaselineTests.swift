import Foundation
@testable import PrincipEngine
import Testing

/// `--baseline`: an earlier audit's result file, compared principle by principle.
struct AuditBaselineTests {
  @Test func theChangeAgainstAnEarlierAuditIsShownPerPrinciple() throws {
    let library = try AuditFixtures.library()
    // Earlier: 1 of 2 decisions violate "local"; now 1 of 4.
    let earlier = [AuditFixtures.line("K-1"), AuditFixtures.line("K-2", provider: "region")].joined(separator: "\n")
    let now = [AuditFixtures.line("K-1"), AuditFixtures.line("K-2", provider: "own_municipality"),
               AuditFixtures.line("K-3", provider: "region"), AuditFixtures.line("K-4", provider: "region")].joined(separator: "\n")
    let before = try AuditFixtures.run([AuditInput(path: try AuditFixtures.file("earlier.jsonl", earlier), format: .jsonLines)], library: library)
    let resultsPath = try AuditFixtures.file("earlier-results.jsonl", before.results)

    var (summary, _) = try AuditFixtures.run([AuditInput(path: try AuditFixtures.file("now.jsonl", now), format: .jsonLines)], library: library)
    let baseline = try AuditBaseline.read(path: resultsPath)
    #expect(baseline.read == 2 && baseline.judged == 2)
    summary.compare(with: baseline)
    let change = try #require(summary.baseline?.change(for: "demo/local"))
    #expect(change.before?.violationRate == 1.0)
    #expect(change.now?.violationRate == 1.0)
    let text = AuditTextReport.render(summary, in: .da)
    #expect(text.contains("Ændring"))
    #expect(text.contains("Sammenlignet med \(resultsPath): afgørelser med brud 50,0 % → 25,0 %"))
    #expect(AuditHTMLReport.render(summary, in: .en).contains("Compared with"))
  }

  @Test func aFileThatIsNotAResultFileIsRefusedWithItsLine() throws {
    let path = try AuditFixtures.file("wrong.jsonl", AuditFixtures.line("L-1") + "\n")
    #expect {
      _ = try AuditBaseline.read(path: path)
    } throws: { error in
      (error as? AuditError)?.message(in: .en).hasPrefix("\(path):1: not a result line of princip audit") ?? false
    }
  }
}
