import Foundation
import Testing

@testable import CEL

@Suite("Regular expressions")
struct RegexTests {
  @Test("matches", arguments: [
    ("abc", "xabcx", true), ("^abc$", "xabcx", false), ("^a.c$", "abc", true), ("a.c", "a\nc", false),
    ("(?s)a.c", "a\nc", true), ("[a-c]+", "xbbx", true), ("^[^0-9]+$", "abc1", false), ("\\d{3}-\\d{4}", "555-1234", true),
    ("^\\w+$", "under_score9", true), ("\\s", "nospace", false), ("^\\S+$", "nospace", true), ("^\\D+$", "ab", true),
    ("^(ab|cd)+$", "abcdab", true), ("^(ab|cd)+$", "abca", false), ("^a{2,3}$", "aaaa", false), ("^a{2,}$", "aaaa", true),
    ("^a{2}$", "aa", true), ("^a*?b$", "aab", true), ("^(?:x|y)+?$", "xyx", true), ("(?i)hello", "HeLLo", true),
    ("(?i:h)ello", "Hello", true), ("(?i:h)ello", "HELLO", false), ("\\bcat\\b", "a cat!", true), ("\\bcat\\b", "concat", false),
    ("^[[:alpha:]]+$", "abcXYZ", true), ("\\pL+", "æøå", true), ("^\\p{Lu}", "Åse", true), ("^\\x41\\x{42}$", "AB", true),
    ("\\Q.*\\E", "a.*b", true), ("\\Q.*\\E", "ab", false), ("ñ+", "mañana", true), ("^.$", "😀", true), ("", "", true),
    ("(?m)^b$", "a\nb\nc", true), ("^b$", "a\nb\nc", false), ("a|", "zzz", true), ("[\\d.]+", "1.5", true),
  ])
  func matches(pattern: String, text: String, expected: Bool) throws {
    #expect(try CELRegex(pattern).matches(text) == expected)
  }

  @Test("unsupported or malformed syntax is a clear error", arguments: [
    ("(a)\\1", "backreferences"), ("(?=a)", "lookahead"), ("(?!a)", "lookahead"), ("(?<=a)b", "lookbehind"),
    ("(?<!a)b", "lookbehind"), ("(ab", "missing closing )"), ("ab)", "unexpected )"), ("[ab", "missing closing ]"),
    ("*a", "missing argument"), ("a**", "bad repetition"), ("a{1001}", "bad repetition"), ("[z-a]", "invalid character class range"),
    ("\\q", "invalid escape"), ("\\p{Nope}", "unknown Unicode class"),
  ])
  func errors(pattern: String, fragment: String) {
    do {
      _ = try CELRegex(pattern)
      Issue.record("expected \(pattern) to be rejected")
    } catch {
      #expect(error.message.contains(fragment), "\(error)")
    }
  }

  @Test("pathological patterns finish in linear time")
  func pathological() throws {
    let text = String(repeating: "a", count: 10_000)
    let start = Date()
    #expect(try CELRegex("(a*)*b").matches(text) == false)
    #expect(try CELRegex("(a|a)*b").matches(text) == false)
    #expect(try CELRegex("^(a+)+$").matches(text + "!") == false)
    #expect(Date().timeIntervalSince(start) < 5)
  }

  @Test("matches() in CEL, with literal and computed patterns")
  func inCEL() {
    #expect(evaluate("'sel85'.matches('^sel[0-9]+$')").value == .bool(true))
    #expect(evaluate("matches('abc', p)", ["p": "b"]).value == .bool(true))
    #expect(evaluate("'a'.matches('(')").isError)
    #expect(evaluate("'a'.matches('(') || true").value == .bool(true))
  }
}
