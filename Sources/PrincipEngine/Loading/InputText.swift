import Foundation

/// Reads a user's input file as text, refusing what cannot be a proposal or rule file
/// before parsing it: unreadable, too large, empty, binary, not UTF-8 — each at its
/// line and column where it has one.
public enum InputText {
  /// Default ceiling for one proposal or rule file.
  public static let defaultLimit = 8 * 1024 * 1024

  /// The text of the file at `path` (`-` is standard input), read through ``InputFile``.
  public static func read(path: String, limit: Int = defaultLimit) throws(PrincipError) -> String {
    let bytes = try InputFile(path: path).readAll(limit: limit)
    return try decode(bytes, file: path, limit: limit)
  }

  /// Checks and decodes bytes already in memory.
  public static func decode(_ data: Data, file: String, limit: Int = defaultLimit) throws(PrincipError) -> String {
    try decode([UInt8](data), file: file, limit: limit)
  }

  /// Checks and decodes bytes already in memory.
  public static func decode(_ bytes: [UInt8], file: String, limit: Int = defaultLimit) throws(PrincipError) -> String {
    guard bytes.count <= limit else { throw .unusableFile(file: file, problem: .tooLarge(bytes: bytes.count, limit: limit)) }
    if let zero = bytes.firstIndex(of: 0) {
      let place = SourceLocation(file: file, byteOffset: zero, in: bytes)
      throw .unusableFile(file: file, problem: .binary, line: place.line, column: place.column)
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      let place = SourceLocation(file: file, byteOffset: firstInvalidUTF8(in: bytes), in: bytes)
      throw .unusableFile(file: file, problem: .notUTF8, line: place.line, column: place.column)
    }
    if text.allSatisfy(\.isWhitespace) { throw .unusableFile(file: file, problem: .empty) }
    return text
  }

  /// The offset of the first byte that does not begin a valid UTF-8 sequence.
  private static func firstInvalidUTF8(in bytes: [UInt8]) -> Int {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var offset = 0
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded): offset += encoded.count
      case .error: return offset
      case .emptyInput: return offset
      }
    }
  }
}
