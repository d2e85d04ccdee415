@testable import PrincipEngine
import Testing

/// The byte formatting behind every result line.
struct ByteTextTests {
  private func text(_ build: (inout [UInt8]) -> Void) -> String {
    var bytes: [UInt8] = []
    build(&bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  @Test(arguments: [0, 7, 10, 99, 100, 2024, 123_456_789, -1, -42, Int.max, Int.min + 1, Int.min])
  func decimalsReadAsSwiftPrintsThem(_ value: Int) {
    #expect(text { $0.append(decimal: value) } == String(value))
  }

  @Test(arguments: ["2024-03-01", "1999-12-31", "2000-01-09"])
  func datesReadAsTheyWereWritten(_ date: String) throws {
    let parsed = try #require(CivilDate(date))
    #expect(text { $0.append(date: parsed) } == date)
  }

  @Test func jsonStringsEscapeQuotesBackslashesAndControlCharacters() {
    #expect(text { $0.append(jsonString: "plain æøå") } == "\"plain æøå\"")
    #expect(text { $0.append(jsonString: "a\"b\\c\nd\re\tf\u{1}g") } == #""a\"b\\c\nd\re\tf\u0001g""#)
    #expect(text { $0.append(jsonString: "\"") } == #""\"""#)
    #expect(text { $0.append(jsonString: "") } == "\"\"")
  }
}
