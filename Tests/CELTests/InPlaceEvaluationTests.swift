import Testing

@testable import CEL

/// The interpreter reads variables, fields and loop elements in place (through pointers
/// into the activation, map storage and lists). These tests pin the memory layout that
/// relies on, and the shapes with fast paths against their general results.
@Suite("In-place evaluation")
struct InPlaceEvaluationTests {
  @Test("stored layouts the interpreter reads through pointers")
  func layouts() {
    #expect(MemoryLayout<CELActivation.Binding>.offset(of: \.value) == 0)
    #expect(MemoryLayout<CELMap.Entry>.offset(of: \.key) == 0)
    #expect(MemoryLayout<CELMap.Entry>.offset(of: \.value) == MemoryLayout<CELValue>.stride)
  }

  static let proposal = json(
    """
    {"citizen": {"age": 34, "network_resources": ["sister"], "name": "a name longer than sixteen bytes"},
     "interventions": [
       {"type": "botilbud", "provider": "other_municipality", "hours": 25, "justification": ""},
       {"type": "botilbud", "provider": "own", "hours": 5, "phase_out_plan": "yes"},
       {"type": "stoette_kontaktperson", "provider": "private", "hours": 10.5}],
     "labels": {"x": 1, "y": 2}, "levels": {"botilbud": 3, "own": 1, "a name longer than sixteen bytes": 4}}
    """)

  static func check(_ source: String, _ expected: CELResult, unknown: Bool = true, sourceLocation: SourceLocation = #_sourceLocation) {
    var activation = CELActivation(absentFieldsAreUnknown: unknown)
    activation.bind("proposal", to: proposal)
    if case .list(let items) = proposal["interventions"] {
      activation.bind("intervention", to: items[1], pathPrefix: "proposal.interventions[1]")
    }
    let result = (try? CELProgram(source))?.evaluate(activation)
    #expect(result.map(describe) == describe(expected), "\(source)", sourceLocation: sourceLocation)
  }

  /// The result, with an error's kind and message but not its location.
  static func describe(_ result: CELResult) -> String {
    if case .error(let e) = result { return "error \(e.kind): \(e.message)" }
    return "\(result)"
  }

  @Test("relations and membership against constants and other fields")
  func relations() {
    InPlaceEvaluationTests.check("intervention.provider in ['other_municipality', 'private']", .value(false))
    InPlaceEvaluationTests.check("intervention.type == 'botilbud'", .value(true))
    InPlaceEvaluationTests.check("proposal.citizen.name == 'a name longer than sixteen bytes'", .value(true))
    InPlaceEvaluationTests.check("intervention.hours > 20", .value(false))
    InPlaceEvaluationTests.check("intervention.hours > 'x'", .error(.noOverload("_>_", .int(5), .string("x"))))
    InPlaceEvaluationTests.check("intervention.justification != ''", .unknown(CELUnknown(path: "proposal.interventions[1].justification")))
    InPlaceEvaluationTests.check("intervention.hours in 5", .error(.noOverload("@in", .int(5), .int(5))))
    InPlaceEvaluationTests.check("proposal.interventions[0].type == intervention.type", .value(true))
  }

