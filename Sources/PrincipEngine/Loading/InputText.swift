import Foundation

/// Reads a user's input file as text, refusing what cannot be a proposal or rule file
/// before parsing it: too large, empty, binary, not UTF-8.
public enum InputText {
  /// Default ceiling for one proposal or rule file.
  public static let defaultLimit = 8 * 1024 * 1024

  /// The text of the file at `path` (`-` is standard input).
  public static func read(path: String, limit: Int = defaultLimit) throws(PrincipError) -> String {
    let data: Data
    if path == "-" {
      // Read only one byte past the limit: standard input may never end (`< /dev/zero`).
      var bytes = Data()
      while bytes.count <= limit, let chunk = try? FileHandle.standardInput.read(upToCount: min(1 << 20, limit + 1 - bytes.count)),
        !chunk.isEmpty
      {
        bytes.append(chunk)
      }
      if bytes.count > limit { throw .unusableFile(file: path, problem: .tooLarge(bytes: bytes.count, limit: limit)) }
      data = bytes
    } else {
      if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > limit {
        throw .unusableFile(file: path, problem: .tooLarge(bytes: size, limit: limit))
      }
      do {
        data = try Data(contentsOf: URL(fileURLWithPath: path))
      } catch {
        throw .unreadable(file: path, reason: (error as NSError).localizedFailureReason ?? error.localizedDescription)
      }
    }
    return try decode(data, file: path, limit: limit)
  }

  /// Checks and decodes bytes already in memory.
  public static func decode(_ data: Data, file: String, limit: Int = defaultLimit) throws(PrincipError) -> String {
    guard data.count <= limit else { throw .unusableFile(file: file, problem: .tooLarge(bytes: data.count, limit: limit)) }
    if data.contains(0) { throw .unusableFile(file: file, problem: .binary) }
    guard let text = String(data: data, encoding: .utf8) else { throw .unusableFile(file: file, problem: .notUTF8) }
    if text.allSatisfy(\.isWhitespace) { throw .unusableFile(file: file, problem: .empty) }
    return text
  }
}
