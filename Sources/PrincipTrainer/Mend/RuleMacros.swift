import CEL
import PrincipEngine

/// How a rule, for one subject, reads the proposal's lists through macros
/// (`alternatives.exists(a, …)`), so that mend can tell which elements matter to it.
struct RuleMacros {
  /// One macro over a list of the proposal, its predicate compiled on its own.
  struct Macro {
    var kind: CELComprehension.Macro
    var variable: String
    var predicate: CELProgram
    /// The predicate reads, besides the element, only what mend never changes (the
    /// ladder, and the intervention's kind when kinds are fixed): its value for an
    /// element can be worked out once, on the proposal as it is.
    var isSelfContained: Bool
  }

  /// The macros per list path (`alternatives`, `interventions[0].goals`).
  var macros: [FieldPath: [Macro]] = [:]
  /// Lists the rule reads other than as a macro's range (`size(…)`, `x in list`).
  var otherReads: Set<FieldPath> = []
  let activation: CELActivation

  init(rule: Rule, subject: Subject, proposal: CELValue, ladder: CELValue, kindsFixed: Bool) {
    var activation = CELActivation(absentFieldsAreUnknown: true)
    activation.bind("proposal", to: proposal)
    activation.bind("ladder", to: ladder)
    var scope = ["proposal": PathPattern([])]
    if case .intervention(let index) = subject, let intervention = proposal["interventions"]?.listValue?.element(at: index) {
      activation.bind("intervention", to: intervention, pathPrefix: subject.path)
      scope["intervention"] = PathPattern([.field("interventions"), .index(index)])
    }
    self.activation = activation
    var ranges: [FieldPath: Int] = [:]
    var mentions: [FieldPath: Int] = [:]
    var macros: [FieldPath: [Macro]] = [:]
    for expression in [rule.when?.program.expression, rule.require.program.expression].compactMap(\.self) {
      expression.walkScoped(scope) { node, scope in
        if let path = PathPattern.of(node, in: scope)?.concrete { mentions[path, default: 0] += 1 }
        guard case .comprehension(let macro) = node.kind, let path = PathPattern.of(macro.range, in: scope)?.concrete,
          let predicate = try? CELProgram(CELSource.text(macro.body))
        else { return }
        ranges[path, default: 0] += 1
        let free = macro.body.freeIdentifiers
        let intervention = CELFieldUsage.ofVariables(in: [macro.body])["intervention"]
        let selfContained = free.isSubset(of: [macro.variable, "ladder", "intervention"])
          && (intervention == nil || (kindsFixed && Set(intervention?.fields.keys.map { $0 } ?? []).isSubset(of: ["kind"]) && intervention?.isWhole == false))
        macros[path, default: []].append(Macro(kind: macro.macro, variable: macro.variable, predicate: predicate, isSelfContained: selfContained))
      }
    }
    self.macros = macros
    otherReads = Set(mentions.filter { $0.value > (ranges[$0.key] ?? 0) }.keys)
  }

  /// The predicate's value for an element, `nil` when not a bool.
  func test(_ macro: Macro, _ element: CELValue) -> Bool? {
    var bound = activation
    bound.bind(macro.variable, to: element)
    if case .value(.bool(let flag)) = macro.predicate.evaluate(bound) { return flag }
    return nil
  }

  /// Whether adding `element` to the list at `path` can change what the rule finds:
  /// an `exists` only if the element passes, an `all` only if it fails; any other read counts.
  func addingMatters(_ element: CELValue, to path: FieldPath) -> Bool {
    guard !otherReads.contains(path), let macros = macros[path], !macros.isEmpty else { return true }
    return macros.contains { macro in
      guard macro.isSelfContained else { return true }
      switch macro.kind {
      case .exists, .existsOne: return test(macro, element) != false
      case .all: return test(macro, element) != true
      case .map, .filter: return true
      }
    }
  }

  /// Whether changing an element of the list at `path` from `old` to `new` can change what
  /// the rule finds: some macro's predicate must give another value for it.
  func changingMatters(_ old: CELValue, _ new: CELValue, in path: FieldPath) -> Bool {
    guard !otherReads.contains(path), let macros = macros[path], !macros.isEmpty else { return true }
    return macros.contains { macro in
      !macro.isSelfContained || macro.kind == .map || macro.kind == .filter || test(macro, old) != test(macro, new)
    }
  }
}

extension CELValue {
  /// This map with one field set.
  func setting(_ field: String, to value: CELValue) -> CELValue {
    guard case .map(let map) = self else { return self }
    var builder = CELMap.Builder(capacity: map.count + 1)
    var placed = false
    for (key, old) in map.pairs {
      if key.stringValue == field {
        builder.set(key, value)
        placed = true
      } else {
        builder.set(key, old)
      }
    }
    if !placed { builder.set(.string(field), value) }
    return .map(builder.build())
  }
}

extension Array {
  /// The element at `index`, or `nil` beyond the ends.
  func element(at index: Int) -> Element? {
    indices.contains(index) ? self[index] : nil
  }
}
