import Foundation
import CEL
import Yams

/// Reads typed values out of a YAML node tree, collecting every problem as a
/// diagnostic (with file, line and column) instead of stopping at the first.
struct NodeReader {
  let document: YAMLDocument
  private(set) var diagnostics: [Diagnostic] = []
  private lazy var lines: [Substring] = document.text.split(separator: "\n", omittingEmptySubsequences: false)

  init(document: YAMLDocument) {
    self.document = document
  }

  mutating func error(_ node: Node?, da: String, en: String) {
    diagnostics.append(Diagnostic(.error, at: node.map(document.location(of:)) ?? SourceLocation(file: document.file), da: da, en: en))
  }

  mutating func warning(_ node: Node?, da: String, en: String) {
    diagnostics.append(Diagnostic(.warning, at: node.map(document.location(of:)) ?? SourceLocation(file: document.file), da: da, en: en))
  }

  /// The fields of a mapping, reporting keys outside `allowed` (with a "did you mean")
  /// and absent `required` ones.
  mutating func fields(_ node: Node?, _ what: String, allowed: [String], required: [String] = []) -> [String: Node]? {
    guard let node else { return nil }
    guard case .mapping(let mapping) = node else {
      error(node, da: "\(what) skal være en mapning (nøgle: værdi)", en: "\(what) must be a mapping (key: value)")
      return nil
    }
    var result: [String: Node] = [:]
    for (key, value) in mapping {
      guard let name = key.string else { continue }
      if allowed.contains(name) {
        result[name] = value
      } else {
        let hint = Suggestion.closest(to: name, among: allowed)
        // In `{ da: a, b, en: c }` a comma or colon in unquoted text splits it into keys.
        let flow = startsWithBrace(node)
        error(key,
          da: "ukendt nøgle '\(name)' i \(what)" + (hint.map { " (mente du '\($0)'?)" } ?? "") + "; kendte: \(allowed.joined(separator: ", "))"
            + (flow ? "; sæt tekst med ',' eller ':' i anførselstegn inden i { }" : ""),
          en: "unknown key '\(name)' in \(what)" + (hint.map { " (did you mean '\($0)'?)" } ?? "") + "; known: \(allowed.joined(separator: ", "))"
            + (flow ? "; quote text that holds ',' or ':' inside { }" : ""))
      }
    }
    for name in required where result[name] == nil {
      error(node, da: "\(what) mangler nøglen '\(name)'", en: "\(what) lacks the key '\(name)'")
    }
    return result
  }

  /// Whether a node is written in flow style (`{ … }`). Read from the text, as Yams
  /// records a mapping's style from its end event.
  private mutating func startsWithBrace(_ node: Node) -> Bool {
    guard let mark = node.mark, mark.line >= 1, mark.line <= lines.count else { return false }
    return lines[mark.line - 1].unicodeScalars.dropFirst(mark.column - 1).first == "{"
  }

  mutating func string(_ node: Node?, _ what: String) -> String? {
    guard let node else { return nil }
    guard case .scalar(let scalar) = node, !scalar.string.isEmpty else {
      error(node, da: "\(what) skal være en tekst", en: "\(what) must be text")
      return nil
    }
    return scalar.string
  }

  mutating func bool(_ node: Node?, _ what: String) -> Bool? {
    guard let node else { return nil }
    guard let value = Bool.construct(from: node.scalar ?? .init("")) else {
      error(node, da: "\(what) skal være true eller false", en: "\(what) must be true or false")
      return nil
    }
    return value
  }

