import Foundation
import HTTPTypes
import Hummingbird
import PrincipEngine

/// Around every request: the bearer token (all but health and the playground page),
/// errors as problems in the client's language, CORS only when asked for, and the
/// request metrics (by route, method and status, with the latency, streaming included).
/// Nothing of a request's body is logged.
struct ServerMiddleware: RouterMiddleware {
  typealias Context = BasicRequestContext
  let server: PrincipServer

  /// Paths answered without the token: health, for the orchestrator, and the static
  /// playground page, which asks for the token itself.
  static let open: Set<String> = ["/healthz", "/readyz", "/"]

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
    let start = ContinuousClock.now
    var response: Response
    do {
      if let token = server.token, !Self.open.contains(request.uri.path), !token.accepts(authorization: request.headers[.authorization]) {
        throw Problem("unauthorized", .unauthorized, .unauthorized, detail: ServerWords.text(.unauthorizedDetail, request.preferredLanguage),
          headers: [.wwwAuthenticate: "Bearer realm=\"princip\""])
      }
      response = try await next(request, context)
    } catch let problem as Problem {
      response = problem.response(in: request.preferredLanguage)
    } catch let error as HTTPError {
      response = Self.problem(for: error, request).response(in: request.preferredLanguage)
    } catch {
      server.logger.error("request failed", metadata: ["path": "\(context.endpointPath ?? "?")", "error": "\(type(of: error))"])
      let language = request.preferredLanguage
      response = Problem("internal", .internalServerError, .internalError, detail: ServerWords.text(.internalDetail, language))
        .response(in: language)
    }
    if let origin = server.options.corsOrigin {
      response.headers[.accessControlAllowOrigin] = origin
      response.headers[.vary] = "Origin"
    }
    let endpoint = context.endpointPath ?? "unmatched"
    let method = request.method.rawValue
    let status = Int(response.status.code)
    let metrics = server.metrics
    if response.body.contentLength == nil {
      // A streamed body: counted when its last byte is written.
      let body = response.body
      response.body = ResponseBody { writer in
        defer { metrics.request(endpoint: endpoint, method: method, status: status, duration: ContinuousClock.now - start) }
        try await body.write(writer)
      }
    } else {
      metrics.request(endpoint: endpoint, method: method, status: status, duration: ContinuousClock.now - start)
    }
    return response
  }

  /// The server's routes and their methods (`{…}` is one path segment), for 405 and `Allow`.
  static let routes: [(pattern: [Substring], methods: Set<String>)] = [
    ("/", ["GET"]), ("/openapi.yaml", ["GET"]), ("/healthz", ["GET"]), ("/readyz", ["GET"]), ("/metrics", ["GET"]),
    ("/version", ["GET"]), ("/v1/schema", ["GET"]), ("/v1/packs", ["GET"]), ("/v1/packs/{pack}", ["GET"]),
    ("/v1/rules/{id}", ["GET"]), ("/v1/check", ["POST"]), ("/v1/audit", ["POST"]), ("/v1/explain", ["POST"]),
    ("/v1/whatif", ["POST"]), ("/v1/mend", ["POST"]), ("/v1/tradeoffs", ["POST"]), ("/v1/compare", ["POST"]),
  ].map { ($0.0.split(separator: "/", omittingEmptySubsequences: true), $0.1) }

  /// The methods a path has, `nil` when no route has the path.
  static func methods(of path: String) -> Set<String>? {
    let parts = path.split(separator: "/", omittingEmptySubsequences: true)
    let matching = routes.filter { route in
      route.pattern.count == parts.count && zip(route.pattern, parts).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
    }
    return matching.isEmpty ? nil : matching.reduce(into: Set<String>()) { $0.formUnion($1.methods) }
  }

  /// The framework's own errors (no route, body too large, …) as problems.
  static func problem(for error: HTTPError, _ request: Request) -> Problem {
    let language = request.preferredLanguage
    switch error.status {
    case .notFound:
      if let allowed = Self.methods(of: request.uri.path), !allowed.contains(request.method.rawValue) {
        return Problem("method-not-allowed", .methodNotAllowed, .methodNotAllowed,
          detail: "\(request.method.rawValue) \(request.uri.path)", headers: [.allow: allowed.sorted().joined(separator: ", ")])
      }
      return Problem("not-found", .notFound, .notFound, detail: ServerWords.text(.notFoundDetail, language, request.uri.path))
    case .contentTooLarge:
      return Problem("body-too-large", .contentTooLarge, .bodyTooLarge, detail: error.body ?? "")
    case .methodNotAllowed:
      return Problem("method-not-allowed", .methodNotAllowed, .methodNotAllowed, detail: "\(request.method.rawValue) \(request.uri.path)")
    default:
      return Problem("invalid-request", error.status, .invalidRequest, detail: error.body ?? error.status.reasonPhrase)
    }
  }
}
