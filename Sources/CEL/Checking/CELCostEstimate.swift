/// A static, worst-case estimate of the steps an expression's evaluation can take, as
/// ``CELActivation/stepBudget`` counts them (one per macro iteration), for linters:
/// nested macros over lists that come from the data multiply.
///
///     let estimate = CELCostEstimate(program.expression)
///     if estimate.exceeds(CELActivation.defaultStepBudget) {
///       warn(at: estimate.location, "up to \(estimate.steps) steps (size^\(estimate.degree))")
///     }
///
/// A list or map written in the expression has its own size; any other (a variable's,
/// a field's, a function's result) is assumed to have ``assumedSize`` elements, and
/// `map`/`filter` keep their range's size. What `+` builds is not estimated.
public struct CELCostEstimate: Sendable, Hashable {
  /// The size assumed for lists and maps from the data, unless given: 1,000.
  public static let defaultAssumedSize = 1_000

  /// Worst-case steps (saturating at `Int.max`).
  public let steps: Int
  /// How deeply macros over lists from the data nest: `steps` grows as the lists' size
  /// to this power (0: no such macro; 3 for `l.all(a, l.all(b, l.all(c, true)))`).
  public let degree: Int
  /// The outermost macro of the nest with the highest degree (nil without macros).
  public let location: CELSourceLocation?
  /// The size assumed for lists and maps from the data.
  public let assumedSize: Int

  /// Estimates an expression, assuming lists and maps from the data have `assumedSize` elements.
  public init(_ expr: CELExpr, assumedSize: Int = CELCostEstimate.defaultAssumedSize) {
    let cost = CELCostEstimate.cost(of: expr, assumedSize: max(0, assumedSize))
    steps = cost.steps
    degree = cost.degree
    location = cost.location
    self.assumedSize = max(0, assumedSize)
  }

  /// Whether the worst case takes more steps than `budget`.
  public func exceeds(_ budget: Int) -> Bool { steps > budget }

  private struct Cost {
    var steps = 0
    var degree = 0
    var location: CELSourceLocation?

    /// Both costs, one after the other.
    mutating func add(_ other: Cost) {
      steps = CELCostEstimate.sum(steps, other.steps)
      if other.degree > degree || location == nil && other.location != nil {
        degree = max(degree, other.degree)
        location = other.location
      }
    }
  }

  private static func cost(of expr: CELExpr, assumedSize: Int) -> Cost {
    guard case .comprehension(let c) = expr.kind else {
      var total = Cost()
      for child in expr.children { total.add(cost(of: child, assumedSize: assumedSize)) }
      return total
    }
    let size = self.size(of: c.range)
    var each = Cost(steps: 1)
    if let filter = c.filter { each.add(cost(of: filter, assumedSize: assumedSize)) }
    each.add(cost(of: c.body, assumedSize: assumedSize))
    let n = size ?? assumedSize
    let (product, overflow) = n.multipliedReportingOverflow(by: each.steps)
    var total = Cost(
      steps: overflow ? Int.max : product, degree: each.degree + (size == nil ? 1 : 0), location: expr.location)
    // The range is evaluated once, before the loop.
    let range = cost(of: c.range, assumedSize: assumedSize)
    total.steps = sum(total.steps, range.steps)
    if range.degree > total.degree {
      total.degree = range.degree
      total.location = range.location
    }
    return total
  }

  /// The number of elements of a list or map written in the expression (through `map`
  /// and `filter`, which keep at most their range's); nil when it comes from the data.
  private static func size(of expr: CELExpr) -> Int? {
    switch expr.kind {
    case .list(let items): items.count
    case .map(let entries): entries.count
    case .comprehension(let c) where c.macro == .map || c.macro == .filter: size(of: c.range)
    default: nil
    }
  }

  private static func sum(_ a: Int, _ b: Int) -> Int {
    let (s, overflow) = a.addingReportingOverflow(b)
    return overflow ? Int.max : s
  }
}
