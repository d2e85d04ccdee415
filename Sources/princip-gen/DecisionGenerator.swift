import PrincipEngine

/// Writes realistic synthetic decisions: the mix of target groups, interventions,
/// providers and outcomes an adult social-services department sees, with facts missing
/// now and then, and — at a chosen rate — malformed records of the kinds a case-system
/// export produces.
struct DecisionGenerator {
  /// A pack the decisions may name, and the days its versions are in force.
  struct Municipality {
    let name: String
    let prefix: String
    /// Days since 1970 on which some version is in force, within 2016–2025.
    let days: ClosedRange<Int>
    let teams: [String]
    let districts: [String]
  }

  let municipalities: [Municipality]
  let malformedRate: Double
  var random: SplitMix64

  static let kinds: [(String, Double)] = [
    ("sel_85", 30), ("sel_82b", 10), ("sel_104", 8), ("sel_99", 6), ("sel_107", 6), ("sel_108", 5), ("sel_103", 6),
    ("sel_101", 5), ("sel_112", 4), ("sel_83a", 3), ("sel_82a", 7), ("general_offer", 4), ("volunteer_offer", 4),
    ("job_special_terms", 2),
  ]
  static let providers: [(String, Double)] = [
    ("own_municipality", 62), ("other_municipality", 10), ("region", 5), ("private", 16), ("volunteer_association", 5), ("network", 2),
  ]
  static let targetGroups = [
    "psychiatric", "intellectual_disability", "physical_disability", "brain_injury", "autism", "substance_abuse", "homelessness",
    "young_adult_leaving_care", "social_problems",
  ]
  static let wishes = [
    "Jeg vil gerne bo i min egen lejlighed", "Jeg vil have et arbejde", "Jeg vil se mine børn oftere", "Jeg vil klare min økonomi selv",
    "Jeg vil gerne have nogen at gå tur med", "Jeg vil holde mig stoffri", "Jeg vil tage en uddannelse", "Jeg vil kunne handle ind selv",
  ]
  static let resources = ["God til at lave mad", "Stærkt netværk i idrætsforeningen", "Tager selv sin medicin", "Har kørekort", "Kreativ og maler"]
  static let reasons = [
    "Ingen ledig plads i kommunens tilbud (venteliste 6 mdr.)", "Vurderet utilstrækkeligt i VUM-udredning 2024", "Borgeren ønsker det ikke",
    "Lægefaglig vurdering: behov for døgndækning",
  ]
  static let justificationKeys = [
    "group_before_individual", "local_first", "home_before_residential", "least_intrusive", "phase_out", "involvement", "network",
  ]

  /// One decision as a JSON line (without the line break).
  mutating func decision(_ number: Int) -> String {
    if malformedRate > 0, random.chance(malformedRate) { return malformed(number) }
    return wellFormed(number).json
  }

  private mutating func wellFormed(_ number: Int, municipalityName: String? = nil, day: Int? = nil) -> JSONText {
    let municipality = random.pick(municipalities)
    let date = CivilDate(daysSinceEpoch: day ?? random.int(municipality.days))
    var d = JSONText()
    d.string("case_id", "\(municipality.prefix)-\(date.year)-\(String(number + 1))")
    d.string("municipality", municipalityName ?? municipality.name)
    d.string("decision_date", date.description)
    // Wishes first: goals are written against them, as a caseworker would.
    var wishes: [String] = []
    if random.chance(0.93) {
      for _ in 0..<random.int(1...2) {
        let wish = random.pick(Self.wishes)
        if !wishes.contains(wish) { wishes.append(wish) }
      }
    }
    d.object("citizen", citizen(wishes: wishes))
    let count = random.pick([(1, 50.0), (2, 32), (3, 13), (4, 5)])
    d.objects("interventions", (0..<count).map { _ in intervention(after: date, wishes: wishes) })
    if random.chance(0.85) {
      var alternatives = (0..<random.int(0...2)).map { _ in alternative() }
      if random.chance(0.45) { alternatives.append(alternative(kind: "sel_112")) }
      d.objects("alternatives", alternatives)
    }
    if random.chance(0.12) {
      var justifications = JSONText()
      justifications.string(random.pick(Self.justificationKeys), random.pick(Self.reasons))
      d.object("justifications", justifications)
    }
    if random.chance(0.9) { d.object("plan", plan()) }
    var decision = JSONText()
    decision.string("outcome", random.pick([("granted", 80.0), ("refused", 10), ("changed", 10)]))
    d.object("decision", decision)
    var metadata = JSONText()
    metadata.string("team", random.pick(municipality.teams))
    metadata.string("caseworker_id", "CW-\(random.int(100...160))")
    metadata.string("district", random.pick(municipality.districts))
    d.object("metadata", metadata)
    return d
  }

