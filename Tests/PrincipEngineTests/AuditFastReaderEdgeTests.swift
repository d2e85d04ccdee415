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
    [0xFF], [0xC0, 0x80], [0xC3], [0xE0, 0x80, 0x80], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF0, 0x8F, 0xBF, 0xBF],
    [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x9F, 0x98], [0xF8, 0x88, 0x80, 0x80, 0x80], [0x80], [0xEF, 0xBF, 0xBD, 0xFF],
  ] as [[UInt8]])
  func invalidUTF8InNonASCIIStringsIsNeverAccepted(bad: [UInt8]) throws {
    let reader = try #require(SchemaDirectedReader(schema: try schema(numbers), mapping: nil))
    // At the start, in the middle and at the end of strings of several lengths, next to
    // valid non-ASCII text (U+FFFD among it: what decoding would repair the bytes to).
    for prefix in ["", "æ", "�", "abcdefgh", "ø\(String(repeating: "x", count: 20))"] {
      for suffix in ["", "å", "�", "12345678", String(repeating: "y", count: 17)] {
        var record = Array(#"{"s":""#.utf8) + Array(prefix.utf8) + bad + Array(suffix.utf8) + Array(#""}"#.utf8)
        #expect(record.withUnsafeBufferPointer { reader.read($0) } == nil, "\(prefix) \(bad) \(suffix)")
        record = Array(#"{"o":{"k":true,"x":""#.utf8) + Array(prefix.utf8) + bad + Array(suffix.utf8) + Array(#""}}"#.utf8)
        #expect(record.withUnsafeBufferPointer { reader.read($0) } == nil, "\(prefix) \(bad) \(suffix)")
      }
    }
  }

  @Test func validNonASCIIStringsTakeTheFastPath() throws {
    let schema = try schema(numbers)
    for text in ["æøå", "�", "a�b", "日本語のテキスト", "😀 emoji", "e\u{301}", String(repeating: "Delmål ", count: 9), "\u{10FFFF}x"] {
      try check(#"{"s":"\#(text)"}"#, schema: schema, fastPath: nil)  // May be short of minLength.
      try check(#"{"o":{"k":true,"x":"\#(text)"}}"#, schema: schema, fastPath: true)
    }
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

  @Test func keysAreMatchedByAllTheirBytes() throws {
    // Names of every length up to 40, and near misses that differ in one byte anywhere:
    // at the start, in the middle (past the first and last eight bytes), at the end.
    var names: [String] = []
    for length in 1...40 { names.append(String((0..<length).map { Character(UnicodeScalar(UInt8(97 + $0 % 26))) })) }
    let properties = names.map { #""\#($0)":{"type":"integer"}"# }.joined(separator: ",")
    let schema = try schema(#"{"type":"object","additionalProperties":false,"properties":{\#(properties)}}"#)
    for name in names {
      try check(#"{"\#(name)":1}"#, schema: schema, fastPath: true)
      try check(#"{"\#(name)" : 1 }"#, schema: schema, fastPath: true)
      let bytes = Array(name.utf8)
      for offset in Set([0, bytes.count / 2, bytes.count - 1]) {
        var changed = bytes
        changed[offset] = UInt8(ascii: "_")
        try check(#"{"\#(String(decoding: changed, as: UTF8.self))":1}"#, schema: schema, fastPath: false)
      }
      try check(#"{"\#(name)_":1}"#, schema: schema, fastPath: false)
      if bytes.count > 1 { try check(#"{"\#(name.dropLast())_":1}"#, schema: schema, fastPath: false) }
    }
    // All of them in one record, in reverse order, then twice.
    let all = names.reversed().enumerated().map { #""\#($1)":\#($0)"# }.joined(separator: ",")
    try check("{\(all)}", schema: schema, fastPath: true)
    try check("{\(all),\(all)}", schema: schema, fastPath: false)
  }

  @Test func escapedKeysAndNamesThatNeedEscapesReadAsTheGeneralPathReadsThem() throws {
    let schema = try schema(#"{"type":"object","properties":{"abc":{"type":"integer"},"a\"b":{"type":"integer"},"a\\b":{"type":"integer"},"long_name_with_quote\"_inside":{"type":"integer"},"tab\there":{"type":"integer"},"ø":{"type":"integer"}}}"#)
    for key in [
      #"abc"#, #"ab\u0063"#, #"\u0061bc"#, #"abc\""#, #"a\"b"#, #"a\\b"#, #"a"b"#, #"long_name_with_quote\"_inside"#,
      #"long_name_with_quote"_inside"#, #"tab\there"#, "tab\there", "ø", #"\u00f8"#, "o\u{308}",
    ] {
      try check(#"{"\#(key)":1}"#, schema: schema, fastPath: nil)
      try check(#"{"abc":1,"\#(key)":2}"#, schema: schema, fastPath: nil)
      try check(#"{"\#(key)":1,"abc":2}"#, schema: schema, fastPath: nil)
    }
    try check(#"{"abc":1}"#, schema: schema, fastPath: true)
  }

  @Test func enumValuesAreMatchedByAllTheirBytes() throws {
    let values = ["a", "ab", "abcdefg", "abcdefgh", "abcdefghi", "abcdefgh_middle_ijklmnop", "abcdefgh_middle_ijklmnoq", "værdi_med_æøå_og_mere"]
    let list = values.map { #""\#($0)""# }.joined(separator: ",")
    let schema = try schema(#"{"type":"object","properties":{"e":{"type":"string","enum":[\#(list)]}}}"#)
    for value in values {
      try check(#"{"e":"\#(value)"}"#, schema: schema, fastPath: true)
      try check(#"{"e":"\#(value)x"}"#, schema: schema, fastPath: false)
    }
    for value in ["abcdefgh_middlE_ijklmnop", "abcdefgh_middle_ijklmnor", "b", "abcdefgj", "abcdefg_", "værdi_med_æøå_og_merE"] {
      try check(#"{"e":"\#(value)"}"#, schema: schema, fastPath: false)
    }
  }

  @Test func shortKeysAndValuesAtTheEndOfTheRecordAreRead() throws {
    // Fewer than eight bytes left after the key or value: read without reading past the end.
    let schema = try schema(#"{"type":"object","properties":{"a":{"type":"integer"},"b":{"type":"string","enum":["x","yz"]}}}"#)
    for json in [#"{"a":1}"#, #"{"b":"x"}"#, #"{"b":"yz"}"#, #"{"a":1,"b":"x"}"#, #"{"b":"x","a":1}"#] {
      try check(json, schema: schema, fastPath: true)
      // In a buffer of exactly the record's bytes, so that a read past the end would be caught.
      let reader = try #require(SchemaDirectedReader(schema: schema, mapping: nil))
      let bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: json.utf8.count)
      defer { bytes.deallocate() }
      _ = bytes.initialize(from: json.utf8)
      #expect(reader.read(UnsafeBufferPointer(bytes)) != nil, "\(json)")
    }
    try check(#"{"c":1}"#, schema: schema, fastPath: nil)
    try check(#"{"b":"y"}"#, schema: schema, fastPath: false)
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
