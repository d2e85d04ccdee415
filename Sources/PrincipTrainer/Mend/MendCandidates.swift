import CEL
import PrincipEngine

/// The changes mend may try for a proposal: for each fact a rule reads that is not
/// fixed, the values the schema allows for it (enums, booleans) and the boundary values
/// and list members the rules' conditions compare it with; and, for a condition that
/// asks for an element of a list (`alternatives.exists(a, …)`), the smallest elements
/// built from the schema's domains that make its predicate true.
struct MendCandidates {
  let schema: ProposalSchema
  let ladder: CELValue
  /// The proposal as read (dates as text) and as the rules see it.
  let raw: CELValue
  let proposal: CELValue
  let fixed: [PathPattern]
  /// Whether interventions' kinds are fixed (mend's default).
  var kindsFixed = true

  /// How many elements one `exists` may contribute, and how many combinations it tries.
  static let elementsPerMacro = 6
  static let combinationLimit = 5_000

  /// The candidates for every rule of `pack` and every subject, without duplicates, in a
  /// stable order.
  func all(for pack: RulePack) -> [MendCandidate] {
    var seen: Set<MendCandidate> = []
    var pool: [MendCandidate] = []
    let interventions = proposal["interventions"]?.listValue ?? []
    for rule in pack.rules {
      let subjects: [Subject] = rule.scope == .proposal ? [.proposal] : interventions.indices.map { .intervention($0) }
      for subject in subjects {
        for candidate in candidates(for: rule, subject: subject) where seen.insert(candidate).inserted {
          pool.append(candidate)
        }
      }
    }
    return pool
  }

  /// The patterns of the facts `rule` reads for `subject`.
  static func reads(of rule: Rule, subject: Subject) -> [PathPattern] {
    let expressions = [rule.when?.program.expression, rule.require.program.expression].compactMap(\.self)
    let usage = CELFieldUsage.ofVariables(in: expressions)
    var patterns = PathPattern([]).reads(usage["proposal"] ?? .presence)
    if case .intervention(let index) = subject, let inner = usage["intervention"] {
      patterns += PathPattern([.field("interventions"), .index(index)]).reads(inner)
    }
    return patterns
  }

  private func scope(for subject: Subject) -> [String: PathPattern] {
    var scope = ["proposal": PathPattern([])]
    if case .intervention(let index) = subject { scope["intervention"] = PathPattern([.field("interventions"), .index(index)]) }
    return scope
  }

  private func activation(for subject: Subject) -> CELActivation {
    var activation = CELActivation(absentFieldsAreUnknown: true)
    activation.bind("proposal", to: proposal)
    activation.bind("ladder", to: ladder)
    if case .intervention(let index) = subject, let intervention = proposal["interventions"]?.listValue?.element(at: index) {
      activation.bind("intervention", to: intervention, pathPrefix: subject.path)
    }
    return activation
  }

  func candidates(for rule: Rule, subject: Subject) -> [MendCandidate] {
    let expressions = [rule.when?.program.expression, rule.require.program.expression].compactMap(\.self)
    let activation = activation(for: subject)
    let scope = scope(for: subject)
    var boundaries: [PathPattern: [CELValue]] = [:]
    var elements: [MendCandidate] = []
    for expression in expressions {
      collectBoundaries(expression, scope: scope, activation: activation, into: &boundaries)
      collectElements(expression, scope: scope, activation: activation, into: &elements)
    }
    var result: [MendCandidate] = []
    let macros = RuleMacros(rule: rule, subject: subject, proposal: proposal, ladder: ladder, kindsFixed: kindsFixed)
    let usage = CELFieldUsage.ofVariables(in: expressions)
    if let proposalUsage = usage["proposal"] {
      leaves(proposalUsage, node: schema.root, path: FieldPath(), raw: raw, boundaries: boundaries, macros: macros, into: &result)
    }
    if case .intervention(let index) = subject, let inner = usage["intervention"],
      case .array(let node, _)? = schema.node(at: ["interventions"]), let element = raw["interventions"]?.listValue?.element(at: index)
    {
      leaves(inner, node: node, path: FieldPath([.field("interventions"), .index(index)]), raw: element, boundaries: boundaries, macros: macros, into: &result)
    }
    return result + elements
  }

