import Foundation
import Testing

/// `princip check` end to end: the built binary's output and exit codes
/// (docs/exit-codes.md). Skipped when the binary has not been built.
@Suite(.enabled(if: PrincipProcess.binary != nil, "princip is not built: run `swift build` first (.ci/run does)"))
struct CheckCommandTests {
  private let examples = "Examples/proposals/"

  /// A scratch folder with files the tests write.
  private static let scratch: URL = {
    let url = FileManager.default.temporaryDirectory.appending(
      path: "princip-check-tests-\(ProcessInfo.processInfo.processIdentifier)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }()

  private func file(_ name: String, _ contents: Data) throws -> String {
    let url = Self.scratch.appending(path: name)
    try contents.write(to: url)
    return url.path
  }

  @Test func violatedExampleExitsOne() throws {
    let result = try PrincipProcess.run(["check", examples + "halsnaes-psychiatric-botilbud-violated.yaml"])
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stdout.contains("Sag HAL-2024-0412"))
    #expect(result.stdout.contains("Brudte principper"))
    #expect(result.stdout.contains("«"))
    #expect(result.stdout.contains("Sådan rettes det:"))
    #expect(result.stderr.isEmpty)
  }

  @Test func compliantExampleExitsZero() throws {
    let result = try PrincipProcess.run(["check", examples + "halsnaes-bostoette-satisfied.yaml", "--lang", "en"])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("Honours the principles"))
  }

  @Test func undeterminedExampleExitsThree() throws {
    let result = try PrincipProcess.run(["check", examples + "halsnaes-bostoette-incomplete-undetermined.yaml"])
    #expect(result.status == 3, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("princip mangler:"))
  }

  @Test func malformedYAMLNamesFileLineAndColumn() throws {
    let path = try file("malformed.yaml", Data("case_id: [1, 2\nmunicipality: halsnaes\n".utf8))
    let result = try PrincipProcess.run(["check", path])
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix("\(path):2:"), "\(result.stderr)")
    #expect(result.stdout.isEmpty)
  }

  @Test func unknownFieldSuggestsTheRightOne() throws {
    let original = try String(
      contentsOf: Fixtures.root.appending(path: examples + "halsnaes-bostoette-satisfied.yaml"), encoding: .utf8)
    let path = try file(
      "unknown-field.yaml", Data(original.replacingOccurrences(of: "\ndecision_date:", with: "\ndecison_date:").utf8))
    let result = try PrincipProcess.run(["check", path, "--lang", "en"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("decison_date"))
    #expect(result.stderr.contains("did you mean 'decision_date'"), "\(result.stderr)")
    #expect(result.stderr.range(of: #"^\S+:\d+:\d+: "#, options: .regularExpression) != nil, "\(result.stderr)")
  }

  @Test(arguments: [
    ("empty.yaml", Data()),
    ("binary.yaml", Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00, 0xFF])),
  ])
  func unusableFileExitsTwo(name: String, contents: Data) throws {
    let path = try file(name, contents)
    let result = try PrincipProcess.run(["check", path])
    #expect(result.status == 2)
    // The binary file's NUL byte is shown at its line and column; the empty file has none.
    #expect(result.stderr.hasPrefix(path + (name == "binary.yaml" ? ":1:7: " : ": ")), "\(result.stderr)")
    #expect(!result.stderr.contains("Fatal error"))
  }

  @Test func aliasBombIsRefusedQuickly() throws {
    var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for level in 1...12 {
      let previous = level == 1 ? "a" : "b\(level - 1)"
      yaml += "b\(level): &b\(level) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
    }
    let path = try file("bomb.yaml", Data(yaml.utf8))
    let result = try PrincipProcess.run(["check", path])
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix(path + ":1:14: "), "\(result.stderr)")
    #expect(result.seconds < 5)
  }

  @Test func fileOverTheSizeLimitIsRefused() throws {
    let path = try file("huge.yaml", Data("case_id: x\n".utf8) + Data(repeating: UInt8(ascii: "#"), count: 9 << 20))
    let result = try PrincipProcess.run(["check", path, "--lang", "en"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("bytes are allowed"), "\(result.stderr)")
  }

  @Test func unknownPackSuggestsTheRightOne() throws {
    let result = try PrincipProcess.run(["check", examples + "halsnaes-bostoette-satisfied.yaml", "--pack", "halsnes"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("'halsnaes'"), "\(result.stderr)")
  }

  @Test func usageErrorsExitTwo() throws {
    let badFormat = try PrincipProcess.run(["check", examples + "halsnaes-bostoette-satisfied.yaml", "--format", "pdf"])
    #expect(badFormat.status == 2)
    #expect(badFormat.stderr.contains("--format"))
    let noFile = try PrincipProcess.run(["check"])
    #expect(noFile.status == 2)
  }

  @Test func worstExitCodeWinsAndEveryProposalIsReported() throws {
    let broken = try file("broken.yaml", Data("case_id: [\n".utf8))
    let result = try PrincipProcess.run([
      "check", examples + "halsnaes-bostoette-satisfied.yaml", broken,
      examples + "halsnaes-psychiatric-botilbud-violated.yaml",
    ])
    #expect(result.status == 2)
    #expect(result.stdout.components(separatedBy: "Vurdering af indstilling").count == 3)
    #expect(result.stderr.contains(broken))
    let withoutBroken = try PrincipProcess.run([
      "check", examples + "halsnaes-bostoette-incomplete-undetermined.yaml",
      examples + "halsnaes-psychiatric-botilbud-violated.yaml",
    ])
    #expect(withoutBroken.status == 1)
  }

  @Test func jsonFormatIsParseableAndWritesToOutputFile() throws {
    let output = Self.scratch.appending(path: "report.json")
    let result = try PrincipProcess.run([
      "check", examples + "halsnaes-psychiatric-botilbud-violated.yaml", "--format", "json", "--output", output.path,
    ])
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    let report = try JSONSerialization.jsonObject(with: Data(contentsOf: output)) as? [String: Any]
    #expect(report?["format"] as? String == "princip.assessment/1")
    #expect(report?["case_id"] as? String == "HAL-2024-0412")
  }

  @Test func markdownFormat() throws {
    let result = try PrincipProcess.run([
      "check", examples + "halsnaes-psychiatric-botilbud-violated.yaml", "--format", "markdown",
    ])
    #expect(result.status == 1)
    #expect(result.stdout.hasPrefix("# Vurdering af indstilling"))
    #expect(result.stdout.contains("\n> «"))
  }

  @Test func packAllComparesEveryMunicipality() throws {
    let result = try PrincipProcess.run([
      "check", examples + "halsnaes-psychiatric-botilbud-violated.yaml", "--pack", "all", "--lang", "en",
    ])
    #expect(result.status == 1, "\(result.stderr)")
    for municipality in ["Halsnæs", "Ishøj", "Silkeborg", "Viborg"] {
      #expect(result.stdout.contains(municipality), "\(municipality) missing")
    }
    #expect(result.stdout.contains("Local offers first"))
    let json = try PrincipProcess.run([
      "check", examples + "halsnaes-psychiatric-botilbud-violated.yaml", "--pack", "all", "--format", "json",
    ])
    let comparison = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    #expect(comparison?["format"] as? String == "princip.comparison/1")
    #expect((comparison?["packs"] as? [Any])?.count == 4)
  }

  @Test func helpDocumentsTheExitCodes() throws {
    let result = try PrincipProcess.run(["check", "--help"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("Exit status"))
    #expect(result.stdout.contains("3  no violations, but facts are missing"))
  }
}
