import Foundation
import Testing

/// Editors show a field's title and description on hover, and the caseworker's guide
/// names every field: each field of the proposal schema has both in Danish and English,
/// every allowed value has a Danish and an English label, and the guide covers them all.
struct ProposalSchemaWordsTests {
  static var schema: [String: Any] {
    let url = Fixtures.root.appending(path: "Rules/schema/proposal.schema.json")
    return (try? JSONSerialization.jsonObject(with: Data(contentsOf: url))) as? [String: Any] ?? [:]
  }
  static var definitions: [String: Any] { schema["$defs"] as? [String: Any] ?? [:] }

  /// Every declared field as `citizen.network.relation`, with its schema object.
  static func fields() -> [(path: String, node: [String: Any])] {
    var out: [(String, [String: Any])] = []
    func resolve(_ node: [String: Any]) -> [String: Any] {
      guard let reference = node["$ref"] as? String else { return node }
      return definitions[String(reference.split(separator: "/").last!)] as? [String: Any] ?? [:]
    }
    func walk(_ node: [String: Any], _ prefix: String) {
      for (name, value) in (node["properties"] as? [String: Any] ?? [:]) {
        guard let field = value as? [String: Any] else { continue }
        let path = prefix.isEmpty ? name : prefix + "." + name
        // A field that is a whole definition (citizen, plan) is described there.
        let described = field["title"] == nil ? resolve(field) : field
        out.append((path, described))
        let inner = resolve(field)
        if let items = inner["items"] as? [String: Any] { walk(resolve(items), path) } else { walk(inner, path) }
      }
    }
    walk(schema, "")
    return out.sorted { $0.0 < $1.0 }
  }

  @Test func everyFieldHasATitleAndDescriptionInBothLanguages() {
    let fields = Self.fields()
    #expect(fields.count > 60)
    for (path, node) in fields {
      let title = node["title"] as? String ?? ""
      #expect(title.components(separatedBy: " · ").count == 2, "\(path): title 'dansk · English', got '\(title)'")
      let description = node["description"] as? String ?? ""
      #expect(description.components(separatedBy: "\n\n").count == 2, "\(path): description 'dansk\\n\\nEnglish'")
    }
  }

  @Test func everyAllowedValueHasADanishAndAnEnglishLabel() {
    var enums = 0
    func check(_ node: [String: Any], _ name: String) {
      if let values = node["enum"] as? [String], name != "kind" {
        enums += 1
        let labels = node["x-labels"] as? [String: [String: String]] ?? [:]
        for language in ["da", "en"] {
          #expect(Set(labels[language]?.keys.map { $0 } ?? []) == Set(values), "\(name): x-labels.\(language)")
        }
      }
      for (key, value) in node {
        if let child = value as? [String: Any] { check(child, key == "properties" || key == "$defs" ? name : key) }
      }
    }
    check(Self.schema, "root")
    #expect(enums >= 11)
  }

  /// The guide names every field by its path, in both languages.
  @Test(arguments: ["docs/guide.da.md", "docs/guide.en.md"])
  func theGuideNamesEveryField(file: String) throws {
    let guide = try String(contentsOf: Fixtures.root.appending(path: file), encoding: .utf8)
    for (path, _) in Self.fields() where path != "$schema" {
      let name = String(path.split(separator: ".").last!)
      #expect(guide.contains("`\(name)`"), "\(file) does not name `\(name)` (\(path))")
    }
    #expect(guide.contains("none"))
  }
}
