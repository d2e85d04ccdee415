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