  mutating func int(_ node: Node?, _ what: String, range: ClosedRange<Int>) -> Int? {
    guard let node else { return nil }
    guard let value = node.int, range.contains(value) else {
      error(node, da: "\(what) skal være et heltal fra \(range.lowerBound) til \(range.upperBound)",
        en: "\(what) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
      return nil
    }
    return value
  }

  mutating func date(_ node: Node?, _ what: String) -> CivilDate? {
    guard let node else { return nil }
    if node.null != nil { return nil }
    guard let text = node.string, let date = CivilDate(text) else {
      error(node, da: "\(what) skal være en dato (ÅÅÅÅ-MM-DD)", en: "\(what) must be a date (YYYY-MM-DD)")
      return nil
    }
    return date
  }

  mutating func strings(_ node: Node?, _ what: String) -> [String] {
    guard let node else { return [] }
    guard case .sequence(let sequence) = node else {
      error(node, da: "\(what) skal være en liste", en: "\(what) must be a list")
      return []
    }
    return sequence.compactMap { string($0, what) }
  }

  mutating func localized(_ node: Node?, _ what: String) -> LocalizedText? {
    guard let fields = fields(node, what, allowed: ["da", "en"], required: ["da", "en"]),
      let da = string(fields["da"], "\(what).da"), let en = string(fields["en"], "\(what).en")
    else { return nil }
    return LocalizedText(da: da, en: en)
  }

  mutating func sequence(_ node: Node?, _ what: String) -> [Node] {
    guard let node else { return [] }
    guard case .sequence(let sequence) = node else {
      error(node, da: "\(what) skal være en liste", en: "\(what) must be a list")
      return []
    }
    return Array(sequence)
  }

  /// Compiles a CEL expression; a syntax error points into the YAML file.
  mutating func expression(_ node: Node?, _ what: String) -> Expression? {
    guard let source = string(node, what), let node, case .scalar(let scalar) = node else { return nil }
    let trimmed = source.hasSuffix("\n") ? String(source.dropLast()) : source
    do {
      let program = try CELProgram(trimmed)
      return Expression(source: trimmed, location: document.location(of: node), program: program, positions: positions(of: scalar))
    } catch {
      let place = positions(of: scalar).fileLocation(
        line: error.location.line, column: error.location.column, in: trimmed, file: document.file)
      diagnostics.append(Diagnostic(.error, at: place, da: "CEL-syntaksfejl i \(what): \(error.message)", en: "CEL syntax error in \(what): \(error.message)"))
      return nil
    }
  }

  private mutating func positions(of scalar: Node.Scalar) -> ScalarPositions {
    // Documents from compiled JSON have no marks; don't split their text into lines.
    scalar.mark == nil ? ScalarPositions() : ScalarPositions(scalar: scalar, lines: lines)
  }

  /// A message with `{{ expression }}` placeholders.
  mutating func template(_ node: Node?, _ what: String) -> MessageTemplate? {
    guard let fields = fields(node, what, allowed: ["da", "en"], required: ["da", "en"]),
      let da = string(fields["da"], "\(what).da"), let en = string(fields["en"], "\(what).en"),
      let daSegments = segments(da, fields["da"], "\(what).da"), let enSegments = segments(en, fields["en"], "\(what).en")
    else { return nil }
    return MessageTemplate(da: daSegments, en: enSegments)
  }

  private mutating func segments(_ text: String, _ node: Node?, _ what: String) -> [MessageTemplate.Segment]? {
    var segments: [MessageTemplate.Segment] = []
    var rest = Substring(text)
    while let open = Self.range(of: UInt8(ascii: "{"), in: rest) {
      if open.lowerBound > rest.startIndex { segments.append(.text(String(rest[..<open.lowerBound]))) }
      guard let close = Self.range(of: UInt8(ascii: "}"), in: rest[open.upperBound...]) else {
        error(node, da: "\(what): '{{' uden '}}'", en: "\(what): '{{' without '}}'")
        return nil
      }
      let source = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
      do {
        segments.append(.fact(Expression(source: source, location: node.map(document.location(of:)) ?? SourceLocation(file: document.file),
          program: try CELProgram(source), positions: nil)))
      } catch {
        self.error(node, da: "CEL-syntaksfejl i {{\(source)}}: \(error.message)", en: "CEL syntax error in {{\(source)}}: \(error.message)")
        return nil
      }
      rest = rest[close.upperBound...]
    }
    if !rest.isEmpty { segments.append(.text(String(rest))) }
    return segments
  }

  /// The first `{{` or `}}` (the byte twice) in `text`, found on its UTF-8 bytes: the
  /// generic `firstRange(of:)` made this a noticeable part of start-up.
  private static func range(of byte: UInt8, in text: Substring) -> Range<String.Index>? {
    let utf8 = text.utf8
    var index = utf8.startIndex
    while index < utf8.endIndex {
      let next = utf8.index(after: index)
      if utf8[index] == byte, next < utf8.endIndex, utf8[next] == byte { return index..<utf8.index(after: next) }
      index = next
    }
    return nil
  }
}
