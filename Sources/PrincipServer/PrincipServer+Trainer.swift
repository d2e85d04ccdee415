import CEL
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import PrincipEngine
import PrincipTrainer

extension PrincipServer {
  /// The trainer's tools, each one call into PrincipTrainer: `POST /v1/explain`,
  /// `/v1/whatif`, `/v1/mend`, `/v1/tradeoffs`, `/v1/compare`. The body is a proposal, as
  /// for `/v1/check`; the answer is the JSON the CLI prints with `--format json`.
  func addTrainerRoutes(to router: Router<BasicRequestContext>) {
    router.post("/v1/explain") { request, _ in
      let rule = request.uri.queryParameters["rule"].map(String.init)
      return try await trainerAnswer(request) { proposal, judge in
        TrainerJSON.render(try ExplainResult.run(proposal, rule: rule, judge: judge))
      }
    }
    router.post("/v1/whatif") { request, _ in
      let query = request.uri.queryParameters
      let arguments = [("set", ProposalChange.Action.set), ("unset", .unset), ("add", .add)].flatMap { name, action in
        query[values: Substring(name)].map { (String($0), action) }
      }
      return try await trainerAnswer(request) { proposal, judge in
        var changes: [ProposalChange] = []
        for (argument, action) in arguments { changes.append(try ProposalChange(parsing: argument, as: action)) }
        guard !changes.isEmpty else { throw TrainerError.invalidArgument("set", expected: .pathEqualsValue) }
        return TrainerJSON.render(try WhatIfResult.run(proposal, changes: changes, judge: judge))
      }
    }
    router.post("/v1/mend") { request, _ in
      let query = request.uri.queryParameters
      let language = request.preferredLanguage
      let target = try query["target"].map { value throws(Problem) -> MendResult.Target in
        guard let target = MendResult.Target(rawValue: String(value)) else {
          throw Problem("bad-parameter", .badRequest, .badParameter,
            detail: ServerWords.text(.targetDetail, language, String(value)))
        }
        return target
      } ?? .compliant
      let maxChanges = try Self.count(query["max_changes"], name: "max_changes", default: 3, range: 1...4, language)
      let alternatives = try Self.count(query["alternatives"], name: "alternatives", default: 3, range: 1...10, language)
      let search = MendSearch(
        target: target, maxChanges: maxChanges, alternatives: alternatives, keep: query[values: "keep"].map(String.init),
        freeCitizen: try request.flag("free_citizen", default: false))
      return try await trainerAnswer(request) { proposal, judge in TrainerJSON.render(try search.run(proposal, judge: judge)) }
    }
    router.post("/v1/tradeoffs") { request, _ in
      try await trainerAnswer(request) { proposal, judge in TrainerJSON.render(try TradeoffsResult.run(proposal, judge: judge)) }
    }
    router.post("/v1/compare") { request, _ in
      // The rules served against the rules built into princip: what a changed folder changes.
      guard let bundled = Self.bundledJudge else { throw HTTPError(.internalServerError) }
      return try await trainerAnswer(request) { proposal, judge in
        let served = store.current.origin
        return TrainerJSON.render(try RuleComparison.run(proposal, first: ("bundled", bundled), second: (served, judge)))
      }
    }
  }

  /// The judge of the rules built into princip, for `/v1/compare`.
  private static let bundledJudge: ProposalJudge? = RuleLibrary.load(.bundled, examples: false).library.map {
    ProposalJudge(library: $0)
  }

  /// Reads the proposal as `/v1/check` does (the same problems, at the same line and
  /// column), runs a trainer tool on it within a judging slot, and answers its JSON with
  /// the decision id, pack version and fingerprint.
  private func trainerAnswer(
    _ request: Request, _ tool: @escaping @Sendable (TrainerProposal, ProposalJudge) throws -> String
  ) async throws -> Response {
    let language = try request.language()
    let pack = request.uri.queryParameters["pack"].map(String.init)
    try body.requireMediaType(request, among: ProposalBody.proposalTypes, language: language)
    let text = try await body.text(of: request, file: Self.bodyFile, language: language)
    let rules = store.current
    let chosen: RulePack
    let proposal: TrainerProposal
    do {
      chosen = try rules.pack(for: try rules.reader.read(text: text, file: Self.bodyFile), named: pack)
      proposal = try TrainerProposal.read(text: text, file: Self.bodyFile, schema: rules.library.schema)
    } catch let error as PrincipError {
      throw Problem(error, in: language)
    } catch let error as TrainerError {
      throw Problem(error, in: language)
    }
    let judge = pack == nil ? rules.trainerJudge : ProposalJudge(library: rules.library, pack: pack)
    guard let outcome = try await slots.run({ () -> Result<String, TrainerError> in
      do {
        return .success(try tool(proposal, judge))
      } catch let error as TrainerError {
        return .failure(error)
      } catch {
        return .failure(.invalidArgument("\(error)", expected: .yamlValue))
      }
    }) else { throw busy(language) }
    let json: String
    switch outcome {
    case .success(let value): json = value
    case .failure(let error): throw Problem(error, in: language)
    }
    let headers: HTTPFields = [
      .contentType: "application/json; charset=utf-8", .decisionID: Self.newDecisionID(),
      .packVersion: chosen.label, .ruleFingerprint: chosen.fingerprint,
    ]
    return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: json)))
  }

  /// A whole-number parameter within `range`.
  private static func count(_ value: Substring?, name: String, default fallback: Int, range: ClosedRange<Int>, _ language: Language)
    throws(Problem) -> Int
  {
    guard let value else { return fallback }
    guard let number = Int(value), range.contains(number) else {
      throw Problem("bad-parameter", .badRequest, .badParameter,
        detail: ServerWords.text(.countDetail, language, "\(name) \(range.lowerBound)–\(range.upperBound)"))
    }
    return number
  }
}

extension Problem {
  /// The problem for a trainer tool's error, worded as the CLI words it.
  init(_ error: TrainerError, in language: Language) {
    switch error {
    case .principError(let inner):
      self.init(inner, in: language)
    case .invalidChange(let inner):
      self.init(inner, in: language)
      slug = "invalid-change"
      location = nil
    default:
      self.init("invalid-request", .unprocessableContent, .invalidRequest, detail: error.message(in: language))
    }
  }
}
