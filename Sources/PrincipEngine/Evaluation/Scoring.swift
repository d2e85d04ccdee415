import CEL

/// The score and verdict of an assessment.
///
/// Each finding costs ``Severity/penalty(for:)`` points: a violation its severity's weight
/// (minor 8, major 20, critical 40), an undetermined rule a quarter of that, anything
/// else nothing. A proposal scores 100 minus all its findings' penalties, an
/// intervention 100 minus the penalties of the findings about it, both at least 0.
/// Mending a violation (violated → satisfied, justified or undetermined) can only raise
/// a score. The verdict: `compliant` without violations or undetermined rules;
/// `needs_information` without violations; with violations `minor_deviations`
/// (score ≥ the pack's `approve`), `deviations` (≥ `review`) or `non_compliant`.
enum Scoring {
  static func assessment(caseID: String, pack: RulePack, findings: [Finding], interventions: [CELValue]) -> Assessment {
    var total = 0
    var perIntervention = [Int](repeating: 0, count: interventions.count)
    var violated = false, undetermined = false
    for finding in findings {
      let penalty = finding.penalty
      total += penalty
      if case .intervention(let index) = finding.subject, index < perIntervention.count { perIntervention[index] += penalty }
      violated = violated || finding.outcome == .violated
      undetermined = undetermined || finding.outcome == .undetermined
    }
    let score = max(0, 100 - total)
    let scores = interventions.enumerated().map { index, intervention in
      Assessment.InterventionScore(
        index: index, kind: intervention["kind"]?.stringValue, title: intervention["title"]?.stringValue,
        score: max(0, 100 - perIntervention[index]))
    }
    return Assessment(
      caseID: caseID, pack: .init(name: pack.name, version: pack.version, fingerprint: pack.fingerprint),
      findings: findings, interventions: scores, score: score,
      verdict: verdict(score: score, violated: violated, undetermined: undetermined, pack: pack))
  }

  /// The score and verdict from outcomes alone, the same as ``assessment(caseID:pack:findings:interventions:)``
  /// would give. `severities` are the pack's rules' severities, in rule order.
  static func scorecard(codes: [UInt8], interventionCount: Int, severities: [Severity], scopes: [RuleScope], pack: RulePack) -> Scorecard {
    var card = Scorecard(codes: codes, interventionCount: interventionCount, score: 100, verdict: .compliant)
    var total = 0
    var violated = false, undetermined = false
    card.forEach(scopes: scopes) { ruleIndex, _, outcome in
      total += severities[ruleIndex].penalty(for: outcome)
      violated = violated || outcome == .violated
      undetermined = undetermined || outcome == .undetermined
    }
    card.score = max(0, 100 - total)
    card.verdict = verdict(score: card.score, violated: violated, undetermined: undetermined, pack: pack)
    return card
  }

  private static func verdict(score: Int, violated: Bool, undetermined: Bool, pack: RulePack) -> Verdict {
    if !violated { undetermined ? .needsInformation : .compliant }
    else if score >= pack.scoring.approve { .minorDeviations }
    else if score >= pack.scoring.review { .deviations }
    else { .nonCompliant }
  }
}
