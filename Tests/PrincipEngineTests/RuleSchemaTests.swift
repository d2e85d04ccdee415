import CEL
import Foundation
@testable import PrincipEngine
import Testing

/// The JSON Schemas under `Rules/schema/` that editors use for completion: every bundled
/// file validates against its schema, and the schemas say what the engine reads — no
/// more, no less.
struct RuleSchemaTests {
  // MARK: - Every bundled file validates

  @Test func everyPackFileValidates() throws {
    let schema = try Schemas.engineSchema("pack")
    let files = Schemas.rulesFiles { $0.lastPathComponent == "pack.yaml" }
    #expect(!files.isEmpty)
    for file in files { try Schemas.expectValid(file, against: schema) }
  }

  @Test func everyRuleFileValidates() throws {
    let schema = try Schemas.engineSchema("rules")
    let files = Schemas.rulesFiles { ["yaml", "yml"].contains($0.pathExtension) && $0.deletingLastPathComponent().lastPathComponent == "rules" }
    #expect(!files.isEmpty)
    for file in files { try Schemas.expectValid(file, against: schema) }
  }

  /// `expect` is `oneOf` (an outcome or a list), which the engine's validator takes as
  /// "any": check its values against the schema's outcome enum here.
  @Test func everyExampleExpectationIsAnOutcome() throws {
    let outcomes = try #require(Schemas.definition("rules", "outcome")["enum"] as? [String])
    for file in Schemas.rulesFiles({ $0.pathExtension == "yaml" && $0.deletingLastPathComponent().lastPathComponent == "rules" }) {
      guard case .map(let root) = try YAMLDocument(path: file.path).value(), case .list(let rules)? = root["rules"] else { continue }
      for (ruleIndex, rule) in rules.enumerated() {
        guard case .map(let rule) = rule, case .list(let examples)? = rule["examples"] else { continue }
        for (exampleIndex, example) in examples.enumerated() {
          guard case .map(let example) = example, let expect = example["expect"] else { continue }
          let values: [CELValue] = if case .list(let list) = expect { list } else { [expect] }
          for value in values {
            guard case .string(let text) = value, outcomes.contains(text) else {
              Issue.record("\(file.path): rules[\(ruleIndex)].examples[\(exampleIndex)].expect: \(value) is not one of \(outcomes)")
              continue
            }
          }
        }
      }
    }
  }

  @Test func theLadderValidates() throws {
    try Schemas.expectValid(URL(fileURLWithPath: Fixtures.rules).appending(path: "ladder.yaml"), against: try Schemas.engineSchema("ladder"))
  }

  @Test func theThemesValidate() throws {
    try Schemas.expectValid(URL(fileURLWithPath: Fixtures.rules).appending(path: "themes.yaml"), against: try Schemas.engineSchema("themes"))
  }

  @Test func everyExampleProposalValidates() throws {
    let schema = try Schemas.engineSchema("proposal")
    let folder = URL(fileURLWithPath: Fixtures.examples).appending(path: "proposals")
    let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
    let proposals = files.filter { $0.pathExtension == "yaml" && !$0.lastPathComponent.hasSuffix("expected.yaml") }
    for file in proposals.sorted(by: { $0.path < $1.path }) { try Schemas.expectValid(file, against: schema) }
  }

  @Test func schemasDeclareDraft202012() throws {
    for name in Schemas.names {
      #expect(try Schemas.json(name)["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema", "\(name).schema.json: $schema")
    }
  }

  // MARK: - The schemas and the Swift model agree

  @Test func keysMatchTheReader() throws {
    let pairs: [(schema: String, pointer: [String: Any], keys: [String], what: String)] = [
      ("pack", try Schemas.json("pack"), RulePackReader.packKeys, "pack.yaml"),
      ("pack", try Schemas.definition("pack", "principle"), RulePackReader.principleKeys, "principles[]"),
      ("pack", try Schemas.definition("pack", "notCheckable"), RulePackReader.notCheckableKeys, "not_checkable[]"),
      ("rules", try Schemas.definition("rules", "rule"), RulePackReader.ruleKeys, "rules[]"),
      ("rules", try Schemas.definition("rules", "example"), RulePackReader.exampleKeys, "rules[].examples[]"),
    ]
    for (schema, object, keys, what) in pairs {
      Schemas.expectSame(Schemas.propertyNames(object), Set(keys), "\(schema).schema.json: properties of \(what) vs RulePackReader")
    }
  }

