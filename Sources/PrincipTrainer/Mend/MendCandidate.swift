import CEL
import PrincipEngine

/// One change mend may make: the change, its path parsed, and whether it needs text the
/// caseworker must write (a placeholder stands in while judging).
struct MendCandidate: Sendable, Hashable {
  var change: ProposalChange
  var path: FieldPath
  /// The value a change sets or adds, ready to put in the proposal as read.
  var value: CELValue?
  /// A free-text field: mend judges with a placeholder, the caseworker writes the text.
  var needsText: Bool

  init(_ action: ProposalChange.Action, _ path: FieldPath, _ value: CELValue, needsText: Bool = false) {
    change = ProposalChange(action, path.description, FactValue(value))
    self.path = path
    self.value = value
    self.needsText = needsText
  }

  static func == (a: Self, b: Self) -> Bool { a.change == b.change }
  func hash(into hasher: inout Hasher) { hasher.combine(change) }

  /// The proposal with this change made.
  func applied(to proposal: CELValue) -> CELValue? {
    let action = change.action
    let value = self.value
    return try? ProposalEditing.edit(proposal, path.components[...], path: path) { (old) throws(TrainerError) -> CELValue? in
      switch action {
      case .set: return value
      case .unset: return nil
      case .add:
        guard case .list(let elements)? = old else { return .list([value ?? .null]) }
        return .list(elements + [value ?? .null])
      }
    }
  }

  /// The placeholder judged in place of text the caseworker must write.
  static let placeholder = "…"
}
