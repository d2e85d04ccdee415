import Foundation

/// One input of an audit and how to read it: JSON Lines, CSV (with a column mapping), or
/// proposal files (one YAML/JSON file, or a folder of them); `-` is standard input.
public struct AuditInput: Sendable, Hashable {
  /// How the records of an input are laid out.
  public enum Format: String, Sendable, CaseIterable {
    /// One decision a line, as a JSON object (`.jsonl`, `.ndjson`).
    case jsonLines = "jsonl"
    /// One intervention a row, grouped into decisions by the case-id column.
    case csv
    /// Proposal files: each YAML or JSON file is one decision (a file, or a folder of them).
    case files
  }

  /// The path as the user gave it; `-` for standard input.
  public var path: String
  public var format: Format

  public init(path: String, format: Format) {
    self.path = path
    self.format = format
  }

  /// The input at `path`, its format told by `format` or else by the name: a folder holds
  /// proposal files, `.jsonl`/`.ndjson` are JSON Lines, `.csv` is CSV, `.json`/`.yaml`/`.yml`
  /// one proposal file. Standard input is JSON Lines unless `format` says otherwise.
  public static func detect(_ path: String, format: Format? = nil) throws(AuditError) -> AuditInput {
    if let format { return AuditInput(path: path, format: format) }
    if path == "-" { return AuditInput(path: path, format: .jsonLines) }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .input(.unreadable(file: path, reason: .notFound))
    }
    if isDirectory.boolValue { return AuditInput(path: path, format: .files) }
    switch URL(fileURLWithPath: path).pathExtension.lowercased() {
    case "jsonl", "ndjson": return AuditInput(path: path, format: .jsonLines)
    case "csv", "tsv": return AuditInput(path: path, format: .csv)
    case "json", "yaml", "yml": return AuditInput(path: path, format: .files)
    default: throw .unknownFormat(file: path)
    }
  }

  /// The proposal files of a `.files` input, in a stable order: the file itself, or every
  /// `.json`, `.yaml` and `.yml` file under the folder, sorted by path.
  func proposalFiles() throws(AuditError) -> [String] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .input(.unreadable(file: path, reason: .notFound))
    }
    guard isDirectory.boolValue else { return [path] }
    let root = URL(fileURLWithPath: path).standardizedFileURL
    guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
      throw .input(.unreadable(file: path, reason: .cannotList))
    }
    var relatives: [String] = []
    while let url = walker.nextObject() as? URL {
      guard ["json", "yaml", "yml"].contains(url.pathExtension.lowercased()) else { continue }
      relatives.append(String(url.standardizedFileURL.path.dropFirst(root.path.count + 1)))
    }
    let prefix = path.hasSuffix("/") ? path : path + "/"
    // Byte order, not locale order, so every machine reads the files in the same order.
    return relatives.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { prefix + $0 }
  }

  /// The size in bytes, for progress; `nil` for standard input or a folder.
  var byteCount: Int? {
    guard path != "-", format != .files else { return nil }
    return (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int
  }
}
