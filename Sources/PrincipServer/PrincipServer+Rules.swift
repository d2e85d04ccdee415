import CEL
import Foundation
import Hummingbird
import NIOCore
import PrincipEngine

extension PrincipServer {
  /// `/v1/packs`, `/v1/packs/{pack}`, `/v1/rules/{id}`: what the rules say, in the
  /// requested language.
  func addRulesRoutes(to router: Router<BasicRequestContext>) {
    router.get("/v1/packs") { request, _ in
      let language = try request.language()
      let library = store.current.library
      return Self.json(.object([
        ("packs", .list(library.packNames.map { name in
          let versions = library.versions(of: name)
          return .object([
            ("name", .string(name)),
            ("municipality", .string(versions.last?.municipality[language] ?? name)),
            ("versions", .list(versions.map { Self.versionSummary($0, language) })),
          ])
        })),
      ]))
    }
    router.get("/v1/packs/{pack}") { request, context in
      let language = try request.language()
      let name = try context.parameters.require("pack")
      let library = store.current.library
      let versions = library.versions(of: name)
      guard !versions.isEmpty else {
        let error = PrincipError.unknownPack(name, available: library.packNames)
        throw Problem("unknown-pack", .notFound, .unknownPack, detail: error.message(in: language))
      }
      return Self.json(.object([
        ("name", .string(name)),
        ("municipality", .string(versions.last?.municipality[language] ?? name)),
        ("versions", .list(versions.map { Self.versionDetail($0, language) })),
      ]))
    }
    router.get("/v1/schema") { _, _ in
      Response(
        status: .ok, headers: [.contentType: "application/schema+json"],
        body: ResponseBody(byteBuffer: ByteBuffer(string: store.current.schemaText)))
    }
    router.get("/v1/rules/{id}") { request, context in
      let language = try request.language()
      let id = try context.parameters.require("id")
      let packs = store.current.library.packs
      let found = packs.compactMap { pack in pack.rules.first { $0.id == id }.map { (pack, $0) } }
      guard let first = found.first else {
        let hint = Suggestion.closest(to: id, among: packs.flatMap { $0.rules.map(\.id) })
        let words = ServerWords.text(.unknownRule, language, id)
        let detail = words + (hint.map { language == .da ? " (mente du '\($0)'?)" : " (did you mean '\($0)'?)" } ?? "")
        throw Problem("unknown-rule", .notFound, .notFound, detail: detail)
      }
      return Self.json(.object([
        ("id", .string(id)),
        ("pack", .string(first.0.name)),
        ("versions", .list(found.map { Self.ruleDetail($0.1, in: $0.0, language) })),
      ]))
    }
  }

  static func inForce(_ period: RulePack.Period) -> CELValue {
    let until: CELValue = period.until.map { CELValue.string($0.description) } ?? .null
    return .object([("from", .string(period.from.description)), ("until", until)])
  }

  static func versionSummary(_ pack: RulePack, _ language: Language) -> CELValue {
    .object([
      ("version", .string(pack.version)),
      ("in_force", Self.inForce(pack.inForce)),
      ("fingerprint", .string(pack.fingerprint)),
      ("policy", .string(pack.policy.title)),
      ("principles", .int(Int64(pack.principles.count))),
      ("rules", .int(Int64(pack.rules.count))),
    ])
  }

  static func versionDetail(_ pack: RulePack, _ language: Language) -> CELValue {
    .object([
      ("version", .string(pack.version)),
      ("in_force", Self.inForce(pack.inForce)),
      ("fingerprint", .string(pack.fingerprint)),
      ("policy", .object([
        ("title", .string(pack.policy.title)),
        ("adopted", pack.policy.adopted.map { .string($0.description) } ?? .null),
        ("adopted_by", pack.policy.adoptedBy.map(CELValue.string) ?? .null),
      ])),
      ("scoring", .object([("approve", .int(Int64(pack.scoring.approve))), ("review", .int(Int64(pack.scoring.review)))])),
      ("principles", .list(pack.principles.map { principle($0, language) })),
      ("rules", .list(pack.rules.map { rule in
        .object([
          ("id", .string(rule.id)),
          ("principle", .string(rule.principleID)),
          ("severity", .string(rule.severity.rawValue)),
          ("scope", .string(rule.scope.rawValue)),
          ("justifiable", .bool(rule.justifiable)),
        ])
      })),
    ])
  }

  static func principle(_ principle: Principle, _ language: Language) -> CELValue {
    .object([
      ("id", .string(principle.id)),
      ("title", .string(principle.title[language])),
      ("themes", .list(principle.themes.map(CELValue.string))),
      ("quote", .string(principle.quote)),
      ("source", .string(principle.source)),
      ("checkable", .bool(principle.notCheckableReason == nil)),
      ("not_checkable_reason", principle.notCheckableReason.map { .string($0[language]) } ?? .null),
    ])
  }

  static func ruleDetail(_ rule: Rule, in pack: RulePack, _ language: Language) -> CELValue {
    .object([
      ("version", .string(pack.version)),
      ("fingerprint", .string(pack.fingerprint)),
      ("principle", pack.principle(rule.principleID).map { principle($0, language) } ?? .null),
      ("severity", .string(rule.severity.rawValue)),
      ("scope", .string(rule.scope.rawValue)),
      ("justifiable", .bool(rule.justifiable)),
      ("description", .string(rule.description.trimmingCharacters(in: .whitespacesAndNewlines))),
      ("when", rule.when.map { .string($0.source) } ?? .null),
      ("require", .string(rule.require.source)),
      ("message", .string(template(rule.message[language]))),
      ("remedy", .string(template(rule.remedy[language]))),
      ("location", .string(rule.location.description)),
      ("examples", .list(rule.examples.map { example -> CELValue in
        .object([
          ("name", .string(example.name)),
          ("expected", .list(example.expected.map { .string($0.rawValue) })),
          ("proposal", example.proposal as CELValue),
        ])
      })),
    ])
  }

  /// A message template as its author wrote it: `{{ expression }}` for each fact.
  private static func template(_ segments: [MessageTemplate.Segment]) -> String {
    segments.map { segment in
      switch segment {
      case .text(let text): text
      case .fact(let expression): "{{\(expression.source)}}"
      }
    }.joined()
  }
}
