import CEL
import Foundation
import HTTPTypes
import Hummingbird
import PrincipEngine

extension PrincipServer {
  /// The version `/version` reports.
  public static let version = "0.9.0"
  /// The version of the HTTP API (the `/v1/` in its paths).
  public static let apiVersion = "1"

  /// `/healthz`, `/readyz`, `/metrics`, `/version`.
  func addHealthRoutes(to router: Router<BasicRequestContext>) {
    router.get("/healthz") { _, _ in
      Self.json(CELValue.object([("status", "ok")]))
    }
    router.get("/readyz") { _, _ in
      let rules = store.current
      return Self.json(Self.readiness(rules, slotsInUse: slots.inUse, limit: slots.limit))
    }
    router.get("/metrics") { _, _ in
      Response(
        status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
        body: ResponseBody(byteBuffer: ByteBuffer(bytes: metrics.exposition())))
    }
    router.get("/version") { _, _ in
      Self.json(CELValue.object([
        ("princip", .string(Self.version)),
        ("api", .string(Self.apiVersion)),
        ("report_format", .string(JSONReport.format)),
      ]))
    }
  }

  /// The rules loaded, with each pack version's fingerprint.
  static func readiness(_ rules: ServedRules, slotsInUse: Int, limit: Int) -> CELValue {
    .object([
      ("status", "ready"),
      ("rules", .string(rules.origin)),
      ("loaded_at", .string(DecisionLog.timestamp(rules.loadedAt))),
      ("judging", .object([("in_use", .int(Int64(slotsInUse))), ("limit", .int(Int64(limit)))])),
      ("packs", .list(rules.library.packs.map { pack in
        .object([
          ("name", .string(pack.name)),
          ("version", .string(pack.version)),
          ("fingerprint", .string(pack.fingerprint)),
          ("rules", .int(Int64(pack.rules.count))),
        ])
      })),
    ])
  }

  /// A JSON document as a response.
  static func json(_ value: CELValue, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
    var fields = headers
    fields[.contentType] = "application/json; charset=utf-8"
    return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: value.jsonText + "\n")))
  }
}
