import Testing

@testable import CEL

@Suite("Parser")
struct ParserTests {
  @Test(
    "syntax errors carry line, column and offset",
    arguments: [
      ("1 +", "1:4: unexpected end of input"),
      ("size(x", "1:7: expected ')', found end of input"),
      ("a.b.(c)", "1:5: expected a field name after '.', found '('"),
      ("x = 1", "1:3: unexpected '=' (did you mean '=='?)"),
      ("if", "1:1: 'if' is a reserved word"),
      ("'unterminated", "1:1: unterminated string literal"),
      ("\"\\q\"", "1:2: invalid escape sequence '\\q'"),
      ("9223372036854775808", "1:1: int literal out of range"),
      ("a &&\n  (b ||)", "2:8: unexpected ')'"),
      ("[1, 2", "1:6: expected ']', found end of input"),
      ("x.all(1, true)", "1:7: all() needs a simple variable name as its first argument"),
      ("has(x)", "1:5: has() needs a field selection, such as has(x.f)"),
      ("'é' + #", "1:7: unexpected character '#'"),
    ])
  func syntaxErrors(source: String, rendered: String) {
    #expect(throws: CELParseError.self) { try CELProgram(source) }
    do {
      _ = try CELProgram(source)
    } catch {
      #expect(error.description == rendered)
    }
  }

  @Test("the offset is in UTF-8 bytes, the column in code points")
  func offsetsAndColumns() throws {
    do {
      _ = try CELProgram("'ééé' + ]")
      Issue.record("expected a syntax error")
    } catch {
      #expect(error.location.column == 9)
      #expect(error.location.offset == 11)
      #expect(error.caretDiagram(source: "'ééé' + ]") == "'ééé' + ]\n        ^")
    }
  }

  @Test("deep nesting is an error, not a crash", arguments: [
    String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000),
    String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000),
    Array(repeating: "1", count: 3000).joined(separator: " + "),
    String(repeating: "-", count: 3000) + "1",
    String(repeating: "a.", count: 3000) + "b",
  ])
  func deepNesting(source: String) {
    #expect(throws: CELParseError.self) { try CELProgram(source) }
  }

  @Test("expressions just inside the limits evaluate without exhausting the stack")
  func nearLimits() throws {
    let chain = Array(repeating: "1", count: 390).joined(separator: " + ")
    #expect(try CELProgram(chain).evaluate().value == .int(390))
    let nested = String(repeating: "[", count: 95) + "7" + String(repeating: "]", count: 95)
    #expect(try CELProgram("size(\(nested))").evaluate().value == .int(1))
    let logic = Array(repeating: "x", count: 390).joined(separator: " && ")
    #expect(try CELProgram(logic).evaluate(["x": true]).value == .bool(true))
  }

  @Test("32 levels of nesting are supported, as the spec requires")
  func requiredNesting() throws {
    let source = String(repeating: "(", count: 32) + "7" + String(repeating: ")", count: 32)
    #expect(try CELProgram(source).evaluate().value == .int(7))
  }

  @Test("AST nodes carry their source positions and qualified names")
  func astLocations() throws {
    let program = try CELProgram("proposal.citizen.age >= 18 &&\n  x in ['a']")
    var found: [String: CELSourceLocation] = [:]
    program.expression.walk { e in
      if case .select = e.kind, let name = e.qualifiedName { found[name] = e.location }
      if case .call(let f, _, _) = e.kind { found[f] = e.location }
    }
    #expect(found["proposal.citizen.age"] == CELSourceLocation(offset: 17, line: 1, column: 18))
    #expect(found["_>=_"]?.column == 22)
    #expect(found["@in"] == CELSourceLocation(offset: 34, line: 2, column: 5))
    #expect(program.variableNames == ["proposal", "x"])
  }

  @Test("literals", arguments: [
    ("0x1F", CELValue.int(31)), ("7u", .uint(7)), ("-9223372036854775808", .int(Int64.min)),
    (".5", .double(0.5)), ("1e3", .double(1000)), ("r'\\n'", .string("\\n")), ("'''a\nb'''", .string("a\nb")),
    ("b'\\xff'", .bytes([0xFF])), ("'\\u00e9'", .string("é")), ("\"\\101\"", .string("A")),
    ("// comment\n1", .int(1)), ("{'a': 1}.`a`", .int(1)),
  ])
  func literals(source: String, value: CELValue) throws {
    #expect(try CELProgram(source).evaluate().value == value)
  }
}
