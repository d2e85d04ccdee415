import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import PrincipEngine
import Testing
@testable import PrincipServer

@Suite struct CheckEndpointTests {
  /// What `princip check --format json -` prints for a proposal, made the way the CLI makes it.
  static func cliReport(_ text: String, language: Language) throws -> String {
    let library = ServerFixture.rules.library
    let proposal = try ProposalReader(schema: library.schema).read(text: text, file: "-")
    let (name, date) = try #require(ProposalReader.packAndDate(of: proposal))
    let pack = try library.pack(named: name, on: date)
    let assessment = try Evaluator(pack: pack, ladder: library.ladder).assess(proposal)
    return JSONReport.generateReport(
      AssessmentReport(assessment: assessment, pack: pack, ladder: library.ladder, file: "-", schema: library.schema), in: language)
  }

  @Test("every example answers the CLI's JSON report, with its pack, fingerprint and a decision id", arguments: ServerFixture.examples)
  func examplesMatchTheCLI(_ example: URL) async throws {
    let text = try String(contentsOf: example, encoding: .utf8)
    let expected = try Self.cliReport(text, language: .en)
    try await ServerFixture.withServer { client, _ in
      try await client.execute(uri: "/v1/check?lang=en", method: .post, headers: .yaml, body: ByteBuffer(string: text)) { response in
        #expect(response.status == .ok)
        #expect(response.text == expected)
        #expect(response.headers[.contentType] == "application/json; charset=utf-8")
        let pack = try #require(response.object["pack"] as? [String: Any])
        #expect(response.headers[.packVersion] == "\(pack["name"] ?? "") \(pack["version"] ?? "")")
        #expect(response.headers[.ruleFingerprint] == pack["fingerprint"] as? String)
        #expect(response.headers[.decisionID]?.count == 36)
      }
    }
  }

