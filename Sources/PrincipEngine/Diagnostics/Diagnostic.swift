/// A problem found in rule files: by the loader, the linter or the example runner.
public struct Diagnostic: Sendable, Hashable, Comparable {
  public enum Level: String, Sendable, Codable, Comparable {
    case warning, error
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs == .warning && rhs == .error }
  }

  public var location: SourceLocation
  public var level: Level
  public var message: LocalizedText

  public init(_ level: Level, at location: SourceLocation, da: String, en: String) {
    self.location = location
    self.level = level
    self.message = LocalizedText(da: da, en: en)
  }

  /// `file:line:col: error: message`, as compilers print it.
  public func rendered(in language: Language) -> String {
    let label = switch (level, language) {
    case (.error, .da): "fejl"
    case (.error, .en): "error"
    case (.warning, .da): "advarsel"
    case (.warning, .en): "warning"
    }
    return "\(location): \(label): \(message[language])"
  }

  public static func < (lhs: Self, rhs: Self) -> Bool {
    (lhs.location, lhs.message.en) < (rhs.location, rhs.message.en)
  }
}

extension PrincipError {
  /// The error as a lint diagnostic.
  var diagnostic: Diagnostic {
    Diagnostic(.error, at: location ?? SourceLocation(file: "?"), da: messageWithoutPlace(.da), en: messageWithoutPlace(.en))
  }

  private func messageWithoutPlace(_ language: Language) -> String {
    let text = message(in: language)
    guard let place = location.map({ "\($0): " }), text.hasPrefix(place) else { return text }
    return String(text.dropFirst(place.count))
  }
}
