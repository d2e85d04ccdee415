import CEL
import Foundation
@testable import PrincipEngine
import Testing

/// The one-pass reader at its edges (numbers at limits, escapes, long strings, dates,
/// enums, unusual keys): for each record it gives what parse + validate give, or
/// leaves the record to them, never a different value.
struct AuditFastReaderEdgeTests {
  let library: RuleLibrary

  init() throws {
    library = try #require(RuleLibrary.load(try RuleFiles.directory(Fixtures.rules)).library)
  }

  /// A schema read from JSON text.
  private func schema(_ json: String) throws -> ProposalSchema {
    try ProposalSchema(json: Data(json.utf8), file: "schema.json")
  }

  /// The general path's value, or `nil` for an error row.
  private func general(_ json: String, mapping: ColumnMapping? = nil, schema: ProposalSchema) -> CELValue? {
    guard let parsed = try? CELValue.parseJSON(json) else { return nil }
    return try? ProposalReader(schema: schema).validate(mapping.map { $0.renamed(parsed) } ?? parsed, record: SourceLocation(file: "t"))
  }

  private func fast(_ json: String, mapping: ColumnMapping? = nil, schema: ProposalSchema) throws -> CELValue? {
    let reader = try #require(SchemaDirectedReader(schema: schema, mapping: mapping))
    return Array(json.utf8).withUnsafeBufferPointer { reader.read($0) }
  }

