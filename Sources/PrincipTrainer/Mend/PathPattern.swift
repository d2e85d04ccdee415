import CEL
import PrincipEngine

/// A path into a proposal where a list step may stand for any element:
/// `interventions[0].provider`, `alternatives[*].status`.
struct PathPattern: Sendable, Hashable, CustomStringConvertible {
  enum Step: Sendable, Hashable {
    case field(String)
    case index(Int)
    case anyIndex
  }

  var steps: [Step]

  init(_ steps: [Step]) {
    self.steps = steps
  }

  init(_ path: FieldPath) {
    steps = path.components.map { component in
      switch component {
      case .field(let name): .field(name)
      case .index(let index): .index(index)
      }
    }
  }

  /// Whether a change at `path` can alter what this pattern reads: one is a prefix of
  /// the other, `[*]` matching any index.
  func overlaps(_ path: FieldPath) -> Bool {
    for (step, component) in zip(steps, path.components) {
      switch (step, component) {
      case (.field(let a), .field(let b)) where a == b: continue
      case (.index(let a), .index(let b)) where a == b: continue
      case (.anyIndex, .index): continue
      default: return false
      }
    }
    return true
  }

  /// Whether this pattern lies at or under `prefix` (a fixed part of the proposal).
  func isUnder(_ prefix: PathPattern) -> Bool {
    guard steps.count >= prefix.steps.count else { return false }
    for (step, fixed) in zip(steps, prefix.steps) {
      switch (step, fixed) {
      case (.field(let a), .field(let b)) where a == b: continue
      case (.index(let a), .index(let b)) where a == b: continue
      case (_, .anyIndex): continue
      default: return false
      }
    }
    return true
  }

  /// The patterns of the facts a usage reads below this one: leaves, and anything read whole.
  func reads(_ usage: CELFieldUsage) -> [PathPattern] {
    if usage.isWhole || (usage.fields.isEmpty && usage.elements == nil) { return [self] }
    var patterns: [PathPattern] = usage.readsAnyKey ? [self] : []
    for (field, inner) in usage.fields.sorted(by: { $0.key < $1.key }) {
      patterns += PathPattern(steps + [.field(field)]).reads(inner)
    }
    if let elements = usage.elements {
      patterns += PathPattern(steps + [.anyIndex]).reads(elements)
    }
    return patterns
  }

  var description: String {
    var text = ""
    for step in steps {
      switch step {
      case .field(let name): text += text.isEmpty ? name : ".\(name)"
      case .index(let index): text += "[\(index)]"
      case .anyIndex: text += "[*]"
      }
    }
    return text
  }

  /// The path of a CEL name in a rule: `proposal.plan.coherent_plan` → `plan.coherent_plan`,
  /// `intervention.format` → `interventions[i].format` for the rule's subject, an element
  /// variable of a macro → its list's `[*]`.
  static func of(_ expr: CELExpr, in scope: [String: PathPattern]) -> PathPattern? {
    switch expr.kind {
    case .identifier(let name): return scope[name]
    case .select(let operand, let field):
      return of(operand, in: scope).map { PathPattern($0.steps + [.field(field)]) }
    default: return nil
    }
  }
}
