import PrincipEngine

extension MendResult {
  /// The report: each set as the exact edits of the proposal file, what it moves, and
  /// the proof of its minimality; then the suggestions of documented reasons.
  public func document(in language: Language) -> TrainerDocument {
    let words = TrainerWords(language)
    var document = TrainerDocument()
    document.add(.heading(words.format(.mendTitle, caseID), level: 1))
    document.add(.paragraph(words.format(.mendTarget, words[target == .compliant ? .targetCompliant : .targetNoViolations],
      "\(before.score)/100", words.verdict(before.verdict))))
    if alreadyReached {
      document.add(.paragraph(words[.mendAlreadyReached]))
    } else if !unreachable.isEmpty {
      document.add(.paragraph(words[.mendUnreachable]))
      document.add(.list(unreachable.map { "\($0.ruleID) (\(words.subjectPath($0.subject))): \(words.outcome($0.outcome))" }))
      document.add(.paragraph(words.format(.mendFixedNote, fixed.joined(separator: ", "))))
    } else if sets.isEmpty {
      document.add(.paragraph(words.format(.mendNothingWithin, String(maxChanges), String(candidates), String(judged))))
    } else {
      let size = sets[0].edits.count
      document.add(.paragraph(words.format(.mendFound, String(sets.count), String(size), String(candidates), String(judged))))
      for (number, set) in sets.enumerated() {
        document.add(.heading(words.format(.mendSetHeading, String(number + 1), "\(set.after.score)/100", words.verdict(set.after.verdict)), level: 2))
        document.add(.code(set.edits.map { $0.yamlLine(words) }.joined(separator: "\n")))
        document.add(.paragraph(words.format(.mendTryIt, file) + " " + set.edits.map(\.change.argument).joined(separator: " ")))
        if set.edits.contains(where: \.needsText) { document.add(.paragraph(words[.mendNeedsText])) }
        document.add(words.movedTable(set.moved))
        document.add(.paragraph(
          set.edits.count == 1
            ? words[.mendProofOne]
            : words.format(.mendProof, String(set.subsetsChecked))))
      }
      document.add(.paragraph(words.format(.mendMinimalNote, String(size))))
    }
    if !justifications.isEmpty {
      document.add(.heading(words[.mendJustificationHeading], level: 2))
      document.add(.paragraph(words[.mendJustificationNote]))
      document.add(.list(justifications.map { suggestion in
        words.format(.mendJustificationLine, suggestion.rule.ruleID, words.subjectPath(suggestion.rule.subject),
          suggestion.keys.map { "justifications.\($0)" }.joined(separator: words[.orWord]))
      }))
    }
    return document
  }
}

extension MendResult.Edit {
  /// The edit as a line of the proposal file: `interventions[0].provider: own_municipality  # før: other_municipality`.
  func yamlLine(_ words: TrainerWords) -> String {
    let value = change.value?.yaml ?? ""
    switch change.action {
    case .set:
      let was = old.map { "  # " + words.format(.wasValue, $0.yaml) } ?? "  # " + words[.newField]
      return "\(change.path): \(value)" + (needsText ? "  # " + words[.writeTextHere] : was)
    case .add:
      return "\(change.path): + \(value)  # " + words[.addedElement]
    case .unset:
      return "\(change.path): ~  # " + words[.removedField]
    }
  }
}
