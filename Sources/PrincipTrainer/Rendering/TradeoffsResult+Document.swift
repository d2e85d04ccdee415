import PrincipEngine

extension TradeoffsResult {
  /// The report: the matrix of options and principles, the principles that pull apart
  /// (both quoted), the option that breaks the fewest, and what the proposal gave way.
  public func document(in language: Language) -> TrainerDocument {
    let words = TrainerWords(language)
    var document = TrainerDocument()
    document.add(.heading(words.format(.tradeoffsTitle, caseID, pack), level: 1))
    document.add(.list(options.enumerated().map { number, option in
      "\(words.optionLabel(number)): \(words.optionName(option, language))"
    }))
    document.add(.table(
      header: [words[.principleWord]] + options.indices.map { words.optionLabel($0) },
      rows: principles.map { row in
        [row.title[language]] + options.map { $0.outcomes[row.id].map(\.symbol) ?? "" }
      } + [[words[.scoreWord]] + options.map { "\($0.score)" }]))
    document.add(.paragraph(words[.tradeoffsLegend]))
    if collisions.isEmpty {
      document.add(.paragraph(words[.noCollisions]))
    } else {
      document.add(.heading(words[.collisionsHeading], level: 2))
      for collision in collisions {
        guard let first = principles.first(where: { $0.id == collision.first }),
          let second = principles.first(where: { $0.id == collision.second })
        else { continue }
        document.add(.paragraph(words.format(
          .collisionLine, first.title[language], second.title[language],
          collision.favourFirst.map(words.optionLabel).joined(separator: ", "),
          collision.favourSecond.map(words.optionLabel).joined(separator: ", "))))
        document.add(.list(["«\(first.quote)» (\(first.source))", "«\(second.quote)» (\(second.source))"]))
      }
    }
    let bestNames = best.map(words.optionLabel).joined(separator: ", ")
    let bestOption = options[best.first ?? 0]
    document.add(.paragraph(words.format(.bestOption, bestNames, String(bestOption.broken), String(bestOption.penalty))))
    if !givenWay.isEmpty {
      let titles = givenWay.compactMap { id in principles.first { $0.id == id }?.title[language] }
      document.add(.paragraph(words.format(.givenWay, titles.joined(separator: "; "))))
    }
    return document
  }
}

extension TrainerWords {
  /// `A` for the proposal as made, `B`, `C`, … for the alternatives.
  func optionLabel(_ number: Int) -> String {
    String(UnicodeScalar(UInt8(65 + min(number, 25))))
  }

  func optionName(_ option: TradeoffsResult.Option, _ language: Language) -> String {
    let details = [option.provider, option.format].compactMap(\.self).joined(separator: ", ")
    let what = option.kindTitle[language] + (details.isEmpty ? "" : " (\(details))")
    let origin = option.alternative.map { format(.alternativeOption, String($0 + 1), option.status ?? "?") } ?? self[.proposedOption]
    return "\(what) — \(origin); \(option.score)/100, \(verdict(option.verdict))"
  }
}
