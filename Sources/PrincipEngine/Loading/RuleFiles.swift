import Foundation

/// The text of the rule files: a `Rules/` folder on disk, or the copy built into princip.
public struct RuleFiles: Sendable {
  /// How files are named in messages: the folder path, or `(indbygget)/` for the bundled rules.
  public var origin: String
  /// File text by path relative to the rules folder (`halsnaes/pack.yaml`).
  public var texts: [String: String]
  /// JSON renditions of YAML files, made at build time for the bundled rules: they load
  /// many times faster than YAML, at the price of line and column in messages.
  public var compiled: [String: String]

  public init(origin: String, texts: [String: String], compiled: [String: String] = [:]) {
    self.origin = origin
    self.texts = texts
    self.compiled = compiled
  }

  /// The rules built into this princip binary, so it works when copied on its own.
  public static var bundled: RuleFiles {
    RuleFiles(
      origin: "(bundled)Rules", texts: Dictionary(uniqueKeysWithValues: BundledRuleFiles.files),
      compiled: Dictionary(uniqueKeysWithValues: BundledRuleFiles.compiled))
  }

  /// Every `.yaml`, `.yml` and `.json` file under `path`.
  public static func directory(_ path: String) throws(PrincipError) -> RuleFiles {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .unreadable(file: path, reason: .notFound)
    }
    guard isDirectory.boolValue else { throw .unreadable(file: path, reason: .notFolder) }
    let root = URL(fileURLWithPath: path).standardizedFileURL
    var texts: [String: String] = [:]
    let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
    while let url = walker?.nextObject() as? URL {
      guard ["yaml", "yml", "json"].contains(url.pathExtension) else { continue }
      let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
      let display = path.hasSuffix("/") ? path + relative : path + "/" + relative
      texts[relative] = try InputText.read(path: display)
    }
    return RuleFiles(origin: path.hasSuffix("/") ? String(path.dropLast()) : path, texts: texts)
  }

  /// The name a file is shown under.
  func display(_ relative: String) -> String { "\(origin)/\(relative)" }
}
