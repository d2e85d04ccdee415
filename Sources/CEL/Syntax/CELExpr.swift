/// A node of a parsed CEL expression.
///
/// Operators are calls of their CEL function names: `_+_`, `_==_`, `_&&_`, `_||_`,
/// `_?_:_`, `!_`, `-_`, `_[_]` (indexing) and `@in`. The macros `all`, `exists`,
/// `exists_one`, `map` and `filter` become ``CELComprehension`` nodes, and `has(e.f)` a
/// ``Kind/presenceTest(_:field:)``.
public struct CELExpr: Sendable {
  /// A number unique within the expression, in parse order.
  public let id: Int
  /// Where the node starts in the source (for a call or operator, where its name or
  /// operator symbol is).
  public let location: CELSourceLocation
  /// Where the node's text starts: its leftmost token, e.g. `a` in `a + b` (whose
  /// ``location`` is the `+`).
  public let start: CELSourceLocation
  /// Where the node's text ends: just after its last token.
  public let end: CELSourceLocation
  /// What the node is.
  public let kind: Kind
  /// The height of the tree under this node, leaves being 1.
  let height: Int

  /// The kinds of expression node.
  public indirect enum Kind: Sendable {
    /// A literal: `1`, `2u`, `3.0`, `"s"`, `b"b"`, `true`, `null`.
    case literal(CELValue)
    /// A name: a variable, an iteration variable, or a type such as `int`.
    case identifier(String)
    /// Field selection `operand.field`.
    case select(CELExpr, field: String)
    /// `has(operand.field)`: whether the field is present.
    case presenceTest(CELExpr, field: String)
    /// A function call `function(arguments)` or `target.function(arguments)`.
    case call(function: String, target: CELExpr?, arguments: [CELExpr])
    /// A list literal.
    case list([CELExpr])
    /// A map literal.
    case map([CELMapEntryExpr])
    /// A message construction `Type{field: value}`; CEL without protobuf types rejects it
    /// at evaluation.
    case message(typeName: String, fields: [CELFieldInitExpr])
    /// A macro over a list or map.
    case comprehension(CELComprehension)
  }

  init(id: Int, location: CELSourceLocation, kind: Kind, start: CELSourceLocation, end: CELSourceLocation) {
    self.id = id
    self.location = location
    self.kind = kind
    self.start = start
    self.end = end
    var h = 0
    switch kind {
    case .literal, .identifier: h = 0
    case .select(let e, _), .presenceTest(let e, _): h = e.height
    case .call(_, let target, let args):
      h = max(target?.height ?? 0, args.map(\.height).max() ?? 0)
    case .list(let items): h = items.map(\.height).max() ?? 0
    case .map(let entries): h = entries.map { max($0.key.height, $0.value.height) }.max() ?? 0
    case .message(_, let fields): h = fields.map(\.value.height).max() ?? 0
    case .comprehension(let c):
      h = max(c.range.height, c.body.height, c.filter?.height ?? 0)
    }
    height = h + 1
  }

  /// The same node, spanning the given text (its parentheses).
  func spanning(start: CELSourceLocation, end: CELSourceLocation) -> CELExpr {
    CELExpr(id: id, location: location, kind: kind, start: start, end: end)
  }

  /// The byte offsets of the node's text in the UTF-8 source (parentheses around the
  /// node included); ``CELProgram/source(of:)`` gives the text.
  public var range: Range<Int> { start.offset..<end.offset }

  /// Calls `body` on each direct sub-expression of a node of this kind.
  static func forEachChild(of kind: Kind, _ body: (CELExpr) -> Void) {
    switch kind {
    case .literal, .identifier: break
    case .select(let e, _), .presenceTest(let e, _): body(e)
    case .call(_, let target, let args):
      if let target { body(target) }
      args.forEach(body)
    case .list(let items): items.forEach(body)
    case .map(let entries):
      for entry in entries {
        body(entry.key)
        body(entry.value)
      }
    case .message(_, let fields): fields.forEach { body($0.value) }
    case .comprehension(let c):
      body(c.range)
      if let f = c.filter { body(f) }
      body(c.body)
    }
  }

  /// The direct sub-expressions, in source order.
  public var children: [CELExpr] {
    switch kind {
    case .literal, .identifier: []
    case .select(let e, _), .presenceTest(let e, _): [e]
    case .call(_, let target, let args): (target.map { [$0] } ?? []) + args
    case .list(let items): items
    case .map(let entries): entries.flatMap { [$0.key, $0.value] }
    case .message(_, let fields): fields.map(\.value)
    case .comprehension(let c): [c.range] + (c.filter.map { [$0] } ?? []) + [c.body]
    }
  }

  /// Calls `visit` on this node and every node below it, parents before children.
  public func walk(_ visit: (CELExpr) throws -> Void) rethrows {
    try visit(self)
    for child in children { try child.walk(visit) }
  }

  /// The dotted name this node spells when it is an identifier or a chain of field
  /// selections on one (`proposal.citizen.age`), else nil.
  public var qualifiedName: String? {
    switch kind {
    case .identifier(let name): name
    case .select(let operand, let field): operand.qualifiedName.map { "\($0).\(field)" }
    default: nil
    }
  }
}

/// One `key: value` entry of a map literal.
public struct CELMapEntryExpr: Sendable {
  /// The key expression.
  public let key: CELExpr
  /// The value expression.
  public let value: CELExpr
}

/// One `field: value` initialiser of a message construction.
public struct CELFieldInitExpr: Sendable {
  /// The field name.
  public let field: String
  /// The value expression.
  public let value: CELExpr
}