  private func isFixed(_ path: FieldPath) -> Bool {
    let pattern = PathPattern(path)
    return fixed.contains { pattern.isUnder($0) }
  }

  // MARK: Facts read

  /// Candidates for every fact under `path` that `usage` reads.
  private func leaves(
    _ usage: CELFieldUsage, node: SchemaNode, path: FieldPath, raw: CELValue?, boundaries: [PathPattern: [CELValue]],
    macros: RuleMacros, into result: inout [MendCandidate]
  ) {
    guard !isFixed(path) else { return }
    switch node {
    case .object(let rule):
      guard !usage.isWhole else { return }
      for (field, inner) in usage.fields.sorted(by: { $0.key < $1.key }) {
        guard let child = rule.field(field) else { continue }
        leaves(inner, node: child, path: path.appending(.field(field)), raw: raw?[field], boundaries: boundaries, macros: macros, into: &result)
      }
    case .array(let items, _):
      let elements = raw?.listValue ?? []
      switch items {
      case .object:
        guard let inner = usage.elements else { return }
        for (index, element) in elements.enumerated() {
          let elementPath = path.appending(.index(index))
          var changes: [MendCandidate] = []
          leaves(inner, node: items, path: elementPath, raw: element, boundaries: boundaries, macros: macros, into: &changes)
          // A field of the element matters only if some predicate over the list then
          // judges the element otherwise.
          let old = ProposalEditing.value(at: elementPath, in: proposal) ?? element
          result += changes.filter { change in
            guard change.change.action == .set, change.path.components.count == elementPath.components.count + 1,
              case .field(let name)? = change.path.components.last, let value = change.value, !change.needsText
            else { return true }
            return macros.changingMatters(old, old.setting(name, to: value), in: path)
          }
        }
      case .string(let rule):
        for value in rule.allowed ?? [] where !elements.contains(.string(value)) {
          result.append(MendCandidate(.add, path, .string(value)))
        }
      default:
        break
      }
    case .boolean:
      let values: [Bool] = raw?.boolValue.map { [!$0] } ?? [true, false]
      result += values.map { MendCandidate(.set, path, .bool($0)) }
    case .string(let rule):
      if let allowed = rule.allowed {
        result += allowed.filter { raw?.stringValue != $0 }.map { MendCandidate(.set, path, .string($0)) }
      } else if rule.isDate {
        result += dates(around: matching(boundaries, path)).filter { raw?.stringValue != $0 }.map { MendCandidate(.set, path, .string($0)) }
      } else if (raw?.stringValue ?? "").isEmpty {
        result.append(MendCandidate(.set, path, .string(MendCandidate.placeholder), needsText: true))
      }
    case .integer(let rule), .number(let rule):
      let whole: Bool = if case .integer = node { true } else { false }
      var seen: Set<Double> = []
      for bound in matching(boundaries, path).compactMap(\.numericValue) {
        for number in [bound - 1, bound, bound + 1] where seen.insert(number).inserted {
          guard rule.minimum.map({ number >= $0 }) ?? true, rule.maximum.map({ number <= $0 }) ?? true else { continue }
          guard raw?.numericValue != number else { continue }
          result.append(MendCandidate(.set, path, whole || number == number.rounded() ? .int(Int64(number)) : .double(number)))
        }
      }
    case .any:
      break
    }
  }

  private func matching(_ boundaries: [PathPattern: [CELValue]], _ path: FieldPath) -> [CELValue] {
    boundaries.filter { $0.key.steps.count == path.components.count && $0.key.overlaps(path) }
      .sorted { $0.key.description < $1.key.description }.flatMap(\.value)
  }

