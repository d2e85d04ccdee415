/// The fixed words of the reports, in Danish or English.
///
/// Everything a report says that does not come from the rule pack is here, so the two
/// languages stay side by side and a reporter reads as layout only.
struct ReportWords: Sendable {
  let language: Language

  init(_ language: Language) {
    self.language = language
  }

  private func say(_ da: String, _ en: String) -> String { language == .da ? da : en }

  var report: String { say("Vurdering af indstilling", "Assessment of proposal") }
  var caseID: String { say("Sag", "Case") }
  var file: String { say("Fil", "File") }
  var municipality: String { say("Kommune", "Municipality") }
  var policy: String { say("Politik", "Policy") }
  var rulePack: String { say("Regelpakke", "Rule pack") }
  var fingerprint: String { say("fingeraftryk", "fingerprint") }
  var fingerprintTitle: String { say("Fingeraftryk", "Fingerprint") }
  var score: String { say("Score", "Score") }
  var verdict: String { say("Vurdering", "Verdict") }
  var interventions: String { say("Indsatser", "Interventions") }
  var intervention: String { say("indsats", "intervention") }
  var interventionTitle: String { say("Indsats", "Intervention") }
  var kind: String { say("Art", "Kind") }
  var wholeProposal: String { say("hele indstillingen", "the whole proposal") }
  var principles: String { say("Principper", "Principles") }
  var principle: String { say("Princip", "Principle") }
  var outcome: String { say("Resultat", "Outcome") }
  var severity: String { say("Alvor", "Severity") }
  var subject: String { say("Gælder", "Concerns") }
  var facts: String { say("Fakta fra indstillingen", "Facts from the proposal") }
  var missingValue: String { say("mangler", "missing") }
  var needs: String { say("princip mangler", "princip needs") }
  var justification: String { say("Begrundelse", "Justification") }
  var remedy: String { say("Sådan rettes det", "Remedy") }
  var problem: String { say("Regelfejl", "Rule problem") }
  var notCheckable: String { say("ikke kontrollerbar", "not checkable") }
  var notCheckableTitle: String { say("Principper, som ingen indstilling kan vise", "Principles no proposal can show") }
  var adopted: String { say("vedtaget", "adopted") }
  var comparison: String { say("Sammenligning af indstilling", "Comparison of proposal") }
  var theme: String { say("Tema", "Theme") }
  var legend: String { say("Tegnforklaring", "Legend") }
  var acrossPolicies: String { say("på tværs af kommunernes politikker", "across the municipalities' policies") }
  var notCovered: String { say("ikke relevant eller ikke dækket", "not applicable or not covered") }
  var version: String { say("Version", "Version") }
  var toAddTitle: String { say("Det skal tilføjes, før indstillingen er klar", "What to add before the proposal is ready") }
  var toAddIntro: String {
    say(
      "Indstillingen siger ikke nok til at afgøre alle principper. Skriv disse oplysninger i indstillingen (den, der afgør flest principper, først):",
      "The proposal does not say enough to settle every principle. Write these facts into the proposal (the one that settles most principles first):")
  }
  var topLevel: String { say("øverst i indstillingen", "at the top of the proposal") }
  var under: String { say("under", "under") }
  var settles: String { say("afgør", "settles") }
  var orIfNone: String { say("eller, hvis der ingen er", "or, if there is none") }
  var placeholderDate: String { say("ÅÅÅÅ-MM-DD", "YYYY-MM-DD") }
  var placeholderNumber: String { say("<tal>", "<number>") }
  var placeholderValue: String { say("<værdi>", "<value>") }
  /// A message's fact the proposal does not state: `(ikke oplyst: provider)`.
  func notStated(_ field: String) -> String { say("(ikke oplyst: \(field))", "(not stated: \(field))") }
  /// `indsats 2 (uden titel)`, where a message names an intervention without a title.
  func untitledIntervention(_ index: Int) -> String {
    say("indsats \(index + 1) (uden titel)", "intervention \(index + 1) (untitled)")
  }

  /// `kritisk`, `væsentlig`, `mindre`.
  func severity(_ severity: Severity) -> String {
    switch severity {
    case .critical: say("kritisk", "critical")
    case .major: say("væsentlig", "major")
    case .minor: say("mindre", "minor")
    }
  }

  /// The outcome as a word: `brudt`, `overholdt`, ….
  func outcome(_ outcome: Outcome) -> String {
    switch outcome {
    case .violated: say("brudt", "violated")
    case .justified: say("begrundet afvigelse", "justified deviation")
    case .undetermined: say("mangler oplysninger", "undetermined")
    case .satisfied: say("overholdt", "satisfied")
    case .notApplicable: say("ikke relevant", "not applicable")
    }
  }

  /// The heading of a group of findings with this outcome.
  func heading(_ outcome: Outcome) -> String {
    switch outcome {
    case .violated: say("Brudte principper", "Principles broken")
    case .undetermined: say("Manglende oplysninger", "Information missing")
    case .justified: say("Begrundede afvigelser", "Justified deviations")
    case .satisfied: say("Overholdte principper", "Principles honoured")
    case .notApplicable: say("Ikke relevante regler", "Rules that do not apply")
    }
  }

  /// `52/100 — Afvigelser`
  func scoreLine(_ score: Int, _ verdict: Verdict) -> String {
    "\(score)/100 — \(verdict.title[language])"
  }
}
