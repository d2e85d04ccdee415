import PrincipEngine

extension WhatIfResult {
  /// The report: the changes, the score and verdict before → after, and each rule that moved.
  public func document(in language: Language) -> TrainerDocument {
    let words = TrainerWords(language)
    var document = TrainerDocument()
    document.add(.heading(words.format(.whatifTitle, caseID), level: 1))
    document.add(.paragraph(words[.changesHeading]))
    document.add(.list(changes.map(\.argument)))
    document.add(.paragraph(words.summaryLine(before, after)))
    if moved.isEmpty {
      document.add(.paragraph(words[.nothingMoved]))
    } else {
      document.add(.heading(words[.movedHeading], level: 2))
      document.add(words.movedTable(moved))
    }
    return document
  }
}

extension SweepResult {
  /// The report: the stretches of the range with one verdict, then each rule that changes.
  public func document(in language: Language) -> TrainerDocument {
    let words = TrainerWords(language)
    var document = TrainerDocument()
    document.add(.heading(words.format(.sweepTitle, caseID, path), level: 1))
    document.add(.table(
      header: [path, words[.verdictWord], words[.scoreWord]],
      rows: verdicts.map { [words.stretch($0.from, $0.to), words.verdict($0.result.verdict), "\($0.result.score)/100"] }))
    if rules.isEmpty {
      document.add(.paragraph(words[.sweepNoRuleMoves]))
    } else {
      document.add(.heading(words[.sweepRulesHeading], level: 2))
      for rule in rules {
        let stretches = rule.stretches.map { "\(words.stretch($0.from, $0.to)): \(words.outcome($0.result))" }
        document.add(.list(["\(rule.ruleID) (\(words.subjectPath(rule.subject))) — \(rule.principleTitle[language])\n" + stretches.joined(separator: "; ")]))
      }
    }
    return document
  }
}

extension TrainerWords {
  /// `Score 0/100 (Bryder principperne) → 40/100 (Afvigelser)`.
  func summaryLine(_ before: JudgementSummary, _ after: JudgementSummary) -> String {
    let pack = before.pack == after.pack && before.version == after.version ? "" : " (\(after.pack) \(after.version))"
    return format(
      .beforeAfterLine, "\(before.score)/100", verdict(before.verdict), "\(after.score)/100", verdict(after.verdict)) + pack
  }

  /// Rule, subject, before, after, why.
  func movedTable(_ moved: [MovedRule]) -> TrainerDocument.Block {
    .table(
      header: [self[.ruleWord], self[.subjectWord], self[.beforeWord], self[.afterWord], self[.whyWord]],
      rows: moved.map { rule in
        [
          rule.ruleID, subjectPath(rule.subject),
          rule.before.map { outcome($0.outcome) } ?? "–",
          rule.after.map { outcome($0.outcome) } ?? "–",
          reason(rule),
        ]
      })
  }

  /// Why the rule ends as it does after the change.
  func reason(_ rule: MovedRule) -> String {
    guard let after = rule.after else { return self[.ruleGone] }
    switch after.outcome {
    case .satisfied: return self[.nowSatisfied]
    case .notApplicable: return self[.nowNotApplicable]
    case .violated, .justified, .undetermined: return after.reason?[language] ?? ""
    }
  }

  /// `proposal.interventions[0]` as `indsats 1`, `proposal` as `hele indstillingen`.
  func subjectPath(_ path: String) -> String {
    let prefix = "proposal.interventions["
    if path.hasPrefix(prefix), let index = Int(path.dropFirst(prefix.count).dropLast()) {
      return subject(.intervention(index))
    }
    return subject(.proposal)
  }

  /// `10–14`, or `10` for a stretch of one value.
  func stretch(_ from: FactValue, _ to: FactValue) -> String {
    from == to ? from.plain : "\(from.plain)–\(to.plain)"
  }
}

extension FactValue {
  /// The value as a caseworker reads it: text without quotes.
  var plain: String {
    if case .string(let text) = self { return text }
    return yaml
  }
}
