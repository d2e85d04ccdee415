import CEL
import Yams

/// Builds one `RulePack` from its `pack.yaml` and `rules/*.yaml`, collecting every
/// problem as a diagnostic.
struct RulePackReader {
  /// Whether to read the rules' examples (only `rules test` and the linter need them).
  let examples: Bool
  private(set) var diagnostics: [Diagnostic] = []

  static let packKeys = ["pack", "version", "municipality", "policy", "in_force", "scoring", "principles", "not_checkable"]
  static let principleKeys = ["id", "title", "themes", "quote", "source"]
  static let notCheckableKeys = principleKeys + ["reason"]
  static let ruleKeys = ["id", "principle", "severity", "justifiable", "scope", "description", "when", "require", "message", "remedy", "examples", "labels"]
  static let exampleKeys = ["name", "expect", "proposal"]

  /// Reads a pack. `ruleDocuments` are the parsed `rules/*.yaml` files.
  mutating func pack(from document: YAMLDocument, rules ruleDocuments: [YAMLDocument], fingerprint: String, directory: String) -> RulePack? {
    var reader = NodeReader(document: document)
    defer { diagnostics += reader.diagnostics }
    guard let fields = reader.fields(document.root, "pack.yaml", allowed: Self.packKeys,
      required: ["pack", "version", "municipality", "policy", "in_force", "principles"])
    else { return nil }

    let name = reader.string(fields["pack"], "pack")
    let version = fields["version"]?.string
    let municipality = reader.localized(fields["municipality"], "municipality")
    let policy = readPolicy(fields["policy"], &reader)
    let period = readPeriod(fields["in_force"], &reader)
    let scoring = readScoring(fields["scoring"], &reader)
    var principles = reader.sequence(fields["principles"], "principles").compactMap { principle($0, checkable: true, &reader) }
    principles += reader.sequence(fields["not_checkable"], "not_checkable").compactMap { principle($0, checkable: false, &reader) }

    var rules: [Rule] = []
    for ruleDocument in ruleDocuments {
      var ruleReader = NodeReader(document: ruleDocument)
      if let file = ruleReader.fields(ruleDocument.root, "rule file", allowed: ["rules"], required: ["rules"]) {
        rules += ruleReader.sequence(file["rules"], "rules").compactMap { rule($0, &ruleReader) }
      }
      diagnostics += ruleReader.diagnostics
    }

    guard let name, let version, let municipality, let policy, let period else { return nil }
    return RulePack(
      name: name, version: version, municipality: municipality, policy: policy, inForce: period,
      scoring: scoring, principles: principles, rules: rules, fingerprint: fingerprint, directory: directory)
  }

  private func readPolicy(_ node: Node?, _ reader: inout NodeReader) -> RulePack.Policy? {
    guard let fields = reader.fields(node, "policy", allowed: ["title", "adopted", "adopted_by", "seed"], required: ["title"]),
      let title = reader.string(fields["title"], "policy.title")
    else { return nil }
    return RulePack.Policy(
      title: title, adopted: reader.date(fields["adopted"], "policy.adopted"),
      adoptedBy: reader.string(fields["adopted_by"], "policy.adopted_by"), seed: reader.string(fields["seed"], "policy.seed"))
  }

  private func readPeriod(_ node: Node?, _ reader: inout NodeReader) -> RulePack.Period? {
    guard let fields = reader.fields(node, "in_force", allowed: ["from", "until"], required: ["from"]),
      let from = reader.date(fields["from"], "in_force.from")
    else { return nil }
    let until = reader.date(fields["until"], "in_force.until")
    if let until, until < from {
      reader.error(fields["until"], da: "in_force.until ligger før in_force.from", en: "in_force.until is before in_force.from")
    }
    return RulePack.Period(from: from, until: until)
  }

  private func readScoring(_ node: Node?, _ reader: inout NodeReader) -> RulePack.Scoring {
    let standard = RulePack.Scoring(approve: 85, review: 60)
    guard let fields = reader.fields(node, "scoring", allowed: ["approve", "review"]) else { return standard }
    let approve = reader.int(fields["approve"], "scoring.approve", range: 0...100) ?? standard.approve
    let review = reader.int(fields["review"], "scoring.review", range: 0...100) ?? standard.review
    if review > approve {
      reader.error(node, da: "scoring.review må ikke være over scoring.approve", en: "scoring.review must not exceed scoring.approve")
    }
    return RulePack.Scoring(approve: approve, review: review)
  }

