import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `princip` executable, as argument-parser's `AssertExecuteCommand` does.
enum PrincipProcess {
  /// The executable: `$PRINCIP_BIN`, or `princip` beside the test bundle (`.build/debug/`),
  /// or `nil` when it has not been built (`swift build` builds it; `.ci/run` does).
  static let binary: URL? = {
    var candidates: [URL] = []
    if let path = ProcessInfo.processInfo.environment["PRINCIP_BIN"] { candidates.append(URL(fileURLWithPath: path)) }
    let bundle = Bundle.main.bundleURL
    candidates += [bundle.appending(path: "princip"), bundle.deletingLastPathComponent().appending(path: "princip")]
    for configuration in ["debug", "release"] {
      candidates.append(Fixtures.root.appending(path: ".build/\(configuration)/princip"))
    }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }()

  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
    var seconds: Double
  }

  /// Runs `princip ARGUMENTS` in the repository root and waits for it. `standardInput`
  /// and `standardOutput` (a `FileHandle` or `Pipe`) replace the default pipes; output
  /// that goes elsewhere is not captured.
  static func run(_ arguments: [String], standardInput: Any? = nil, standardOutput: Any? = nil) throws -> Result {
    let (process, output, errors) = try start(arguments, standardInput: standardInput, standardOutput: standardOutput)
    let start = Date()
    // Read both pipes while it runs, so a large report cannot fill a pipe and block it.
    nonisolated(unsafe) var errorData = Data()
    let reader = Thread { errorData = errors.fileHandleForReading.readDataToEndOfFile() }
    reader.start()
    let outputData = output?.fileHandleForReading.readDataToEndOfFile() ?? Data()
    process.waitUntilExit()
    while !reader.isFinished { usleep(1000) }
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self),
      stderr: String(decoding: errorData, as: UTF8.self), seconds: Date().timeIntervalSince(start))
  }

  /// Starts `princip ARGUMENTS` in the repository root without waiting: the process, and
  /// the pipes of its standard output (unless redirected) and standard error.
  static func start(
    _ arguments: [String], standardInput: Any? = nil, standardOutput: Any? = nil
  ) throws -> (process: Process, stdout: Pipe?, stderr: Pipe) {
    guard let binary else { throw CocoaError(.fileNoSuchFile) }
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = Fixtures.root
    let output = standardOutput == nil ? Pipe() : nil
    let errors = Pipe()
    process.standardOutput = standardOutput ?? output
    process.standardError = errors
    if let standardInput { process.standardInput = standardInput }
    try process.run()
    return (process, output, errors)
  }

  /// Writes `count` copies of `byte` into `pipe` on a thread of its own, stopping early
  /// when the reader has gone; the thread's result is how many bytes went in. The pipe
  /// stays open after the last byte unless `close` is set.
  static func feed(_ pipe: Pipe, count: Int, byte: UInt8, close: Bool = true) -> () -> Int {
    signal(SIGPIPE, SIG_IGN)  // a reader that stops early is what the tests look for
    nonisolated(unsafe) var written = 0
    let done = DispatchSemaphore(value: 0)
    let descriptor = pipe.fileHandleForWriting.fileDescriptor
    // A larger pipe (1 MiB, F_SETPIPE_SZ), so that a debug build reads it in large chunks.
    _ = fcntl(descriptor, 1031, 1 << 20)
    Thread {
      let chunk = [UInt8](repeating: byte, count: 1 << 16)
      while written < count {
        let sent = chunk.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, min(chunk.count, count - written)) }
        if sent <= 0 { break }
        written += sent
      }
      if close { try? pipe.fileHandleForWriting.close() }
      done.signal()
    }.start()
    return {
      done.wait()
      return written
    }
  }
}
