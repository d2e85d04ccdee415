import Testing

@testable import CEL

/// The evaluation budget: steps counted, a typed error when exceeded, and the static estimate.
@Suite("Evaluation budget")
struct BudgetTests {
  static let hundred = CELValue.list((0..<100).map { .int(Int64($0)) })

  static func run(_ source: String, _ variables: [String: CELValue] = [:], budget: Int? = nil) throws -> CELResult {
    var activation = CELActivation(variables)
    if let budget { activation.stepBudget = budget }
    return try CELProgram(source).evaluate(activation)
  }

  static func budgetError(_ result: CELResult) -> CELError? {
    if case .error(let e) = result, e.kind == .budgetExceeded { return e }
    return nil
  }

  @Test("the nested macros of the fuzzing reproducer end at the budget, at the innermost macro")
  func nestedMacrosReproducer() throws {
    // ../shared/repro/cel-nested-macros-hang.jsonl: 100^5 iterations ran past 15 s before.
    let r = try Self.run("l.all(a, l.all(b, l.all(c, l.all(d, l.all(e, true)))))", ["l": Self.hundred])
    let e = try #require(Self.budgetError(r), "got \(r)")
    #expect(e.description == "1:39: evaluation budget of 10000000 steps exceeded")
    #expect(CELActivation.defaultStepBudget == 10_000_000)
  }

  @Test("a step is an iteration: three nested macros over 100 elements take 1,010,100")
  func stepsAreIterations() throws {
    let source = "l.all(a, l.all(b, l.all(c, true)))"
    #expect(try Self.run(source, ["l": Self.hundred], budget: 1_010_100).boolValue == true)
    let over = try Self.run(source, ["l": Self.hundred], budget: 1_010_099)
    #expect(Self.budgetError(over)?.message == "evaluation budget of 1010099 steps exceeded")
  }

  @Test("an exceeded budget is not absorbed by || nor by all/exists")
  func notAbsorbed() throws {
    for source in [
      "l.exists(a, l.exists(b, false)) || true", "l.all(a, l.all(b, true)) && false",
      "l.all(a, a < 50 ? l.all(b, true) : false)",
    ] {
      let r = try Self.run(source, ["l": Self.hundred], budget: 1_000)
      #expect(Self.budgetError(r) != nil, "\(source): \(r)")
    }
    // Short-circuited before the macro runs: no steps taken.
    #expect(try Self.run("true || l.all(a, l.all(b, true))", ["l": Self.hundred], budget: 0).boolValue == true)
  }

  @Test("what + builds costs its size")
  func concatenation() throws {
    let strings = "[s].map(a, [a + a].map(b, [b + b].map(c, c + c)))[0][0][0]"
    let s = CELValue.string(String(repeating: "x", count: 1_000))
    #expect(try Self.run(strings, ["s": s], budget: 14_003).value?.stringValue?.count == 8_000)
    #expect(Self.budgetError(try Self.run(strings, ["s": s], budget: 14_002)) != nil)
    #expect(Self.budgetError(try Self.run("l + l", ["l": Self.hundred], budget: 199)) != nil)
    #expect(try Self.run("size(l + l)", ["l": Self.hundred], budget: 200).value == .int(200))
  }

  @Test("an expression without macros or + takes no steps")
  func plainExpressionsAreFree() throws {
    #expect(try Self.run("1 < 2 && 'a' in ['a', 'b'] && size([1, 2]) == 2", budget: 0).boolValue == true)
  }

  @Test("the static estimate: nested macros over lists from the data multiply")
  func estimate() throws {
    let three = CELCostEstimate(try CELProgram("l.all(a, l.all(b, l.all(c, true)))").expression)
    #expect(three.degree == 3)
    #expect(three.steps == 1_000 * (1 + 1_000 * (1 + 1_000)))
    #expect(three.exceeds(CELActivation.defaultStepBudget))
    #expect(three.location == CELSourceLocation(offset: 2, line: 1, column: 3))

    let two = CELCostEstimate(try CELProgram("x.items.all(i, y.exists(j, i == j)) && true").expression)
    #expect(two.degree == 2)
    #expect(two.steps == 1_000 * (1 + 1_000))
    #expect(!two.exceeds(CELActivation.defaultStepBudget))

    // Lists written in the expression have their own size.
    let literal = CELCostEstimate(try CELProgram("[1, 2, 3].all(a, [4, 5].map(b, b).exists(c, c > a))").expression)
    #expect(literal.degree == 0)
    #expect(literal.steps == 3 * (1 + 2 + 2))

    let none = CELCostEstimate(try CELProgram("a + b > 3").expression)
    #expect(none.steps == 0 && none.degree == 0 && none.location == nil)

    // Saturates rather than overflowing.
    let deep = CELCostEstimate(try CELProgram("l.all(a, l.all(b, l.all(c, l.all(d, l.all(e, l.all(f, l.all(g, true)))))))").expression)
    #expect(deep.steps == Int.max && deep.degree == 7)
  }
}
