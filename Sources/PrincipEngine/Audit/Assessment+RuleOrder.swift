extension Assessment {
  /// Calls `body` with each finding and the index of its rule in `pack.rules`.
  ///
  /// Relies on ``findings`` listing each rule's findings in pack rule order: one for a
  /// proposal-scoped rule, one per intervention otherwise.
  /// - Complexity: O(findings).
  func forEachFinding(in pack: RulePack, _ body: (_ ruleIndex: Int, _ finding: Finding) -> Void) {
    let subjects = interventions.count
    var cursor = 0
    for (ruleIndex, rule) in pack.rules.enumerated() {
      let count = rule.scope == .proposal ? 1 : subjects
      guard cursor + count <= findings.count else { return }
      for offset in cursor..<(cursor + count) { body(ruleIndex, findings[offset]) }
      cursor += count
    }
  }
}