  /// A day before, on and after each date bound, as `YYYY-MM-DD`.
  private func dates(around bounds: [CELValue]) -> [String] {
    var days: [Int] = []
    for case .timestamp(let time) in bounds {
      let day = Int((Double(time.seconds) / 86_400).rounded(.down))
      for candidate in [day - 1, day, day + 1] where !days.contains(candidate) { days.append(candidate) }
    }
    return days.map { CivilDate(daysSinceEpoch: $0).description }
  }

  // MARK: Boundaries

  /// The values the conditions compare facts with: `plan.contact_persons <= 2` gives 2
  /// for `plan.contact_persons`; a side that reads the proposal is evaluated; a side that
  /// reads a list's elements gives the values in the list.
  private func collectBoundaries(
    _ expression: CELExpr, scope: [String: PathPattern], activation: CELActivation, into boundaries: inout [PathPattern: [CELValue]]
  ) {
    expression.walkScoped(scope) { node, scope in
      guard case .call(let function, nil, let arguments) = node.kind, arguments.count == 2,
        ["_<_", "_<=_", "_>_", "_>=_", "_==_", "_!=_"].contains(function)
      else { return }
      for (side, other) in [(arguments[0], arguments[1]), (arguments[1], arguments[0])] {
        guard let pattern = PathPattern.of(side, in: scope), !pattern.steps.isEmpty else { continue }
        if let values = constant(other, scope: scope, activation: activation) {
          boundaries[pattern, default: []] += values
        }
      }
    }
  }

  /// The value(s) an expression has without the element variables of macros: evaluated
  /// when it reads only the proposal, or the values in the list an element variable runs over.
  private func constant(_ expr: CELExpr, scope: [String: PathPattern], activation: CELActivation) -> [CELValue]? {
    let free = expr.freeIdentifiers
    if free.isSubset(of: ["proposal", "intervention", "ladder"]) {
      guard let program = try? CELProgram(CELSource.text(expr)), case .value(let value) = program.evaluate(activation) else { return nil }
      return [value]
    }
    guard let pattern = PathPattern.of(expr, in: scope), pattern.steps.contains(.anyIndex) else { return nil }
    return values(at: pattern.steps[...], in: proposal)
  }

  private func values(at steps: ArraySlice<PathPattern.Step>, in value: CELValue) -> [CELValue] {
    guard let step = steps.first else { return [value] }
    switch (step, value) {
    case (.field(let name), .map(let map)): return map[.string(name)].map { values(at: steps.dropFirst(), in: $0) } ?? []
    case (.index(let index), .list(let elements)) where elements.indices.contains(index): return values(at: steps.dropFirst(), in: elements[index])
    case (.anyIndex, .list(let elements)): return elements.flatMap { values(at: steps.dropFirst(), in: $0) }
    default: return []
    }
  }

  // MARK: Elements to add

  /// For each `exists` over a list of the proposal: the smallest new elements (fewest
  /// fields, each from its schema domain) that make its predicate true.
  private func collectElements(
    _ expression: CELExpr, scope: [String: PathPattern], activation: CELActivation, into result: inout [MendCandidate]
  ) {
    expression.walkScoped(scope) { node, scope in
      guard case .comprehension(let macro) = node.kind, macro.macro == .exists || macro.macro == .existsOne,
        let list = PathPattern.of(macro.range, in: scope), let path = list.concrete, !isFixed(path),
        case .array(let items, _)? = schema.node(at: path.fieldNames), case .object(let rule) = items
      else { return }
      let readFields = CELFieldUsage.ofVariables(in: [macro.body])[macro.variable]?.fields.keys.map { $0 } ?? []
      let required = rule.properties.map(\.name).filter { rule.required.contains($0) }
      let optional = rule.properties.map(\.name).filter { readFields.contains($0) && !rule.required.contains($0) }
      var domains: [String: [CELValue]] = [:]
      for (name, field) in rule.properties {
        switch field {
        case .string(let text) where text.allowed != nil: domains[name] = text.allowed?.map(CELValue.string)
        case .boolean: domains[name] = [.bool(true), .bool(false)]
        default: break
        }
      }
      guard required.allSatisfy({ domains[$0] != nil }),
        macro.body.freeIdentifiers.isSubset(of: ["proposal", "intervention", "ladder", macro.variable]),
        let predicate = try? CELProgram(CELSource.text(macro.body))
      else { return }
      for extra in Self.subsets(of: optional.filter { domains[$0] != nil }) {
        let fields = rule.properties.map(\.name).filter { required.contains($0) || extra.contains($0) }
        var found: [CELValue] = []
        var tried = 0
        Self.combinations(fields.map { domains[$0] ?? [] }) { values in
          tried += 1
          guard tried <= Self.combinationLimit, found.count < Self.elementsPerMacro else { return false }
          var builder = CELMap.Builder(capacity: fields.count)
          for (name, value) in zip(fields, values) { builder.set(.string(name), value) }
          let element = CELValue.map(builder.build())
          var bound = activation
          bound.bind(macro.variable, to: element)
          if case .value(.bool(true)) = predicate.evaluate(bound) { found.append(element) }
          return true
        }
        if !found.isEmpty {
          result += found.map { MendCandidate(.add, path, $0) }
          return
        }
      }
    }
  }

