/// Every checkable principle of every loaded pack, numbered once, so an audit counts
/// outcomes in flat arrays. Versions of one pack share their principles: a principle is
/// known by its pack's name and its id, whichever version judged the decision.
public struct PrincipleTable: Sendable {
  /// One principle as the audit reports it.
  public struct Entry: Sendable, Hashable {
    /// The pack name (`halsnaes`).
    public var pack: String
    public var municipality: LocalizedText
    /// The principle id within the pack.
    public var id: String
    public var title: LocalizedText
    public var quote: String

    /// `halsnaes/local-before-external`: how results and baselines name it.
    public var key: String { "\(pack)/\(id)" }
  }

  /// The principles, in pack-name order and, within a pack, in the order of its newest version.
  public private(set) var entries: [Entry]
  /// For each pack version (as in ``RuleLibrary/packs``): each rule's principle, as an
  /// index into the version's own `principleSlots`.
  let rulePrinciple: [[Int]]
  /// For each pack version: its principles' slots in `entries`.
  let principleSlots: [[Int]]
  private let slotByKey: [String: Int]

  init(packs: [RulePack]) {
    var entries: [Entry] = []
    var slotByKey: [String: Int] = [:]
    // Newest versions first, so titles and order follow the current text of a pack.
    let newestFirst = packs.indices.sorted { (packs[$0].name, packs[$1].inForce.from) < (packs[$1].name, packs[$0].inForce.from) }
    for index in newestFirst {
      let pack = packs[index]
      for principle in pack.principles where principle.notCheckableReason == nil {
        let entry = Entry(pack: pack.name, municipality: pack.municipality, id: principle.id, title: principle.title, quote: principle.quote)
        if slotByKey[entry.key] == nil {
          slotByKey[entry.key] = entries.count
          entries.append(entry)
        }
      }
    }
    var rulePrinciple: [[Int]] = []
    var principleSlots: [[Int]] = []
    for pack in packs {
      var local: [String: Int] = [:]
      var slots: [Int] = []
      var perRule: [Int] = []
      for rule in pack.rules {
        if let known = local[rule.principleID] {
          perRule.append(known)
          continue
        }
        let key = "\(pack.name)/\(rule.principleID)"
        let slot: Int
        if let existing = slotByKey[key] {
          slot = existing
        } else {
          // A rule whose principle the pack does not declare (the loader reports it);
          // count it under its id so nothing is lost.
          slot = entries.count
          slotByKey[key] = slot
          entries.append(Entry(
            pack: pack.name, municipality: pack.municipality, id: rule.principleID,
            title: LocalizedText(da: rule.principleID, en: rule.principleID), quote: ""))
        }
        local[rule.principleID] = slots.count
        perRule.append(slots.count)
        slots.append(slot)
      }
      rulePrinciple.append(perRule)
      principleSlots.append(slots)
    }
    self.entries = entries
    self.rulePrinciple = rulePrinciple
    self.principleSlots = principleSlots
    self.slotByKey = slotByKey
  }

  /// The slot of the principle `key` (`pack/id`), if a loaded pack has it.
  public func slot(of key: String) -> Int? { slotByKey[key] }
}
