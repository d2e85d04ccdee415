extension Assessment {
  /// Calls `body` with each finding and the index of its rule in the pack.
  ///
  /// Relies on ``findings`` listing each rule's findings in pack rule order: one for a
  /// proposal-scoped rule, one per intervention otherwise. `scopes` are the pack's rule
  /// scopes, in rule order (read once per pack, not per decision).
  /// - Complexity: O(findings).
  @inline(__always)
  func forEachFinding(scopes: [RuleScope], _ body: (_ ruleIndex: Int, _ finding: borrowing Finding) -> Void) {
    let subjects = interventions.count
    var cursor = 0
    findings.withUnsafeBufferPointer { findings in
      for ruleIndex in scopes.indices {
        let count = scopes[ruleIndex] == .proposal ? 1 : subjects
        guard cursor + count <= findings.count else { return }
        for offset in cursor..<(cursor + count) { body(ruleIndex, findings[offset]) }
        cursor += count
      }
    }
  }
}

extension RulePack {
  /// Each rule's scope, in rule order.
  var ruleScopes: [RuleScope] { rules.map(\.scope) }
}
