import Foundation
import Testing

@testable import CEL

/// Timings of the hot paths, printed only when CEL_BENCHMARK is set (build with
/// `-c release` for meaningful numbers). Nothing is asserted about time.
@Suite("Benchmarks", .enabled(if: ProcessInfo.processInfo.environment["CEL_BENCHMARK"] != nil))
struct BenchmarkTests {
  static let record = """
    {"id":"case-2024-0012","municipality":"halsnaes","decisionDate":"2024-03-12","citizen":{"age":34,"targetGroups":["psychiatric","substance"],"livingSituation":"own_home","employment":"unemployed","participated":true,"relativesInvited":false,"wishes":"Jeg vil gerne bo i min egen lejlighed og have et job","network":["sister","neighbour"]},"interventions":[{"kind":"sel85","provider":"own","location":"local","format":"individual","hoursPerWeek":6,"yearlyCost":120000,"goals":["bo selv","job"],"phaseOut":"nedtrapning efter 6 mdr","followUp":"2024-09-01"},{"kind":"sel104","provider":"volunteer","location":"local","format":"group","yearlyCost":15000,"goals":["netværk"]}],"alternatives":[{"kind":"sel82a","reason":"afprøvet uden effekt"},{"kind":"sel108","reason":"ikke nødvendigt"}],"justifications":{"group":"social angst"}}
    """

  static let rules = [
    "proposal.interventions.exists(i, i.provider in ['other_municipality', 'region', 'private']) ? proposal.alternatives.exists(a, a.kind == 'local' && a.reason != '') : true",
    "proposal.interventions.all(i, i.format == 'group' || has(proposal.justifications.group))",
    "!proposal.interventions.exists(i, i.kind in ['sel107', 'sel108']) || proposal.alternatives.exists(a, a.kind == 'sel85' && a.reason != '')",
    "proposal.citizen.participated == true",
    "proposal.citizen.age >= 18 && proposal.citizen.age < 67",
    "proposal.interventions.all(i, size(i.goals) > 0)",
    "proposal.interventions.exists(i, has(i.phaseOut))",
    "proposal.citizen.wishes != '' && proposal.municipality == 'halsnaes' && 'psychiatric' in proposal.citizen.targetGroups",
  ]

  static func time(_ label: String, iterations: Int, _ body: () -> Void) {
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<iterations { body() }
    let ns = Double(DispatchTime.now().uptimeNanoseconds - start) / Double(iterations)
    print("\(label): \(Int(ns)) ns")
  }

  @Test("8-rule policy on one proposal, and JSON parsing of the proposal")
  func policy() throws {
    let bytes = Array(BenchmarkTests.record.utf8)
    let proposal = try CELValue.parseJSON(bytes)
    let programs = try BenchmarkTests.rules.map { try CELProgram($0) }
    let activation = CELActivation(["proposal": proposal], absentFieldsAreUnknown: true)
    var hits = 0
    BenchmarkTests.time("8 rules", iterations: 50_000) {
      for p in programs where p.evaluate(activation).boolValue == true { hits += 1 }
    }
    var parser = CELJSONParser()
    BenchmarkTests.time("parse \(bytes.count)-byte record", iterations: 50_000) {
      if (try? parser.parse(bytes)) != nil { hits += 1 }
    }
    #expect(hits > 0)
  }
}
