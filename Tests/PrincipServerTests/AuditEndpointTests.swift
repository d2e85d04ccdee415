import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PrincipEngine
import Testing
@testable import PrincipServer

@Suite struct AuditEndpointTests {
  @Test func streamsOneResultLinePerRecord() async throws {
    let input = try ServerFixture.text("Examples/decisions/broken.jsonl")
    let records = input.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }.count
    try await ServerFixture.withServer { client, _ in
      try await client.execute(uri: "/v1/audit?lang=en&input=broken.jsonl", method: .post, headers: .jsonLines, body: ByteBuffer(string: input)) { response in
        #expect(response.status == .ok)
        #expect(response.headers[.contentType] == "application/jsonl; charset=utf-8")
        #expect(response.headers[.decisionID]?.count == 36)
        let lines = response.text.split(separator: "\n").map(String.init)
        #expect(lines.count == records)
        let objects = lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(objects.count == records)
        #expect(objects.allSatisfy { $0["input"] as? String == "broken.jsonl" })
        #expect(objects.contains { $0["error"] != nil })
        let judged = objects.filter { $0["verdict"] != nil }
        #expect(!judged.isEmpty)
        #expect(judged.allSatisfy { $0["pack_version"] is String && ($0["fingerprint"] as? String)?.count == 64 })
      }
    }
  }

  @Test func splitterFollowsTheAuditReader() {
    var splitter = JSONLinesSplitter(maxLineBytes: 8)
    var seen: [String] = []
    let handle: (JSONLinesSplitter.Record) -> Void = { record in
      switch record {
      case .line(let bytes, let number): seen.append("\(number):\(String(decoding: bytes, as: UTF8.self))")
      case .tooLong(let number): seen.append("\(number):too long")
      }
    }
    // A byte-order mark, CR LF, a blank line, a line cut across pieces, one too long, no final break.
    for piece in ["\u{FEFF}{\"a\":1}\r\n\n{\"b\"", ":2}\n0123456789", "0123\n", "{}"] {
      Array(piece.utf8).withUnsafeBytes { splitter.feed($0, handle) }
    }
    splitter.finish(handle)
    #expect(seen == ["1:{\"a\":1}", "3:{\"b\":2}", "4:too long", "5:{}"])
  }

  @Test func aRecordTooLongIsAnErrorLineAndTheStreamGoesOn() async throws {
    let good = try ServerFixture.text("Examples/decisions/decisions.jsonl").split(separator: "\n").first.map(String.init) ?? ""
    let long = "{\"case_id\":\"" + String(repeating: "x", count: 5000) + "\"}"
    try await ServerFixture.withServer({ $0.maxRecordBytes = 4096 }) { client, _ in
      try await client.execute(uri: "/v1/audit?lang=en", method: .post, headers: .jsonLines, body: ByteBuffer(string: long + "\n" + good + "\n")) { response in
        let lines = response.text.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.contains("\"error\":\"the line is longer than 4096 bytes\"") == true)
        #expect(lines.last?.contains("\"verdict\"") == true)
      }
    }
  }

  @Test func auditRefusesOtherMediaTypes() async throws {
    try await ServerFixture.withServer { client, _ in
      try await client.execute(uri: "/v1/audit?lang=en", method: .post, headers: [.contentType: "text/csv"], body: ByteBuffer(string: "a,b")) { response in
        #expect(response.status == .unsupportedMediaType)
      }
    }
  }
}