  /// The fast path gives the general path's value or nothing; `fastPath` says which.
  private func check(_ json: String, schema: ProposalSchema, fastPath: Bool?, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let expected = general(json, schema: schema)
    let got = try fast(json, schema: schema)
    if let got {
      #expect(expected != nil, "fast path accepted what the general path rejects: \(json)", sourceLocation: sourceLocation)
      #expect(got.description == expected?.description, "\(json)", sourceLocation: sourceLocation)
      if let expected { #expect(Self.sameTypes(got, expected), "\(json)", sourceLocation: sourceLocation) }
    }
    if let fastPath { #expect((got != nil) == fastPath, "\(json)", sourceLocation: sourceLocation) }
  }

  /// Whether two values have the same types all the way down (descriptions alone do not
  /// tell 1 from 1.0 in every case).
  private static func sameTypes(_ a: CELValue, _ b: CELValue) -> Bool {
    switch (a, b) {
    case (.list(let x), .list(let y)): return x.count == y.count && zip(x, y).allSatisfy { sameTypes($0, $1) }
    case (.map(let x), .map(let y)):
      return x.count == y.count && (0..<x.count).allSatisfy { x.key(at: $0) == y.key(at: $0) && sameTypes(x.value(at: $0), y.value(at: $0)) }
    default: return a.typeName == b.typeName && a == b
    }
  }

  private let numbers = #"""
    {"type":"object","additionalProperties":false,"properties":{
      "i":{"type":"integer"},"n":{"type":"number"},"lo":{"type":"integer","minimum":-5,"maximum":5},
      "s":{"type":"string","minLength":3},"d":{"type":"string","format":"date"},
      "e":{"type":"string","enum":["a","bb","ccc","lang_værdi"]},"es":{"type":"string","enum":["x","yyyy"],"minLength":2},
      "l":{"type":"array","items":{"type":"integer"},"minItems":2},
      "o":{"type":"object","properties":{"k":{"type":"boolean"}},"additionalProperties":{"type":"string"}}}}
    """#

  @Test(arguments: [
    "0", "-0", "7", "-7", "123456789012345678", "-123456789012345678", "999999999999999999", "1234567890123456789",
    "9223372036854775807", "-9223372036854775807", "-9223372036854775808", "9223372036854775808", "-9223372036854775809",
    "18446744073709551616", "123456789012345678901234567890", "1.0", "1.5", "-0.0", "1e3", "1E3", "1e+3", "1e-3", "2.5e2",
    "9e15", "8999999999999999", "9000000000000001", "1e400", "01", "-", "1.", ".5", "1e", "1e+", "+1", "0x10", "1.e3", "--1",
  ])
  func numbersAtTheLimitsReadAsTheGeneralPathReadsThem(number: String) throws {
    let schema = try schema(numbers)
    for field in ["i", "n", "lo"] {
      try check(#"{"\#(field)":\#(number)}"#, schema: schema, fastPath: nil)
      try check(#"{"\#(field)": \#(number) }"#, schema: schema, fastPath: nil)
    }
  }

  @Test func plainNumbersTakeTheFastPath() throws {
    let schema = try schema(numbers)
    try check(#"{"i":123456789012345678,"n":-42,"lo":-5}"#, schema: schema, fastPath: true)
    try check(#"{"i":9223372036854775807,"n":1.25e2}"#, schema: schema, fastPath: true)
    try check(#"{"lo":6}"#, schema: schema, fastPath: false)
    try check(#"{"n":1.}"#, schema: schema, fastPath: false)
  }

  @Test(arguments: [
    "", "ab", "abc", "æø", "æøå", "e\u{301}e\u{301}", "e\u{301}e\u{301}e\u{301}", "🇩🇰🇩🇰", "🇩🇰🇩🇰🇩🇰",
    "exactly8", "sixteen_bytes_ab", String(repeating: "lang tekst ", count: 40), String(repeating: "æ", count: 33),
    #"a\"b"#, #"a\\b"#, #"a\nb"#, #"\u00e6"#, "tab\there", "a\u{7f}b",
  ])
  func stringsReadAsTheGeneralPathReadsThem(text: String) throws {
    let schema = try schema(numbers)
    try check(#"{"s":"\#(text)"}"#, schema: schema, fastPath: nil)
    try check(#"{"o":{"k":true,"x":"\#(text)"}}"#, schema: schema, fastPath: nil)
  }

  @Test func longStringsWithoutEscapesTakeTheFastPath() throws {
    let schema = try schema(numbers)
    for length in 3...40 {
      try check(#"{"s":"\#(String(repeating: "x", count: length))"}"#, schema: schema, fastPath: true)
      try check(#"{"s":"\#(String(repeating: "ø", count: length))"}"#, schema: schema, fastPath: true)
      // An escape or a control character at any offset leaves the record to the general path.
      try check(#"{"s":"\#(String(repeating: "x", count: length))\n"}"#, schema: schema, fastPath: false)
      try check("{\"s\":\"\(String(repeating: "x", count: length))\u{1}\"}", schema: schema, fastPath: false)
    }
    // Invalid UTF-8 is never accepted.
    var bytes = Array(#"{"s":"abcdefghij"}"#.utf8)
    bytes[8] = 0xFF
    let reader = try #require(SchemaDirectedReader(schema: schema, mapping: nil))
    #expect(bytes.withUnsafeBufferPointer { reader.read($0) } == nil)
  }

  @Test(arguments: [
    "2024-02-29", "2023-02-29", "2000-02-29", "1900-02-29", "2100-02-28", "0001-01-01", "0000-01-01", "9999-12-31",
    "1970-01-01", "1969-12-31", "2024-04-31", "2024-13-01", "2024-00-10", "2024-01-00", "2024-1-01", "2024/01/01",
    "2024-01-01T00:00:00Z", "２０２４-01-01", "1600-03-01", "0400-02-29",
  ])
  func datesReadAsTheGeneralPathReadsThem(date: String) throws {
    try check(#"{"d":"\#(date)"}"#, schema: try schema(numbers), fastPath: nil)
  }

  @Test func everyDayOfSomeYearsReadsTheSameBothWays() throws {
    let schema = try schema(numbers)
    for year in [1999, 2000, 2024] {
      for month in 1...12 {
        for day in 1...31 {
          let date = String(format: "%04d-%02d-%02d", year, month, day)
          try check(#"{"d":"\#(date)"}"#, schema: schema, fastPath: CivilDate(date) != nil)
        }
      }
    }
  }

  @Test func enumsMatchTheirBytesExactly() throws {
    let schema = try schema(numbers)
    for value in ["a", "bb", "ccc", "lang_værdi"] { try check(#"{"e":"\#(value)"}"#, schema: schema, fastPath: true) }
    for value in ["", "b", "cc", "cccc", "A", "lang_vaerdi", #"b\u0062"#, "lang_va\u{308}rdi"] {
      try check(#"{"e":"\#(value)"}"#, schema: schema, fastPath: false)
    }
    // Allowed values shorter than minLength never pass.
    try check(#"{"es":"x"}"#, schema: schema, fastPath: false)
    try check(#"{"es":"yyyy"}"#, schema: schema, fastPath: true)
  }

  @Test(arguments: ["true", "false", "tru", "fals", "falsy", "truex", "True", "FALSE", "null", "1", #""true""#, "t", ""])
  func booleansReadAsTheGeneralPathReadsThem(text: String) throws {
    let schema = try schema(numbers)
    try check(#"{"o":{"k":\#(text)}}"#, schema: schema, fastPath: ["true", "false"].contains(text))
    try check(#"{"o":{"k": \#(text) ,"x":"y"}}"#, schema: schema, fastPath: ["true", "false"].contains(text))
    try check(#"{"o":{"k":\#(text)"#, schema: schema, fastPath: false)
  }

  @Test func keysInAnyOrderWithSpacesAndAdditionalFields() throws {
    let schema = try schema(numbers)
    try check(#"{"o":{"x":"1","k":false,"y":"2"},"e":"a","i":1,"d":"2024-01-01","s":"abc"}"#, schema: schema, fastPath: true)
    try check(" {\t\"i\" :\n1 ,\r\"n\" : 2 , \"l\" : [ 1 , 2 ] } \n", schema: schema, fastPath: true)
    try check(#"{"o":{"x":"1","x":"2"}}"#, schema: schema, fastPath: false)
    try check(#"{"o":{"k":true,"k":true}}"#, schema: schema, fastPath: false)
    try check(#"{"o":{"x":1}}"#, schema: schema, fastPath: false)
    try check(#"{"o":{"ø":"1"}}"#, schema: schema, fastPath: false)
    try check(#"{"l":[1]}"#, schema: schema, fastPath: false)
    try check(#"{"l":[1,2,3,4,5,6,7,8,9]}"#, schema: schema, fastPath: true)
    try check(#"{"l":[1,2,]}"#, schema: schema, fastPath: false)
    try check(#"{"i":1,}"#, schema: schema, fastPath: false)
    try check(#"{"i":1"#, schema: schema, fastPath: false)
    try check(#"{"i":1}}"#, schema: schema, fastPath: false)
    try check(#"{"s":"abc"#, schema: schema, fastPath: false)
    try check(#"{"s":"abcdefghijklmnop"#, schema: schema, fastPath: false)
    try check("", schema: schema, fastPath: false)
  }

  @Test func manyFieldsMakeAnIndexedMap() throws {
    var properties: [String] = []
    var record: [String] = []
    for i in 0..<40 {
      properties.append(#""field_\#(i)":{"type":"integer"}"#)
      record.append(#""field_\#(39 - i)":\#(i)"#)
    }
    let schema = try schema(#"{"type":"object","properties":{\#(properties.joined(separator: ","))}}"#)
    let json = "{" + record.joined(separator: ",") + "}"
    try check(json, schema: schema, fastPath: true)
    let got = try #require(try fast(json, schema: schema))
    for i in 0..<40 { #expect(got["field_\(i)"] == .int(Int64(39 - i))) }
  }

  @Test func manyAdditionalFieldsGrowTheMap() throws {
    let schema = try schema(numbers)
    let extra = (0..<30).map { #""x\#($0)":"v\#($0)""# }.joined(separator: ",")
    try check(#"{"o":{"k":true,\#(extra)}}"#, schema: schema, fastPath: true)
  }

  @Test func theBundledSchemaReadsGeneratedLikeRecordsTheSameBothWays() throws {
    let json = #"{"case_id":"X-1","municipality":"halsnaes","decision_date":"2024-02-29","citizen":{"age":40},"interventions":[{"kind":"sel_85","hours_per_week":3,"yearly_cost":150000.5,"duration_weeks":12},{"kind":"sel_85"}]}"#
    try check(json, schema: library.schema, fastPath: true)
  }
}
