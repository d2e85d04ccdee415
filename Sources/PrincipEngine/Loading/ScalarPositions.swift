import Yams

/// Maps a position inside a YAML scalar's value back to the file, so an error in a
/// CEL expression written as `when: >` on several lines points at the right line and column.
struct ScalarPositions {
  /// Each piece of the value: the file line and column it starts at, and its length.
  private var segments: [(line: Int, column: Int, length: Int)] = []

  /// No positions: every place maps to the start of the scalar.
  init() {}

  init(scalar: Node.Scalar, lines: [Substring]) {
    guard let mark = scalar.mark, mark.line >= 1, mark.line <= lines.count else { return }
    switch scalar.style {
    case .literal, .folded:
      // Content starts on the line after the indicator; its indentation is the first content line's.
      var index = mark.line
      var indent: Int?
      while index < lines.count {
        let line = lines[index]
        let leading = line.prefix { $0 == " " }.count
        let blank = line.allSatisfy { $0 == " " || $0 == "\t" }
        if !blank {
          if indent == nil { indent = leading }
          guard let indent, leading >= indent else { break }
          segments.append((index + 1, indent + 1, line.count - indent))
        } else if indent != nil {
          segments.append((index + 1, 1, 0))
        }
        index += 1
      }
    default:
      let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
      let firstColumn = mark.column + (quoted ? 1 : 0)
      let first = lines[mark.line - 1].unicodeScalars.dropFirst(firstColumn - 1)
      segments.append((mark.line, firstColumn, first.count))
      // Continuation lines of a multi-line plain or quoted scalar, folded into spaces.
      var index = mark.line
      var remaining = scalar.string.unicodeScalars.count - first.count - 1
      while remaining > 0, index < lines.count {
        let line = lines[index]
        let leading = line.unicodeScalars.prefix { $0 == " " || $0 == "\t" }.count
        let length = line.unicodeScalars.count - leading
        segments.append((index + 1, leading + 1, length))
        remaining -= length + 1
        index += 1
      }
    }
  }

  /// The file position of the scalar value's `line`:`column` (both 1-based).
  func fileLocation(line: Int, column: Int, in value: String, file: String) -> SourceLocation {
    var offset = column - 1
    let valueLines = value.split(separator: "\n", omittingEmptySubsequences: false)
    for previous in valueLines.prefix(max(0, line - 1)) { offset += previous.unicodeScalars.count + 1 }
    for segment in segments {
      if offset <= segment.length { return SourceLocation(file: file, line: segment.line, column: segment.column + offset) }
      offset -= segment.length + 1
    }
    let last = segments.last
    return SourceLocation(file: file, line: last?.line ?? 0, column: (last.map { $0.column + $0.length }) ?? 0)
  }
}
