/// Reads `Rules/themes.yaml`.
struct ThemesReader {
  private(set) var diagnostics: [Diagnostic] = []

  mutating func catalog(from document: YAMLDocument) -> ThemeCatalog? {
    var reader = NodeReader(document: document)
    defer { diagnostics += reader.diagnostics }
    guard let fields = reader.fields(document.root, "themes.yaml", allowed: ["themes"], required: ["themes"]),
      case .mapping(let entries)? = fields["themes"]
    else {
      return nil
    }
    var themes: [ThemeCatalog.Theme] = []
    for (key, node) in entries {
      guard let tag = reader.string(key, "theme"), let title = reader.localized(node, "themes.\(tag)") else { continue }
      themes.append(ThemeCatalog.Theme(tag: tag, title: title))
    }
    return ThemeCatalog(themes: themes)
  }
}
