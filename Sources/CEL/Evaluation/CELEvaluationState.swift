/// What one evaluation of a ``CELProgram`` came to, sub-expression by sub-expression:
/// filled in by ``CELProgram/evaluate(_:recording:)``, as cel-go's evaluation state is.
///
/// Every node of ``CELProgram/expression`` (a ``CELExpr``, identified by its
/// ``CELExpr/id``) has the results it was evaluated to, in evaluation order: none when it
/// was not evaluated (the right side of `false && x`, the branch of `?:` not taken, a
/// macro's body over an empty list), several inside a macro (one per element, with the
/// element's position in ``Entry/iterations``). A result is a value, an error or an
/// unknown, as ``CELResult``.
///
///     let program = try CELProgram("proposal.age >= 18 && proposal.kind in ['a', 'b']")
///     var state = CELEvaluationState()
///     let result = program.evaluate(activation, recording: &state)
///     program.expression.walk { node in
///       let text = program.source(of: node)        // "proposal.age >= 18", …
///       switch state.result(of: node) {
///       case nil: print(text, "not evaluated")      // short-circuited
///       case .value(let v)?: print(text, "=", v)
///       case .unknown(let u)?: print(text, "unknown, missing", u.paths)
///       case .error(let e)?: print(text, "error", e)
///       }
///     }
///
/// The ordinary ``CELProgram/evaluate(_:)`` records nothing and pays nothing for this.
/// Recording evaluates every sub-expression it reads through the interpreter's general
/// path (no reading in place), with the same results.
public struct CELEvaluationState: Sendable {
  /// One evaluation of one node.
  public struct Entry: Sendable {
    /// What the node evaluated to.
    public let result: CELResult
    /// For a node inside macros, the positions of the enclosing macros' current elements
    /// (or keys), outermost first; empty outside macros.
    public let iterations: [Int]

    /// An entry from its parts.
    public init(result: CELResult, iterations: [Int]) {
      self.result = result
      self.iterations = iterations
    }
  }

  /// The whole expression's result; nil before an evaluation.
  public private(set) var result: CELResult?
  private var entries: [Int: [Entry]] = [:]

  /// An empty state, for ``CELProgram/evaluate(_:recording:)`` to fill.
  public init() {}

  /// The results of the node with this ``CELExpr/id``, in evaluation order; empty when it
  /// was not evaluated.
  public func results(ofID id: Int) -> [Entry] { entries[id] ?? [] }

  /// The results of a node, in evaluation order; empty when it was not evaluated.
  public func results(of expr: CELExpr) -> [Entry] { results(ofID: expr.id) }

  /// The node's last result; nil when it was not evaluated.
  public func result(of expr: CELExpr) -> CELResult? { entries[expr.id]?.last?.result }

  /// Whether the node was evaluated at least once.
  public func wasEvaluated(_ expr: CELExpr) -> Bool { entries[expr.id] != nil }

  /// The state of an evaluation of `root` whose compiled nodes (numbered as in
  /// `expressionIDs`) had the given results.
  init(result: CELResult, root: CELExpr, expressionIDs: ContiguousArray<Int>, nodeEntries: [[Entry]]) {
    self.result = result
    for (node, list) in nodeEntries.enumerated() where !list.isEmpty && expressionIDs[node] >= 0 {
      entries[expressionIDs[node], default: []].append(contentsOf: list)
    }
    fillFolded(root)
  }

  /// Constant lists and maps are folded into one value when compiled, so their items are
  /// never evaluated by themselves: each item gets its value every time its container
  /// was evaluated (also for the list of `x in [...]`, which may become a set).
  private mutating func fillFolded(_ expr: CELExpr) {
    let children = expr.children
    if let parent = entries[expr.id] {
      var foldable: [CELExpr] = []
      switch expr.kind {
      case .list, .map: foldable = children
      case .call("@in", nil, let args) where args.count == 2: foldable = [args[1]]
      default: break
      }
      for child in foldable where entries[child.id] == nil {
        guard let value = CELEvaluationState.constantValue(child) else { continue }
        entries[child.id] = parent.map { Entry(result: .value(value), iterations: $0.iterations) }
      }
    }
    for child in children { fillFolded(child) }
  }

  /// The value of a literal, or of a list or map of them.
  static func constantValue(_ expr: CELExpr) -> CELValue? {
    switch expr.kind {
    case .literal(let value):
      return value
    case .list(let items):
      var values: [CELValue] = []
      for item in items {
        guard let v = constantValue(item) else { return nil }
        values.append(v)
      }
      return .list(values)
    case .map(let pairs):
      var map = CELMap.Builder(capacity: pairs.count)
      for pair in pairs {
        guard let k = constantValue(pair.key), let v = constantValue(pair.value), map.insert(k, v) == .inserted else { return nil }
      }
      return .map(map.build())
    default:
      return nil
    }
  }
}
