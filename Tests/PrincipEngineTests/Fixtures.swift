import Foundation
import PrincipEngine

/// Paths and small rule packs the tests share.
enum Fixtures {
  /// The repository root, found from this file's path.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let rules = root.appending(path: "Rules").path
  static let examples = root.appending(path: "Examples").path

  /// The shared schema and ladder from `Rules/`, plus the given pack files.
  static func files(_ packFiles: [String: String]) throws -> RuleFiles {
    let shared = try RuleFiles.directory(rules).texts.filter { ["ladder.yaml", "themes.yaml"].contains($0.key) || $0.key.hasPrefix("schema/") }
    return RuleFiles(origin: "fixture", texts: shared.merging(packFiles) { $1 })
  }

  /// A one-principle pack with the given rules YAML.
  static func pack(rules: String, principleExtra: String = "") -> [String: String] {
    [
      "demo/pack.yaml": """
        pack: demo
        version: "1"
        municipality: { da: Demo Kommune, en: Demo Municipality }
        policy: { title: Demo-politik, adopted: 2020-01-01 }
        in_force: { from: 2020-01-01 }
        principles:
          - id: local
            title: { da: Lokalt først, en: Local first }
            themes: [local_first]
            quote: "Vi undersøger altid muligheden for lokale tilbud."
            source: "Side 1"\(principleExtra)
        """,
      "demo/rules/local.yaml": rules,
    ]
  }

  /// A rule that an intervention from outside the municipality needs a local alternative considered.
  static let localRule = """
    rules:
      - id: demo.local
        principle: local
        severity: major
        justifiable: true
        scope: intervention
        when: intervention.provider in ["other_municipality", "private"]
        require: >
          proposal.alternatives.exists(a, a.provider == "own_municipality"
            && a.status in ["unavailable", "insufficient"])
        message:
          da: "{{intervention.provider}} uden lokalt alternativ"
          en: "{{intervention.provider}} without a local alternative"
        remedy: { da: Afsøg lokale tilbud, en: Consider local offers }
        examples:
          - name: private, nothing local considered
            expect: violated
            proposal:
              interventions: [{ kind: sel_85, provider: private }]
              alternatives: []
          - name: own municipality
            expect: not_applicable
            proposal:
              interventions: [{ kind: sel_85, provider: own_municipality }]
    """

  static func library(_ packFiles: [String: String]) throws -> RuleLibrary {
    let (library, diagnostics) = RuleLibrary.load(try files(packFiles))
    guard let library else {
      throw FixtureError(diagnostics: diagnostics.map { $0.rendered(in: .en) })
    }
    return library
  }

  struct FixtureError: Error, CustomStringConvertible {
    let diagnostics: [String]
    var description: String { diagnostics.joined(separator: "\n") }
  }
}
