import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Every command's output on a full device, outputs that are special files, links or
/// inputs, endless input, and interrupted audits — end to end, with the built binary
/// (the reproducers of issue 12). Skipped when the binary has not been built.
@Suite(.serialized, .enabled(if: PrincipProcess.binary != nil, "princip is not built: run `swift build` first (.ci/run does)"))
struct OutputSafetyTests {
  private static let proposal = "Examples/proposals/halsnaes-psychiatric-botilbud-violated.yaml"
  private static let decisions = "Examples/decisions/decisions.jsonl"

  /// A fresh scratch folder.
  private func scratch() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appending(path: "princip-output-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  private static let evalBatch: String = {
    let url = FileManager.default.temporaryDirectory.appending(path: "princip-eval-batch-\(ProcessInfo.processInfo.processIdentifier).jsonl")
    try? Data(String(repeating: "{\"expr\":\"1 + 2\"}\n", count: 3).utf8).write(to: url)
    return url.path
  }()

  /// Every command that prints, with what it prints going to `/dev/full`.
  static let commands: [[String]] = [
    ["check", proposal], ["check", proposal, "--format", "json"], ["check", proposal, "--pack", "all"],
    ["audit", decisions], ["eval", "1 + 2"], ["eval", "--batch", evalBatch],
    ["rules", "lint", "Rules"], ["rules", "test"], ["rules", "list"], ["rules", "show", "halsnaes.local-before-external"],
    ["check", "--help"], ["audit", "--help"],
  ]

  @Test(arguments: commands)
  func aFullDeviceIsReportedWithExitTwo(arguments: [String]) throws {
    let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
    let result = try PrincipProcess.run(arguments, standardOutput: full)
    #expect(result.status == 2, "\(arguments): \(result.stderr)")
    #expect(result.stderr == "standardoutput: kan ikke skrives: der er ikke mere plads på enheden\n", "\(arguments)")
    let english = try PrincipProcess.run(arguments + ["--lang", "en"], standardOutput: full)
    #expect(english.status == 2, "\(arguments): \(english.stderr)")
    #expect(english.stderr == "standard output: cannot be written: no space left on the device\n", "\(arguments)")
  }

