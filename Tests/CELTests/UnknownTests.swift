import Testing

@testable import CEL

/// Absent fields as unknowns, with the attribute paths the engine reports as missing.
@Suite("Absent fields as unknowns")
struct UnknownTests {
  static let proposal = json(
    """
    {"citizen": {"age": 34},
     "interventions": [{"kind": "a"}, {"kind": "b"}, {"kind": "c", "goals": []}],
     "alternatives": [{"reason": "x"}, {"kind": "sel85"}]}
    """)

  @Test("a missing field is unknown, named by its dotted path")
  func missingField() {
    let r = evaluate("proposal.citizen.wishes != ''", ["proposal": UnknownTests.proposal], absentAsUnknown: true)
    #expect(r.unknownPaths == ["proposal.citizen.wishes"])
  }

  @Test("a missing intermediate field stops the path there")
  func missingIntermediate() {
    let r = evaluate("proposal.household.size > 2", ["proposal": UnknownTests.proposal], absentAsUnknown: true)
    #expect(r.unknownPaths == ["proposal.household"])
  }

  @Test("standard mode keeps the no-such-key error")
  func standardMode() {
    let r = evaluate("proposal.citizen.wishes != ''", ["proposal": UnknownTests.proposal])
    guard case .error(let e) = r else {
      Issue.record("expected an error, got \(r)")
      return
    }
    #expect(e.kind == .noSuchKey)
    #expect(e.location == CELSourceLocation(offset: 17, line: 1, column: 18))
  }

  @Test("a variable's path prefix starts the path")
  func pathPrefix() throws {
    let program = try CELProgram("size(intervention.goals) > 0")
    var activation = CELActivation(absentFieldsAreUnknown: true)
    guard case .list(let items) = UnknownTests.proposal["interventions"] else { return }
    activation.bind("intervention", to: items[1], pathPrefix: "proposal.interventions[1]")
    #expect(program.evaluate(activation).unknownPaths == ["proposal.interventions[1].goals"])
    activation.bind("intervention", to: items[2], pathPrefix: "proposal.interventions[2]")
    #expect(program.evaluate(activation).value == .bool(false))
    // Rebinding by position reads the same as binding by name.
    let position = try #require(activation.position(of: "intervention"))
    activation.rebind(at: position, to: items[1], pathPrefix: "proposal.interventions[1]")
    #expect(program.evaluate(activation).unknownPaths == ["proposal.interventions[1].goals"])
    #expect(activation.position(of: "nothing") == nil)
  }

  @Test("inside a macro, the element's position is in the path")
  func macroElementPath() {
    let r = evaluate(
      "proposal.alternatives.exists(a, a.reason != 'x')", ["proposal": UnknownTests.proposal], absentAsUnknown: true)
    #expect(r.unknownPaths == ["proposal.alternatives[1].reason"])
    let all = evaluate(
      "proposal.interventions.all(i, size(i.goals) >= 0)", ["proposal": UnknownTests.proposal], absentAsUnknown: true)
    #expect(all.unknownPaths == ["proposal.interventions[0].goals", "proposal.interventions[1].goals"])
  }

  @Test("a decisive element wins over unknown ones")
  func decisiveElement() {
    let r = evaluate(
      "proposal.interventions.exists(i, size(i.goals) == 0)", ["proposal": UnknownTests.proposal],
      absentAsUnknown: true)
    #expect(r.value == .bool(true))
  }

  @Test("has() tests absence: false, never unknown", arguments: [
    "has(proposal.citizen.wishes)", "has(proposal.household.size)", "has(proposal.household)",
  ])
  func presence(source: String) {
    #expect(evaluate(source, ["proposal": UnknownTests.proposal], absentAsUnknown: true).value == .bool(false))
  }

  @Test("an index held in a variable is part of the path")
  func variableIndex() {
    let r = evaluate("proposal.interventions[n].goals == []", ["proposal": UnknownTests.proposal, "n": 1], absentAsUnknown: true)
    #expect(r.unknownPaths == ["proposal.interventions[1].goals"])
  }

  @Test("indexing by a string literal follows the same rule")
  func stringIndex() {
    let r = evaluate("proposal['citizen']['wishes'] == ''", ["proposal": UnknownTests.proposal], absentAsUnknown: true)
    #expect(r.unknownPaths == ["proposal.citizen.wishes"])
  }

  /// The kind of a result, with its value or error kind: what must not depend on
  /// whether unknowns name their paths.
  static func outcome(_ r: CELResult) -> String {
    switch r {
    case .value(let v): "value \(v)"
    case .error(let e): "error \(e.kind) \(e.message)"
    case .unknown: "unknown"
    }
  }

  @Test("unnamed unknowns: the same outcomes, with the placeholder path", arguments: [
    "proposal.citizen.wishes != ''", "proposal.household.size > 2", "proposal.citizen.age > 18",
    "proposal.alternatives.exists(a, a.reason != 'x')", "proposal.interventions.all(i, size(i.goals) >= 0)",
    "proposal.interventions.exists(i, size(i.goals) == 0)", "proposal.interventions.map(i, i.goals)",
    "proposal.interventions.filter(i, i.goals == [])", "proposal.interventions.exists_one(i, i.kind == 'a')",
    "proposal.citizen.exists(k, proposal.citizen[k].wishes == 1)", "{'a': 1}.b == 1", "size(proposal.citizen).b",
    "has(proposal.citizen.wishes)", "has(proposal.household.size)", "has(proposal.citizen.age)",
    "proposal.interventions[n].goals == []", "proposal['citizen']['wishes'] == ''",
    "proposal.citizen[proposal.alternatives[0].reason] == 1", "proposal.interventions[1u].goals == []",
    "proposal.citizen.wishes || proposal.household", "proposal.citizen.wishes || true",
    "proposal.citizen.wishes && false", "proposal.citizen.a + proposal.citizen.b",
    "proposal.citizen.wishes ? 1 : 2", "!proposal.citizen.wishes", "-proposal.citizen.wishes",
    "[proposal.citizen.a, proposal.citizen.b]", "{'k': proposal.citizen.a}", "proposal.citizen.a in [1, 2]",
    "'x' in proposal.citizen.a", "proposal.citizen.a.matches('b')", "string(proposal.citizen.a)",
    "proposal.nothing.exists(x, true)", "proposal.interventions.all(i, i.nothing.more == 1)", "n.field",
    "proposal.citizen.age.field",
  ])
  func unnamedUnknowns(source: String) throws {
    let program = try CELProgram(source)
    var activation = CELActivation(["proposal": UnknownTests.proposal, "n": 1], absentFieldsAreUnknown: true)
    let named = program.evaluate(activation)
    activation.namesUnknownPaths = false
    let unnamed = program.evaluate(activation)
    #expect(UnknownTests.outcome(named) == UnknownTests.outcome(unnamed))
    if case .unknown(let u) = named {
      #expect(!u.paths.contains(CELUnknown.unnamedPath))
      #expect(unnamed.unknownPaths == [CELUnknown.unnamedPath])
    }
  }

  @Test("paths are named by default")
  func namedByDefault() {
    #expect(CELActivation().namesUnknownPaths)
    let r = evaluate(
      "proposal.citizen.wishes || proposal.household", ["proposal": UnknownTests.proposal], absentAsUnknown: true)
    #expect(r.unknownPaths == ["proposal.citizen.wishes", "proposal.household"])
  }
}
