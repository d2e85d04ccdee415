import Foundation
@testable import PrincipEngine
import Testing

/// The HTML report stands alone: no network, no assets, charts drawn inline.
struct AuditHTMLReportTests {
  @Test func theReportIsSelfContainedAndLinksSeriousDecisionsToTheirExplanation() throws {
    let library = try AuditFixtures.library()
    let input = [AuditFixtures.line("M-1", date: "2019-05-01"), AuditFixtures.line("M-2", provider: "own_municipality"),
                 AuditFixtures.line("M-3", date: "2024-06-01"), "{oops"].joined(separator: "\n")
    let path = try AuditFixtures.file("report.jsonl", input)
    let (summary, _) = try AuditFixtures.run([AuditInput(path: path, format: .jsonLines)], library: library)
    let html = AuditHTMLReport.render(summary, in: .da)
    #expect(!html.contains("http"))
    #expect(!html.contains("<script"))
    #expect(!html.contains("src="))
    #expect(!html.contains("<link"))
    #expect(html.contains("<svg"))
    #expect(html.contains("Bruddrate pr. princip"))
    #expect(html.contains("Udvikling over tid"))
    #expect(html.contains("<a href=\"#sag-1\">M-1</a>"))
    #expect(html.contains("id=\"sag-1\""))
    #expect(html.contains("private uden lokalt alternativ"))
    #expect(html.contains("»Vi undersøger altid muligheden for lokale tilbud.«"))
    #expect(html.contains("Afstemning: læst 4 = vurderet 3 + fejl 1 — stemmer"))
    #expect(AuditHTMLReport.render(summary, in: .en).contains("<html lang=\"en\">"))
  }
}
