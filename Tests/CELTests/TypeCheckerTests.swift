import Testing

@testable import CEL

@Suite("Type checker")
struct TypeCheckerTests {
  static let checker = CELTypeChecker(declarations: [
    "proposal": .object(fields: [
      "citizen": .object(fields: ["age": .int, "wishes": .string, "participated": .bool]),
      "interventions": .list(.object(fields: [
        "kind": .string(oneOf: ["sel85", "sel107", "sel108"]), "hoursPerWeek": .double, "goals": .list(.string),
      ])),
      "extra": .dyn,
      "start": .timestamp,
    ])
  ])

  static func diagnostics(_ source: String) throws -> [String] {
    try checker.check(CELProgram(source)).diagnostics.map(\.description)
  }

  @Test("valid expressions pass", arguments: [
    "proposal.citizen.age >= 18 && proposal.citizen.participated",
    "proposal.interventions.exists(i, i.kind == 'sel85' && i.hoursPerWeek > 5)",
    "proposal.interventions.all(i, i.kind in ['sel107', 'sel108'] || size(i.goals) > 0)",
    "proposal.extra.anything.goes == 3 && proposal.extra[0] in [1, 'a']",
    "monthsBetween(proposal.start, date('2024-01-01')) >= 6",
    "proposal.citizen.age == 18.0 && has(proposal.citizen.wishes) && proposal.citizen.wishes.matches('x')",
  ])
  func valid(source: String) throws {
    #expect(try TypeCheckerTests.diagnostics(source) == [])
  }

  @Test("problems are reported with place and suggestion", arguments: [
    ("proposal.citizen.agee > 1", "1:18: 'proposal.citizen' has no field 'agee' (did you mean 'age'?)"),
    ("proposal.citizen.age == '18'", "1:22: '==' compares int with string; the result is always false (did you mean 18 (an int, without quotes)?)"),
    ("proposal.interventions.exists(i, i.kind == 'sel58')", "1:44: \"sel58\" is not one of the values of i.kind (did you mean \"sel85\"?)"),
    ("proposal.interventions.exists(i, i.kind in ['sel85', 'sel1077'])", "1:54: \"sel1077\" is not one of the values of i.kind (did you mean \"sel107\"?)"),
    ("proposal.citizen.age in ['a']", "1:22: 'in' looks for int among string items; it is never found"),
    ("size(proposal.citizen.age) > 0", "1:1: no overload of 'size' accepts size(int) (expected one of: size(string), string.size(), size(bytes), bytes.size(), size(list(dyn)), list(dyn).size(), size(map(dyn, dyn)), map(dyn, dyn).size())"),
    ("sise(proposal.citizen.wishes) > 0", "1:1: unknown function 'sise' (did you mean 'size'?)"),
    ("proposl.citizen.age > 0", "1:1: undeclared variable 'proposl' (did you mean 'proposal'?)"),
    ("proposal.start == '2024-01-01'", "1:16: '==' compares timestamp with string; the result is always false (did you mean date(\"2024-01-01\")?)"),
    ("proposal.citizen.participated == ture", "1:34: undeclared variable 'ture' (did you mean 'true'?)"),
    ("proposal.citizen.participated + 1 > 0", "1:31: '+' is not defined for bool and int"),
    ("proposal.citizen.wishes.startsWith(1)", "1:25: no overload of 'startsWith' accepts string.startsWith(int) (expected one of: string.startsWith(string))"),
  ])
  func problems(source: String, expected: String) throws {
    #expect(try TypeCheckerTests.diagnostics(source) == [expected])
  }

  @Test("diagnostics point into multi-line sources")
  func multiLine() throws {
    let result = try TypeCheckerTests.checker.check("proposal.citizen.age > 0 &&\n  proposal.citizen.wishs != ''")
    #expect(result.diagnostics.map(\.location.line) == [2])
    #expect(result.diagnostics.first?.location.column == 20)
    #expect(result.diagnostics.first?.suggestion == "did you mean 'wishes'?")
    #expect(result.type == .bool)
  }

  @Test("the whole expression's type, when one is expected")
  func expected() throws {
    let checker = TypeCheckerTests.checker
    #expect(checker.check(try CELProgram("'text'").expression, expecting: .bool).diagnostics.map(\.description)
      == ["1:1: the expression must give bool, not string"])
    #expect(checker.check(try CELProgram("proposal.citizen.participated").expression, expecting: .bool).diagnostics.isEmpty)
    #expect(checker.check(try CELProgram("proposal.extra").expression, expecting: .bool).diagnostics.isEmpty)
    let problem = try #require(checker.check(try CELProgram("'text'").expression, expecting: .bool).diagnostics.first?.problem)
    #expect(problem == .wrongResultType(expected: .bool, found: .string))
  }

  @Test("inferred types")
  func inferred() throws {
    #expect(TypeCheckerTests.checker.check(try CELProgram("proposal.interventions.map(i, i.goals)")).type == .list(.list(.string)))
    #expect(TypeCheckerTests.checker.check(try CELProgram("proposal.citizen.age + 1")).type == .int)
  }
}
