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

  /// Reads `files` and loads the packs they need: `pack` (a name or `all`) or, without
  /// it, the packs the proposals' `municipality` names.
  ///
  /// Loading only the needed packs keeps a single check fast, but proposals cannot be
  /// validated before the schema is loaded; so the files are read first and scanned for
  /// their municipality (`PackHint`), and a pack the scan missed is loaded afterwards.
  init(files: [String], pack: String?, rules: String?, language: Language) throws {
    let ruleFiles: RuleFiles
    do { ruleFiles = try RuleSource.files(rules) } catch { throw error.report(in: language) }
    knownPacks = Self.packFolders(in: ruleFiles)

    var texts: [(file: String, text: String)] = []
    for file in files {
      do {
        texts.append((file, try InputText.read(path: file)))
      } catch {
        printError(error.message(in: language))
        failures += 1
      }
    }
    let needed: Set<String>? =
      switch pack {
      case "all": nil
      case let name?: [name]
      case nil: Set(texts.compactMap { PackHint.municipality(in: $0.text) })
      }
    var library = try Self.library(ruleFiles, only: needed, language: language)

    let reader = ProposalReader(schema: library.schema)
    for (file, text) in texts {
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
        library = try Self.library(ruleFiles, only: needed.union(named), language: language)
      }
    }
    self.library = library
  }

  /// The pack version that judges a proposal: the one named `name` (`--pack`) or the
  /// proposal's municipality, in the version in force on its decision date.
  func pack(for proposal: CELValue, named name: String?) throws(PrincipError) -> RulePack {
    guard let (municipality, date) = ProposalReader.packAndDate(of: proposal) else {
      throw .unknownPack(name ?? "?", available: knownPacks)
    }
    let chosen = name ?? municipality
    guard !library.versions(of: chosen).isEmpty else { throw .unknownPack(chosen, available: knownPacks) }
    return try library.pack(named: chosen, on: date)
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
