import CEL

/// A proposal being put together field by field from CSV cells.
struct ProposalDraft {
  private indirect enum Node {
    case value(CELValue)
    case object([(String, Node)])
    case list([Node])
  }

  private var root = Node.object([])

  /// Whether the draft has a value at `path`.
  func has(_ path: [FieldPath.Component]) -> Bool {
    Self.find(root, path[...])
  }

  /// Sets the value at `path`, creating objects and list entries on the way; an existing
  /// value is kept (the first non-empty cell of a case wins).
  mutating func setIfAbsent(_ path: [FieldPath.Component], _ value: CELValue) {
    Self.set(&root, path[...], value)
  }

  /// Appends an intervention built from one row.
  mutating func appendIntervention(_ intervention: ProposalDraft) {
    guard case .object(var fields) = root else { return }
    if let index = fields.firstIndex(where: { $0.0 == "interventions" }), case .list(var items) = fields[index].1 {
      items.append(intervention.root)
      fields[index].1 = .list(items)
    } else {
      fields.append(("interventions", .list([intervention.root])))
    }
    root = .object(fields)
  }

  var isEmpty: Bool {
    if case .object(let fields) = root { return fields.isEmpty }
    return false
  }

  /// The draft as a value for the schema check.
  var value: CELValue { Self.value(root) }

  private static func value(_ node: Node) -> CELValue {
    switch node {
    case .value(let value): return value
    case .list(let items): return .list(items.map(value))
    case .object(let fields):
      var builder = CELMap.Builder(capacity: fields.count)
      for (name, child) in fields { builder.set(.string(name), value(child)) }
      return .map(builder.build())
    }
  }

  private static func find(_ node: Node, _ path: ArraySlice<FieldPath.Component>) -> Bool {
    guard let step = path.first else { return true }
    switch (step, node) {
    case (.field(let name), .object(let fields)):
      guard let child = fields.first(where: { $0.0 == name })?.1 else { return false }
      return find(child, path.dropFirst())
    case (.index(let index), .list(let items)):
      return index < items.count && find(items[index], path.dropFirst())
    default:
      return false
    }
  }

  private static func set(_ node: inout Node, _ path: ArraySlice<FieldPath.Component>, _ value: CELValue) {
    guard let step = path.first else {
      if case .value = node { return }
      if case .object(let fields) = node, !fields.isEmpty { return }
      node = .value(value)
      return
    }
    let rest = path.dropFirst()
    let empty: Node = if case .index? = rest.first { .list([]) } else { .object([]) }
    switch step {
    case .field(let name):
      guard case .object(var fields) = node else { return }
      if let index = fields.firstIndex(where: { $0.0 == name }) {
        set(&fields[index].1, rest, value)
      } else {
        var child = rest.isEmpty ? Node.object([]) : empty
        set(&child, rest, value)
        fields.append((name, child))
      }
      node = .object(fields)
    case .index(let index):
      guard case .list(var items) = node else { return }
      while items.count <= index { items.append(rest.first == nil ? .object([]) : (rest.first.map { if case .index = $0 { Node.list([]) } else { Node.object([]) } } ?? .object([]))) }
      set(&items[index], rest, value)
      node = .list(items)
    }
  }
}
