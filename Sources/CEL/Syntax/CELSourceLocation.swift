/// A position in the source of an expression.
public struct CELSourceLocation: Sendable, Hashable, CustomStringConvertible {
  /// Byte offset into the UTF-8 source, from 0.
  public let offset: Int
  /// Line, from 1.
  public let line: Int
  /// Column in Unicode code points, from 1.
  public let column: Int

  /// A location from its parts.
  public init(offset: Int, line: Int, column: Int) {
    self.offset = offset
    self.line = line
    self.column = column
  }

  /// `line:column`.
  public var description: String { "\(line):\(column)" }
}

/// Turns byte offsets into line and column numbers for one source text.
struct SourceMap: Sendable {
  let bytes: [UInt8]
  /// Byte offset where each line starts.
  let lineStarts: [Int]

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
    var starts = [0]
    var i = 0
    while i < bytes.count {
      if bytes[i] == UInt8(ascii: "\n") {
        starts.append(i + 1)
      } else if bytes[i] == UInt8(ascii: "\r") {
        if i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\n") { i += 1 }
        starts.append(i + 1)
      }
      i += 1
    }
    lineStarts = starts
  }

  func location(_ offset: Int) -> CELSourceLocation {
    let offset = max(0, min(offset, bytes.count))
    var lo = 0
    var hi = lineStarts.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
    }
    var column = 1
    var i = lineStarts[lo]
    while i < offset {
      // Count code points: skip UTF-8 continuation bytes.
      if bytes[i] & 0xC0 != 0x80 { column += 1 }
      i += 1
    }
    return CELSourceLocation(offset: offset, line: lo + 1, column: column)
  }
}
