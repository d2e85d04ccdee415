/// A problem the ``CELTypeChecker`` found in an expression.
public struct CELDiagnostic: Sendable, Hashable, CustomStringConvertible {
  /// What is wrong, e.g. `no field 'agee' in object{age, name}`.
  public let message: String
  /// A fix to propose, e.g. `did you mean 'age'?`, if one is likely.
  public let suggestion: String?
  /// Where in the expression.
  public let location: CELSourceLocation

  /// A diagnostic from its parts.
  public init(message: String, suggestion: String? = nil, location: CELSourceLocation) {
    self.message = message
    self.suggestion = suggestion
    self.location = location
  }

  /// `line:column: message (suggestion)`.
  public var description: String {
    "\(location): \(message)" + (suggestion.map { " (\($0))" } ?? "")
  }
}

/// Closest-name suggestions by edit distance.
enum Suggest {
  /// The candidate nearest to `name`, if it is near enough to be a likely typo.
  static func closest(to name: String, in candidates: some Sequence<String>) -> String? {
    let limit = max(1, name.count / 3)
    var best: (String, Int)?
    for c in candidates {
      let d = distance(name.lowercased(), c.lowercased())
      guard d <= limit else { continue }
      if let (bc, bd) = best, bd < d || (bd == d && bc <= c) { continue }
      best = (c, d)
    }
    return best?.0
  }

  /// Levenshtein distance over characters.
  static func distance(_ a: String, _ b: String) -> Int {
    let x = Array(a)
    let y = Array(b)
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var previous = Array(0...y.count)
    var current = previous
    for i in 1...x.count {
      current[0] = i
      for j in 1...y.count {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
      }
      swap(&previous, &current)
    }
    return previous[y.count]
  }
}
