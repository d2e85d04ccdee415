import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PrincipEngine
import Testing
@testable import PrincipServer

@Suite struct TrainerEndpointTests {
  static let satisfied = "Examples/proposals/halsnaes-bostoette-satisfied.yaml"

  /// The satisfied example with its offer moved to another municipality: one violation.
  static func moved() throws -> String {
    try ServerFixture.text(satisfied).replacingOccurrences(of: "\n    provider: own_municipality", with: "\n    provider: other_municipality")
  }

  @Test func whatIfShowsWhatMoved() async throws {
    let text = try ServerFixture.text(Self.satisfied)
    try await ServerFixture.withServer { client, _ in
      try await client.execute(
        uri: "/v1/whatif?lang=en&set=interventions%5B0%5D.provider=other_municipality", method: .post, headers: .yaml,
        body: ByteBuffer(string: text)
      ) { response in
        #expect(response.status == .ok)
        #expect(response.headers[.packVersion] == "halsnaes 2019.1")
        #expect(response.headers[.decisionID]?.count == 36)
        #expect((response.object["before"] as? [String: Any])?["verdict"] as? String == "compliant")
        #expect((response.object["after"] as? [String: Any])?["verdict"] as? String == "deviations")
        #expect((response.object["moved"] as? [Any])?.isEmpty == false)
      }
      try await client.execute(uri: "/v1/whatif?lang=en&set=interventions%5B9%5D.provider=x", method: .post, headers: .yaml, body: ByteBuffer(string: text)) {
        response in
        #expect(response.status == .unprocessableContent)
        #expect((response.object["detail"] as? String)?.contains("interventions[9]") == true)
      }
    }
  }

  @Test func mendFindsTheSmallestSetAndItReachesTheTarget() async throws {
    let text = try Self.moved()
    try await ServerFixture.withServer { client, _ in
      let sets = try await client.execute(uri: "/v1/mend?lang=en", method: .post, headers: .yaml, body: ByteBuffer(string: text)) { response in
        #expect(response.status == .ok)
        return response.object["sets"] as? [[String: Any]] ?? []
      }
      let first = try #require(sets.first)
      #expect((first["after"] as? [String: Any])?["verdict"] as? String == "compliant")
      let edits = try #require(first["edits"] as? [[String: Any]])
      #expect(edits.count == 1)
      // Applying the set by what-if reaches the same verdict.
      let change = try #require(edits.first?["change"] as? [String: Any])
      let path = try #require(change["path"] as? String).replacingOccurrences(of: "[", with: "%5B").replacingOccurrences(of: "]", with: "%5D")
      let value = try #require(change["value"] as? String)
      try await client.execute(uri: "/v1/whatif?set=\(path)=\(value)", method: .post, headers: .yaml, body: ByteBuffer(string: text)) { response in
        #expect((response.object["after"] as? [String: Any])?["verdict"] as? String == "compliant")
      }
      try await client.execute(uri: "/v1/mend?target=perfect&lang=en", method: .post, headers: .yaml, body: ByteBuffer(string: text)) { response in
        #expect(response.status == .badRequest)
      }
    }
  }

  @Test func explainTradeoffsAndCompareAnswer() async throws {
    let text = try ServerFixture.text(Self.satisfied)
    try await ServerFixture.withServer { client, _ in
      try await client.execute(uri: "/v1/explain?rule=halsnaes.local-before-external", method: .post, headers: .yaml, body: ByteBuffer(string: text)) {
        response in
        #expect(response.status == .ok)
        let rules = try #require(response.object["rules"] as? [[String: Any]])
        #expect(rules.allSatisfy { ($0["result"] as? [String: Any])?["rule_id"] as? String == "halsnaes.local-before-external" })
        #expect((rules.first?["applies"] as? [String: Any])?["value"] as? String == "no")
      }
      for tool in ["tradeoffs", "compare"] {
        let status = try await client.execute(uri: "/v1/\(tool)", method: .post, headers: .yaml, body: ByteBuffer(string: text)) { $0.status }
        #expect(status == .ok, "\(tool)")
      }
      // An invalid proposal is the same problem as for /v1/check.
      try await client.execute(uri: "/v1/mend?lang=en", method: .post, headers: .yaml, body: ByteBuffer(string: "case_id: x\nmunicipality: [\n")) { response in
        #expect(response.status == .unprocessableContent)
        #expect(response.object["line"] as? Int == 3)
      }
    }
  }
}
