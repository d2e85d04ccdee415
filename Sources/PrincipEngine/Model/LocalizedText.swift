/// The language of user-facing text: Danish by default, English on request.
public enum Language: String, Sendable, Codable, CaseIterable {
  case da, en
}

/// A text in Danish and English, as rule packs write titles, messages and remedies.
public struct LocalizedText: Sendable, Hashable, Codable {
  public var da: String
  public var en: String

  public init(da: String, en: String) {
    self.da = da
    self.en = en
  }

  /// The text in `language`.
  public subscript(language: Language) -> String {
    switch language {
    case .da: da
    case .en: en
    }
  }
}
