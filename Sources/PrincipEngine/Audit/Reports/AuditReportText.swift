/// The words of the HTML report, in Danish or English.
struct AuditReportText {
  let language: Language
  private var da: Bool { language == .da }

  init(_ language: Language) {
    self.language = language
  }

  func count(_ value: Int) -> String { AuditNumbers.count(value, language) }

  var title: String { da ? "Revision af afgørelser mod principperne" : "Audit of decisions against the principles" }
  var inputs: String { da ? "Inddata" : "Inputs" }
  var dates: String { da ? "Afgørelsesdatoer" : "Decision dates" }
  var pack: String { da ? "Regelpakke" : "Rule pack" }
  var packVersion: String { da ? "regelpakke og version" : "rule pack and version" }
  var inForce: String { da ? "I kraft" : "In force" }
  var fingerprint: String { da ? "Fingeraftryk" : "Fingerprint" }
  var read: String { da ? "Afgørelser læst" : "Decisions read" }
  var judged: String { da ? "Vurderet" : "Judged" }
  var errorRows: String { da ? "Fejlrækker" : "Error rows" }
  var withViolations: String { da ? "Afgørelser med brud" : "Decisions with violations" }
  var meanScore: String { da ? "Gns. score" : "Mean score" }
  var comparedWith: String { da ? "Sammenlignet med" : "Compared with" }
  var chartTitle: String { da ? "Bruddrate pr. princip" : "Violation rate per principle" }
  var chartNote: String {
    da ? "Andel af de afgørelser, hvor princippet var relevant, der bryder det (de 25 højeste)."
      : "Share of the decisions the principle applied to that violate it (the 25 highest)."
  }
  var tickNote: String { da ? "Den sorte streg er bruddraten i den tidligere revision." : "The black tick is the rate in the earlier audit." }
  var trendTitle: String { da ? "Udvikling over tid" : "Trend over time" }
  var trendNote: String {
    da ? "Andel afgørelser med mindst ét brud pr. periode (afgørelsesdato), og bruddraten for de tre principper med den højeste rate."
      : "Share of decisions with at least one violation per period (decision date), and the violation rate of the three principles with the highest rate."
  }
  var principlesTitle: String { da ? "Principperne, højeste bruddrate først" : "The principles, highest violation rate first" }
  var principle: String { da ? "Princip" : "Principle" }
  var outcomeColumns: [String] {
    da ? ["Relevant", "Overholdt", "Brudt", "Begrundet", "Uafklaret", "Bruddrate"]
      : ["Applicable", "Satisfied", "Violated", "Justified", "Undetermined", "Violation rate"]
  }
  var change: String { da ? "Ændring" : "Change" }
  var new: String { da ? "ny" : "new" }
  var breakdownTitle: String { da ? "Fordelt på" : "Broken down by" }
  var group: String { da ? "Gruppe" : "Group" }
  var worstPrinciple: String { da ? "Højeste bruddrate" : "Highest violation rate" }
  var seriousTitle: String { da ? "Afgørelser med de alvorligste fund" : "Decisions with the most serious findings" }
  var seriousNote: String {
    da ? "Laveste score først. Klik på sagsnummeret for forklaringen: hvilke principper der er brudt, policyens ordlyd og hvad der ville rette det."
      : "Lowest score first. Follow the case id to the explanation: which principles are broken, the policy's words and what would mend it."
  }
  var caseID: String { da ? "Sagsnr." : "Case id" }
  var date: String { da ? "Dato" : "Date" }
  var verdict: String { da ? "Vurdering" : "Verdict" }
  var violations: String { da ? "Brud" : "Violations" }
  var intervention: String { da ? "indsats" : "intervention" }
  var missing: String { da ? "Mangler" : "Missing" }
  var remedy: String { da ? "Sådan rettes det" : "To mend it" }
  var place: String { da ? "Sted" : "Place" }
  var reason: String { da ? "Årsag" : "Reason" }
  var footer: String {
    da ? "Lavet af princip audit. Afgørelser er kun angivet ved sagsnummer; rapporten indeholder ingen andre personoplysninger."
      : "Made by princip audit. Decisions are named by case id only; the report holds no other personal data."
  }

  func firstErrorsNote(_ shown: Int) -> String {
    da ? "De første \(shown) vises her; resultatfilen (--out) har dem alle." : "The first \(shown) are shown; the result file (--out) has them all."
  }

  func outcome(_ outcome: Outcome) -> String {
    switch outcome {
    case .violated: da ? "Brudt" : "Violated"
    case .undetermined: da ? "Uafklaret" : "Undetermined"
    case .justified: da ? "Begrundet afvigelse" : "Justified deviation"
    case .satisfied: da ? "Overholdt" : "Satisfied"
    case .notApplicable: da ? "Ikke relevant" : "Not applicable"
    }
  }

  func severity(_ severity: Severity) -> String {
    switch severity {
    case .minor: da ? "mindre" : "minor"
    case .major: da ? "væsentlig" : "major"
    case .critical: da ? "kritisk" : "critical"
    }
  }
}
