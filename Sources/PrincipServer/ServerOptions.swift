import Foundation

/// How `princip serve` runs: where it listens, what it serves, and its limits.
/// The defaults are the documented ones (README, "The server").
public struct ServerOptions: Sendable {
  /// The address to bind; loopback unless told otherwise.
  public var host = "127.0.0.1"
  public var port = 8080
  /// The rules folder; `nil` serves the rules built into princip.
  public var rulesDirectory: String?
  /// Reload the rules folder when it changes.
  public var watch = false
  /// How often `--watch` looks at the folder.
  public var watchInterval: Duration = .seconds(1)
  /// The bearer token every endpoint but health and the playground page requires; `nil`: none.
  public var token: String?
  /// Where to append the decision log (JSON Lines); `nil`: no log.
  public var decisionLog: String?
  /// The largest request body accepted on the judging endpoints, in bytes (`/v1/audit`
  /// streams and is bounded per record instead).
  public var maxBodyBytes = 1 << 20
  /// The longest record `/v1/audit` accepts, in bytes.
  public var maxRecordBytes = 1 << 20
  /// How long a client has to send a request body.
  public var requestTimeout: Duration = .seconds(10)
  /// A connection on which nothing is sent or received for this long is closed.
  public var idleTimeout: Duration = .seconds(30)
  /// How many requests may be judging at once; more wait, up to `judgingQueue`.
  public var maxConcurrentJudging = max(2, ProcessInfo.processInfo.activeProcessorCount * 2)
  /// How many requests may wait for a judging slot; beyond that the answer is 503.
  public var judgingQueue = 256
  /// Answer `Access-Control-Allow-Origin` for this origin; `nil`: no CORS at all.
  public var corsOrigin: String?

  public init() {}
}
