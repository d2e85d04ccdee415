import Foundation

/// Escaping for text from proposals and packs placed in Markdown.
enum Markdown {
  /// Text on one line, with the characters that would start markup escaped.
  static func inline(_ text: String) -> String {
    var escaped = ""
    escaped.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "\n", "\r": escaped += " "
      case "\\", "`", "*", "<", "[", "]", "|": escaped += "\\\(character)"
      case "#",
        ">" where escaped.isEmpty:
        escaped += "\\\(character)"
      default: escaped.append(character)
      }
    }
    return escaped
  }

  /// Text for a table cell.
  static func cell(_ text: String) -> String {
    inline(text)
  }

  /// A code span; in a table the pipe stays escaped, as GitHub-flavoured tables require.
  static func code(_ text: String) -> String {
    "`" + text.replacingOccurrences(of: "`", with: "'").replacingOccurrences(of: "|", with: "\\|") + "`"
  }
}