  @Test("==, relations and in on stored values agree with the general operators")
  func stringFastPaths() throws {
    let long = "a name longer than sixteen bytes"
    // Values read in place from variables, and literals (which compile to constants).
    let stored: [CELValue] = [
      "", "a", "b", .string(long), .string(String(long.dropLast()) + "z"), "é", "e\u{301}", 1, 1.0, true, .null,
      ["a"], ["b", 1], [.string(long), "a"], [], ["a": 1], -3, 2, .int(.max), .uint(1), 2.5, .double(.nan), false,
    ]
    let literals: [(String, CELValue)] = [
      ("''", ""), ("'a'", "a"), ("'\(long)'", .string(long)), ("'é'", "é"), ("1", 1), ("null", .null),
      ("['a', 'b']", ["a", "b"]), ("['b', 1]", ["b", 1]), ("[1.0]", [1.0]), ("[]", []), ("true", true), ("false", false),
      ("2", 2), ("-3", -3), ("1u", .uint(1)), ("2.0", 2.0),
    ]
    let relations: [(String, Operators.Relation)] = [
      ("==", .equal), ("!=", .notEqual), ("<", .less), ("<=", .lessOrEqual), (">", .greater), (">=", .greaterOrEqual),
    ]
    func expect(_ source: String, _ activation: CELActivation, _ general: CELResult) throws {
      let result = try CELProgram(source).evaluate(activation)
      #expect(InPlaceEvaluationTests.describe(result) == InPlaceEvaluationTests.describe(general), "\(source)")
    }
    for x in stored {
      for y in stored {
        let activation = CELActivation(["x": x, "y": y])
        for (symbol, op) in relations { try expect("x \(symbol) y", activation, Operators.relation(op, x, y)) }
        try expect("x in y", activation, Operators.membership(x, y))
      }
      let activation = CELActivation(["x": x])
      for (text, y) in literals {
        for (symbol, op) in relations { try expect("x \(symbol) \(text)", activation, Operators.relation(op, x, y)) }
        try expect("x in \(text)", activation, Operators.membership(x, y))
        try expect("\(text) in x", activation, Operators.membership(y, x))
      }
    }
  }

  @Test("indexing stored maps and lists")
  func indexing() {
    InPlaceEvaluationTests.check("proposal.interventions[1].type == intervention.type", .value(true))
    InPlaceEvaluationTests.check("proposal.interventions[2u].provider", .value("private"))
    InPlaceEvaluationTests.check("proposal.interventions[1.0].hours", .value(5))
    InPlaceEvaluationTests.check("proposal.interventions[3]", .error(CELError(.outOfRange, "index 3 out of range for a list of 3 elements")))
    InPlaceEvaluationTests.check("proposal.labels['y'] > proposal.labels.x", .value(true))
    InPlaceEvaluationTests.check("proposal.labels['z']", .unknown(CELUnknown(path: "proposal.labels.z")))
    InPlaceEvaluationTests.check("proposal.labels[intervention.type]", .error(CELError(.noSuchKey, "no such key: \"botilbud\"")))
    InPlaceEvaluationTests.check("proposal.labels['z']", .error(CELError(.noSuchKey, "no such key: \"z\"")), unknown: false)
    InPlaceEvaluationTests.check("{1: 'one'}[1.0] + {true: 'x'}[true]", .value("onex"))
    InPlaceEvaluationTests.check("proposal.labels[[1]]", .error(.noOverload("_[_]", .map(CELMap()), .list([]))))
    // Keys read in place from fields (`ladder[intervention.kind]`).
    InPlaceEvaluationTests.check("proposal.levels[intervention.type] + proposal.levels[intervention.provider]", .value(4))
    InPlaceEvaluationTests.check("proposal.levels[proposal.citizen.name]", .value(4))
    let proposal = InPlaceEvaluationTests.proposal
    // No unknown: the key is no literal or variable, so the selection names no path.
    InPlaceEvaluationTests.check(
      "proposal.levels[proposal.interventions[2].type]", Operators.index(proposal["levels"]!, "stoette_kontaktperson"))
    InPlaceEvaluationTests.check("proposal.interventions[intervention.type]", Operators.index(proposal["interventions"]!, "botilbud"))
    InPlaceEvaluationTests.check("intervention.type[intervention.type]", Operators.index("botilbud", "botilbud"))
  }

