import CEL
import PrincipEngine

/// Builds the tree of a rule's `when` or `require` for one subject: the condition is
/// evaluated once, recording the value of every part (``CEL/CELEvaluationState``), and
/// each part is shown with the value it had. A part the evaluation never reached (the
/// right side of `false && x`, a macro's elements after the one that decided) is "not
/// tried"; a macro's parts are shown once per element of its list.
struct ConditionExplainer {
  let rule: Rule
  let expression: Expression
  let activation: CELActivation
  /// How `intervention` is shown: `interventions[0]` for the subject.
  var intervention: String?

  /// The tree of the whole condition.
  func tree() -> ConditionNode {
    var state = CELEvaluationState()
    _ = expression.program.evaluate(activation, recording: &state)
    return node(expression.program.expression, state, iterations: [], elementPath: intervention.map { ["intervention": $0] } ?? [:])
  }

  /// The node's result in the current elements of the enclosing macros; `nil`: not evaluated.
  private func result(_ expr: CELExpr, _ state: CELEvaluationState, _ iterations: [Int]) -> CELResult? {
    state.results(of: expr).last { $0.iterations == iterations }?.result
  }

  private func node(_ expr: CELExpr, _ state: CELEvaluationState, iterations: [Int], elementPath: [String: String]) -> ConditionNode {
    let (value, missing) = Self.value(result(expr, state, iterations))
    var children: [ConditionNode] = []
    switch expr.kind {
    case .call(let function, nil, let arguments) where (function == "_&&_" || function == "_||_") && arguments.count == 2:
      children = Self.chain(expr, function).map { node($0, state, iterations: iterations, elementPath: elementPath) }
    case .call("!_", nil, let arguments) where arguments.count == 1 && Self.isLogical(arguments[0]):
      children = [node(arguments[0], state, iterations: iterations, elementPath: elementPath)]
    case .comprehension(let macro):
      if case .value(.list(let elements))? = result(macro.range, state, iterations) {
        let rangeText = Self.display(macro.range, elementPath)
        for index in elements.indices {
          var paths = elementPath
          paths[macro.variable] = "\(rangeText)[\(index)]"
          var child = node(macro.body, state, iterations: iterations + [index], elementPath: paths)
          child.label = LocalizedText(da: "\(rangeText)[\(index)]: " + child.label.da, en: "\(rangeText)[\(index)]: " + child.label.en)
          children.append(child)
        }
      }
    default:
      break
    }
    let cel = CELSource.text(expr)
    let (label, labelled) = label(expr, cel, elementPath)
    return ConditionNode(
      label: label, labelled: labelled, cel: cel, location: expression.fileLocation(expr.location), value: value, missing: missing,
      facts: children.isEmpty && value != .notTried ? facts(expr, state, iterations, elementPath) : [], children: children)
  }

  private static func value(_ result: CELResult?) -> (PartValue, [String]) {
    switch result {
    case nil: (.notTried, [])
    case .value(.bool(true))?: (.yes, [])
    case .value(.bool(false))?: (.no, [])
    case .unknown(let unknown)?: (.unknown, unknown.paths)
    default: (.other, [])
    }
  }

  private func label(_ expr: CELExpr, _ cel: String, _ elementPath: [String: String]) -> (LocalizedText, Bool) {
    if let text = rule.labels.first(where: { Self.normalized($0.key) == cel })?.value { return (text, true) }
    return (LocalizedText(da: ConditionWords(.da, elementPath).words(expr), en: ConditionWords(.en, elementPath).words(expr)), false)
  }

  /// A label's key written as the explainer writes CEL, so spacing does not matter.
  static func normalized(_ key: String) -> String {
    (try? CELProgram(key)).map { CELSource.text($0.expression) } ?? key
  }

  /// The facts a leaf part reads: its field chains from `proposal`, `intervention` or an
  /// element, with the values they had (`nil`: missing).
  private func facts(_ expr: CELExpr, _ state: CELEvaluationState, _ iterations: [Int], _ elementPath: [String: String]) -> [ConditionNode.Fact] {
    var chains: [CELExpr] = []
    func collect(_ e: CELExpr) {
      if case .select = e.kind, let name = e.qualifiedName, let root = name.split(separator: ".").first,
        ["proposal", "intervention"].contains(String(root)) || elementPath[String(root)] != nil
      {
        chains.append(e)
        return
      }
      if case .comprehension = e.kind { return }
      e.children.forEach(collect)
    }
    collect(expr)
    var seen: Set<String> = []
    return chains.compactMap { chain in
      let path = Self.display(chain, elementPath)
      guard seen.insert(path).inserted else { return nil }
      return ConditionNode.Fact(path: path, value: result(chain, state, iterations)?.value.map(FactValue.init))
    }
  }

  /// A field chain as reports print paths: `interventions[0].format`, `alternatives[1].status`.
  static func display(_ expr: CELExpr, _ elementPath: [String: String]) -> String {
    guard let name = expr.qualifiedName else { return CELSource.text(expr) }
    var parts = name.split(separator: ".").map(String.init)
    if let root = parts.first, let path = elementPath[root] {
      parts[0] = path
      return parts.joined(separator: ".")
    }
    if parts.first == "proposal" { parts.removeFirst() }
    return parts.joined(separator: ".")
  }

  static func chain(_ expr: CELExpr, _ function: String) -> [CELExpr] {
    guard case .call(let name, nil, let arguments) = expr.kind, name == function, arguments.count == 2 else { return [expr] }
    return chain(arguments[0], function) + chain(arguments[1], function)
  }

  static func isLogical(_ expr: CELExpr) -> Bool {
    if case .call(let name, nil, _) = expr.kind, name == "_&&_" || name == "_||_" { return true }
    if case .comprehension = expr.kind { return true }
    return false
  }
}
