import Foundation
import Testing

@testable import CEL

/// One case of the public CEL conformance suite (google/cel-spec tests/simple), as
/// stored in `Resources/simple.jsonl`.
struct ConformanceCase: Sendable, CustomTestStringConvertible {
  let id: String
  let expression: String
  let bindings: CELValue
  /// The expected value and its type name, or nil when evaluation must fail.
  let expected: (value: CELValue, type: String)?

  var testDescription: String { id }

  static let all: [ConformanceCase] = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Resources/simple.jsonl")
    guard let data = try? Data(contentsOf: url) else { return [] }
    var cases: [ConformanceCase] = []
    for line in data.split(separator: UInt8(ascii: "\n")) {
      guard let doc = try? CELValue.parseJSON(line),
        case .string(let file)? = doc["file"], case .string(let section)? = doc["section"],
        case .string(let name)? = doc["name"], case .string(let expr)? = doc["expr"]
      else { continue }
      var expected: (CELValue, String)?
      if case .string(let type)? = doc["type"], let value = doc["value"] { expected = (value, type) }
      cases.append(ConformanceCase(
        id: "\(file)/\(section)/\(name)", expression: expr, bindings: doc["bindings"] ?? .map(CELMap()),
        expected: expected))
    }
    return cases
  }()

  /// Cases known to fail, by id; empty while the whole suite passes. A case that starts
  /// failing is a regression; one listed here that passes again should be removed.
  static let knownFailures: Set<String> = []

  /// Whether evaluation gives the expected outcome, compared as the conformance runner
  /// does: through the JSON form of the value, with the CEL type name.
  func passes() -> Bool {
    var activation = CELActivation()
    if case .map(let m) = bindings {
      for (key, value) in m.pairs { if case .string(let name) = key { activation.bind(name, to: value) } }
    }
    guard let program = try? CELProgram(expression) else { return expected == nil }
    let result = program.evaluate(activation)
    guard let expected else {
      if case .value = result { return false }
      return true
    }
    guard case .value(let value) = result, value.typeName == expected.type,
      let roundTripped = try? CELValue.parseJSON(value.jsonText)
    else { return false }
    return ConformanceCase.same(roundTripped, expected.value)
  }

  /// Equality of JSON-form values, with NaN equal to itself.
  static func same(_ a: CELValue, _ b: CELValue) -> Bool {
    if case .double(let x) = a, case .double(let y) = b, x.isNaN && y.isNaN { return true }
    switch (a, b) {
    case (.list(let x), .list(let y)):
      return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
    case (.map(let x), .map(let y)):
      return x.count == y.count && x.pairs.allSatisfy { p in y[p.key].map { same(p.value, $0) } ?? false }
    default:
      return a == b
    }
  }
}

@Suite("CEL conformance suite")
struct ConformanceTests {
  @Test("the bundled suite is present")
  func suiteIsPresent() {
    #expect(ConformanceCase.all.count == 863)
  }

  @Test("conformance case", arguments: ConformanceCase.all)
  func conformance(_ c: ConformanceCase) {
    if ConformanceCase.knownFailures.contains(c.id) {
      withKnownIssue { #expect(c.passes(), "\(c.expression)") }
    } else {
      #expect(c.passes(), "\(c.expression)")
    }
  }
}
