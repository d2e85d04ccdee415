import CEL
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import PrincipEngine

extension HTTPField.Name {
  /// The id of the decision an answer gives (logged under it with `--decision-log`).
  static let decisionID = Self("Princip-Decision-Id")!
  /// The pack versions that judged, `halsnaes 2019.1`, comma-separated.
  static let packVersion = Self("Princip-Pack-Version")!
  /// Their rule fingerprints, in the same order.
  static let ruleFingerprint = Self("Princip-Rule-Fingerprint")!
}

extension PrincipServer {
  /// The name a proposal sent in a request body goes by in reports and errors: what
  /// `princip check -` calls standard input, so that the answer is the CLI's to the byte.
  static let bodyFile = "-"

  /// The media types of a JSON Lines body.
  static let jsonLinesTypes: Set<String> = [
    "application/jsonl", "application/x-ndjson", "application/x-jsonlines", "application/json-lines", "application/json",
  ]

  /// `POST /v1/check` and `POST /v1/audit`.
  func addJudgingRoutes(to router: Router<BasicRequestContext>) {
    router.post("/v1/check") { request, _ in
      let language = try request.language()
      let explain = try request.flag("explain", default: true)
      let pack = request.uri.queryParameters["pack"].map(String.init)
      try body.requireMediaType(request, among: ProposalBody.proposalTypes, language: language)
      let text = try await body.text(of: request, file: Self.bodyFile, language: language)
      let rules = store.current
      guard let outcome = try await slots.run({ () -> Result<CheckAnswer, PrincipError> in
        Result { () throws(PrincipError) in
          try CheckAnswer(text: text, file: Self.bodyFile, pack: pack, explain: explain, rules: rules, language: language)
        }
      }) else { throw busy(language) }
      let answer: CheckAnswer
      switch outcome {
      case .success(let value): answer = value
      case .failure(let error): throw Problem(error, in: language)
      }
      let decisionID = Self.newDecisionID()
      try record(answer.reports, decisionID: decisionID, language: language)
      var headers: HTTPFields = [.contentType: "application/json; charset=utf-8", .decisionID: decisionID]
      headers[.packVersion] = answer.reports.map(\.pack.label).joined(separator: ", ")
      headers[.ruleFingerprint] = answer.reports.map(\.pack.fingerprint).joined(separator: ", ")
      return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: answer.body)))
    }

    router.post("/v1/audit") { request, _ in
      let language = try request.language()
      guard ProposalBody.mediaType(of: request) != nil else {
        throw Problem("unsupported-media-type", .unsupportedMediaType, .unsupportedMediaType,
          detail: ServerWords.text(.jsonLinesDetail, language, "-"))
      }
      try body.requireMediaType(request, among: Self.jsonLinesTypes, language: language, detail: .jsonLinesDetail)
      let input = request.uri.queryParameters["input"].map(String.init) ?? Self.bodyFile
      let rules = store.current
      let decisionID = Self.newDecisionID()
      let headers: HTTPFields = [.contentType: "application/jsonl; charset=utf-8", .decisionID: decisionID]
      let audit = StreamedAudit(server: self, rules: rules, input: input, decisionID: decisionID, language: language)
      return Response(status: .ok, headers: headers, body: ResponseBody { writer in
        try await audit.run(request.body, writer: &writer)
      })
    }
  }

  func busy(_ language: Language) -> Problem {
    Problem("busy", .serviceUnavailable, .busy, detail: ServerWords.text(.busyDetail, language), headers: [.retryAfter: "1"])
  }

  /// Counts the verdicts and writes them to the decision log; a decision that cannot be
  /// logged is not given (503), so the log holds every decision the server gave.
  func record(_ reports: [AssessmentReport], decisionID: String, language: Language) throws(Problem) {
    for report in reports { metrics.verdict(report.assessment.verdict.rawValue, pack: report.pack.name) }
    guard let decisionLog else { return }
    let now = Date()
    let entries = reports.map { report in
      DecisionLog.Entry(
        decisionID: decisionID, time: now, caseID: report.assessment.caseID, pack: report.pack.name, version: report.pack.version,
        fingerprint: report.pack.fingerprint, verdict: report.assessment.verdict.rawValue,
        outcomes: report.principleResults.compactMap { result in result.outcome.map { (result.principle.id, $0.rawValue) } })
    }
    do {
      try decisionLog.write(entries)
    } catch {
      metrics.decisionLogFailure()
      logger.error("decision log write failed", metadata: ["reason": "\(error.reason)"])
      throw Problem("decision-log", .serviceUnavailable, .decisionLog, detail: ServerWords.text(.decisionLogDetail, language, error.reason))
    }
  }
}

/// The answer to one `/v1/check`: the report `princip check --format json` prints, and
/// the assessments behind it.
struct CheckAnswer: Sendable {
  var body: String
  var reports: [AssessmentReport]

  /// Reads, validates and judges a proposal the way `princip check` does: by the pack
  /// named (`all`: every pack, compared) or else by its municipality, in the version in
  /// force on its decision date.
  init(text: String, file: String, pack: String?, explain: Bool, rules: ServedRules, language: Language) throws(PrincipError) {
    let proposal = try rules.reader.read(text: text, file: file)
    let library = rules.library
    if pack == "all" {
      let comparison = try library.sharingKeys { Result { () throws(PrincipError) in try Comparison(judging: proposal, by: library, file: file) } }.get()
      body = ComparisonJSONReport.generateReport(comparison, in: language)
      reports = comparison.columns
      return
    }
    let chosen = try rules.pack(for: proposal, named: pack)
    let assessment = try rules.evaluator(for: chosen).assess(proposal, explain: explain)
    let report = AssessmentReport(assessment: assessment, pack: chosen, ladder: library.ladder, file: file, schema: library.schema)
    body = JSONReport.generateReport(report, in: language)
    reports = [report]
  }
}
