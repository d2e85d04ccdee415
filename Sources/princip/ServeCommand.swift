import ArgumentParser
import Foundation
import PrincipEngine
import PrincipServer

/// `princip serve`: the HTTP API and the browser playground. Parses flags, loads the
/// rules, and runs the server until SIGINT or SIGTERM.
struct ServeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Serve the HTTP API and the browser playground.",
    discussion: """
      Binds to loopback unless --host says otherwise. The playground is at /, the API \
      contract at /openapi.yaml. Stops on SIGINT or SIGTERM, finishing the requests in \
      flight. With --token-file, every endpoint but /healthz, /readyz and the playground \
      page requires Authorization: Bearer TOKEN.
      """
  )

  @Option(help: "The address to listen on.")
  var host = "127.0.0.1"

  @Option(help: "The port to listen on (0: any free port, printed at start).")
  var port = 8080

  @Option(name: .customLong("rules"), help: "The rules folder (default: the rules built into princip).")
  var directory: String?

  @Flag(help: "Reload the rules folder when it changes; rules that fail lint are refused and the old ones keep serving.")
  var watch = false

  @Option(help: "A file holding the bearer token the API requires.")
  var tokenFile: String?

  @Option(help: "Append one JSON line per decision to this file (decision id, time, case id, pack, fingerprint, verdict, outcomes).")
  var decisionLog: String?

  @Option(help: "The largest request body accepted, in bytes.")
  var maxBody = 1 << 20

  @Option(help: "Seconds a client has to send its request.")
  var requestTimeout = 10

  @Option(help: "Seconds after which a silent connection is closed.")
  var idleTimeout = 30

  @Option(help: "How many requests may be judged at once.")
  var maxConcurrent = max(2, ProcessInfo.processInfo.activeProcessorCount * 2)

  @Option(help: "Answer CORS requests from this origin (default: no CORS).")
  var corsOrigin: String?

  func validate() throws {
    if watch && directory == nil { throw ValidationError("--watch needs --rules DIR") }
    guard (0...65535).contains(port) else { throw ValidationError("--port must be 0–65535") }
    guard maxBody > 0, requestTimeout > 0, idleTimeout > 0, maxConcurrent > 0 else {
      throw ValidationError("--max-body, --request-timeout, --idle-timeout and --max-concurrent must be positive")
    }
  }

  /// Runs the server on Swift's concurrency pool while the main thread waits: the other
  /// commands stay synchronous (and start no concurrency runtime).
  func run() throws {
    let outcome = ServeOutcome()
    let finished = DispatchSemaphore(value: 0)
    Task {
      do { try await serve() } catch { outcome.error = error }
      finished.signal()
    }
    finished.wait()
    if let error = outcome.error { throw error }
  }

  private func serve() async throws {
    var options = ServerOptions()
    options.host = host
    options.port = port
    options.rulesDirectory = directory
    options.watch = watch
    options.decisionLog = decisionLog
    options.maxBodyBytes = maxBody
    options.maxRecordBytes = maxBody
    options.requestTimeout = .seconds(requestTimeout)
    options.idleTimeout = .seconds(idleTimeout)
    options.maxConcurrentJudging = maxConcurrent
    options.corsOrigin = corsOrigin
    let (rules, errors) = ServedRules.load(directory)
    guard let rules else {
      for error in errors { printError(error.rendered(in: .en)) }
      throw ExitStatus.invalid
    }
    let server: PrincipServer
    do {
      options.token = try tokenFile.map { (path) throws(PrincipServer.SetupError) in try PrincipServer.token(file: path) }
      server = try PrincipServer(options: options, rules: rules)
    } catch {
      printError(error.description)
      throw ExitStatus.invalid
    }
    try await server.run { channel in
      let address = channel.localAddress.map { "\($0.ipAddress ?? host):\($0.port ?? port)" } ?? "\(host):\(port)"
      printError("princip serve: listening on http://\(address)/ (\(rules.library.packs.count) pack versions from \(rules.origin))")
    }
  }
}

/// How the server's task ended, handed from it to the waiting main thread.
private final class ServeOutcome: @unchecked Sendable {  // Written by the task before it signals; read after the wait.
  var error: (any Error)?
}
