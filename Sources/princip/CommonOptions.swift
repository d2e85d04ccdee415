import ArgumentParser
import Foundation
import PrincipEngine

extension Language: ExpressibleByArgument {}

/// `--lang da|en`: the language of everything princip prints for people.
struct LanguageOption: ParsableArguments {
  @Option(name: .customLong("lang"), help: "Language of the output: da (default) or en.")
  var language: Language = .da
}

/// `--pack NAME` and `--rules DIR`: which rules `rules list` and `rules show` read.
struct PackFilterOptions: ParsableArguments {
  @Option(help: "Only this pack.")
  var pack: String?

  @Option(name: .customLong("rules"), help: "The rules folder (default: the rules built into princip).")
  var directory: String?

  /// The library with just the chosen pack (or all), exiting with status 2 if unusable.
  /// The pack may be named by its folder or by its municipality's own name (`Halsnæs`).
  func library(language: Language) throws -> RuleLibrary {
    let files = try RuleSource.files(directory, language: language)
    // A pack's folder loads alone; any other name is looked up among every pack.
    let isFolder = pack.map { name in files.texts.keys.contains { $0.hasPrefix(name + "/") && $0.hasSuffix("pack.yaml") } } ?? false
    var library = try RuleSource.library(files, only: isFolder ? pack.map { [$0] } : nil, language: language)
    guard let pack else { return library }
    guard let name = library.packName(for: pack) else {
      let known = isFolder ? RuleLibrary.load(files, examples: false).library?.packNames ?? [] : library.packNames
      throw PrincipError.unknownPack(pack, available: known).report(in: language)
    }
    library.packs = library.versions(of: name)
    return library
  }
}

/// Exit codes shared by the commands (see docs/exit-codes.md).
enum ExitStatus {
  /// Invalid input or usage.
  static let invalid = ExitCode(2)
}

/// Where the rules come from: the copy built into princip, or a folder.
enum RuleSource {
  /// The rule files in `directory`, or the bundled rules when it is `nil`.
  static func files(_ directory: String?) throws(PrincipError) -> RuleFiles {
    try directory.map { (path) throws(PrincipError) in try RuleFiles.directory(path) } ?? .bundled
  }

  /// The rule files, an unreadable folder shown in the user's language (exit status 2).
  static func files(_ directory: String?, language: Language) throws -> RuleFiles {
    do { return try files(directory) } catch { throw error.report(in: language) }
  }

  /// A rules folder, or one pack's folder inside it (`Rules/ishoj`): then the rules
  /// root is its parent, where the shared schema and ladder are, and only that pack counts.
  static func locate(_ directory: String?) throws(PrincipError) -> (files: RuleFiles, pack: String?) {
    guard let directory else { return (.bundled, nil) }
    let url = URL(fileURLWithPath: directory)
    let parent = url.deletingLastPathComponent()
    let manager = FileManager.default
    if !manager.fileExists(atPath: url.appending(path: "ladder.yaml").path),
      manager.fileExists(atPath: url.appending(path: "pack.yaml").path),
      manager.fileExists(atPath: parent.appending(path: "ladder.yaml").path)
    {
      let root = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
      let parentPath = root.contains("/") ? String(root[..<(root.lastIndex(of: "/") ?? root.endIndex)]) : "."
      return (try RuleFiles.directory(parentPath), url.lastPathComponent)
    }
    return (try RuleFiles.directory(directory), nil)
  }

  /// Loads the library, printing its diagnostics and exiting with status 2 if it is unusable.
  /// `examples: false` leaves the rules' examples out, for a faster start.
  static func library(_ directory: String?, only: Set<String>? = nil, examples: Bool = true, language: Language) throws -> RuleLibrary {
    try library(try files(directory, language: language), only: only, examples: examples, language: language)
  }

  /// Loads the library from files already read.
  static func library(_ files: RuleFiles, only: Set<String>? = nil, examples: Bool = true, language: Language) throws -> RuleLibrary {
    let (library, diagnostics) = RuleLibrary.load(files, only: only, examples: examples)
    for diagnostic in diagnostics where diagnostic.level == .error {
      printError(diagnostic.rendered(in: language))
    }
    guard let library else { throw ExitStatus.invalid }
    return library
  }
}

extension PrincipError {
  /// Shows the error to the user and turns it into exit status 2.
  func report(in language: Language) -> ExitCode {
    printError(message(in: language))
    return ExitStatus.invalid
  }
}
