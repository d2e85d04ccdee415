import CEL

/// The facts an expression reads: the longest field chains rooted at `proposal` or
/// `intervention` (`intervention.provider`, `proposal.alternatives`). They are the
/// evidence a finding shows.
enum FactPaths {
  static let roots: Set<String> = ["proposal", "intervention"]

  /// Distinct fact paths of the expressions, in order of first appearance.
  static func collect(_ expressions: [CELExpr]) -> [[String]] {
    var paths: [[String]] = []
    func visit(_ expression: CELExpr) {
      if case .select = expression.kind, let name = expression.qualifiedName {
        let components = name.split(separator: ".").map(String.init)
        if let root = components.first, roots.contains(root), components.count > 1 {
          if !paths.contains(components) { paths.append(components) }
          return
        }
      }
      for child in expression.children { visit(child) }
    }
    expressions.forEach(visit)
    return paths
  }

  /// The path as a finding shows it, with `intervention` spelled out as its place in the proposal.
  static func display(_ path: [String], subject: Subject) -> String {
    var components = path
    if components.first == "intervention" { components[0] = subject.path }
    return components.joined(separator: ".")
  }

  /// The value at the path, or `nil` where a field is missing.
  static func value(at path: [String], in activation: CELActivation) -> CELValue? {
    guard let root = path.first, var value = activation[root] else { return nil }
    for field in path.dropFirst() {
      guard let next = value[field] else { return nil }
      value = next
    }
    return value
  }
}
