import CEL
import Foundation
@testable import PrincipEngine
import Testing

/// Small rules and inputs the audit tests share: one pack, `demo`, in two versions
/// (2019 until the end of 2019, 2020 from then on), with one rule each.
enum AuditFixtures {
  static func library() throws -> RuleLibrary {
    var files = Fixtures.pack(rules: Fixtures.localRule)
    files["demo/pack.yaml"] = files["demo/pack.yaml"]?.replacingOccurrences(of: "version: \"1\"", with: "version: \"2020\"")
    files["demo/2019/pack.yaml"] = Fixtures.pack(rules: "")["demo/pack.yaml"]?
      .replacingOccurrences(of: "version: \"1\"", with: "version: \"2019\"")
      .replacingOccurrences(of: "in_force: { from: 2020-01-01 }", with: "in_force: { from: 2016-01-01, until: 2019-12-31 }")
    files["demo/2019/rules/local.yaml"] = Fixtures.localRule
    return try Fixtures.library(files)
  }

  /// A decision as a JSON line.
  static func line(_ caseID: String, date: String = "2024-03-01", provider: String = "private", municipality: String = "demo", team: String = "Nord") -> String {
    """
    {"case_id":"\(caseID)","municipality":"\(municipality)","decision_date":"\(date)","interventions":[{"kind":"sel_85","provider":"\(provider)"}],"alternatives":[],"metadata":{"team":"\(team)"}}
    """
  }

  /// Writes `text` to a new file in a fresh temporary folder and returns its path.
  static func file(_ name: String, _ text: String) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appending(path: "princip-audit-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let url = folder.appending(path: name)
    try Data(text.utf8).write(to: url)
    return url.path
  }

  /// Runs an audit and returns the summary and the result file's text.
  static func run(
    _ inputs: [AuditInput], library: RuleLibrary, options: AuditOptions = AuditOptions(threads: 1), format: ResultFormat = .jsonLines,
    replica: (@Sendable () -> RuleLibrary?)? = nil
  ) throws -> (summary: AuditSummary, results: String) {
    let sink = MemorySink()
    let summary = try AuditRunner(library: library, options: options, resultFormat: format, replica: replica).run(inputs, results: sink)
    return (summary, String(decoding: sink.bytes, as: UTF8.self))
  }

  final class MemorySink: ResultSink {
    var bytes: [UInt8] = []
    func write(_ bytes: [UInt8]) throws(OutputError) { self.bytes += bytes }
  }
}

struct AuditRunnerTests {
  let library: RuleLibrary

  init() throws {
    library = try AuditFixtures.library()
  }

  @Test func everyRecordIsJudgedOrAnErrorRowWithItsLine() throws {
    let input = [
      AuditFixtures.line("A-1"),
      "{\"case_id\": \"A-2\", broken",
      "",
      AuditFixtures.line("A-3", provider: "own_municipality"),
      AuditFixtures.line("A-4").replacingOccurrences(of: "\"sel_85\"", with: "85"),
      AuditFixtures.line("A-5", municipality: "demoo"),
      AuditFixtures.line("A-6", date: "2012-05-01"),
      "[1, 2]",
    ].joined(separator: "\n") + "\n"
    let path = try AuditFixtures.file("decisions.jsonl", input)
    let (summary, results) = try AuditFixtures.run([AuditInput(path: path, format: .jsonLines)], library: library)

    #expect(summary.read == 7)
    #expect(summary.judged == 2)
    #expect(summary.errors == 5)
    #expect(summary.reconciles)
    let lines = results.split(separator: "\n").map(String.init)
    #expect(lines.count == 7)
    #expect(lines.map { $0.contains("\"error\"") } == [false, true, false, true, true, true, true])
    // Input order, blank line 3 skipped, each error row names its line and reason.
    #expect(lines[0].hasPrefix("{\"input\":\"\(path)\",\"line\":1,\"case_id\":\"A-1\""))
    #expect(lines[1].contains("\"line\":2,") && lines[1].contains("ugyldig JSON"))
    #expect(lines[2].contains("\"line\":4,\"case_id\":\"A-3\""))
    #expect(lines[3].contains("\"line\":5,\"case_id\":\"A-4\"") && lines[3].contains("interventions[0].kind"))
    #expect(lines[4].contains("\"line\":6,\"case_id\":\"A-5\"") && lines[4].contains("ingen regelpakke hedder 'demoo'"))
    #expect(lines[5].contains("\"line\":7,") && lines[5].contains("ingen version af 'demo' var i kraft 2012-05-01"))
    #expect(lines[6].contains("\"line\":8,") && lines[6].contains("forventede et JSON-objekt"))
    let text = AuditTextReport.render(summary, in: .da)
    #expect(text.contains("Afstemning: læst 7 = vurderet 2 + fejl 5 — stemmer"))
    #expect(text.contains("decisions.jsonl:2: ugyldig JSON"))
    #expect(AuditTextReport.render(summary, in: .en).contains("Reconciliation: read 7 = judged 2 + errors 5 — balances"))
  }

