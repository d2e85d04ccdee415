import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PrincipEngine
import Testing
@testable import PrincipServer

@Suite struct RulesEndpointTests {
  @Test func packsListEveryVersionWithItsFingerprint() async throws {
    try await ServerFixture.withServer { client, _ in
      try await client.execute(uri: "/v1/packs?lang=en", method: .get) { response in
        #expect(response.status == .ok)
        let packs = try #require(response.object["packs"] as? [[String: Any]])
        #expect(packs.map { $0["name"] as? String } == ServerFixture.rules.library.packNames)
        let versions = packs.flatMap { $0["versions"] as? [[String: Any]] ?? [] }
        #expect(Set(versions.compactMap { $0["fingerprint"] as? String }) == Set(ServerFixture.rules.library.packs.map(\.fingerprint)))
      }
      try await client.execute(uri: "/v1/packs/halsnaes?lang=en", method: .get) { response in
        #expect(response.status == .ok)
        let versions = try #require(response.object["versions"] as? [[String: Any]])
        #expect(versions.count == ServerFixture.rules.library.versions(of: "halsnaes").count)
        let principles = try #require(versions.last?["principles"] as? [[String: Any]])
        #expect(principles.allSatisfy { ($0["quote"] as? String)?.isEmpty == false })
      }
      try await client.execute(uri: "/v1/packs/halsnes", method: .get) { response in
        #expect(response.status == .notFound)
        #expect((response.object["detail"] as? String)?.contains("mente du 'halsnaes'") == true)
      }
    }
  }

  @Test func aRuleComesWithItsPrincipleQuoteAndExamples() async throws {
    let rule = try #require(ServerFixture.rules.library.packs.last { $0.name == "halsnaes" }?.rules.first)
    try await ServerFixture.withServer { client, _ in
      try await client.execute(uri: "/v1/rules/\(rule.id)?lang=en", method: .get) { response in
        #expect(response.status == .ok)
        let versions = try #require(response.object["versions"] as? [[String: Any]])
        let last = try #require(versions.last)
        #expect((last["principle"] as? [String: Any])?["quote"] as? String != nil)
        #expect((last["examples"] as? [Any])?.count == rule.examples.count)
        #expect(last["require"] as? String == rule.require.source)
      }
      try await client.execute(uri: "/v1/rules/\(rule.id)x?lang=en", method: .get) { response in
        #expect(response.status == .notFound)
        #expect(response.object["detail"] as? String == "no rule is named '\(rule.id)x' (did you mean '\(rule.id)'?)")
      }
    }
  }

  @Test func theSchemaIsServedAsTheRulesHaveIt() async throws {
    try await ServerFixture.withServer { client, _ in
      try await client.execute(uri: "/v1/schema", method: .get) { response in
        #expect(response.status == .ok)
        let expected = try ServerFixture.text("Rules/schema/proposal.schema.json")
        #expect(response.text == expected)
      }
    }
  }
}
