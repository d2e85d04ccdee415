/// The variables an expression is evaluated against, and how absent fields behave.
///
///     var activation = CELActivation(["proposal": proposal])
///     activation.bind("intervention", to: item, pathPrefix: "proposal.interventions[2]")
///     activation.absentFieldsAreUnknown = true
///     activation.namesUnknownPaths = false  // only whether a result is unknown matters
public struct CELActivation: Sendable {
  struct Binding: Sendable {
    /// First, so that it is stored at the start of the binding (the interpreter reads it
    /// in place through a pointer to the binding).
    var value: CELValue
    let name: String
    let hash: UInt64
    var pathPrefix: String?
  }

  private(set) var bindings: [Binding] = []
  /// Whether any variable name contains a dot (`a.b`), which qualified-name resolution
  /// must then try before field selection.
  private(set) var hasDottedNames = false

  /// When true, selecting a field that a map lacks yields an unknown whose path is the
  /// dotted path of the selection (e.g. `proposal.citizen.wishes`) instead of the
  /// standard `no such key` error. Defaults to false (standard CEL).
  public var absentFieldsAreUnknown: Bool

  /// Whether unknowns name the attribute paths they stand for (defaults to true). A
  /// caller that only needs to know that a result is unknown can set it to false:
  /// evaluation then skips building paths, and every unknown carries the one path
  /// ``CELUnknown/unnamedPath`` instead. Values, errors, and which results are unknown
  /// stay the same.
  public var namesUnknownPaths = true

  /// How many steps one evaluation may take before it ends with a
  /// ``CELError/Kind/budgetExceeded`` error (defaults to ``defaultStepBudget``).
  ///
  /// A step is one iteration of a macro (`all`, `exists`, `exists_one`, `map`,
  /// `filter`), or one element of a list, or one byte of a string, that `+` builds. An
  /// expression without macros runs each of its nodes at most once, so these are what can
  /// make an evaluation long: `l.all(a, l.all(b, l.all(c, true)))` over a list of 100
  /// takes 1,010,100 steps.
  public var stepBudget = CELActivation.defaultStepBudget

  /// The budget every activation starts with: 10,000,000 steps, a few seconds at most.
  public static let defaultStepBudget = 10_000_000

  /// An activation binding each dictionary entry as a variable.
  public init(_ variables: [String: CELValue] = [:], absentFieldsAreUnknown: Bool = false) {
    self.absentFieldsAreUnknown = absentFieldsAreUnknown
    // The common empty start (variables bound one by one) skips the sorting machinery.
    if variables.isEmpty { return }
    bindings.reserveCapacity(variables.count)
    for (name, value) in variables.sorted(by: { $0.key < $1.key }) { bind(name, to: value) }
  }

  /// Binds (or rebinds) a variable.
  /// - Parameters:
  ///   - pathPrefix: the attribute path that unknowns arising under this variable start
  ///     with, e.g. `proposal.interventions[2]` for a variable `intervention`; defaults
  ///     to the variable's name.
  public mutating func bind(_ name: String, to value: CELValue, pathPrefix: String? = nil) {
    let hash = CELMap.hash(ofString: name)
    if let i = index(of: name, hash: hash) {
      bindings[i].value = value
      bindings[i].pathPrefix = pathPrefix
      return
    }
    // Room for a few variables at once, rather than growing one binding at a time.
    if bindings.capacity == 0 { bindings.reserveCapacity(4) }
    bindings.append(Binding(value: value, name: name, hash: hash, pathPrefix: pathPrefix))
    if !hasDottedNames && CELActivation.isDotted(name) { hasDottedNames = true }
  }

  private static func isDotted(_ name: String) -> Bool {
    var name = name
    // Contiguous UTF-8 (small strings included): a byte scan, not a generic iteration.
    return name.withUTF8 { $0.contains(UInt8(ascii: ".")) }
  }

  /// Where a bound variable sits, for ``rebind(at:to:pathPrefix:)``; `nil` when unbound.
  public func position(of name: String) -> Int? {
    index(of: name, hash: CELMap.hash(ofString: name))
  }

  /// Rebinds the variable at `position` (from ``position(of:)``): what `bind` does for
  /// its name, without looking the name up again — for a variable bound to one value
  /// after another.
  public mutating func rebind(at position: Int, to value: CELValue, pathPrefix: String? = nil) {
    bindings[position].value = value
    bindings[position].pathPrefix = pathPrefix
  }

  /// The value bound to a variable.
  public subscript(name: String) -> CELValue? {
    index(of: name, hash: CELMap.hash(ofString: name)).map { bindings[$0].value }
  }

  /// The names of the bound variables, in binding order.
  public var names: [String] { bindings.map(\.name) }

  func index(of name: String, hash: UInt64) -> Int? {
    for i in bindings.indices where bindings[i].hash == hash && bindings[i].name.celEquals(name) {
      return i
    }
    return nil
  }

  /// The path prefix of the binding at `index`.
  func pathPrefix(at index: Int) -> String {
    bindings[index].pathPrefix ?? bindings[index].name
  }

  func value(at index: Int) -> CELValue { bindings[index].value }
}
