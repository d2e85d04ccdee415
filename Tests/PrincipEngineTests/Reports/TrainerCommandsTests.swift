import Foundation
import Testing

/// The trainer's commands as processes: exit codes and what they print.
@Suite(.enabled(if: PrincipProcess.binary != nil, "princip is not built: run `swift build` first (.ci/run does)"))
struct TrainerCommandsTests {
  let violated = "Examples/proposals/halsnaes-psychiatric-botilbud-violated.yaml"

  @Test func whatifExitsWithTheNewVerdictsStatus() throws {
    let still = try PrincipProcess.run(["whatif", violated, "--set", "interventions[0].time_limited=true"])
    #expect(still.status == 1)
    #expect(still.stdout.contains("halsnaes.phase-out"))
    let mended = try PrincipProcess.run([
      "whatif", violated, "--set", "interventions[0].time_limited=true", "--set", "interventions[0].provider=own_municipality",
      "--add", "alternatives={ kind: sel_85, status: excluded }", "--lang", "en",
    ])
    #expect(mended.status == 0)
    #expect(mended.stdout.contains("→ after: 100/100 (Honours the principles)"))
  }

  @Test func anInvalidChangeExitsWithStatus2AndNamesThePath() throws {
    let result = try PrincipProcess.run(["whatif", violated, "--set", "interventions[0].format=grp", "--lang", "en"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("interventions[0].format: 'grp' is not an allowed value"))
    #expect(try PrincipProcess.run(["whatif", violated]).status == 2)
    #expect(try PrincipProcess.run(["compare", violated, "--rules", "bundled"]).status == 2)
  }

  @Test func mendPrintsTheEditsAndTheProof() throws {
    let result = try PrincipProcess.run(["mend", violated, "--lang", "en"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("alternatives: + { kind: sel_85"))
    #expect(result.stdout.contains("Proof: none of the set's 6 proper subsets reaches the target."))
    let json = try PrincipProcess.run(["mend", violated, "--format", "json"])
    #expect(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) is [String: Any])
  }

  @Test func trainReadsPipedAnswersAndChecksTheDeck() throws {
    let check = try PrincipProcess.run(["train", "Examples/training", "--check", "--lang", "en"])
    #expect(check.status == 0)
    #expect(check.stdout.contains("scenarios as expected."))
  }

  @Test func explainAndTradeoffsPrintTheirReports() throws {
    let explain = try PrincipProcess.run(["explain", violated, "--rule", "halsnaes.phase-out", "--lang", "en"])
    #expect(explain.status == 0)
    #expect(explain.stdout.contains("Does the rule apply? yes"))
    let tradeoffs = try PrincipProcess.run(["tradeoffs", violated, "--format", "markdown"])
    #expect(tradeoffs.status == 0)
    #expect(tradeoffs.stdout.hasPrefix("# Afvejninger — sag HAL-2024-0412"))
  }
}
