/// Compact summaries of findings, for the outcomes a report lists without explaining
/// (satisfied, not applicable).
enum FindingSummary {
  /// Findings gathered per principle, in order of first appearance, with their subjects.
  static func byPrinciple(_ findings: [Finding]) -> [(principleID: String, subjects: [Subject])] {
    var groups: [(principleID: String, subjects: [Subject])] = []
    for finding in findings {
      if let index = groups.firstIndex(where: { $0.principleID == finding.principleID }) {
        if !groups[index].subjects.contains(finding.subject) { groups[index].subjects.append(finding.subject) }
      } else {
        groups.append((finding.principleID, [finding.subject]))
      }
    }
    return groups
  }

  /// `hele indstillingen; indsats 1, 3`
  static func subjectList(_ subjects: [Subject], _ words: ReportWords) -> String {
    var parts: [String] = []
    if subjects.contains(.proposal) { parts.append(words.wholeProposal) }
    let indices = subjects.compactMap { subject -> Int? in
      if case .intervention(let index) = subject { return index + 1 }
      return nil
    }.sorted()
    if !indices.isEmpty { parts.append("\(words.intervention) " + indices.map(String.init).joined(separator: ", ")) }
    return parts.joined(separator: "; ")
  }
}
