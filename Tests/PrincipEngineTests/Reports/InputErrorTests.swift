import Foundation
import Testing

/// What a user reads when an input cannot be used (issue 12, items 7, 8 and 12): every
/// error names its file and, where there is one, line and column; the same words in
/// `check`, `audit`, `rules` and `eval`; never a raw system error. Runs the built binary.
@Suite(.enabled(if: PrincipProcess.binary != nil, "princip is not built: run `swift build` first (.ci/run does)"))
struct InputErrorTests {
  private static let satisfied = "Examples/proposals/halsnaes-bostoette-satisfied.yaml"

  /// A fresh scratch folder for one test.
  private func scratch() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appending(path: "princip-input-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  private func write(_ text: String, to name: String, in folder: URL) throws -> String {
    let url = folder.appending(path: name)
    try Data(text.utf8).write(to: url)
    return url.path
  }

  private func satisfiedText() throws -> String {
    try String(contentsOf: Fixtures.root.appending(path: Self.satisfied), encoding: .utf8)
  }

  // MARK: Item 7: every error says where

  @Test func unknownPackIsPlacedAtTheMunicipality() throws {
    let folder = try scratch()
    let path = try write("case_id: X-1\nmunicipality: kbh\ndecision_date: \"2024-04-18\"\ninterventions: [{kind: sel_85}]\n", to: "u.yaml", in: folder)
    let result = try PrincipProcess.run(["check", path, Self.satisfied, "--lang", "en"])
    #expect(result.status == 2)
    #expect(result.stderr == "\(path):2:15: no rule pack is named 'kbh'; known packs: halsnaes, ishoj, silkeborg, viborg\n")
  }

  @Test func noVersionInForceIsPlacedAtTheDateWithAFourDigitYear() throws {
    let folder = try scratch()
    let path = try write("case_id: X-2\nmunicipality: halsnaes\ndecision_date: \"0001-01-01\"\ninterventions: [{kind: sel_85}]\n", to: "v.yaml", in: folder)
    let check = try PrincipProcess.run(["check", path, "--lang", "en"])
    #expect(check.status == 2)
    #expect(check.stderr.hasPrefix("\(path):3:16: no version of 'halsnaes' was in force on 0001-01-01 (periods: "), "\(check.stderr)")
    let audit = try PrincipProcess.run(["audit", folder.path, "--lang", "en"])
    #expect(audit.status == 4)
    #expect(audit.stdout.contains("\(path):3:16: no version of 'halsnaes' was in force on 0001-01-01"), "\(audit.stdout)")
  }

  @Test func fileProblemsGiveLineAndColumn() throws {
    let folder = try scratch()
    let binary = folder.appending(path: "b.yaml"), latin1 = folder.appending(path: "l.yaml")
    try Data("case_id: x\nmuni\u{0}cipality: h\n".utf8).write(to: binary)
    try (Data("case_id: x\nmunicipality: Halsn".utf8) + Data([0xE6]) + Data("s\n".utf8)).write(to: latin1)
    let control = try write("case_id: x\nmunicipality: \"h\u{1}\"\n", to: "c.yaml", in: folder)
    let result = try PrincipProcess.run(["check", binary.path, latin1.path, control, "--lang", "en"])
    #expect(result.status == 2)
    let lines = result.stderr.split(separator: "\n").map(String.init)
    #expect(lines.contains("\(binary.path):2:5: the file is binary, not text"), "\(result.stderr)")
    #expect(lines.contains("\(latin1.path):2:20: the file is not UTF-8 text"), "\(result.stderr)")
    #expect(lines.contains("\(control):2:17: syntax error: control characters are not allowed"), "\(result.stderr)")
  }

  @Test func aliasBombIsPlaced() throws {
    var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for level in 1...12 {
      let previous = level == 1 ? "a" : "b\(level - 1)"
      yaml += "b\(level): &b\(level) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
    }
    let path = try write(yaml, to: "bomb.yaml", in: try scratch())
    let result = try PrincipProcess.run(["check", path, "--lang", "en"])
    #expect(result.status == 2)
    #expect(result.stderr.range(of: #"^\S+bomb\.yaml:\d+:\d+: the document expands to more than"#, options: .regularExpression) != nil, "\(result.stderr)")
  }

  // MARK: Item 8: no raw system errors, the same words everywhere

  @Test func missingFileReadsTheSameInEveryCommand() throws {
    let missing = try scratch().appending(path: "missing.jsonl").path
    for arguments in [
      ["check", missing], ["audit", missing], ["audit", Self.satisfied, "--mapping", missing],
      ["audit", Self.satisfied, "--baseline", missing], ["eval", "1", "--input", missing], ["eval", "--batch", missing],
    ] {
      let result = try PrincipProcess.run(arguments)
      #expect(result.status == 2, "\(arguments)")
      #expect(result.stderr.contains("\(missing): findes ikke"), "\(arguments): \(result.stderr)")
    }
    let english = try PrincipProcess.run(["audit", missing, "--lang", "en"])
    #expect(english.stderr == "\(missing): does not exist\n")
    let rules = try PrincipProcess.run(["rules", "lint", missing, "--lang", "en"])
    #expect(rules.status == 2)
    #expect(rules.stderr == "\(missing): does not exist\n")
  }

  @Test func folderIsNamedAsAFolder() throws {
    let folder = try scratch().path
    let check = try PrincipProcess.run(["check", folder])
    #expect(check.status == 2)
    #expect(check.stderr == "\(folder): er en mappe, ikke en fil\n")
    #expect(!check.stderr.contains("NSCocoaErrorDomain"))
    let eval = try PrincipProcess.run(["eval", "1", "--input", folder, "--lang", "en"])
    #expect(eval.stderr == "\(folder): is a folder, not a file\n")
  }

