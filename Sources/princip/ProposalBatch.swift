import CEL
import Foundation
import PrincipEngine

/// The proposals of one `princip check` run, read and validated, with the rule library
/// that judges them. Errors are printed as they are met (one line each, naming file,
/// line and column); the proposals that could not be read are counted, not kept.
struct ProposalBatch {
  /// The proposals that passed the schema, in command-line order.
  var proposals: [(file: String, proposal: CELValue)] = []
  /// How many files could not be read or failed the schema.
  var failures = 0
  let library: RuleLibrary
  /// The pack folders of the rule files, for "did you mean" on an unknown pack.
  let knownPacks: [String]
  /// The text of each file read, to place an error at the value that chose the pack.
  private var texts: [String: String] = [:]
  /// The rule files, to name the packs there are when a pack is not found.
  private let ruleFiles: RuleFiles

  /// Reads `files` and loads the packs they need: `pack` (a name or `all`) or, without
  /// it, the packs the proposals' `municipality` names.
  ///
  /// Loading only the needed packs keeps a single check fast, but proposals cannot be
  /// validated before the schema is loaded; so the files are read first and scanned for
  /// their municipality (`PackHint`), and a pack the scan missed is loaded afterwards.
  init(files: [String], pack: String?, rules: String?, language: Language) throws {
    let ruleFiles: RuleFiles
    do { ruleFiles = try RuleSource.files(rules) } catch { throw error.report(in: language) }
    self.ruleFiles = ruleFiles
    let knownPacks = Self.packFolders(in: ruleFiles)
    self.knownPacks = knownPacks

    var texts: [(file: String, text: String)] = []
    for file in files {
      do {
        texts.append((file, try InputText.read(path: file)))
      } catch {
        printError(error.message(in: language))
        failures += 1
      }
    }
    // A municipality written otherwise than its pack's folder (`Halsnæs` for `halsnaes`) is
    // found by the packs' own names, which only loading every pack tells.
    let folders = Set(knownPacks)
    let needed: Set<String>? =
      switch pack {
      case "all": nil
      case let name?: folders.contains(name) ? [name] : nil
      case nil:
        Set(texts.compactMap { PackHint.municipality(in: $0.text) }).isSubset(of: folders)
          ? Set(texts.compactMap { PackHint.municipality(in: $0.text) }) : nil
      }
    var library = try Self.library(ruleFiles, only: needed, language: language)

    let reader = ProposalReader(schema: library.schema)
    for (file, text) in texts {
      self.texts[file] = text
      do {
        proposals.append((file, try reader.read(text: text, file: file)))
      } catch {
        printError(error.message(in: language))
        failures += 1
      }
    }
    if pack == nil, let needed {
      let named = Set(proposals.compactMap { $0.proposal["municipality"]?.stringValue })
      if !named.isSubset(of: needed) {
        library = try Self.library(ruleFiles, only: named.isSubset(of: folders) ? needed.union(named) : nil, language: language)
      }
    }
    self.library = library
  }

  /// The pack version that judges the proposal read from `file`: the one named `name`
  /// (`--pack`) or the proposal's municipality, in the version in force on its decision
  /// date. An error is placed at the proposal's value that chose the pack.
  func pack(for proposal: CELValue, in file: String, named name: String?) throws(PrincipError) -> RulePack {
    do throws(PrincipError) {
      guard let (municipality, date) = ProposalReader.packAndDate(of: proposal) else {
        throw PrincipError.unknownPack(name ?? "?", available: knownPacks)
      }
      let chosen = name ?? municipality
      // A folder of that name whose pack file names the pack otherwise is a broken pack,
      // not a municipality written by its own name.
      if knownPacks.contains(chosen), !library.packs.contains(where: { $0.name == chosen }),
        let misnamed = RuleLibrary.misnamedPack(inFolder: chosen, of: ruleFiles)
      {
        throw misnamed
      }
      guard !library.versions(of: chosen).isEmpty else { throw unknownPack(chosen) }
      return try library.pack(named: chosen, on: date)
    } catch {
      // `--pack NAME` is not in the file; the proposal's own fields are.
      if name != nil, case .unknownPack = error { throw error }
      guard let text = texts[file], let document = try? YAMLDocument(text: text, file: file) else { throw error }
      throw error.placed(in: document)
    }
  }

  /// No pack is named `name`: the names of the packs there are (not their folders, which a
  /// pack file may name otherwise), or where a folder of that name gives its pack another.
  private func unknownPack(_ name: String) -> PrincipError {
    let (everything, _) = RuleLibrary.load(ruleFiles, examples: false)
    return .unknownPack(name, available: everything?.packNames ?? knownPacks)
  }

  /// Loads the library from files already read, printing its errors; exit status 2 if unusable.
  private static func library(_ files: RuleFiles, only: Set<String>?, language: Language) throws -> RuleLibrary {
    // A check never runs the rules' examples: leave them out for a faster start.
    let (library, diagnostics) = RuleLibrary.load(files, only: only, examples: false)
    for diagnostic in diagnostics where diagnostic.level == .error {
      printError(diagnostic.rendered(in: language))
    }
    guard let library else { throw ExitStatus.invalid }
    return library
  }

  /// The pack folders of the rule files (`halsnaes`, …): only the needed packs are
  /// loaded, so the library does not know the others.
  private static func packFolders(in files: RuleFiles) -> [String] {
    let folders = files.texts.keys.compactMap { path -> String? in
      let parts = path.split(separator: "/")
      return parts.count >= 2 && parts.last == "pack.yaml" ? String(parts[0]) : nil
    }
    return Array(Set(folders)).sorted()
  }
}