  @Test func errorsOnAFullDeviceDoNotCrash() throws {
    // Standard error on /dev/full as well: nothing can be told, the exit status still is.
    let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
    let process = Process()
    process.executableURL = PrincipProcess.binary
    process.arguments = ["check", "no-such-file.yaml", Self.proposal]
    process.currentDirectoryURL = Fixtures.root
    process.standardOutput = full
    process.standardError = full
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == 2)
  }

  @Test func aSymbolicLinkIsFollowedAndStays() throws {
    let folder = try scratch()
    let target = folder.appending(path: "target.txt").path, link = folder.appending(path: "link.txt").path
    try "original".write(toFile: target, atomically: false, encoding: .utf8)
    chmod(target, 0o600)
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "target.txt")
    let result = try PrincipProcess.run(["check", Self.proposal, "--output", link])
    #expect(result.status == 1, "\(result.stderr)")
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "target.txt")
    #expect(try String(contentsOfFile: target, encoding: .utf8).contains("HAL-2024-0412"))
    // The replaced file keeps its permissions: a private report stays private.
    #expect((try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int) == 0o600)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["link.txt", "target.txt"])
  }

  @Test func aFIFOIsWrittenIntoNotReplaced() throws {
    let folder = try scratch()
    let fifo = folder.appending(path: "report.fifo").path
    #expect(mkfifo(fifo, 0o644) == 0)
    // Held open for reading and writing, so that princip's open does not wait for a
    // reader, and reading afterwards cannot block (the report fits the pipe).
    let held = open(fifo, O_RDWR | O_NONBLOCK)
    defer { close(held) }
    let result = try PrincipProcess.run(["check", Self.proposal, "--output", fifo])
    var received: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while case let count = read(held, &chunk, chunk.count), count > 0 { received += chunk[..<count] }
    #expect(result.status == 1, "\(result.stderr)")
    #expect(String(decoding: received, as: UTF8.self).contains("HAL-2024-0412"))
    #expect(isFIFO(fifo))
  }

  private func isFIFO(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO
  }

  @Test func aDeviceNodeStaysADevice() throws {
    let folder = try scratch()
    let null = folder.appending(path: "null.jsonl").path, full = folder.appending(path: "full.jsonl").path
    // Making device nodes needs privileges; where they are missing, the FIFO test covers it.
    // Linux device numbers: (major << 8) | minor for small ones; 1:3 is null, 1:7 is full.
    guard mknod(null, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0, mknod(full, S_IFCHR | 0o666, dev_t(1 << 8 | 7)) == 0 else { return }
    let check = try PrincipProcess.run(["check", Self.proposal, "--output", null])
    #expect(check.status == 1, "\(check.stderr)")
    let audit = try PrincipProcess.run(["audit", Self.decisions, "--out", null, "--report", null])
    #expect(audit.status == 0, "\(audit.stderr)")
    let onFull = try PrincipProcess.run(["audit", Self.decisions, "--out", full, "--lang", "en"])
    #expect(onFull.status == 2)
    #expect(onFull.stderr == "\(full): cannot be written: no space left on the device\n")
    for path in [null, full] {
      var info = stat()
      #expect(lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFCHR, "\(path) is no longer a device")
    }
  }

  @Test func anOutputThatIsAnInputIsRefused() throws {
    let folder = try scratch()
    let input = folder.appending(path: "d.jsonl").path, link = folder.appending(path: "link.jsonl").path
    try FileManager.default.copyItem(atPath: Fixtures.root.appending(path: Self.decisions).path, toPath: input)
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "d.jsonl")
    let original = try Data(contentsOf: URL(fileURLWithPath: input))
    let proposal = folder.appending(path: "p.yaml").path
    try FileManager.default.copyItem(atPath: Fixtures.root.appending(path: Self.proposal).path, toPath: proposal)
    let cases: [(arguments: [String], message: String)] = [
      (["audit", input, "--out", input], "\(input): is also an input of the run; write the output to another file"),
      (["audit", input, "--out", link], "\(link): is also an input of the run (the same file as \(input)); write the output to another file"),
      (["audit", input, "--report", input], "\(input): is also an input of the run; write the output to another file"),
      (["audit", Self.decisions, "--baseline", input, "--out", input], "\(input): is also an input of the run; write the output to another file"),
      (["check", proposal, "--output", proposal], "\(proposal): is also an input of the run; write the output to another file"),
    ]
    for (arguments, message) in cases {
      let result = try PrincipProcess.run(arguments + ["--lang", "en"])
      #expect(result.status == 2, "\(arguments)")
      #expect(result.stderr == message + "\n", "\(arguments)")
    }
    let piped = try PrincipProcess.run(["audit", "-", "--out", input], standardInput: try FileHandle(forReadingFrom: URL(fileURLWithPath: input)))
    #expect(piped.status == 2)
    #expect(piped.stderr == "\(input): er også et input til kørslen (samme fil som standardinput); skriv resultatet til en anden fil\n")
    #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == original)
    #expect(try Data(contentsOf: URL(fileURLWithPath: proposal)) == Data(contentsOf: Fixtures.root.appending(path: Self.proposal)))
    let twice = try PrincipProcess.run(["audit", Self.decisions, "--out", folder.path + "/r.jsonl", "--report", folder.path + "/./r.jsonl", "--lang", "en"])
    #expect(twice.status == 2)
    #expect(twice.stderr == "\(folder.path)/./r.jsonl: the same file as \(folder.path)/r.jsonl; give each output a file of its own\n")
  }

  @Test func checkStopsReadingStandardInputAtItsLimit() throws {
    let input = Pipe()
    let written = PrincipProcess.feed(input, count: 64 << 20, byte: UInt8(ascii: "a"))
    let result = try PrincipProcess.run(["check", "-", "--lang", "en"], standardInput: input)
    #expect(result.status == 2)
    #expect(result.stderr.contains("at most 8388608 bytes are allowed"), "\(result.stderr)")
    // It stopped reading soon after the limit: the rest never went in.
    #expect(written() < 16 << 20)
  }

  @Test func endlessAuditInputIsAnErrorAtTheLineLimit() throws {
    let input = Pipe()
    let written = PrincipProcess.feed(input, count: 64 << 20, byte: 0)
    let result = try PrincipProcess.run(["audit", "-", "--lang", "en"], standardInput: input)
    #expect(result.status == 2)
    #expect(result.stderr == "-:1: the record is longer than 16777216 bytes; is this a file of decisions? The rest of the input is not read\n")
    #expect(result.stdout.isEmpty)
    #expect(written() < 32 << 20)
  }

  /// Starts an audit that reads standard input (kept open, so the run waits there) with
  /// `--out` and `--report` over earlier files, and waits until both temporary files exist.
  private func startWaitingAudit(in folder: URL) throws -> (process: Process, input: Pipe) {
    try "OLD\n".write(to: folder.appending(path: "res.jsonl"), atomically: false, encoding: .utf8)
    try "OLD REPORT\n".write(to: folder.appending(path: "rep.html"), atomically: false, encoding: .utf8)
    let input = Pipe()
    let line = try String(contentsOf: Fixtures.root.appending(path: Self.decisions), encoding: .utf8).split(separator: "\n")[0]
    input.fileHandleForWriting.write(Data((line + "\n").utf8))
    let (process, _, _) = try PrincipProcess.start(
      ["audit", "-", "--out", folder.appending(path: "res.jsonl").path, "--report", folder.appending(path: "rep.html").path],
      standardInput: input, standardOutput: FileHandle.nullDevice)
    for _ in 0..<6000 where temporaryFiles(in: folder).count < 2 { usleep(10_000) }
    return (process, input)
  }

  private func temporaryFiles(in folder: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".tmp") }
  }

  @Test(arguments: [SIGINT, SIGTERM, SIGHUP, SIGQUIT])
  func anInterruptedAuditLeavesNoOutputAtAll(signal: Int32) throws {
    let folder = try scratch()
    let (process, input) = try startWaitingAudit(in: folder)
    #expect(temporaryFiles(in: folder).count == 2)
    // The earlier files went as the run started: nothing to take for this run's output.
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasSuffix(".tmp") }.isEmpty)
    kill(process.processIdentifier, signal)
    // Bounded, so that a run that carries on after the signal fails the test, not hangs it.
    for _ in 0..<6000 where process.isRunning { usleep(10_000) }
    let stopped = !process.isRunning
    if !stopped { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    try input.fileHandleForWriting.close()
    #expect(stopped, "the audit carried on after signal \(signal)")
    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == 128 + signal)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test func aKilledAuditsTemporaryFilesAreRemovedByTheNextRun() throws {
    let folder = try scratch()
    let (process, input) = try startWaitingAudit(in: folder)
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    try input.fileHandleForWriting.close()
    let leftovers = temporaryFiles(in: folder)
    #expect(leftovers.count == 2)
    #expect(leftovers.allSatisfy { $0.hasPrefix(".res.jsonl.princip-") || $0.hasPrefix(".rep.html.princip-") })
    let next = try PrincipProcess.run([
      "audit", Self.decisions, "--out", folder.appending(path: "res.jsonl").path, "--report", folder.appending(path: "rep.html").path,
    ])
    #expect(next.status == 0, "\(next.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["rep.html", "res.jsonl"])
  }
}