  /// The keys each object allows and requires, as the engine reports them for a file
  /// with an unknown key and nothing else, against the schema's `properties` and `required`.
  @Test func allowedAndRequiredKeysMatchTheEngine() throws {
    let unknown = "zzqxunknown"
    let packFiles = [
      "demo/pack.yaml": """
        \(unknown): 1
        municipality:
          \(unknown): 1
        policy:
          \(unknown): 1
        in_force:
          \(unknown): 1
        scoring:
          \(unknown): 1
        principles:
          - \(unknown): 1
        not_checkable:
          - \(unknown): 1
        """,
      "demo/rules/broken.yaml": """
        \(unknown): 1
        rules:
          - \(unknown): 1
            message:
              \(unknown): 1
            examples:
              - \(unknown): 1
        """,
    ]
    // The same with every document holding nothing but the unknown key, so that every
    // key of the top-level objects (and of a rule) is absent.
    let emptyFiles = ["demo/pack.yaml": "\(unknown): 1\n", "demo/rules/broken.yaml": "rules:\n  - \(unknown): 1\n", "demo/rules/empty.yaml": "\(unknown): 1\n"]
    var diagnostics: [String] = []
    let sharedFiles = [
      ["ladder.yaml": "\(unknown): 1\nladder:\n  network:\n    \(unknown): 1\n", "themes.yaml": "\(unknown): 1\nthemes:\n  network:\n    \(unknown): 1\n"],
      ["ladder.yaml": "\(unknown): 1\n", "themes.yaml": "\(unknown): 1\n"],
    ]
    for (pack, shared) in zip([packFiles, emptyFiles], sharedFiles) {
      var files = try Fixtures.files(pack)
      files.texts.merge(shared) { $1 }
      diagnostics += RuleLibrary.read(files, only: nil).diagnostics.map(\.message.en)
    }
    let engine = EngineKeys(diagnostics: diagnostics, unknown: unknown)

    let cases: [(what: String, schema: String, object: [String: Any])] = [
      ("pack.yaml", "pack", try Schemas.json("pack")),
      ("municipality", "pack", try Schemas.definition("pack", "localizedText")),
      ("policy", "pack", try Schemas.definition("pack", "policy")),
      ("in_force", "pack", try Schemas.definition("pack", "period")),
      ("scoring", "pack", try Schemas.definition("pack", "scoring")),
      ("principle", "pack", try Schemas.definition("pack", "principle")),
      ("not_checkable principle", "pack", try Schemas.definition("pack", "notCheckable")),
      ("rule file", "rules", try Schemas.json("rules")),
      ("rule", "rules", try Schemas.definition("rules", "rule")),
      ("message", "rules", try Schemas.definition("rules", "template")),
      ("example", "rules", try Schemas.definition("rules", "example")),
      ("ladder.yaml", "ladder", try Schemas.json("ladder")),
      ("ladder.network", "ladder", try Schemas.definition("ladder", "step")),
      ("themes.yaml", "themes", try Schemas.json("themes")),
    ]
    for (what, schema, object) in cases {
      guard let allowed = engine.allowed[what] else {
        Issue.record("the engine reported no known keys for \(what); diagnostics: \(diagnostics)")
        continue
      }
      Schemas.expectSame(Schemas.propertyNames(object), allowed, "\(schema).schema.json: properties of \(what) vs the engine")
      Schemas.expectSame(Set(object["required"] as? [String] ?? []), engine.required[what, default: []],
        "\(schema).schema.json: required keys of \(what) vs the engine")
    }
    for schema in ["ladder", "rules", "themes"] {
      Schemas.expectSame(Schemas.propertyNames(try Schemas.definition(schema, "localizedText")), engine.allowed["municipality"] ?? [],
        "\(schema).schema.json: properties of localizedText vs the engine")
    }
  }

  @Test func enumsMatchTheModel() throws {
    let rule = try Schemas.definition("rules", "rule")
    let properties = try #require(rule["properties"] as? [String: Any])
    func values(_ object: Any?) -> Set<String> { Set((object as? [String: Any])?["enum"] as? [String] ?? []) }
    Schemas.expectSame(values(properties["severity"]), Set(Severity.allCases.map(\.rawValue)), "rules.schema.json: rule.severity vs Severity")
    Schemas.expectSame(values(properties["scope"]), Set(RuleScope.allCases.map(\.rawValue)), "rules.schema.json: rule.scope vs RuleScope")
    Schemas.expectSame(values(try Schemas.definition("rules", "outcome")), Set(Outcome.allCases.map(\.rawValue)), "rules.schema.json: outcome vs Outcome")
    let library = try #require(RuleLibrary.load(try RuleFiles.directory(Fixtures.rules)).library)
    Schemas.expectSame(values(try Schemas.definition("pack", "theme")), Set(library.themes.tags), "pack.schema.json: theme vs Rules/themes.yaml")
  }

  @Test func interventionKindsMatchTheLadder() throws {
    let kinds = Set(try Schemas.definition("proposal", "kind")["enum"] as? [String] ?? [])
    let library = try #require(RuleLibrary.load(try RuleFiles.directory(Fixtures.rules)).library)
    Schemas.expectSame(kinds, Set(library.ladder.steps.map(\.kind)), "proposal.schema.json: $defs.kind vs Rules/ladder.yaml kinds")
  }

