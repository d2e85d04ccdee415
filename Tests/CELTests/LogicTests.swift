import Testing

@testable import CEL

/// The commutative `&&`, `||`, `!` and `?:` over values, errors and unknowns.
@Suite("Logical operators and unknowns")
struct LogicTests {
  /// Operand expressions: `u` and `v` are absent fields (unknown in that mode), `1/0 == 1`
  /// an error.
  enum Operand: String, CaseIterable, Sendable {
    case t = "true"
    case f = "false"
    case e = "1/0 == 1"
    case u = "p.u"
    case v = "p.v"
  }

  enum Outcome: Equatable, CustomStringConvertible {
    case value(Bool)
    case error
    case unknown([String])

    init(_ r: CELResult) {
      switch r {
      case .value(.bool(let b)): self = .value(b)
      case .value: self = .error
      case .error: self = .error
      case .unknown(let u): self = .unknown(u.paths)
      }
    }

    var description: String {
      switch self {
      case .value(let b): "\(b)"
      case .error: "error"
      case .unknown(let p): "unknown\(p)"
      }
    }
  }

  static func run(_ source: String) -> Outcome {
    Outcome(evaluate(source, ["p": .map(CELMap())], absentAsUnknown: true))
  }

  static let and: [(Operand, Operand, Outcome)] = [
    (.t, .t, .value(true)), (.t, .f, .value(false)), (.t, .e, .error), (.t, .u, .unknown(["p.u"])),
    (.f, .t, .value(false)), (.f, .f, .value(false)), (.f, .e, .value(false)), (.f, .u, .value(false)),
    (.e, .t, .error), (.e, .f, .value(false)), (.e, .e, .error), (.e, .u, .unknown(["p.u"])),
    (.u, .t, .unknown(["p.u"])), (.u, .f, .value(false)), (.u, .e, .unknown(["p.u"])),
    (.u, .v, .unknown(["p.u", "p.v"])),
  ]

  @Test("&& truth table", arguments: and)
  func andTable(a: Operand, b: Operand, expected: Outcome) {
    #expect(LogicTests.run("(\(a.rawValue)) && (\(b.rawValue))") == expected)
  }

  static let or: [(Operand, Operand, Outcome)] = [
    (.t, .t, .value(true)), (.t, .f, .value(true)), (.t, .e, .value(true)), (.t, .u, .value(true)),
    (.f, .t, .value(true)), (.f, .f, .value(false)), (.f, .e, .error), (.f, .u, .unknown(["p.u"])),
    (.e, .t, .value(true)), (.e, .f, .error), (.e, .e, .error), (.e, .u, .unknown(["p.u"])),
    (.u, .t, .value(true)), (.u, .f, .unknown(["p.u"])), (.u, .e, .unknown(["p.u"])),
    (.u, .v, .unknown(["p.u", "p.v"])),
  ]

  @Test("|| truth table", arguments: or)
  func orTable(a: Operand, b: Operand, expected: Outcome) {
    #expect(LogicTests.run("(\(a.rawValue)) || (\(b.rawValue))") == expected)
  }

  @Test("! and ?: are strict in their condition", arguments: [
    ("!(p.u)", Outcome.unknown(["p.u"])), ("!(1/0 == 1)", .error), ("!true", .value(false)),
    ("p.u ? true : false", .unknown(["p.u"])), ("true ? p.u : 1/0 == 1", .unknown(["p.u"])),
    ("false ? p.u : true", .value(true)), ("(1/0 == 1) ? true : true", .error),
  ])
  func strictConditions(source: String, expected: Outcome) {
    #expect(LogicTests.run(source) == expected)
  }

  @Test("strict operators merge unknowns, which beat errors", arguments: [
    ("p.u + p.v == 1", Outcome.unknown(["p.u", "p.v"])), ("p.u + 1/0 == 1", .unknown(["p.u"])),
    ("size(p.u) > 0", .unknown(["p.u"])), ("[p.u, p.v] == []", .unknown(["p.u", "p.v"])),
  ])
  func strictOperators(source: String, expected: Outcome) {
    #expect(LogicTests.run(source) == expected)
  }

  @Test("macros absorb like && and ||", arguments: [
    ("[1, 2].exists(x, x == 2 || p.u)", Outcome.value(true)),
    ("[1, 2].exists(x, x == 3 || p.u)", .unknown(["p.u"])),
    ("[1, 2].all(x, x == 3 && p.u)", .value(false)),
    ("[1, 2].all(x, x > 0 && p.u)", .unknown(["p.u"])),
    ("[0, 1].exists(x, 1 / x == 1)", .value(true)),
    ("[0, 2].exists(x, 1 / x == 1)", .error),
    ("[1, 2].exists_one(x, x == 1 || p.u)", .unknown(["p.u"])),
    ("[1, 2].map(x, p.u)", .unknown(["p.u"])),
    ("[1, 2].filter(x, p.u)", .unknown(["p.u"])),
  ])
  func macros(source: String, expected: Outcome) {
    #expect(LogicTests.run(source) == expected)
  }
}

@Suite("Membership")
struct MembershipTests {
  static let long = "['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 1, 2u, true]"

  @Test("a long literal list answers like a short one", arguments: [
    ("'h' in \(long)", true), ("'z' in \(long)", false), ("1.0 in \(long)", true), ("2 in \(long)", true),
    ("1.5 in \(long)", false), ("true in \(long)", true), ("null in \(long)", false), ("[1] in \(long)", false),
    ("x in \(long)", true),
  ])
  func longLists(source: String, expected: Bool) {
    #expect(evaluate(source, ["x": "c"]).value == .bool(expected))
  }
}
