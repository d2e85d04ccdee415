import Testing

@testable import CEL

/// Recorded evaluation: every sub-expression's results, and the syntax tree's text ranges.
@Suite("Recorded evaluation")
struct EvaluationStateTests {
  static let proposal = json(
    """
    {"citizen": {"age": 34},
     "interventions": [{"kind": "a", "hours": 5}, {"kind": "b", "hours": 40}]}
    """)

  /// Each node's source text and its results, rendered, in tree order.
  static func trace(_ source: String, absentAsUnknown: Bool = true) throws -> (CELResult, [String]) {
    let program = try CELProgram(source)
    var state = CELEvaluationState()
    let activation = CELActivation(["proposal": proposal], absentFieldsAreUnknown: absentAsUnknown)
    let result = program.evaluate(activation, recording: &state)
    var lines: [String] = []
    program.expression.walk { node in
      let results = state.results(of: node)
      let shown = results.isEmpty
        ? "not evaluated"
        : results.map { entry in
          (entry.iterations.isEmpty ? "" : "\(entry.iterations)") + "\(entry.result)"
        }.joined(separator: " ")
      lines.append("\(program.source(of: node)) = \(shown)")
    }
    return (result, lines)
  }

  @Test("every part of a condition has its value; a short-circuited part is not evaluated")
  func shortCircuit() throws {
    let (result, lines) = try Self.trace("proposal.citizen.age < 18 && proposal.citizen.wishes == 'home'")
    #expect(result.boolValue == false)
    #expect(lines == [
      "proposal.citizen.age < 18 && proposal.citizen.wishes == 'home' = false",
      "proposal.citizen.age < 18 = false",
      "proposal.citizen.age = 34",
      "proposal.citizen = {\"age\": 34}",
      "proposal = {\"citizen\": {\"age\": 34}, \"interventions\": [{\"kind\": \"a\", \"hours\": 5}, {\"kind\": \"b\", \"hours\": 40}]}",
      "18 = 18",
      "proposal.citizen.wishes == 'home' = not evaluated",
      "proposal.citizen.wishes = not evaluated",
      "proposal.citizen = not evaluated",
      "proposal = not evaluated",
      "'home' = not evaluated",
    ])
  }

  @Test("unknowns and errors are recorded where they arise")
  func unknownsAndErrors() throws {
    let (result, lines) = try Self.trace("proposal.citizen.wishes == 'home' || 1 / 0 == 1")
    #expect(result.unknownPaths == ["proposal.citizen.wishes"])
    #expect(lines.contains("proposal.citizen.wishes = unknown(proposal.citizen.wishes)"))
    #expect(lines.contains("1 / 0 = error: 1:40: division by zero"))
    #expect(lines.contains("1 / 0 == 1 = error: 1:40: division by zero"))
  }

  @Test("inside a macro, each element's result with its position")
  func macro() throws {
    let (result, lines) = try Self.trace("proposal.interventions.all(i, i.hours <= 37 && i.kind in ['a', 'b', 'c'])")
    #expect(result.boolValue == false)
    #expect(lines.contains("i.hours <= 37 = [0]true [1]false"))
    #expect(lines.contains("i.kind in ['a', 'b', 'c'] = [0]true"))
    // The list is folded into a constant when compiled; its items still show their values.
    #expect(lines.contains("['a', 'b', 'c'] = [0][\"a\", \"b\", \"c\"]"))
    #expect(lines.contains("'b' = [0]\"b\""))
  }

  @Test("recording changes no result, and has() over an absent chain stays false")
  func sameResults() throws {
    let sources = [
      "has(proposal.household.size)", "proposal.household.size > 2", "size(proposal.interventions) == 2",
      "proposal.interventions[1].kind == 'b'", "proposal.interventions.map(i, i.hours).filter(h, h > 10) == [40]",
      "proposal.interventions.exists_one(i, i.kind in ['a','b','c','d','e','f','g','h','i'])",
      "{'a': proposal.citizen.age}['a'] + 1", "proposal.citizen.age > 18 ? 'adult' : 'minor'",
    ]
    for source in sources {
      let program = try CELProgram(source)
      let activation = CELActivation(["proposal": Self.proposal], absentFieldsAreUnknown: true)
      var state = CELEvaluationState()
      let recorded = program.evaluate(activation, recording: &state)
      #expect(recorded.description == program.evaluate(activation).description, "\(source)")
      #expect(state.result?.description == recorded.description)
      #expect(state.result(of: program.expression)?.description == recorded.description, "\(source)")
    }
    let (_, lines) = try Self.trace("has(proposal.household.size)")
    #expect(lines.first == "has(proposal.household.size) = false")
  }

  @Test("nodes span their text, operands and parentheses included")
  func ranges() throws {
    let program = try CELProgram("(a + b) * -2 > f(x.y, [1])")
    var texts: [String] = []
    program.expression.walk { texts.append(String(program.source(of: $0))) }
    #expect(texts == ["(a + b) * -2 > f(x.y, [1])", "(a + b) * -2", "(a + b)", "a", "b", "-2", "f(x.y, [1])", "x.y", "x", "[1]", "1"])
    let multiline = try CELProgram("a &&\n  b.c")
    let b = try #require(multiline.expression.children.last)
    #expect(b.start == CELSourceLocation(offset: 7, line: 2, column: 3))
    #expect(b.end == CELSourceLocation(offset: 10, line: 2, column: 6))
    #expect(multiline.expression.range == 0..<10)
  }
}
