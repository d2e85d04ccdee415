/// A path to a value inside a proposal: `interventions[0].provider`.
public struct FieldPath: Sendable, Hashable, CustomStringConvertible {
  /// One step: a field name or a list index.
  public enum Component: Sendable, Hashable {
    case field(String)
    case index(Int)
  }

  public var components: [Component]

  public init(_ components: [Component] = []) {
    self.components = components
  }

  /// This path extended by one step.
  public func appending(_ component: Component) -> FieldPath {
    FieldPath(components + [component])
  }

  public var description: String {
    var text = ""
    for component in components {
      switch component {
      case .field(let name): text += text.isEmpty ? name : ".\(name)"
      case .index(let index): text += "[\(index)]"
      }
    }
    return text.isEmpty ? "(rod)" : text
  }
}
