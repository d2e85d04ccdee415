import Foundation
import Hummingbird
import PrincipEngine

extension Request {
  /// The language the client asked for: the `lang` parameter, or else the first
  /// `Accept-Language` tag princip speaks; Danish by default.
  ///
  /// - Throws: ``Problem`` (400) for a `lang` princip does not speak, worded in Danish.
  func language() throws(Problem) -> Language {
    if let value = uri.queryParameters["lang"] {
      guard let language = Language(rawValue: String(value)) else {
        throw Problem("bad-parameter", .badRequest, .badParameter, detail: ServerWords.text(.languageDetail, .da, String(value)))
      }
      return language
    }
    return preferredLanguage
  }

  /// The language for answers even when `lang` is wrong: for the problem that says so.
  var preferredLanguage: Language {
    if let value = uri.queryParameters["lang"], let language = Language(rawValue: String(value)) { return language }
    guard let header = headers[.acceptLanguage] else { return .da }
    for part in header.split(separator: ",") {
      let tag = part.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
      if tag.hasPrefix("da") { return .da }
      if tag.hasPrefix("en") { return .en }
    }
    return .da
  }

  /// A boolean query parameter: `true`/`false` (or `1`/`0`), `fallback` when absent.
  func flag(_ name: String, default fallback: Bool) throws(Problem) -> Bool {
    guard let value = uri.queryParameters[Substring(name)] else { return fallback }
    switch String(value).lowercased() {
    case "true", "1", "": return true
    case "false", "0": return false
    default:
      throw Problem("bad-parameter", .badRequest, .badParameter, detail: ServerWords.text(.booleanDetail, preferredLanguage, name))
    }
  }
}
