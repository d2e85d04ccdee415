import CEL
import PrincipEngine

/// Builds the tree of a rule's `when` or `require` for one subject: each part with its
/// value, evaluated as its own program through the ordinary evaluation (the CEL
/// evaluator's recording is not on main yet; this is slower but gives the same values).
/// `a && b` does not try `b` once `a` is false, `a || b` once `a` is true; a macro's parts
/// are shown once per element of its list.
struct ConditionExplainer {
  let rule: Rule
  let expression: Expression
  let activation: CELActivation
  /// How `intervention` is shown: `interventions[0]` for the subject.
  var intervention: String?

  /// The tree of the whole condition.
  func tree() -> ConditionNode {
    node(expression.program.expression, activation: activation, elementPath: intervention.map { ["intervention": $0] } ?? [:])
  }

  private func node(_ expr: CELExpr, activation: CELActivation, elementPath: [String: String]) -> ConditionNode {
    let cel = CELSource.text(expr)
    let (value, missing) = evaluate(cel, activation)
    var children: [ConditionNode] = []
    switch expr.kind {
    case .call(let function, nil, let arguments) where (function == "_&&_" || function == "_||_") && arguments.count == 2:
      // Flatten a chain of the same operator into one list of parts.
      let parts = Self.chain(expr, function)
      var decided = false
      for part in parts {
        if decided {
          children.append(skipped(part, elementPath: elementPath))
          continue
        }
        let child = node(part, activation: activation, elementPath: elementPath)
        children.append(child)
        if (function == "_&&_" && child.value == .no) || (function == "_||_" && child.value == .yes) { decided = true }
      }
    case .call("!_", nil, let arguments) where arguments.count == 1 && Self.isLogical(arguments[0]):
      children = [node(arguments[0], activation: activation, elementPath: elementPath)]
    case .comprehension(let macro):
      if case .value(.list(let elements)) = evaluateValue(CELSource.text(macro.range), activation) {
        let rangeText = Self.display(macro.range, elementPath)
        for (index, element) in elements.enumerated() {
          var inner = activation
          inner.bind(macro.variable, to: element)
          var paths = elementPath
          paths[macro.variable] = "\(rangeText)[\(index)]"
          var child = node(macro.body, activation: inner, elementPath: paths)
          child.label = LocalizedText(
            da: "\(paths[macro.variable] ?? ""): " + child.label.da, en: "\(paths[macro.variable] ?? ""): " + child.label.en)
          children.append(child)
          if (macro.macro == .exists && child.value == .yes) || (macro.macro == .all && child.value == .no) {
            for rest in elements.indices.dropFirst(index + 1) {
              var skippedPaths = elementPath
              skippedPaths[macro.variable] = "\(rangeText)[\(rest)]"
              var skip = skipped(macro.body, elementPath: skippedPaths)
              skip.label = LocalizedText(da: "\(rangeText)[\(rest)]: " + skip.label.da, en: "\(rangeText)[\(rest)]: " + skip.label.en)
              children.append(skip)
            }
            break
          }
        }
      }
    default:
      break
    }
    let (label, labelled) = label(expr, cel, elementPath)
    return ConditionNode(
      label: label, labelled: labelled, cel: cel, location: expression.fileLocation(expr.location), value: value, missing: missing,
      facts: children.isEmpty ? facts(expr, activation, elementPath) : [], children: children)
  }

  private func skipped(_ expr: CELExpr, elementPath: [String: String]) -> ConditionNode {
    let cel = CELSource.text(expr)
    let (label, labelled) = label(expr, cel, elementPath)
    return ConditionNode(
      label: label, labelled: labelled, cel: cel, location: expression.fileLocation(expr.location), value: .notTried, missing: [],
      facts: [], children: [])
  }

  private func label(_ expr: CELExpr, _ cel: String, _ elementPath: [String: String]) -> (LocalizedText, Bool) {
    if let text = rule.labels.first(where: { Self.normalized($0.key) == cel })?.value { return (text, true) }
    return (LocalizedText(da: ConditionWords(.da, elementPath).words(expr), en: ConditionWords(.en, elementPath).words(expr)), false)
  }

  /// A label's key written as the explainer writes CEL, so spacing does not matter.
  static func normalized(_ key: String) -> String {
    (try? CELProgram(key)).map { CELSource.text($0.expression) } ?? key
  }

  private func evaluateValue(_ cel: String, _ activation: CELActivation) -> CELResult? {
    (try? CELProgram(cel))?.evaluate(activation)
  }

  private func evaluate(_ cel: String, _ activation: CELActivation) -> (PartValue, [String]) {
    switch evaluateValue(cel, activation) {
    case .value(.bool(true))?: (.yes, [])
    case .value(.bool(false))?: (.no, [])
    case .unknown(let unknown)?: (.unknown, unknown.paths)
    default: (.other, [])
    }
  }

  /// The facts a leaf part reads: its field chains from `proposal`, `intervention` or an
  /// element, with their values.
  private func facts(_ expr: CELExpr, _ activation: CELActivation, _ elementPath: [String: String]) -> [ConditionNode.Fact] {
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
      let value = evaluateValue(CELSource.text(chain), activation)?.value
      return ConditionNode.Fact(path: path, value: value.map(FactValue.init))
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
