/// Result rows as CSV, one row per decision. The finding columns list rule ids separated
/// by spaces, `[i]` naming the intervention a finding is about:
///
/// ```
/// input,line,case_id,municipality,pack_version,fingerprint,decision_date,score,verdict,violated,justified,undetermined,satisfied,error
/// d.csv,2,H-1,halsnaes,2019.1,…,2024-03-01,72,deviations,halsnaes.phase-out[0],,,halsnaes.network,
/// ```
struct CSVResultWriter: ResultWriter {
  let header: [UInt8] = Array(
    "input,line,case_id,municipality,pack_version,fingerprint,decision_date,score,verdict,violated,justified,undetermined,satisfied,error\n".utf8)
  private let language: Language
  private let packs: [RulePack]
  private let scopes: [[RuleScope]]

  init(library: RuleLibrary, language: Language) {
    self.language = language
    packs = library.packs
    scopes = library.packs.map(\.ruleScopes)
  }

  func append(_ result: DecisionResult, to bytes: inout [UInt8]) {
    bytes.append(csvField: result.location.file)
    bytes.append(UInt8(ascii: ","))
    bytes.append(decimal: result.location.line)
    bytes.append(UInt8(ascii: ","))
    bytes.append(csvField: result.caseID ?? "")
    switch result.outcome {
    case .error(let error):
      bytes.append(",,,,,,,,,,,")
      bytes.append(csvField: error.message(in: language))
    case .judged(let judgement):
      let pack = packs[judgement.packIndex]
      let scorecard = judgement.scorecard
      for field in [pack.name, pack.version, pack.fingerprint, judgement.decisionDate.description] {
        bytes.append(UInt8(ascii: ","))
        bytes.append(csvField: field)
      }
      bytes.append(UInt8(ascii: ","))
      bytes.append(decimal: scorecard.score)
      bytes.append(UInt8(ascii: ","))
      bytes.append(text: scorecard.verdict.rawValue)
      for outcome in [Outcome.violated, .justified, .undetermined, .satisfied] {
        bytes.append(UInt8(ascii: ","))
        var cell = ""
        scorecard.forEach(scopes: scopes[judgement.packIndex]) { ruleIndex, subject, found in
          guard found == outcome else { return }
          if !cell.isEmpty { cell += " " }
          cell += pack.rules[ruleIndex].id
          if case .intervention(let index) = subject { cell += "[\(index)]" }
        }
        bytes.append(csvField: cell)
      }
      bytes.append(UInt8(ascii: ","))
    }
    bytes.append(UInt8(ascii: "\n"))
  }
}
