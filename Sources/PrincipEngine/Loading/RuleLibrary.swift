import CEL
import Foundation

/// Everything read from a rules folder: the proposal schema, the ladder, the shared
/// themes and every version of every pack.
public struct RuleLibrary: Sendable {
  public var schema: ProposalSchema
  public var ladder: Ladder
  /// The shared theme tags and their titles (`themes.yaml`; empty when the folder has none).
  public var themes: ThemeCatalog
  /// Every pack version, sorted by name and then by the date it came into force.
  public var packs: [RulePack]
  /// The shared copies of the long names in the rules and the schema
  /// (``CEL/CELMap/sharedKey(_:)``). Whatever is made from the library to judge with —
  /// evaluators, readers — should share them too: see ``sharingKeys(_:)``.
  public var keys = CELKeyPool()

  /// Runs `body` with the library's pool of shared names in use, so that what it makes
  /// shares the rules' names: found in maps at a glance, and never retained by a thread
  /// working with another copy of the rules.
  public func sharingKeys<Result>(_ body: () -> Result) -> Result {
    keys.sharing(body)
  }

  /// Pack names, sorted.
  public var packNames: [String] { Array(Set(packs.map(\.name))).sorted() }

  /// Every version of the pack `name` (or of the municipality so written: see
  /// ``packName(for:)``), oldest first.
  public func versions(of name: String) -> [RulePack] {
    let exact = packs.filter { $0.name == name }
    guard exact.isEmpty, let resolved = packName(for: name), resolved != name else { return exact }
    return packs.filter { $0.name == resolved }
  }

  /// The pack a proposal means by `written`: a pack's name, or the municipality's own
  /// name as the pack displays it (in Danish or English, with or without "Kommune" /
  /// "Municipality"), in any case: `halsnaes`, `Halsnæs`, `HALSNÆS`, `Halsnæs Kommune`.
  /// `nil` when no pack is meant.
  public func packName(for written: String) -> String? {
    if packs.contains(where: { $0.name == written }) { return written }
    let wanted = Self.folded(written)
    return packs.first { pack in
      let names = [pack.name, pack.municipality.da, pack.municipality.en, pack.shortMunicipality(in: .da), pack.shortMunicipality(in: .en)]
      return names.contains { Self.folded($0) == wanted }
    }?.name
  }