  @Test func aJSONProposalIsJudgedAsTheAuditJudgesTheSameRecord() async throws {
    let record = try #require(try ServerFixture.text("Examples/decisions/decisions.jsonl").split(separator: "\n").first.map(String.init))
    try await ServerFixture.withServer { client, _ in
      let checked = try await client.execute(
        uri: "/v1/check", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: record)) { $0 }
      #expect(checked.status == .ok)
      let audited = try await client.execute(uri: "/v1/audit", method: .post, headers: .jsonLines, body: ByteBuffer(string: record)) { $0.object }
      #expect((checked.object["verdict"] as? [String: Any])?["id"] as? String == audited["verdict"] as? String)
      #expect(checked.object["score"] as? Int == audited["score"] as? Int)
      #expect((checked.object["pack"] as? [String: Any])?["fingerprint"] as? String == audited["fingerprint"] as? String)
    }
  }

  @Test func invalidProposalIsAProblemAtItsLineAndColumn() async throws {
    let text = "case_id: X-1\nmunicipality: halsnaes\ndecision_date: \"2024-04-18\"\ncitizen:\n  age: -4\n"
    try await ServerFixture.withServer { client, _ in
      for language in Language.allCases {
        try await client.execute(uri: "/v1/check?lang=\(language.rawValue)", method: .post, headers: .yaml, body: ByteBuffer(string: text)) { response in
          #expect(response.status == .unprocessableContent)
          #expect(response.headers[.contentType] == "application/problem+json")
          let problem = response.object
          #expect(problem["type"] as? String == "urn:princip:problem:invalid-proposal")
          #expect(problem["title"] as? String == (language == .da ? "Ugyldigt forslag" : "Invalid proposal"))
          #expect(problem["language"] as? String == language.rawValue)
          // The CLI's own message for the same text, place included.
          do {
            _ = try ServerFixture.rules.reader.read(text: text, file: "-")
            Issue.record("the proposal should be invalid")
          } catch let error as PrincipError {
            #expect(problem["detail"] as? String == error.message(in: language))
            #expect(problem["line"] as? Int == error.location?.line)
            #expect(problem["column"] as? Int == error.location?.column)
          }
          #expect((problem["line"] as? Int ?? 0) > 0)
        }
      }
    }
  }

  @Test func syntaxErrorNamesLineAndColumn() async throws {
    try await ServerFixture.withServer { client, _ in
      try await client.execute(uri: "/v1/check?lang=en", method: .post, headers: .yaml, body: ByteBuffer(string: "case_id: x\nmunicipality: [\n")) { response in
        #expect(response.status == .unprocessableContent)
        #expect(response.object["line"] as? Int == 3)
        #expect((response.object["detail"] as? String)?.hasPrefix("-:3:1: syntax error") == true)
      }
    }
  }

  @Test func packParameterAllComparesEveryPack() async throws {
    let text = try ServerFixture.text("Examples/proposals/ishoj-young-adult-transition.yaml")
    try await ServerFixture.withServer { client, _ in
      try await client.execute(uri: "/v1/check?pack=all", method: .post, headers: .yaml, body: ByteBuffer(string: text)) { response in
        #expect(response.status == .ok)
        #expect(response.object["format"] as? String == "princip.comparison/1")
        #expect((response.object["packs"] as? [Any])?.count == 4)
        #expect(response.headers[.packVersion]?.split(separator: ",").count == 4)
      }
      try await client.execute(uri: "/v1/check?pack=viborg&lang=en", method: .post, headers: .yaml, body: ByteBuffer(string: text)) { response in
        #expect(response.status == .ok)
        #expect((response.object["pack"] as? [String: Any])?["name"] as? String == "viborg")
      }
      try await client.execute(uri: "/v1/check?pack=viborgg&lang=en", method: .post, headers: .yaml, body: ByteBuffer(string: text)) { response in
        #expect(response.status == .unprocessableContent)
        #expect(response.object["type"] as? String == "urn:princip:problem:unknown-pack")
        #expect((response.object["detail"] as? String)?.contains("did you mean 'viborg'") == true)
      }
    }
  }

  @Test func explainFalseGivesOutcomesWithoutMessages() async throws {
    let text = try ServerFixture.text("Examples/proposals/halsnaes-psychiatric-botilbud-violated.yaml")
    try await ServerFixture.withServer { client, _ in
      let full = try await client.execute(uri: "/v1/check", method: .post, headers: .yaml, body: ByteBuffer(string: text)) { $0.object }
      try await client.execute(uri: "/v1/check?explain=false", method: .post, headers: .yaml, body: ByteBuffer(string: text)) { response in
        let findings = try #require(response.object["findings"] as? [[String: Any]])
        #expect(findings.allSatisfy { $0["message"] is NSNull })
        #expect(response.object["score"] as? Int == full["score"] as? Int)
        #expect(findings.map { $0["outcome"] as? String } == (full["findings"] as? [[String: Any]])?.map { $0["outcome"] as? String })
      }
      try await client.execute(uri: "/v1/check?explain=perhaps", method: .post, headers: .yaml, body: ByteBuffer(string: text)) { response in
        #expect(response.status == .badRequest)
        #expect(response.object["type"] as? String == "urn:princip:problem:bad-parameter")
      }
    }
  }

  @Test func limitsAndMediaTypes() async throws {
    try await ServerFixture.withServer({ $0.maxBodyBytes = 2048 }) { client, _ in
      try await client.execute(uri: "/v1/check?lang=en", method: .post, headers: [.contentType: "text/html"], body: ByteBuffer(string: "x")) { response in
        #expect(response.status == .unsupportedMediaType)
        #expect(response.object["detail"] as? String == "send the proposal as application/json or application/yaml, not text/html")
      }
      let large = "case_id: x\n" + String(repeating: "# padding\n", count: 400)
      try await client.execute(uri: "/v1/check?lang=en", method: .post, headers: .yaml, body: ByteBuffer(string: large)) { response in
        #expect(response.status == .contentTooLarge)
        #expect(response.object["type"] as? String == "urn:princip:problem:body-too-large")
      }
      try await client.execute(uri: "/v1/check?lang=xx", method: .post, headers: .yaml, body: ByteBuffer(string: "a: 1")) { response in
        #expect(response.status == .badRequest)
        #expect(response.object["detail"] as? String == "parameteren lang skal være da eller en, ikke 'xx'")
      }
      try await client.execute(uri: "/v1/check", method: .post, headers: [.contentType: "application/yaml", .acceptLanguage: "en-GB,en;q=0.8"],
        body: ByteBuffer(string: " \n")) { response in
        #expect(response.status == .unprocessableContent)
        #expect(response.object["detail"] as? String == "-: the file is empty")
        #expect(response.object["language"] as? String == "en")
      }
    }
  }

  @Test func aBodyNotSentInTimeIsATimeout() async throws {
    let (body, source) = RequestBody.makeStream()
    _ = source  // Never finished: a client that stops sending.
    let reader = ProposalBody(limit: 1024, timeout: .milliseconds(50))
    let request = Request(head: HTTPRequest(method: .post, scheme: "http", authority: "x", path: "/v1/check"), body: body)
    do {
      _ = try await reader.bytes(of: request, language: .en)
      Issue.record("a body that never ends should time out")
    } catch let problem as Problem {
      #expect(problem.status == .requestTimeout)
      #expect(problem.slug == "timeout")
      #expect(problem.detail == "the request was not received within 0 seconds")
    }
  }
}
