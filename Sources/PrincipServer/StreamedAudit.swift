import CEL
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import PrincipEngine

/// One `/v1/audit`: JSON Lines in, one result line per record out as each is judged —
/// the line `princip audit --out results.jsonl` writes for it. Memory stays within one
/// record and one piece of the body, however long the stream.
struct StreamedAudit: Sendable {
  let server: PrincipServer
  let rules: ServedRules
  /// What the result lines call the input (`"input"`).
  let input: String
  /// The stream's decision id; record `n` of it is decision `ID/n`.
  let decisionID: String
  let language: Language

  func run(_ body: RequestBody, writer: inout any ResponseBodyWriter) async throws {
    guard let result = try await server.slots.run({ () async throws -> Bool in
      try await judge(body, writer: &writer)
      return true
    }) else {
      // Every judging slot is taken: one error line, as a record error would be.
      let problem = server.busy(language)
      try await writer.write(ByteBuffer(string: StreamNotice.error(input: input, detail: problem.detail)))
      try await writer.finish(nil)
      return
    }
    _ = result
    try await writer.finish(nil)
  }

  private func judge(_ body: RequestBody, writer: inout any ResponseBodyWriter) async throws {
    var splitter = JSONLinesSplitter(maxLineBytes: server.options.maxRecordBytes)
    var output: [UInt8] = []
    var entries: [DecisionLog.Entry] = []
    let judge = rules.lineJudge
    let limit = server.options.maxRecordBytes
    func handle(_ record: JSONLinesSplitter.Record) {
      switch record {
      case .line(let bytes, let number):
        if let decision = judge.judge(bytes, input: input, line: number, language: language, into: &output) {
          server.metrics.verdict(decision.verdict.rawValue, pack: decision.pack.name)
          if server.decisionLog != nil {
            entries.append(DecisionLog.Entry(
              decisionID: "\(decisionID)/\(number)", time: Date(), caseID: decision.caseID, pack: decision.pack.name,
              version: decision.pack.version, fingerprint: decision.pack.fingerprint, verdict: decision.verdict.rawValue,
              outcomes: decision.outcomes.map { ($0.principle, $0.outcome.rawValue) }))
          }
        }
      case .tooLong(let number):
        judge.tooLong(input: input, line: number, limit: limit, language: language, into: &output)
      }
    }
    func flush() async throws {
      if let log = server.decisionLog, !entries.isEmpty {
        do {
          try log.write(entries)
        } catch {
          server.metrics.decisionLogFailure()
          server.logger.error("decision log write failed", metadata: ["reason": "\(error.reason)"])
          // The decisions of this piece are not given: the stream ends with the reason.
          let detail = ServerWords.text(.decisionLogDetail, language, error.reason)
          try await writer.write(ByteBuffer(string: StreamNotice.error(input: input, detail: detail)))
          throw error
        }
        entries.removeAll(keepingCapacity: true)
      }
      if !output.isEmpty {
        try await writer.write(ByteBuffer(bytes: output))
        output.removeAll(keepingCapacity: true)
      }
    }
    for try await piece in body {
      piece.withUnsafeReadableBytes { splitter.feed($0, handle) }
      try await flush()
    }
    splitter.finish(handle)
    try await flush()
  }
}

/// A result line of the server's own, for a stream that cannot go on.
enum StreamNotice {
  static func error(input: String, detail: String) -> String {
    CELValue.object([("input", .string(input)), ("error", .string(detail))]).jsonText + "\n"
  }
}
