extension Evidence {
  /// The value as a caseworker reads it, cut at `limit` characters; `nil` when the fact
  /// is missing from the proposal.
  func displayValue(in language: Language, limit: Int = 160) -> String? {
    value.map { TextLayout.truncate(ValueText.plain($0, language), limit) }
  }
}

extension RulePack {
  /// `Politisk strategi på socialområdet for voksne (Byrådet, vedtaget 2019-12-19)`
  func policyLine(in language: Language) -> String {
    let words = ReportWords(language)
    var details: [String] = []
    if let adoptedBy = policy.adoptedBy { details.append(adoptedBy) }
    if let adopted = policy.adopted { details.append("\(words.adopted) \(adopted)") }
    return details.isEmpty ? policy.title : "\(policy.title) (\(details.joined(separator: ", ")))"
  }
}