  /// Subsets by size, smallest first (the empty set first).
  private static func subsets(of names: [String]) -> [[String]] {
    var result: [[String]] = [[]]
    for size in 1...max(1, names.count) where size <= names.count {
      func pick(_ start: Int, _ chosen: [String]) {
        if chosen.count == size { result.append(chosen); return }
        for index in start..<names.count { pick(index + 1, chosen + [names[index]]) }
      }
      pick(0, [])
    }
    return result
  }

  /// Calls `body` with each combination of one value per domain, until it returns false.
  private static func combinations(_ domains: [[CELValue]], _ body: ([CELValue]) -> Bool) {
    var chosen: [CELValue] = []
    func step(_ index: Int) -> Bool {
      if index == domains.count { return body(chosen) }
      for value in domains[index] {
        chosen.append(value)
        defer { chosen.removeLast() }
        if !step(index + 1) { return false }
      }
      return true
    }
    _ = step(0)
  }
}

extension PathPattern {
  /// The pattern as a path when it names one place (no `[*]`).
  var concrete: FieldPath? {
    var components: [FieldPath.Component] = []
    for step in steps {
      switch step {
      case .field(let name): components.append(.field(name))
      case .index(let index): components.append(.index(index))
      case .anyIndex: return nil
      }
    }
    return components.isEmpty ? nil : FieldPath(components)
  }
}

extension FieldPath {
  /// The field names of the path, list indices left out (for ``ProposalSchema/node(at:)``).
  var fieldNames: [String] {
    components.compactMap { if case .field(let name) = $0 { name } else { nil } }
  }
}

extension CELExpr {
  /// The identifiers the expression reads that no macro inside it binds.
  var freeIdentifiers: Set<String> {
    var names: Set<String> = []
    func visit(_ expr: CELExpr, _ bound: Set<String>) {
      switch expr.kind {
      case .identifier(let name): if !bound.contains(name) { names.insert(name) }
      case .comprehension(let macro):
        visit(macro.range, bound)
        let inner = bound.union([macro.variable])
        macro.filter.map { visit($0, inner) }
        visit(macro.body, inner)
      default:
        for child in expr.children { visit(child, bound) }
      }
    }
    visit(self, [])
    return names
  }

  /// Visits every node with the paths its names stand for: a macro's element variable
  /// stands for `[*]` of the list it runs over.
  func walkScoped(_ scope: [String: PathPattern], _ visit: (CELExpr, [String: PathPattern]) -> Void) {
    visit(self, scope)
    if case .comprehension(let macro) = kind {
      macro.range.walkScoped(scope, visit)
      var inner = scope
      if let list = PathPattern.of(macro.range, in: scope) {
        inner[macro.variable] = PathPattern(list.steps + [.anyIndex])
      } else {
        inner[macro.variable] = nil
      }
      macro.filter?.walkScoped(inner, visit)
      macro.body.walkScoped(inner, visit)
    } else {
      for child in children { child.walkScoped(scope, visit) }
    }
  }
}