  /// An example's proposal is the proposal with nothing required: the same top-level fields.
  @Test func exampleProposalHasTheProposalsFields() throws {
    let example = try Schemas.definition("rules", "exampleProposal")
    Schemas.expectSame(Schemas.propertyNames(example), Schemas.propertyNames(try Schemas.json("proposal")),
      "rules.schema.json: $defs.exampleProposal vs proposal.schema.json properties")
    #expect(example["required"] == nil, "rules.schema.json: $defs.exampleProposal must require nothing (princip fills in the rest)")
  }
}

/// What the engine's diagnostics say each object allows ("known: …") and requires ("lacks the key …").
private struct EngineKeys {
  var allowed: [String: Set<String>] = [:]
  var required: [String: Set<String>] = [:]

  init(diagnostics: [String], unknown: String) {
    let unknownPrefix = "unknown key '\(unknown)' in "
    for message in diagnostics {
      if message.hasPrefix(unknownPrefix) {
        let rest = message.dropFirst(unknownPrefix.count)
        guard let known = rest.range(of: "; known: ") else { continue }
        let what = String(rest[..<known.lowerBound]).components(separatedBy: " (did you mean")[0]
        let list = rest[known.upperBound...].split(separator: ";", maxSplits: 1)[0]
        allowed[what, default: []].formUnion(list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
      } else if let lacks = message.range(of: " lacks the key '") {
        let what = String(message[..<lacks.lowerBound])
        let key = message[lacks.upperBound...].prefix { $0 != "'" }
        required[what, default: []].insert(String(key))
      }
    }
    // An object whose every key is optional lacks nothing, but was still read.
    for what in allowed.keys where required[what] == nil { required[what] = [] }
  }
}

/// Loading the schemas under `Rules/schema/`.
enum Schemas {
  static let names = ["proposal", "pack", "rules", "ladder", "themes"]
  static let folder = URL(fileURLWithPath: Fixtures.rules).appending(path: "schema")
  static let externalPrefix = "proposal.schema.json#/$defs/"

  static func json(_ name: String) throws -> [String: Any] {
    let data = try Data(contentsOf: folder.appending(path: "\(name).schema.json"))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(name).schema.json is not an object")
  }

  static func definition(_ schema: String, _ name: String) throws -> [String: Any] {
    let definitions = try json(schema)["$defs"] as? [String: Any] ?? [:]
    return try #require(definitions[name] as? [String: Any], "\(schema).schema.json has no $defs.\(name)")
  }

  static func propertyNames(_ object: [String: Any]) -> Set<String> {
    Set((object["properties"] as? [String: Any] ?? [:]).keys)
  }

  /// A schema the engine's validator can read: it follows only `#/$defs/…`, so the
  /// references into `proposal.schema.json` become local ones to its definitions, copied in.
  static func engineSchema(_ name: String) throws -> ProposalSchema {
    var object = try json(name)
    if name != "proposal" {
      var definitions = object["$defs"] as? [String: Any] ?? [:]
      for (key, value) in try json("proposal")["$defs"] as? [String: Any] ?? [:] {
        #expect(definitions[key] == nil, "\(name).schema.json: $defs.\(key) clashes with proposal.schema.json's")
        definitions[key] = value
      }
      object["$defs"] = definitions
      object = localised(object) as? [String: Any] ?? object
    }
    let data = try JSONSerialization.data(withJSONObject: object)
    return try ProposalSchema(json: data, file: folder.appending(path: "\(name).schema.json").path)
  }

  private static func localised(_ value: Any) -> Any {
    switch value {
    case var object as [String: Any]:
      if let reference = object["$ref"] as? String, reference.hasPrefix(externalPrefix) {
        object["$ref"] = "#/$defs/" + reference.dropFirst(externalPrefix.count)
      }
      return object.mapValues(localised)
    case let array as [Any]:
      return array.map(localised)
    default:
      return value
    }
  }

  /// Files under `Rules/` that `include` picks, in path order.
  static func rulesFiles(_ include: (URL) -> Bool) -> [URL] {
    let root = URL(fileURLWithPath: Fixtures.rules)
    var found: [URL] = []
    let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
    while let url = walker?.nextObject() as? URL {
      if include(url) { found.append(url) }
    }
    return found.sorted { $0.path < $1.path }
  }

  /// Records a failure naming the file and the field when `file` does not fit `schema`.
  static func expectValid(_ file: URL, against schema: ProposalSchema) throws {
    let value: CELValue
    do {
      value = try YAMLDocument(path: file.path).value()
    } catch {
      Issue.record("\(file.path): \(error.message(in: .en))")
      return
    }
    if case .failure(let violation) = schema.validate(value) {
      let name = URL(fileURLWithPath: schema.file).lastPathComponent
      Issue.record("\(file.path): \(violation.path): \(violation.problem.message(in: .en)) (against \(name))")
    }
  }

  static func expectSame(_ schema: Set<String>, _ model: Set<String>, _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(schema == model,
      "\(what): only in the schema \(schema.subtracting(model).sorted()), only in the model \(model.subtracting(schema).sorted())",
      sourceLocation: sourceLocation)
  }
}