  /// Lower case, with runs of white space as one space and none at the ends.
  private static func folded(_ text: String) -> String {
    text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// The version of pack `name` in force on `date`.
  public func pack(named name: String, on date: CivilDate) throws(PrincipError) -> RulePack {
    let versions = versions(of: name)
    guard !versions.isEmpty else { throw .unknownPack(name, available: packNames) }
    guard let pack = versions.first(where: { $0.inForce.contains(date) }) else {
      throw .noPackInForce(pack: versions[0].name, date: date.description, periods: versions.map { "\($0.version): \($0.inForce)" })
    }
    return pack
  }

  /// The newest version of pack `name`.
  public func latest(named name: String) throws(PrincipError) -> RulePack {
    guard let pack = versions(of: name).last else { throw .unknownPack(name, available: packNames) }
    return pack
  }

  /// Loads the library; `nil` when an error makes it unusable. Diagnostics list every
  /// problem found, errors and warnings. `only` limits loading to the named packs
  /// (their folder names), which keeps a single check fast, as does leaving out the
  /// rules' `examples`, which only `rules test` needs.
  public static func load(_ files: RuleFiles, only: Set<String>? = nil, examples: Bool = true) -> (library: RuleLibrary?, diagnostics: [Diagnostic]) {
    let keys = CELKeyPool()
    let parts = keys.sharing { read(files, only: only, examples: examples) }
    guard let schema = parts.schema, let ladder = parts.ladder, !parts.diagnostics.contains(where: { $0.level == .error }) else {
      return (nil, parts.diagnostics)
    }
    let library = RuleLibrary(schema: schema, ladder: ladder, themes: parts.themes ?? ThemeCatalog(), packs: parts.packs, keys: keys)
    return (library, parts.diagnostics)
  }

  /// Everything that could be read, usable or not, for the linter. The themes are `nil`
  /// when the folder has no `themes.yaml` (it is optional: the tags are only checked and
  /// titled with it).
  static func read(_ files: RuleFiles, only: Set<String>?, examples: Bool = true)
    -> (schema: ProposalSchema?, ladder: Ladder?, themes: ThemeCatalog?, packs: [RulePack], diagnostics: [Diagnostic])
  {
    var diagnostics: [Diagnostic] = []
    func parse(_ relative: String) -> YAMLDocument? {
      guard let text = files.texts[relative] else { return nil }
      do {
        if let json = files.compiled[relative], let document = YAMLDocument(compiledJSON: json, text: text, file: files.display(relative)) {
          return document
        }
        return try YAMLDocument(text: text, file: files.display(relative))
      } catch {
        diagnostics.append(error.diagnostic)
        return nil
      }
    }

    let schemaPath = "schema/proposal.schema.json"
    var schema: ProposalSchema?
    if let text = files.texts[schemaPath] {
      do { schema = try ProposalSchema(json: Data(text.utf8), file: files.display(schemaPath)) } catch { diagnostics.append(error.diagnostic) }
    } else {
      diagnostics.append(Diagnostic(.error, at: SourceLocation(file: files.display(schemaPath)), da: "forslagsskemaet mangler", en: "the proposal schema is missing"))
    }
    var ladder: Ladder?
    if let document = parse("ladder.yaml") {
      var reader = LadderReader()
      ladder = reader.ladder(from: document)
      diagnostics += reader.diagnostics
    } else if files.texts["ladder.yaml"] == nil {
      diagnostics.append(Diagnostic(.error, at: SourceLocation(file: files.display("ladder.yaml")), da: "indsatstrappen mangler", en: "the intervention ladder is missing"))
    }
    var themes: ThemeCatalog?
    if let document = parse("themes.yaml") {
      var reader = ThemesReader()
      themes = reader.catalog(from: document)
      diagnostics += reader.diagnostics
    }
    // The themes only title and check tags; they judge nothing, so they are not part of a
    // pack's fingerprint.
    let shared = [schemaPath, "ladder.yaml"].compactMap { path in files.texts[path].map { (path, $0) } }

    var packs: [RulePack] = []
    for packFile in files.texts.keys.filter({ $0 == "pack.yaml" || $0.hasSuffix("/pack.yaml") }).sorted() {
      let directory = String(packFile.dropLast("pack.yaml".count))
      if let only, let folder = packFile.split(separator: "/").first, !only.contains(String(folder)) { continue }
      let rulePaths = files.texts.keys.filter {
        $0.hasPrefix(directory + "rules/") && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml"))
      }.sorted()
      let fingerprint = Self.fingerprint(shared + ([packFile] + rulePaths).map { ($0, files.texts[$0] ?? "") })
      guard let document = parse(packFile) else { continue }
      let ruleDocuments = rulePaths.compactMap(parse)
      var reader = RulePackReader(examples: examples)
      if let pack = reader.pack(from: document, rules: ruleDocuments, fingerprint: fingerprint, directory: files.display(String(directory.dropLast()))) {
        packs.append(pack)
      }
      diagnostics += reader.diagnostics
    }
    packs.sort { ($0.name, $0.inForce.from) < ($1.name, $1.inForce.from) }
    diagnostics += IntegrityCheck(packs: packs, ladder: ladder, schema: schema).diagnostics()

    return (schema, ladder, themes, packs, diagnostics.sorted())
  }

  /// The error for a pack folder whose `pack.yaml` (or a version's, below it) does not give
  /// the pack the folder's name, placed at its `pack:` value; `nil` when every one does.
  /// A proposal names a pack by its folder's name, so such a pack cannot be found.
  public static func misnamedPack(inFolder folder: String, of files: RuleFiles) -> PrincipError? {
    let packFiles = files.texts.keys.filter { $0.hasPrefix(folder + "/") && ($0.hasSuffix("/pack.yaml")) }.sorted()
    for path in packFiles {
      guard let text = files.texts[path], let document = try? YAMLDocument(text: text, file: files.display(path)) else { continue }
      let node = document.node(at: FieldPath([.field("pack")]))
      let name: String? = if case .scalar(let scalar) = node, node != document.root { scalar.string } else { nil }
      // A name that is not text (`pack: 5`) is shown as written, but is no name.
      let isText = node.tag.rawValue == "tag:yaml.org,2002:str"
      guard name != folder || !isText else { continue }
      return .packNamedOtherwise(folder: folder, name: name, at: document.location(of: node))
    }
    return nil
  }

  /// SHA-256 over the files' paths and texts, in path order.
  static func fingerprint(_ files: [(String, String)]) -> String {
    var bytes: [UInt8] = []
    for (path, text) in files.sorted(by: { $0.0 < $1.0 }) {
      bytes += Array(path.utf8) + [0] + Array(text.utf8) + [0]
    }
    return SHA256.hex(bytes)
  }
}
