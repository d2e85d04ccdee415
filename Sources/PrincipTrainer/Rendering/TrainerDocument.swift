/// A trainer's report as blocks of content, rendered as terminal text or Markdown; each
/// result type makes one (its `document(in:)`), and JSON comes from the result itself.
public struct TrainerDocument: Sendable, Hashable {
  /// One piece of a report.
  public enum Block: Sendable, Hashable {
    case heading(String, level: Int)
    case paragraph(String)
    case list([String])
    case table(header: [String], rows: [[String]])
    /// Literal text shown as it is: YAML edits, CEL.
    case code(String)
  }

  public var blocks: [Block] = []

  public init(_ blocks: [Block] = []) {
    self.blocks = blocks
  }

  public mutating func add(_ block: Block) { blocks.append(block) }

  /// The report in `format` (`json` is not a document format: use the result's JSON).
  public func rendered(_ format: TrainerFormat) -> String {
    format == .markdown ? markdown : text
  }

  /// For a terminal: headings underlined, lists bulleted, tables in aligned columns.
  public var text: String {
    var out: [String] = []
    for block in blocks {
      switch block {
      case .heading(let title, let level):
        out.append(title)
        out.append(String(repeating: level <= 1 ? "=" : "-", count: title.count))
      case .paragraph(let text):
        out.append(text)
      case .list(let items):
        out.append(contentsOf: items.map { "  • " + $0.replacingNewlines(with: "\n    ") })
      case .table(let header, let rows):
        out.append(contentsOf: Self.aligned([header] + rows, ruleAfterHeader: true))
      case .code(let code):
        out.append(contentsOf: code.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 })
      }
      out.append("")
    }
    while out.last == "" { out.removeLast() }
    return out.joined(separator: "\n") + "\n"
  }

  /// Markdown, for a committee paper or a course handout.
  public var markdown: String {
    var out: [String] = []
    for block in blocks {
      switch block {
      case .heading(let title, let level):
        out.append(String(repeating: "#", count: max(1, level)) + " " + title)
      case .paragraph(let text):
        out.append(text)
      case .list(let items):
        out.append(contentsOf: items.map { "- " + $0.replacingNewlines(with: "\n  ") })
      case .table(let header, let rows):
        let escape = { (cell: String) in cell.replacingNewlines(with: " ").split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|") }
        out.append("| " + header.map(escape).joined(separator: " | ") + " |")
        out.append("|" + header.map { _ in " --- |" }.joined())
        out.append(contentsOf: rows.map { "| " + $0.map(escape).joined(separator: " | ") + " |" })
      case .code(let code):
        out.append("```\n" + code + "\n```")
      }
      out.append("")
    }
    while out.last == "" { out.removeLast() }
    return out.joined(separator: "\n") + "\n"
  }

  private static func aligned(_ rows: [[String]], ruleAfterHeader: Bool) -> [String] {
    let columns = rows.map(\.count).max() ?? 0
    var widths = [Int](repeating: 0, count: columns)
    for row in rows {
      for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
    }
    var lines: [String] = []
    for (offset, row) in rows.enumerated() {
      let cells = row.enumerated().map { index, cell in
        index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
      }
      lines.append(cells.joined(separator: "  "))
      if offset == 0, ruleAfterHeader {
        lines.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "))
      }
    }
    return lines
  }
}

/// The output formats of the trainer's commands.
public enum TrainerFormat: String, Sendable, CaseIterable, Codable {
  case text, markdown, json
}

extension String {
  func replacingNewlines(with replacement: String) -> String {
    split(separator: "\n", omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