  /// 16 interventions: the findings are gathered from precomputed prefixes in a buffer
  /// that fills several times; 18: past the precomputed ones, written piece by piece.
  @Test(arguments: [16, 18])
  func resultLinesNameEverySubjectAlsoBeyondThePrecomputedOnes(_ count: Int) throws {
    let library = try AuditFixtures.library()
    let one = #"{"kind":"sel_85","provider":"private"}"#
    let line = AuditFixtures.line("M-1").replacingOccurrences(
      of: "[\(one)]", with: "[" + Array(repeating: one, count: count).joined(separator: ",") + "]")
    let path = try AuditFixtures.file("many.jsonl", line + "\n")
    let (_, results) = try AuditFixtures.run([AuditInput(path: path, format: .jsonLines)], library: library)
    let findings = (0..<count).map { #"{"rule":"demo.local","principle":"local","subject":"interventions[\#($0)]","outcome":"violated"}"# }
    #expect(results.contains("\"findings\":[" + findings.joined(separator: ",") + "]}"))
  }

  @Test func eachDecisionIsJudgedByThePackVersionInForceOnItsDate() throws {
    let input = [AuditFixtures.line("B-1", date: "2019-12-31"), AuditFixtures.line("B-2", date: "2020-01-01")].joined(separator: "\n")
    let path = try AuditFixtures.file("dated.jsonl", input)
    let (summary, results) = try AuditFixtures.run([AuditInput(path: path, format: .jsonLines)], library: library)
    let lines = results.split(separator: "\n")
    let older = try #require(library.packs.first { $0.version == "2019" })
    let newer = try #require(library.packs.first { $0.version == "2020" })
    #expect(lines[0].contains("\"pack_version\":\"2019\",\"fingerprint\":\"\(older.fingerprint)\""))
    #expect(lines[1].contains("\"pack_version\":\"2020\",\"fingerprint\":\"\(newer.fingerprint)\""))
    #expect(older.fingerprint != newer.fingerprint)
    #expect(summary.packs.map { "\($0.version):\($0.decisions)" } == ["2019:1", "2020:1"])
  }

  @Test func outputIsByteIdenticalWhateverTheThreads() throws {
    var lines: [String] = []
    for index in 0..<3000 {
      let provider = ["private", "own_municipality", "other_municipality"][index % 3]
      let date = "20\(16 + index % 9)-0\(1 + index % 9)-1\(index % 10)"
      lines.append(index % 97 == 0 ? "not json \(index)" : AuditFixtures.line("C-\(index)", date: date, provider: provider, team: "T\(index % 4)"))
    }
    let path = try AuditFixtures.file("many.jsonl", lines.joined(separator: "\n"))
    let input = [AuditInput(path: path, format: .jsonLines)]
    let one = try AuditFixtures.run(input, library: library, options: AuditOptions(threads: 1, breakdown: .team, batchBytes: 4096))
    let two = try AuditFixtures.run(
      input, library: library, options: AuditOptions(threads: 2, breakdown: .team, batchBytes: 4096), replica: { try? AuditFixtures.library() })
    let four = try AuditFixtures.run(input, library: library, options: AuditOptions(threads: 4, breakdown: .team, batchBytes: 64 << 10))
    #expect(one.results == two.results)
    #expect(one.results == four.results)
    #expect(AuditTextReport.render(one.summary, in: .da) == AuditTextReport.render(two.summary, in: .da))
    #expect(AuditHTMLReport.render(one.summary, in: .en) == AuditHTMLReport.render(four.summary, in: .en))
    #expect(one.summary.read == 3000 && one.summary.reconciles)
    // The trend, which each worker counts for the whole run, adds up the same.
    #expect(one.summary.months.count == 9)
    #expect(one.summary.months.map(\.key) == two.summary.months.map(\.key) && one.summary.months.map(\.key) == four.summary.months.map(\.key))
    #expect(one.summary.months.map(\.counts) == two.summary.months.map(\.counts))
    #expect(one.summary.months.map(\.counts) == four.summary.months.map(\.counts))
    #expect(one.summary.months.reduce(0) { $0 + $1.counts.judged } == one.summary.judged)
  }

  @Test func breakdownByTeamCountsEachGroup() throws {
    let input = [AuditFixtures.line("D-1", team: "Nord"), AuditFixtures.line("D-2", provider: "own_municipality", team: "Syd"),
                 AuditFixtures.line("D-3", team: "Nord")].joined(separator: "\n")
    let path = try AuditFixtures.file("teams.jsonl", input)
    let (summary, _) = try AuditFixtures.run([AuditInput(path: path, format: .jsonLines)], library: library, options: AuditOptions(threads: 1, breakdown: .team))
    #expect(summary.groups.map { "\($0.key):\($0.counts.judged):\($0.counts.withViolations)" } == ["Nord:2:2", "Syd:1:0"])
    let text = AuditTextReport.render(summary, in: .en)
    #expect(text.contains("Team Nord: 2 judged, 100.0% with violations"))
  }
}
