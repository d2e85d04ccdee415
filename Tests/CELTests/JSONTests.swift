import Foundation
import Testing

@testable import CEL

@Suite("JSON reading and writing")
struct JSONTests {
  @Test("numbers, strings and nesting")
  func reading() throws {
    let v = try CELValue.parseJSON(#"{"i": 42, "d": 1.5, "e": 1e2, "big": 99999999999999999999, "s": "a\u00e9\n\ud83d\ude00", "l": [true, null], "m": {}}"#)
    #expect(v["i"] == .int(42))
    #expect(v["d"] == .double(1.5))
    #expect(v["e"].flatMap { if case .double(let d) = $0 { d } else { nil } } == 100)
    #expect(v["big"]?.typeName == "double")
    #expect(v["s"] == .string("aé\n😀"))
    #expect(v["l"] == .list([.bool(true), .null]))
    #expect(v["m"] == .map(CELMap()))
  }

  @Test("errors carry offset, line and column", arguments: [
    ("{\"a\": 1,}", 1, 9, "expected a string key"),
    ("{\"a\": 1}\n  x", 2, 3, "unexpected text after the JSON value"),
    ("[1, 2", 1, 6, "unexpected end of input, expected ',' or ']'"),
    ("{\n  \"k\": tru }", 2, 8, "invalid literal, expected 'true'"),
    ("{\"a\": 1, \"a\": 2}", 1, 1, "duplicate key in object"),
    ("\"é\u{1}\"", 1, 3, "control character in string"),
    ("01", 1, 1, "leading zeros are not allowed in numbers"),
  ])
  func errors(text: String, line: Int, column: Int, message: String) {
    do {
      _ = try CELValue.parseJSON(text)
      Issue.record("expected an error for \(text)")
    } catch {
      #expect(error.line == line)
      #expect(error.column == column)
      #expect(error.message == message)
    }
  }

  @Test("deep nesting is an error, not a crash")
  func deepNesting() {
    #expect(throws: CELJSONError.self) { try CELValue.parseJSON(String(repeating: "[", count: 100_000)) }
  }

  @Test("a reusable parser gives the same values, with many keys")
  func reusableParser() throws {
    var parser = CELJSONParser()
    let keys = (0..<40).map { "\"key\($0)\": \($0)" }.joined(separator: ", ")
    for _ in 0..<3 {
      let v = try parser.parse(Array("{\(keys)}".utf8))
      #expect(v.mapValue?.count == 40)
      #expect(v["key39"] == .int(39))
      #expect(v["key40"] == nil)
    }
  }

  @Test("writing follows CEL's JSON mapping")
  func writing() {
    let v: CELValue = .list([
      .bytes([0, 255]), .double(.nan), .double(-.infinity), .uint(18_446_744_073_709_551_615), "q\"\n",
      .duration(CELDuration(nanoseconds: 1_500_000_000)), .type(.timestamp),
    ])
    #expect(v.jsonText == #"["AP8=","NaN","-Infinity",18446744073709551615,"q\"\n","1.5s","google.protobuf.Timestamp"]"#)
  }

  @Test("Foundation JSON objects convert")
  func foundation() throws {
    let v = CELValue(json: ["a": 1, "b": [true, 2.5, "x"], "c": NSNull()] as [String: Any])
    #expect(v?["a"] == .int(1))
    #expect(v?["b"] == .list([.bool(true), .double(2.5), .string("x")]))
    #expect(v?["c"] == .null)
  }
}
