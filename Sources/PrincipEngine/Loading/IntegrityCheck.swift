/// Checks that hold across files: ids are unique (rule ids across packs too), rules name principles that exist,
/// versions of a pack do not overlap, and the ladder and the schema agree on kinds.
struct IntegrityCheck {
  let packs: [RulePack]
  let ladder: Ladder?
  let schema: ProposalSchema?

  func diagnostics() -> [Diagnostic] {
    var found: [Diagnostic] = []
    for pack in packs {
      var principleIDs: [String: SourceLocation] = [:]
      for principle in pack.principles {
        if let first = principleIDs[principle.id] {
          found.append(Diagnostic(.error, at: principle.location,
            da: "princippet '\(principle.id)' findes allerede (\(first))", en: "principle '\(principle.id)' is declared twice (first at \(first))"))
        }
        principleIDs[principle.id] = principle.location
      }
      var ruleIDs: [String: SourceLocation] = [:]
      for rule in pack.rules {
        if let first = ruleIDs[rule.id] {
          found.append(Diagnostic(.error, at: rule.location,
            da: "reglen '\(rule.id)' findes allerede (\(first))", en: "rule '\(rule.id)' is declared twice (first at \(first))"))
        }
        ruleIDs[rule.id] = rule.location
        if let principle = pack.principle(rule.principleID) {
          if principle.notCheckableReason != nil {
            found.append(Diagnostic(.error, at: rule.location,
              da: "reglen henviser til '\(rule.principleID)', som er markeret som ikke-kontrollerbart",
              en: "the rule refers to '\(rule.principleID)', which is marked not checkable"))
          }
        } else {
          let hint = Suggestion.closest(to: rule.principleID, among: pack.principles.map(\.id))
          found.append(Diagnostic(.error, at: rule.location,
            da: "reglen henviser til et ukendt princip '\(rule.principleID)'" + (hint.map { " (mente du '\($0)'?)" } ?? ""),
            en: "the rule refers to an unknown principle '\(rule.principleID)'" + (hint.map { " (did you mean '\($0)'?)" } ?? "")))
        }
      }
    }
    found += duplicateRulesAcrossPacks()
    for (index, pack) in packs.enumerated() {
      for other in packs[(index + 1)...] where other.name == pack.name && other.inForce.overlaps(pack.inForce) {
        found.append(Diagnostic(.error, at: SourceLocation(file: other.directory + "/pack.yaml"),
          da: "version \(other.version) af '\(pack.name)' overlapper version \(pack.version) (\(other.inForce) og \(pack.inForce))",
          en: "version \(other.version) of '\(pack.name)' overlaps version \(pack.version) (\(other.inForce) and \(pack.inForce))"))
      }
    }
    if let ladder, let schema, case .string(let rule)? = schema.node(at: ["interventions", "kind"]), let kinds = rule.allowed {
      let ladderKinds = Set(ladder.steps.map(\.kind))
      let missing = Set(kinds).subtracting(ladderKinds).sorted(), extra = ladderKinds.subtracting(kinds).sorted()
      if !missing.isEmpty || !extra.isEmpty {
        found.append(Diagnostic(.error, at: SourceLocation(file: schema.file),
          da: "skemaets indsatstyper og indsatstrappen er uenige: kun i skemaet: \(missing), kun på trappen: \(extra)",
          en: "the schema's intervention kinds and the ladder disagree: only in the schema: \(missing), only on the ladder: \(extra)"))
      }
    }
    return found
  }

  /// Rule ids are unique across packs (versions of one pack share theirs): an error at
  /// each later declaration, naming the first.
  private func duplicateRulesAcrossPacks() -> [Diagnostic] {
    var found: [Diagnostic] = []
    var first: [String: (pack: String, location: SourceLocation)] = [:]
    for pack in packs {
      for rule in pack.rules {
        guard let earlier = first[rule.id] else {
          first[rule.id] = (pack.name, rule.location)
          continue
        }
        guard earlier.pack != pack.name else { continue }
        found.append(Diagnostic(.error, at: rule.location,
          da: "reglen '\(rule.id)' findes også i pakken '\(earlier.pack)' (\(earlier.location)); et regel-id skal være entydigt på tværs af pakker",
          en: "rule '\(rule.id)' is also declared in pack '\(earlier.pack)' (\(earlier.location)); rule ids must be unique across packs"))
      }
    }
    return found
  }
}
