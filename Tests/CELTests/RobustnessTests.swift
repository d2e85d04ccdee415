import Testing

@testable import CEL

/// Random inputs must give values, errors or syntax errors: never a crash or a hang.
@Suite("Robustness on random input")
struct RobustnessTests {
  /// A small deterministic generator (SplitMix64), so failures reproduce.
  struct Generator {
    var state: UInt64

    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }

    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
  }

  static let fragments = [
    "x", "y", ".a", ".b", "[0]", "['a']", "(", ")", "[", "]", "{", "}", ":", ",", "+", "-", "*", "/", "%",
    "==", "!=", "<", ">=", "&&", "||", "!", "?", "in", "1", "0", "-1", "2u", "1.5", "'s'", "b'\\x00'",
    "null", "true", "size(", "int(", "string(", "timestamp('2024-01-01T00:00:00Z')", "duration('1s')",
    ".all(v, ", ".exists(v, ", ".map(v, ", ".filter(v, ", "v", "has(", ".matches('a*')", "9223372036854775807",
    "'\\u00e9'", "r'\\d'", "\"\"\"t\"\"\"", "date('2024-02-29')", "monthsBetween(", "`k`", ".", "u", "e", "\\",
  ]

  @Test("random expressions", arguments: 0..<8)
  func randomExpressions(seed: UInt64) {
    var g = Generator(state: seed)
    let x: CELValue = ["a": [1, "two", ["b": true]], "b": 2.5]
    for _ in 0..<500 {
      let n = Int(g.next() % 16) + 1
      let source = (0..<n).map { _ in g.pick(RobustnessTests.fragments) }.joined(separator: g.next() % 3 == 0 ? " " : "")
      guard let program = try? CELProgram(source) else { continue }
      _ = program.evaluate(CELActivation(["x": x, "y": [x, x]], absentFieldsAreUnknown: g.next() % 2 == 0))
      _ = CELTypeChecker(declarations: ["x": .dyn, "y": .list(.map(.string, .dyn))]).check(program)
    }
  }

  @Test("random JSON", arguments: 0..<4)
  func randomJSON(seed: UInt64) {
    var g = Generator(state: seed)
    let pieces = ["{", "}", "[", "]", ":", ",", "\"k\"", "\"\\u00e9\"", "\"\\ud83d\"", "1", "-0.5e3", "true", "null", " ", "\"", "\\", "\u{1}", "é"]
    var parser = CELJSONParser()
    for _ in 0..<1000 {
      let n = Int(g.next() % 24) + 1
      let text = (0..<n).map { _ in g.pick(pieces) }.joined()
      _ = try? parser.parse(Array(text.utf8))
      _ = try? CELValue.parseJSON(text)
    }
  }

  @Test("random regular expressions", arguments: 0..<4)
  func randomRegex(seed: UInt64) {
    var g = Generator(state: seed)
    let pieces = ["a", "b", ".", "*", "+", "?", "|", "(", ")", "[", "]", "^", "$", "{2}", "{1,3}", "\\d", "\\w", "(?i)", "[^a]", "\\", "-", "é"]
    for _ in 0..<1000 {
      let n = Int(g.next() % 12) + 1
      let pattern = (0..<n).map { _ in g.pick(pieces) }.joined()
      _ = (try? CELRegex(pattern))?.matches("aab\nAé1")
    }
  }
}
