import Foundation
import Testing

/// `princip audit` end to end: what reaches the terminal, `--out` and `--report` of a batch
/// holds no free text of the proposals (README "Personal data"), and proposals over the
/// limits are error rows. Skipped when the binary has not been built.
@Suite(.enabled(if: PrincipProcess.binary != nil, "princip is not built: run `swift build` first (.ci/run does)"))
struct AuditCommandPrivacyTests {
  private static let scratch: URL = {
    let url = FileManager.default.temporaryDirectory.appending(
      path: "princip-audit-privacy-tests-\(ProcessInfo.processInfo.processIdentifier)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }()

  /// The reproducer of issue 12 item 13 (`pii-report-title.jsonl`).
  private static let decisions = """
    {"case_id":"HAL-1","municipality":"halsnaes","decision_date":"2024-05-02","citizen":{"wishes":["Jens Hansen vil bo hjemme"]},"interventions":[{"kind":"sel_108","provider":"private","title":"Botilbud til Jens Hansen, CPR 010190-1234","follow_up_date":"none","time_limited":false}],"decision":{"outcome":"granted"}}
    {"case_id":"HAL-2","municipality":"halsnaes","decision_date":"2024-05-02","citizen":{"living_situation":"Jens Hansen, CPR 010190-1234"},"interventions":[{"kind":"sel_85"}]}

    """

  @Test func theTerminalTheResultsAndTheReportNameCasesNotPeople() throws {
    let input = Self.scratch.appending(path: "pii.jsonl")
    try Data(Self.decisions.utf8).write(to: input)
    let out = Self.scratch.appending(path: "pii-results.jsonl"), report = Self.scratch.appending(path: "pii.html")
    let result = try PrincipProcess.run(["audit", input.path, "--out", out.path, "--report", report.path])
    #expect(result.status == 4, "\(result.stderr)")
    let results = try String(contentsOf: out, encoding: .utf8), html = try String(contentsOf: report, encoding: .utf8)
    for (name, text) in [("stdout", result.stdout), ("stderr", result.stderr), ("--out", results), ("--report", html)] {
      #expect(!text.contains("Jens"), "\(name) names the citizen")
      #expect(!text.contains("010190"), "\(name) holds the CPR number")
    }
    #expect(result.stdout.contains("pii.jsonl:2: citizen.living_situation: ikke en tilladt værdi; tilladt: own_home"))
    #expect(html.contains("<div>Indsats 1 har ingen opfølgning"))
  }

  @Test func aBreakdownByFreeTextIsRefused() throws {
    let result = try PrincipProcess.run(["audit", "Examples/decisions/decisions.jsonl", "--by", "interventions.title", "--lang", "en"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("--by: 'interventions.title' may hold free text (personal data), which an audit never shows"))
    #expect(try PrincipProcess.run(["audit", "Examples/decisions/decisions.jsonl", "--by", "citizen.living_situation"]).status == 0)
  }

  @Test func aProposalOverTheLimitsIsRefusedWithItsPlace() throws {
    // gen_quadratic.py 1000: 1,000 interventions × 1,000 alternatives used to give 342 MB of JSON.
    var yaml = "case_id: Q-1\nmunicipality: halsnaes\ndecision_date: \"2024-04-18\"\ninterventions:\n"
    yaml += String(repeating: "  - {kind: sel_108, provider: private, time_limited: false}\n", count: 1000)
    yaml += "alternatives:\n" + String(repeating: "  - {kind: sel_85, status: declined_by_citizen}\n", count: 1000)
    let file = Self.scratch.appending(path: "quadratic.yaml")
    try Data(yaml.utf8).write(to: file)
    let result = try PrincipProcess.run(["check", file.path, "--format", "json", "--lang", "en"])
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("quadratic.yaml:5:3: interventions: must have at most 50 element(s)"))
  }

  @Test func anInfiniteCostIsRefusedWithItsPlace() throws {
    // yearly-cost-1e309.yaml: the JSON report used to print "yearly_cost": "Infinity".
    let file = Self.scratch.appending(path: "infinite.yaml")
    try Data("case_id: X-3\nmunicipality: halsnaes\ndecision_date: \"2024-04-18\"\ninterventions: [{kind: sel_85, yearly_cost: 1e309}]\n".utf8)
      .write(to: file)
    let result = try PrincipProcess.run(["check", file.path, "--format", "json"])
    #expect(result.status == 2)
    #expect(!result.stdout.contains("Infinity"))
    #expect(result.stderr.contains("infinite.yaml:4:45: interventions[0].yearly_cost: forventede et endeligt tal (ikke uendelig eller NaN)"))
  }
}