  private mutating func citizen(wishes: [String]) -> JSONText {
    var c = JSONText()
    c.int("age", random.int(18...90))
    c.strings("target_groups", [random.pick(Self.targetGroups)] + (random.chance(0.3) ? [random.pick(Self.targetGroups)] : []).filter { _ in true })
    c.string("living_situation", random.pick([("own_home", 60.0), ("with_family", 12), ("homeless", 5), ("shelter", 5), ("residential_offer", 12), ("hospital", 3), ("other", 3)]))
    c.string("employment", random.pick(["unemployed", "sick_leave", "early_retirement", "flexjob", "protected_employment", "activity_offer", "education", "ordinary_work"]))
    if random.chance(0.9) { c.bool("can_work", random.chance(0.4)) }
    if random.chance(0.9) { c.bool("development_possible", random.chance(0.75)) }
    if !wishes.isEmpty { c.strings("wishes", wishes) }
    if random.chance(0.8) { c.strings("own_resources", [random.pick(Self.resources)]) }
    if random.chance(0.85) { c.bool("resources_identified_with_citizen", random.chance(0.85)) }
    if random.chance(0.7) {
      c.objects("network", (0..<random.int(1...2)).map { _ in
        var n = JSONText()
        n.string("relation", random.pick(["parent", "sibling", "child", "partner", "friend", "neighbour", "association"]))
        n.bool("involved", random.chance(0.6))
        return n
      })
    }
    if random.chance(0.95) { c.bool("participated", random.chance(0.92)) }
    let wantsRelatives = random.chance(0.5)
    c.bool("wants_relatives_involved", wantsRelatives)
    if wantsRelatives { c.bool("relatives_invited", random.chance(0.8)) }
    if random.chance(0.5) {
      var p = JSONText()
      p.string("kind", random.pick(Self.kinds))
      p.string("outcome", random.pick(["goals_met", "partly_met", "not_met", "ended_by_citizen"]))
      c.objects("previous_interventions", [p])
    }
    if random.chance(0.08) { c.bool("transition_from_children_services", true) }
    return c
  }

  private mutating func intervention(after date: CivilDate, wishes: [String]) -> JSONText {
    var i = JSONText()
    let kind = random.pick(Self.kinds)
    i.string("kind", kind)
    if random.chance(0.97) { i.string("provider", random.pick(Self.providers)) }
    if random.chance(0.95) { i.string("format", random.chance(0.35) ? "group" : "individual") }
    let limited = random.chance(0.7)
    if random.chance(0.95) { i.bool("time_limited", limited) }
    if limited { i.int("duration_weeks", random.int(4...52)) }
    if ["sel_85", "sel_82b", "sel_99"].contains(kind) { i.int("hours_per_week", random.int(1...(random.chance(0.1) ? 25 : 8))) }
    if random.chance(0.9) { i.int("yearly_cost", random.int(5...900) * 1000) }
    if random.chance(0.9) { i.string("purpose", random.pick([("developing", 70.0), ("stabilising", 20), ("compensating", 10)])) }
    if random.chance(0.85) {
      var goal = JSONText()
      let wish = !wishes.isEmpty && random.chance(0.88) ? random.pick(wishes) : random.pick(Self.wishes)
      goal.string("text", "Delmål: " + wish.lowercased())
      if random.chance(0.95) { goal.string("wish", wish) }
      i.objects("goals", [goal])
    }
    if random.chance(0.55) { i.string("phase_out_plan", "Nedtrapning efter \(random.int(3...12)) måneder") }
    if random.chance(0.85) { i.string("follow_up_date", CivilDate(daysSinceEpoch: date.daysSinceEpoch + random.int(30...180)).description) }
    if random.chance(0.6) { i.string("knowledge_basis", random.pick(["Recovery-orienteret metode", "CTI", "ICM", "Housing First"])) }
    if random.chance(0.9) { i.bool("chosen_with_citizen", random.chance(0.88)) }
    if random.chance(0.8) { i.bool("network_involved", random.chance(0.5)) }
    return i
  }

  private mutating func alternative(kind: String? = nil) -> JSONText {
    var a = JSONText()
    a.string("kind", kind ?? random.pick(Self.kinds))
    if random.chance(0.8) { a.string("provider", random.pick(Self.providers)) }
    if random.chance(0.7) { a.string("format", random.chance(0.5) ? "group" : "individual") }
    a.string("status", random.pick(["unavailable", "insufficient", "excluded", "declined_by_citizen", "added"]))
    if random.chance(0.8) { a.string("reason", random.pick(Self.reasons)) }
    return a
  }

  private mutating func plan() -> JSONText {
    var p = JSONText()
    p.bool("action_plan", random.chance(0.8))
    if random.chance(0.9) { p.bool("made_with_citizen", random.chance(0.85)) }
    if random.chance(0.8) { p.bool("coherent_plan", random.chance(0.75)) }
    if random.chance(0.5) { p.strings("coordinated_with", [random.pick(["employment", "health", "psychiatry", "education", "housing"])]) }
    if random.chance(0.6) { p.int("contact_persons", random.int(1...4)) }
    return p
  }

  /// A record of the kinds that break in real exports.
  private mutating func malformed(_ number: Int) -> String {
    switch random.int(0...5) {
    case 0:
      let text = wellFormed(number).json
      return String(text.prefix(text.count / 2))
    case 1:
      return wellFormed(number).json.replacingFirst("\"age\":", with: "\"age\":\"tres\",\"x\":")
    case 2:
      return wellFormed(number, municipalityName: "halsnæs").json
    case 3:
      return wellFormed(number, day: CivilDate("2009-05-04").map(\.daysSinceEpoch)).json
    case 4:
      return wellFormed(number).json.replacingFirst("\"case_id\":", with: "\"sagsnr\":")
    default:
      return wellFormed(number).json.replacingFirst("\"kind\":\"", with: "\"kind\":\"§")
    }
  }
}

extension String {
  func replacingFirst(_ target: String, with replacement: String) -> String {
    guard let range = range(of: target) else { return self }
    return replacingCharacters(in: range, with: replacement)
  }
}
