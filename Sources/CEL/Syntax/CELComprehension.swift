/// A macro that iterates over a list (its elements) or a map (its keys).
public struct CELComprehension: Sendable {
  /// Which macro.
  public enum Macro: String, Sendable {
    case all
    case exists
    case existsOne = "exists_one"
    case map
    case filter
  }

  /// Which macro.
  public let macro: Macro
  /// The list or map iterated over.
  public let range: CELExpr
  /// The name bound to each element (or key).
  public let variable: String
  /// For the three-argument `map(x, filter, transform)`: the filter.
  public let filter: CELExpr?
  /// The predicate (`all`, `exists`, `exists_one`, `filter`) or transform (`map`).
  public let body: CELExpr
}
