/// Line wrapping and alignment for the terminal report.
enum TextLayout {
  /// The width text is wrapped to.
  static let width = 80

  /// `text` wrapped at word boundaries to `width` columns, each line prefixed by
  /// `indent` (the first by `firstIndent` when given). Words longer than a line stay whole.
  static func wrap(_ text: String, indent: String, firstIndent: String? = nil, width: Int = width) -> String {
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = lines.isEmpty ? (firstIndent ?? indent) : indent
      var lineHasWord = false
      for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
        if lineHasWord && line.count + 1 + word.count > width {
          lines.append(line)
          line = indent
          lineHasWord = false
        }
        line += (lineHasWord ? " " : "") + word
        lineHasWord = true
      }
      lines.append(line)
    }
    return lines.map { $0.trailingWhitespaceRemoved }.joined(separator: "\n")
  }

  /// `text` padded with spaces to `width` characters.
  static func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
  }

  /// `text` centred in `width` characters (extra space on the right).
  static func center(_ text: String, _ width: Int) -> String {
    let room = max(0, width - text.count)
    return String(repeating: " ", count: room / 2) + text + String(repeating: " ", count: room - room / 2)
  }

  /// At most `limit` characters, with `…` where it was cut.
  static func truncate(_ text: String, _ limit: Int) -> String {
    text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
  }
}

extension String {
  var trailingWhitespaceRemoved: String {
    var text = self
    while text.last?.isWhitespace == true { text.removeLast() }
    return text
  }
}