  @Test("size and has on stored values")
  func sizeAndHas() {
    InPlaceEvaluationTests.check("size(proposal.citizen.network_resources) > 0", .value(true))
    InPlaceEvaluationTests.check("size(proposal.labels)", .value(2))
    InPlaceEvaluationTests.check("size(intervention.type)", .value(8))
    InPlaceEvaluationTests.check("size(intervention.hours)", .error(.noOverload("size", .int(5))))
    InPlaceEvaluationTests.check("has(intervention.phase_out_plan)", .value(true))
    InPlaceEvaluationTests.check("has(proposal.citizen.wishes)", .value(false))
    InPlaceEvaluationTests.check("has(proposal.household.size)", .value(false))
    InPlaceEvaluationTests.check("has(intervention.type.x)", .error(CELError(.noSuchKey, "has() cannot test field 'x' of type 'string'")))
  }

  @Test("loops read their elements in place, over lists and map keys")
  func loops() {
    InPlaceEvaluationTests.check("proposal.interventions.all(i, proposal.interventions.exists_one(j, j.type == i.type))", .value(false))
    InPlaceEvaluationTests.check("proposal.interventions.filter(i, i.hours > 6).map(i, i.provider)", .value(["other_municipality", "private"]))
    InPlaceEvaluationTests.check("proposal.labels.filter(k, proposal.labels[k] > 1)", .value(["y"]))
    InPlaceEvaluationTests.check("proposal.interventions.exists(i, i.justification == 'x')", .unknown(CELUnknown(paths: ["proposal.interventions[1].justification", "proposal.interventions[2].justification"])))
    InPlaceEvaluationTests.check("[[1, 2], [3]].map(l, l.map(x, x * 2))", .value([[2, 4], [6]]))
    InPlaceEvaluationTests.check("[].all(x, x > 0) && !{}.exists(k, true)", .value(true))
  }

  @Test("a dotted binding still takes precedence over field selection")
  func dottedNames() {
    let activation = CELActivation(["a.b": "whole", "a": ["b": "field"]])
    #expect((try? CELProgram("a.b == 'whole'"))?.evaluate(activation).boolValue == true)
    #expect((try? CELProgram("a.b in ['whole']"))?.evaluate(activation).boolValue == true)
  }

  @Test("byte-wise string equality at every length around the word size")
  func stringEquality() {
    for n in 1...40 {
      let base = String(repeating: "a", count: n)
      // Built at run time, so that equal texts have separate buffers.
      let same = String(decoding: Array(base.utf8), as: UTF8.self)
      #expect(base.celEquals(same))
      for k in 0..<n {
        var bytes = Array(base.utf8)
        bytes[k] = UInt8(ascii: "b")
        #expect(!base.celEquals(String(decoding: bytes, as: UTF8.self)), "length \(n), byte \(k)")
      }
      #expect(!base.celEquals(base + "a"))
    }
    #expect(!"é".celEquals("e\u{301}"))
  }

  @Test("logic keeps its results when one side is a bool")
  func logic() {
    InPlaceEvaluationTests.check("true && intervention.hours > 1", .value(true))
    InPlaceEvaluationTests.check("false || intervention.hours > 10", .value(false))
    InPlaceEvaluationTests.check("true && intervention.hours", .error(.noOverload("_&&_", .int(5))))
    InPlaceEvaluationTests.check("false || intervention.missing", .unknown(CELUnknown(path: "proposal.interventions[1].missing")))
  }
}

/// `size` of a string counts code points: not bytes, not grapheme clusters.
@Suite("String size")
struct StringSizeTests {
  static let texts: [(String, Int64)] = [
    ("", 0), ("abc", 3), ("æøå", 3), ("Nedtrapning efter 12 måneder", 28), ("e\u{301}", 2), ("😀a", 2),
    (String(repeating: "ø", count: 40), 40),
  ]

  @Test("code points of ASCII, multi-byte, combining and astral text", arguments: texts)
  func codePoints(_ text: String, _ expected: Int64) {
    #expect(evaluate("size(s)", ["s": .string(text)]).value == .int(expected))
    #expect(evaluate("s.size()", ["s": .string(text)]).value == .int(expected))
    #expect(Int64(text.unicodeScalars.count) == expected)
  }
}