  @Test func fifoAndDevicesAreReadLikeFiles() throws {
    let folder = try scratch()
    let fifo = folder.appending(path: "p.yaml").path
    #expect(mkfifo(fifo, 0o600) == 0)
    let text = try satisfiedText()
    // The writer's open waits for princip to open the FIFO for reading, and princip's for it.
    let writer = Thread {
      let descriptor = open(fifo, O_WRONLY)
      guard descriptor >= 0 else { return }
      var bytes = Array(text.utf8)[...]
      while !bytes.isEmpty {
        let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        guard written > 0 else { break }
        bytes = bytes.dropFirst(written)
      }
      close(descriptor)
    }
    writer.start()
    let piped = try PrincipProcess.run(["check", fifo, "--lang", "en"])
    #expect(piped.status == 0, "\(piped.stderr)")
    #expect(piped.stdout.contains("Honours the principles"))
    let null = try PrincipProcess.run(["check", "/dev/null", "--lang", "en"])
    #expect(null.status == 2)
    #expect(null.stderr == "/dev/null: the file is empty\n")
    let zero = try PrincipProcess.run(["check", "/dev/zero", "--lang", "en"])
    #expect(zero.status == 2)
    #expect(zero.stderr == "/dev/zero: the file is larger than 8388608 bytes, the most allowed\n")
  }

  // MARK: Item 12: usage, version, the municipality's own name

  @Test func dashFileNameIsAUsageErrorThatSaysWhatToDo() throws {
    let result = try PrincipProcess.run(["check", "-dash.yaml", "--lang", "en"])
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("'-dash.yaml' is not an option"), "\(result.stderr)")
    #expect(result.stderr.contains("princip check -- -dash.yaml"))
    #expect(result.stderr.contains("./-dash.yaml"))
  }

  @Test func dashFileNameIsReadAfterTheTerminator() throws {
    let folder = try scratch()
    _ = try write(try satisfiedText(), to: "-dash.yaml", in: folder)
    let result = try PrincipProcess.run(["check", "--lang", "en", "--", folder.path + "/-dash.yaml"])
    #expect(result.status == 0, "\(result.stderr)")
  }

  @Test func misspeltCommandSuggestsTheRightOne() throws {
    let top = try PrincipProcess.run(["chek", Self.satisfied])
    #expect(top.status == 2)
    #expect(top.stderr == "'chek' er ikke en kommando i princip (mente du 'check'?); kommandoerne er: check, rules, eval, audit, explain, whatif, mend, tradeoffs, train, compare, serve\n")
    let nested = try PrincipProcess.run(["rules", "lnt", "--lang", "en"])
    #expect(nested.status == 2)
    #expect(nested.stderr.hasPrefix("'lnt' is not a command of princip rules (did you mean 'lint'?)"), "\(nested.stderr)")
  }

  @Test func versionIsPrinted() throws {
    let result = try PrincipProcess.run(["--version"])
    #expect(result.status == 0)
    #expect(result.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(result.stdout)")
  }

  @Test(arguments: ["Halsnæs", "halsnæs", "HALSNÆS", "Halsnæs Kommune", "HALSNAES"])
  func municipalityByItsOwnNameIsAccepted(written: String) throws {
    let folder = try scratch()
    let text = try satisfiedText().replacingOccurrences(of: "\nmunicipality: halsnaes\n", with: "\nmunicipality: \(written)\n")
    #expect(text.contains("municipality: \(written)"))
    let path = try write(text, to: "p.yaml", in: folder)
    let check = try PrincipProcess.run(["check", path, "--lang", "en"])
    #expect(check.status == 0, "\(check.stderr)")
    #expect(check.stdout.contains("Rule pack: halsnaes 2019.1"), "\(check.stdout)")
    let audit = try PrincipProcess.run(["audit", path, "--lang", "en"])
    #expect(audit.status == 0, "\(audit.stdout)\(audit.stderr)")
  }

  @Test func packOptionTakesTheMunicipalityName() throws {
    let check = try PrincipProcess.run(["check", Self.satisfied, "--pack", "Ishøj", "--lang", "en"])
    #expect(check.stdout.contains("Rule pack: ishoj"), "\(check.stdout)\(check.stderr)")
    let list = try PrincipProcess.run(["rules", "list", "--pack", "ishøj"])
    #expect(list.status == 0)
    #expect(list.stdout.hasPrefix("Ishøj Kommune"), "\(list.stdout)")
  }

  @Test func packFileWithAnotherNameIsNamedTruly() throws {
    let folder = try scratch()
    let rules = folder.appending(path: "R")
    try FileManager.default.copyItem(at: Fixtures.root.appending(path: "Rules"), to: rules)
    let packFile = rules.appending(path: "viborg/pack.yaml")
    let original = try String(contentsOf: packFile, encoding: .utf8)
    try Data(original.replacingOccurrences(of: "\npack: viborg\n", with: "\npack: 5\n").utf8).write(to: packFile)
    let result = try PrincipProcess.run([
      "check", "Examples/proposals/viborg-substance-abuse-treatment.yaml", "--rules", rules.path, "--lang", "en",
    ])
    #expect(result.status == 2)
    #expect(!result.stderr.contains("did you mean 'viborg'"), "\(result.stderr)")
    // Whether the loader or the check refuses it, the message points into the pack file.
    #expect(result.stderr.range(of: #"viborg/pack\.yaml:\d+:\d+: "#, options: .regularExpression) != nil, "\(result.stderr)")
    #expect(result.stderr.contains("'5'"), "\(result.stderr)")
  }
}
