import Foundation

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

  /// Runs `princip ARGUMENTS` in the repository root and waits for it.
  static func run(_ arguments: [String]) throws -> Result {
    guard let binary else { throw CocoaError(.fileNoSuchFile) }
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = Fixtures.root
    let output = Pipe(), errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    let start = Date()
    try process.run()
    // Read both pipes while it runs, so a large report cannot fill a pipe and block it.
    nonisolated(unsafe) var errorData = Data()
    let reader = Thread { errorData = errors.fileHandleForReading.readDataToEndOfFile() }
    reader.start()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !reader.isFinished { usleep(1000) }
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self),
      stderr: String(decoding: errorData, as: UTF8.self), seconds: Date().timeIntervalSince(start))
  }
}
