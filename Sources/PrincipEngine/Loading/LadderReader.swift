/// Reads `Rules/ladder.yaml`.
struct LadderReader {
  private(set) var diagnostics: [Diagnostic] = []

  mutating func ladder(from document: YAMLDocument) -> Ladder? {
    var reader = NodeReader(document: document)
    defer { diagnostics += reader.diagnostics }
    guard let fields = reader.fields(document.root, "ladder.yaml", allowed: ["ladder"], required: ["ladder"]),
      case .mapping(let kinds)? = fields["ladder"]
    else {
      return nil
    }
    var steps: [Ladder.Step] = []
    for (key, node) in kinds {
      guard let kind = reader.string(key, "kind"),
        let step = reader.fields(node, "ladder.\(kind)", allowed: ["title", "paragraph", "level", "category", "specialised"],
          required: ["title", "level", "category", "specialised"]),
        let title = reader.localized(step["title"], "title"),
        let level = reader.int(step["level"], "level", range: 0...100),
        let category = reader.string(step["category"], "category"),
        let specialised = reader.bool(step["specialised"], "specialised")
      else { continue }
      let paragraph = step["paragraph"].flatMap { $0.null == nil ? $0.string : nil }
      steps.append(Ladder.Step(kind: kind, title: title, paragraph: paragraph, level: level, category: category, specialised: specialised))
    }
    return Ladder(steps: steps)
  }
}