  private func principle(_ node: Node, checkable: Bool, _ reader: inout NodeReader) -> Principle? {
    let what = checkable ? "principle" : "not_checkable principle"
    guard let fields = reader.fields(node, what, allowed: checkable ? Self.principleKeys : Self.notCheckableKeys,
      required: ["id", "title", "quote"] + (checkable ? ["source"] : ["reason"])),
      let id = reader.string(fields["id"], "id"), let title = reader.localized(fields["title"], "title"),
      let quote = reader.string(fields["quote"], "quote")
    else { return nil }
    let source = reader.string(fields["source"], "source") ?? ""
    let reason = checkable ? nil : reader.localized(fields["reason"], "reason")
    return Principle(id: id, title: title, themes: reader.strings(fields["themes"], "themes"), quote: quote,
      source: source, notCheckableReason: reason, location: reader.document.location(of: node))
  }

  private func rule(_ node: Node, _ reader: inout NodeReader) -> Rule? {
    guard let fields = reader.fields(node, "rule", allowed: Self.ruleKeys,
      required: ["id", "principle", "severity", "scope", "require", "message", "remedy", "examples"])
    else { return nil }
    let id = reader.string(fields["id"], "id")
    let principle = reader.string(fields["principle"], "principle")
    let severity = enumeration(fields["severity"], "severity", Severity.self, &reader)
    let scope = enumeration(fields["scope"], "scope", RuleScope.self, &reader)
    let justifiable = reader.bool(fields["justifiable"], "justifiable") ?? false
    let when = fields["when"].flatMap { reader.expression($0, "when") }
    let require = reader.expression(fields["require"], "require")
    let message = reader.template(fields["message"], "message")
    let remedy = reader.template(fields["remedy"], "remedy")
    let examples = self.examples ? reader.sequence(fields["examples"], "examples").compactMap { example($0, &reader) } : []
    if self.examples, fields["examples"] != nil, examples.isEmpty {
      reader.error(fields["examples"], da: "en regel skal have eksempler", en: "a rule needs examples")
    }
    var labels: [String: LocalizedText] = [:]
    if let node = fields["labels"] {
      if case .mapping(let mapping) = node {
        for (key, value) in mapping { if let part = key.string, let text = reader.localized(value, "labels") { labels[part] = text } }
      } else {
        reader.error(node, da: "labels skal være en mapning (CEL-del: { da: …, en: … })", en: "labels must be a mapping (CEL part: { da: …, en: … })")
      }
    }
    guard let id, let principle, let severity, let scope, let require, let message, let remedy else { return nil }
    return Rule(
      id: id, principleID: principle, severity: severity, justifiable: justifiable, scope: scope,
      description: fields["description"]?.string ?? "", when: when, require: require, message: message,
      remedy: remedy, examples: examples, location: reader.document.location(of: node), labels: labels)
  }

  private func example(_ node: Node, _ reader: inout NodeReader) -> RuleExample? {
    guard let fields = reader.fields(node, "example", allowed: Self.exampleKeys, required: ["name", "expect", "proposal"]),
      let name = reader.string(fields["name"], "name"), let expectNode = fields["expect"], let proposalNode = fields["proposal"]
    else { return nil }
    let expectNodes: [Node] = if case .sequence(let list) = expectNode { Array(list) } else { [expectNode] }
    let expected = expectNodes.compactMap { enumeration($0, "expect", Outcome.self, &reader) }
    guard expected.count == expectNodes.count, !expected.isEmpty else { return nil }
    var budget = YAMLDocument.nodeLimit
    do {
      let proposal = try YAMLDocument.value(of: proposalNode, budget: &budget, file: reader.document.file)
      return RuleExample(name: name, proposal: proposal, expected: expected, location: reader.document.location(of: node))
    } catch {
      reader.error(proposalNode, da: error.message(in: .da), en: error.message(in: .en))
      return nil
    }
  }

  private func enumeration<Value: RawRepresentable & CaseIterable>(
    _ node: Node?, _ what: String, _ type: Value.Type, _ reader: inout NodeReader
  ) -> Value? where Value.RawValue == String {
    guard let text = reader.string(node, what) else { return nil }
    if let value = Value(rawValue: text) { return value }
    let names = Value.allCases.map(\.rawValue)
    let hint = Suggestion.closest(to: text, among: names)
    reader.error(node,
      da: "\(what): '\(text)' er ikke en af \(names.joined(separator: ", "))" + (hint.map { " (mente du '\($0)'?)" } ?? ""),
      en: "\(what): '\(text)' is not one of \(names.joined(separator: ", "))" + (hint.map { " (did you mean '\($0)'?)" } ?? ""))
    return nil
  }
}
