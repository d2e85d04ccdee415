/// The shared theme tags (`Rules/themes.yaml`), each with its title. Principles that
/// different municipalities share carry the same tag, so a comparison lines them up in
/// one row, and a justification that names the theme serves every pack.
public struct ThemeCatalog: Sendable {
  /// A tag and the title of its row in a comparison.
  public struct Theme: Sendable, Hashable {
    public var tag: String
    public var title: LocalizedText
  }

  /// The themes in file order.
  public var themes: [Theme]
  private var titles: [String: LocalizedText]

  /// An empty catalog: every tag is unknown and titled by its own words.
  public init(themes: [Theme] = []) {
    self.themes = themes
    titles = Dictionary(themes.map { ($0.tag, $0.title) }, uniquingKeysWith: { first, _ in first })
  }

  /// The tags, for checking a pack's against them.
  public var tags: [String] { themes.map(\.tag) }

  /// Whether `tag` is listed.
  public func contains(_ tag: String) -> Bool { titles[tag] != nil }

  /// The tag's title; for a tag not listed, its words with the underscores as spaces, so
  /// a new tag in a pack never breaks a report.
  public func title(of tag: String) -> LocalizedText {
    if let title = titles[tag] { return title }
    let words = tag.replacingOccurrences(of: "_", with: " ")
    let title = words.prefix(1).uppercased() + words.dropFirst()
    return LocalizedText(da: title, en: title)
  }
}
