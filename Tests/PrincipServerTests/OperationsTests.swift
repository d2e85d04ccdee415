import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import NIOCore
import PrincipEngine
import Testing
@testable import PrincipServer

@Suite struct OperationsTests {
  @Test func healthReadinessAndVersion() async throws {
    try await ServerFixture.withServer { client, _ in
      try await client.execute(uri: "/healthz", method: .get) { response in
        #expect(response.status == .ok)
        #expect(response.text == "{\"status\":\"ok\"}\n")
      }
      try await client.execute(uri: "/readyz", method: .get) { response in
        #expect(response.object["status"] as? String == "ready")
        #expect(response.object["rules"] as? String == "bundled")
        let packs = try #require(response.object["packs"] as? [[String: Any]])
        #expect(packs.compactMap { $0["fingerprint"] as? String } == ServerFixture.rules.library.packs.map(\.fingerprint))
      }
      try await client.execute(uri: "/version", method: .get) { response in
        #expect(response.object["report_format"] as? String == "princip.assessment/1")
        #expect(response.object["api"] as? String == "1")
      }
    }
  }

  @Test func metricsCountRequestsByEndpointAndStatusAndVerdictsByPack() async throws {
    let text = try ServerFixture.text("Examples/proposals/halsnaes-psychiatric-botilbud-violated.yaml")
    try await ServerFixture.withServer { client, _ in
      for _ in 0..<2 { _ = try await client.execute(uri: "/v1/check", method: .post, headers: .yaml, body: ByteBuffer(string: text)) }
      _ = try await client.execute(uri: "/v1/rules/nothing", method: .get)
      try await client.execute(uri: "/metrics", method: .get) { response in
        #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
        let body = response.text
        #expect(body.contains(#"princip_http_requests_total{endpoint="/v1/check",method="POST",status="200"} 2"#))
        #expect(body.contains(#"princip_http_requests_total{endpoint="/v1/rules/{id}",method="GET",status="404"} 1"#))
        #expect(body.contains(#"princip_verdicts_total{pack="halsnaes",verdict="non_compliant"} 2"#))
        #expect(body.contains(#"princip_http_request_duration_seconds_count{endpoint="/v1/check",method="POST"} 2"#))
      }
    }
  }

