/// What expressions may read of a value bound to a variable: which fields, and of those
/// what, down to where the value may be read in full. Used to leave unread parts of a
/// large input unbuilt; it errs on the side of reading more, never less.
///
/// Two usages compare equal when they mean the same: once ``isWhole`` is true, the other
/// properties are ignored.
public struct CELFieldUsage: Sendable, Equatable {
  /// The value may be read in full: compared, passed to a function, used as an index key,
  /// converted, returned …
  public var isWhole: Bool
  /// If the value is a map: any key may be read (it is iterated by a macro, sized, or
  /// indexed by a computed key). A map read like this must be kept whole.
  public var readsAnyKey: Bool
  /// Fields selected on the value (`v.f`, `v["f"]` with a string literal, `has(v.f)`), and
  /// what is read of each.
  public var fields: [String: CELFieldUsage]
  /// If the value is a list: what is read of its elements (iterated by a macro, or
  /// indexed); nil when no element is read.
  public var elements: CELFieldUsage? {
    get { storedElements.first }
    set { storedElements = newValue.map { [$0] } ?? [] }
  }
  // An array of 0 or 1 items, as a struct cannot hold itself directly.
  private var storedElements: [CELFieldUsage]

  /// A usage; `isWhole` makes the other arguments irrelevant, and they are dropped.
  public init(
    isWhole: Bool = false, readsAnyKey: Bool = false, fields: [String: CELFieldUsage] = [:], elements: CELFieldUsage? = nil
  ) {
    self.isWhole = isWhole
    self.readsAnyKey = isWhole ? false : readsAnyKey
    self.fields = isWhole ? [:] : fields
    storedElements = isWhole ? [] : elements.map { [$0] } ?? []
  }

  /// Nothing read beyond the value's presence.
  public static let presence = CELFieldUsage()
  /// Everything read.
  public static let whole = CELFieldUsage(isWhole: true)

  /// Everything either reads.
  public mutating func formUnion(_ other: CELFieldUsage) {
    if isWhole || other.isWhole {
      self = .whole
      return
    }
    readsAnyKey = readsAnyKey || other.readsAnyKey
    fields.merge(other.fields) { a, b in
      var u = a
      u.formUnion(b)
      return u
    }
    if let b = other.elements {
      var u = elements ?? .presence
      u.formUnion(b)
      elements = u
    }
  }

  public static func == (a: CELFieldUsage, b: CELFieldUsage) -> Bool {
    if a.isWhole || b.isWhole { return a.isWhole == b.isWhole }
    return a.readsAnyKey == b.readsAnyKey && a.fields == b.fields && a.storedElements == b.storedElements
  }

  /// Per free variable of `expressions` (identifiers not bound by a comprehension), what
  /// the expressions may read of it. A variable that is never mentioned is absent.
  public static func ofVariables(in expressions: [CELExpr]) -> [String: CELFieldUsage] {
    let walk = FieldUsageWalk()
    for e in expressions { walk.use(e) }
    return walk.roots.mapValues(\.usage)
  }
}

extension CELFieldUsage: CustomStringConvertible {
  /// A compact form, `{anyKey, a: whole, b: {}, []: {x: whole}}`, for test failures.
  public var description: String {
    if isWhole { return "whole" }
    var parts = readsAnyKey ? ["anyKey"] : []
    parts += fields.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
    if let e = elements { parts.append("[]: \(e)") }
    return "{" + parts.joined(separator: ", ") + "}"
  }
}

/// What is read of one value while walking: a mutable tree, shared by every name bound
/// to the value.
private final class UsageNode {
  var isWhole = false
  var readsAnyKey = false
  var fields: [String: UsageNode] = [:]
  var elements: UsageNode?

  func field(_ name: String) -> UsageNode {
    if let f = fields[name] { return f }
    let f = UsageNode()
    fields[name] = f
    return f
  }

  func element() -> UsageNode {
    if let e = elements { return e }
    let e = UsageNode()
    elements = e
    return e
  }

  var usage: CELFieldUsage {
    if isWhole { return .whole }
    return CELFieldUsage(readsAnyKey: readsAnyKey, fields: fields.mapValues(\.usage), elements: elements?.usage)
  }
}

/// The walk behind ``CELFieldUsage/ofVariables(in:)``.
private final class FieldUsageWalk {
  var roots: [String: UsageNode] = [:]
  /// Comprehension variables in scope.
  private var scope: [String: UsageNode] = [:]

  /// Analyses `e` as read in full.
  func use(_ e: CELExpr) {
    path(e)?.isWhole = true
  }

  /// The node of the value `e` stands for, if `e` is a path into a variable (an identifier,
  /// a select or index chain, a `filter`); else nil, after analysing `e`.
  private func path(_ e: CELExpr) -> UsageNode? {
    switch e.kind {
    case .literal:
      return nil
    case .identifier(let name):
      if let bound = scope[name] { return bound }
      if CELValueType(celName: name) != nil { return nil }
      if let root = roots[name] { return root }
      let root = UsageNode()
      roots[name] = root
      return root
    case .select(let operand, let field):
      // A qualified type name such as `google.protobuf.Timestamp` is a constant, as for the compiler.
      if let name = e.qualifiedName, CELValueType(celName: name) != nil { return nil }
      return path(operand)?.field(field)
    case .presenceTest(let operand, let field):
      _ = path(operand)?.field(field)
      return nil
    case .call("_[_]", nil, let args) where args.count == 2:
      let container = path(args[0])
      if case .literal(.string(let key)) = args[1].kind { return container?.field(key) }
      // Any other key may pick any entry of a map; an int key may index a list or a map.
      container?.readsAnyKey = true
      use(args[1])
      return container?.element()
    case .call("size", let target, let args) where target == nil ? args.count == 1 : args.isEmpty:
      path(target ?? args[0])?.readsAnyKey = true
      return nil
    case .call(_, let target, let args):
      if let target { use(target) }
      for a in args { use(a) }
      return nil
    case .list(let items):
      for item in items { use(item) }
      return nil
    case .map(let entries):
      for entry in entries {
        use(entry.key)
        use(entry.value)
      }
      return nil
    case .message(_, let fields):
      for f in fields { use(f.value) }
      return nil
    case .comprehension(let c):
      let range = path(c.range)
      // A map is iterated by its keys, so any key is read.
      range?.readsAnyKey = true
      let saved = scope[c.variable]
      scope[c.variable] = range?.element() ?? UsageNode()
      if let filter = c.filter { use(filter) }
      use(c.body)
      scope[c.variable] = saved
      // `filter` gives some of the range's elements, so it stands for the range.
      return c.macro == .filter ? range : nil
    }
  }
}
