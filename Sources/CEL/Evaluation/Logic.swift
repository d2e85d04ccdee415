/// CEL's commutative logical operators.
///
/// `&&` is false if either side is false, whatever the other is (an error or an
/// unknown); otherwise unknown if either side is unknown (unknowns merged); otherwise an
/// error if either side is an error or not a bool; otherwise true. `||` is the mirror
/// image with true. So `false && x.missing` is false, `true && x.missing` is unknown, and
/// an unknown beats an error, as in cel-go.
enum Logic {
  static func and(_ a: CELResult, _ b: CELResult, location: CELSourceLocation) -> CELResult {
    combine(a, b, absorbing: false, function: "_&&_", location: location)
  }

  static func or(_ a: CELResult, _ b: CELResult, location: CELSourceLocation) -> CELResult {
    combine(a, b, absorbing: true, function: "_||_", location: location)
  }

  @inline(__always)
  private static func combine(
    _ a: CELResult, _ b: CELResult, absorbing: Bool, function: String, location: CELSourceLocation
  ) -> CELResult {
    if case .value(.bool(let x)) = a, case .value(.bool(let y)) = b {
      return .value(.bool(absorbing ? (x || y) : (x && y)))
    }
    if case .value(.bool(absorbing)) = a { return a }
    if case .value(.bool(absorbing)) = b { return b }
    switch (a, b) {
    case (.unknown(let x), .unknown(let y)): return .unknown(x.union(y))
    case (.unknown, _): return a
    case (_, .unknown): return b
    case (.error, _): return a
    case (_, .error): return b
    default: break
    }
    // Both are values, at least one not a bool.
    let bad = if case .value(.bool) = a { b } else { a }
    guard case .value(let v) = bad else { return bad }
    var e = CELError.noOverload(function, v)
    e.location = location
    return .error(e)
  }
}