  @Test func theTokenGuardsAllButHealthAndIsCheckedWhole() async throws {
    try await ServerFixture.withServer({ $0.token = "s3cret-token" }) { client, _ in
      try await client.execute(uri: "/v1/packs?lang=en", method: .get) { response in
        #expect(response.status == .unauthorized)
        #expect(response.headers[.wwwAuthenticate] == "Bearer realm=\"princip\"")
        #expect(response.object["type"] as? String == "urn:princip:problem:unauthorized")
      }
      for wrong in ["Bearer s3cret-toke", "Bearer s3cret-tokenX", "Basic s3cret-token", "s3cret-token"] {
        let status = try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: wrong]) { $0.status }
        #expect(status == .unauthorized, "\(wrong)")
      }
      let status = try await client.execute(uri: "/v1/packs", method: .get, headers: [.authorization: "Bearer s3cret-token"]) { $0.status }
      #expect(status == .ok)
      for open in ["/healthz", "/readyz", "/"] {
        let status = try await client.execute(uri: open, method: .get) { $0.status }
        #expect(status == .ok, "\(open)")
      }
    }
    #expect(BearerToken.constantTimeEquals(Array("abc".utf8), Array("abc".utf8)))
    #expect(!BearerToken.constantTimeEquals(Array("abd".utf8), Array("abc".utf8)))
    #expect(!BearerToken.constantTimeEquals(Array("ab".utf8), Array("abc".utf8)))
  }

  @Test func noCORSUnlessAskedFor() async throws {
    try await ServerFixture.withServer { client, _ in
      let headers = try await client.execute(uri: "/healthz", method: .get, headers: [.origin: "https://example.org"]) { $0.headers }
      #expect(headers[.accessControlAllowOrigin] == nil)
    }
    try await ServerFixture.withServer({ $0.corsOrigin = "https://nexus.example" }) { client, _ in
      let headers = try await client.execute(uri: "/healthz", method: .get) { $0.headers }
      #expect(headers[.accessControlAllowOrigin] == "https://nexus.example")
    }
  }

  @Test func theDecisionLogHoldsIdsAndOutcomesButNoProposalText() async throws {
    let log = FileManager.default.temporaryDirectory.appending(path: "princip-decisions-\(UUID().uuidString).jsonl")
    defer { try? FileManager.default.removeItem(at: log) }
    let text = try ServerFixture.text("Examples/proposals/halsnaes-psychiatric-botilbud-violated.yaml")
    let records = try ServerFixture.text("Examples/decisions/decisions.jsonl")
    try await ServerFixture.withServer({ $0.decisionLog = log.path }) { client, _ in
      let id = try await client.execute(uri: "/v1/check", method: .post, headers: .yaml, body: ByteBuffer(string: text)) { $0.headers[.decisionID] }
      let streamID = try await client.execute(uri: "/v1/audit", method: .post, headers: .jsonLines, body: ByteBuffer(string: records)) {
        $0.headers[.decisionID]
      }
      let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
      let first = try #require(lines.first.flatMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] })
      #expect(first["decision_id"] as? String == id)
      #expect(first["case_id"] as? String == "HAL-2024-0412")
      #expect(first["verdict"] as? String == "non_compliant")
      #expect((first["outcomes"] as? [String: String])?["phase-out"] == "violated")
      #expect(Set(first.keys) == ["decision_id", "time", "case_id", "pack", "pack_version", "fingerprint", "verdict", "outcomes"])
      #expect(lines.dropFirst().allSatisfy { $0.contains("\"decision_id\":\"\(streamID ?? "?")/") })
      let whole = lines.joined(separator: "\n")
      #expect(!whole.contains("stemmerne"))
      #expect(!whole.contains("Skovbrynet"))
    }
  }

  @Test func unknownPathsAreProblemsToo() async throws {
    try await ServerFixture.withServer { client, _ in
      try await client.execute(uri: "/v2/nothing?lang=en", method: .get) { response in
        #expect(response.status == .notFound)
        #expect(response.headers[.contentType] == "application/problem+json")
        #expect(response.object["detail"] as? String == "no page or resource is named /v2/nothing")
      }
    }
  }

  @Test func thePlaygroundAndTheContractAreServed() async throws {
    try await ServerFixture.withServer { client, _ in
      try await client.execute(uri: "/", method: .get) { response in
        #expect(response.status == .ok)
        #expect(response.headers[.contentType] == "text/html; charset=utf-8")
        #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
        #expect(response.text.contains("halsnaes-psychiatric-botilbud-violated.yaml"))
        #expect(!response.text.contains("/*EXAMPLES*/"))
        #expect(!response.text.contains("<script src"))
      }
      try await client.execute(uri: "/openapi.yaml", method: .get) { response in
        let expected = try ServerFixture.text("docs/openapi.yaml")
        #expect(response.text == expected)
      }
    }
  }

  @Test func judgingSlotsBoundConcurrencyAndQueue() async throws {
    let slots = JudgingSlots(limit: 1, queue: 0)
    let (held, release) = AsyncStream<Void>.makeStream()
    let (started, entered) = AsyncStream<Void>.makeStream()
    let holder = Task {
      try await slots.run {
        entered.yield()
        for await _ in held { break }
      }
    }
    for await _ in started { break }
    #expect(slots.inUse == 1)
    let refused = try await slots.run { 1 }
    #expect(refused == nil)
    release.yield()
    _ = try await holder.value
    #expect(try await slots.run { 2 } == 2)
    #expect(slots.inUse == 0)
  }

  @Test func watchSwapsRulesThatLintAndRefusesThoseThatDoNot() async throws {
    let folder = FileManager.default.temporaryDirectory.appending(path: "princip-rules-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.copyItem(at: ServerFixture.root.appending(path: "Rules"), to: folder)
    let rules = try #require(ServedRules.load(folder.path).rules)
    let server = try PrincipServer(options: ServerOptions(), rules: rules)
    let watcher = RulesWatcher(directory: folder.path, store: server.store, interval: .seconds(1), logger: Logger(label: "test"), metrics: server.metrics)
    let before = server.store.current
    let pack = folder.appending(path: "halsnaes/pack.yaml")
    let original = try String(contentsOf: pack, encoding: .utf8)
    try (original + "\nnot_a_key: 1\n").write(to: pack, atomically: true, encoding: .utf8)
    #expect(!watcher.reload())
    #expect(server.store.current === before)
    try (original + "\n# a comment changes the fingerprint\n").write(to: pack, atomically: true, encoding: .utf8)
    #expect(watcher.reload())
    let after = server.store.current
    #expect(after !== before)
    #expect(Set(after.library.packs.map(\.fingerprint)) != Set(before.library.packs.map(\.fingerprint)))
  }
}
