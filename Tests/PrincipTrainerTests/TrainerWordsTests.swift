import PrincipTrainer
import Testing

/// Every trainer word exists in both languages, with the same blanks.
@Suite struct TrainerWordsTests {
  @Test(arguments: TrainerWord.allCases)
  func everyKeyIsInBothCatalogs(_ key: TrainerWord) {
    let danish = TrainerCatalog.danish[key]
    let english = TrainerCatalog.english[key]
    #expect(danish != nil && english != nil, "\(key)")
    let blanks = { (text: String) in (1...5).filter { text.contains("{\($0)}") } }
    #expect(blanks(danish ?? "") == blanks(english ?? ""), "\(key)")
  }
}
