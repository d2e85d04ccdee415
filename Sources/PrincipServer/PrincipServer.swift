import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import PrincipEngine
import ServiceLifecycle

/// `princip serve`: the HTTP API and the browser playground over the engine. Every answer
/// comes from the engine's own judging and reports; the server adds routes, limits,
/// metrics and a decision log, and no judging of its own.
public struct PrincipServer: Sendable {
  public let options: ServerOptions
  /// The rules in force; `--watch` swaps them.
  public let store: RuleStore
  let metrics = ServerMetrics()
  let decisionLog: DecisionLog?
  let token: BearerToken?
  let slots: JudgingSlots
  let logger: Logger
  let body: ProposalBody

  /// Why the server cannot start.
  public struct SetupError: Error, Sendable, CustomStringConvertible {
    public var description: String
  }

  /// - Parameters:
  ///   - rules: the rules to serve first (``ServedRules/load(_:)``).
  ///   - token: the bearer token, already read (`--token-file`); `nil`: no authentication.
  public init(options: ServerOptions, rules: ServedRules, logger: Logger = Logger(label: "princip.serve")) throws(SetupError) {
    self.options = options
    store = RuleStore(rules)
    self.logger = logger
    token = options.token.map(BearerToken.init)
    slots = JudgingSlots(limit: options.maxConcurrentJudging, queue: options.judgingQueue)
    body = ProposalBody(limit: options.maxBodyBytes, timeout: options.requestTimeout)
    do {
      decisionLog = try options.decisionLog.map { (path) throws(DecisionLog.WriteError) in try DecisionLog(path: path) }
    } catch {
      throw SetupError(description: error.reason)
    }
  }

  /// Reads a `--token-file`.
  public static func token(file path: String) throws(SetupError) -> String {
    do {
      return try BearerToken.read(file: path)
    } catch {
      throw SetupError(description: error.message)
    }
  }

  /// The routes, with authentication, limits, problems and metrics around them.
  public func router() -> Router<BasicRequestContext> {
    let router = Router(context: BasicRequestContext.self)
    router.add(middleware: ServerMiddleware(server: self))
    addHealthRoutes(to: router)
    addRulesRoutes(to: router)
    addJudgingRoutes(to: router)
    addTrainerRoutes(to: router)
    addPlaygroundRoutes(to: router)
    return router
  }

  /// The application: HTTP/1.1 with the idle timeout, bound to `options.host`.
  public func application(onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in })
    -> some ApplicationProtocol
  {
    Application(
      router: router(),
      server: .http1(configuration: .init(idleTimeout: .nanoseconds(options.idleTimeout.nanoseconds))),
      configuration: .init(address: .hostname(options.host, port: options.port), serverName: "princip"),
      onServerRunning: onServerRunning,
      logger: logger
    )
  }

  /// Serves until SIGINT or SIGTERM, then stops accepting connections and finishes the
  /// requests in flight; with `--watch`, reloads the rules folder as it changes.
  public func run(onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }) async throws {
    var services: [any Service] = [application(onServerRunning: onServerRunning)]
    if options.watch, let directory = options.rulesDirectory {
      services.append(RulesWatcherService(watcher: RulesWatcher(
        directory: directory, store: store, interval: options.watchInterval, logger: logger, metrics: metrics)))
    }
    let group = ServiceGroup(
      configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
    try await group.run()
  }

  /// A new decision id: a random UUID, lower-case.
  static func newDecisionID() -> String {
    UUID().uuidString.lowercased()
  }
}

/// The watcher as a service of the group, stopped with the server.
struct RulesWatcherService: Service {
  let watcher: RulesWatcher

  func run() async throws {
    await cancelWhenGracefulShutdown {
      await watcher.run()
    }
  }
}
