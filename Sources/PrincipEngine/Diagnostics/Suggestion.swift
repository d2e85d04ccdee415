import CEL

/// "Did you mean" suggestions by edit distance.
public enum Suggestion {
  /// The candidate closest to `word`, if it is close enough to be a likely typo: CEL's
  /// ``CEL/CELSuggestion`` (the type checker's), so every "did you mean" agrees.
  public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
    CELSuggestion.closest(to: word, in: candidates)
  }

  /// ` (mente du 'x'?)` / ` (did you mean 'x'?)`, or the empty string.
  public static func hint(for word: String, among candidates: some Sequence<String>, in language: Language = .en) -> String {
    closest(to: word, among: candidates).map { language == .da ? " (mente du '\($0)'?)" : " (did you mean '\($0)'?)" } ?? ""
  }
}
