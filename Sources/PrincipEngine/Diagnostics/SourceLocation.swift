/// A place in an input file: 1-based line and column (columns count Unicode scalars).
///
/// Every error and lint finding carries one, so a user can jump to the spot.
public struct SourceLocation: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  /// The file as the user named it (or a `bundled:` path for the built-in rules).
  public var file: String
  /// 1-based line; 0 when the whole file is meant.
  public var line: Int
  /// 1-based column; 0 when the whole line is meant.
  public var column: Int

  public init(file: String, line: Int = 0, column: Int = 0) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// `file:line:column`, leaving out what is unknown.
  public var description: String {
    guard line > 0 else { return file }
    guard column > 0 else { return "\(file):\(line)" }
    return "\(file):\(line):\(column)"
  }

  public static func < (lhs: Self, rhs: Self) -> Bool {
    (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
  }
}

extension SourceLocation {
  /// The line and column of the byte at `offset` in a file's UTF-8 `bytes` (columns
  /// count Unicode scalars: continuation bytes are not counted).
  public init(file: String, byteOffset offset: Int, in bytes: some Collection<UInt8>) {
    var line = 1, column = 1
    for byte in bytes.prefix(offset) {
      if byte == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
    }
    self.init(file: file, line: line, column: column)
  }
}
