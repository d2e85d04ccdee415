/// The proposal field a column fills: `citizen.age`, `alternatives[0].status`, or
/// `interventions.kind` — a field of the row's own intervention.
public struct MappingTarget: Sendable, Hashable, CustomStringConvertible {
  public var components: [FieldPath.Component]
  /// `interventions.X` without an index: each row is one intervention.
  public var perIntervention: Bool
  public var description: String

  public init?(_ text: String) {
    var components: [FieldPath.Component] = []
    for part in text.split(separator: ".", omittingEmptySubsequences: false) {
      var name = Substring(part)
      var indexes: [Int] = []
      while name.hasSuffix("]"), let open = name.lastIndex(of: "[") {
        guard let index = Int(name[name.index(after: open)..<name.index(before: name.endIndex)]), index >= 0 else { return nil }
        indexes.insert(index, at: 0)
        name = name[..<open]
      }
      guard !name.isEmpty else { return nil }
      components.append(.field(String(name)))
      components += indexes.map { .index($0) }
    }
    guard !components.isEmpty else { return nil }
    if components.count > 1, components[0] == .field("interventions"), case .field = components[1] {
      perIntervention = true
    } else {
      perIntervention = false
    }
    if perIntervention { components.removeFirst() }
    self.components = components
    description = text
  }

  /// The field names along the path, for looking the field up in the schema.
  var schemaPath: [String] {
    (perIntervention ? ["interventions"] : []) + components.compactMap {
      if case .field(let name) = $0 { return name } else { return nil }
    }
  }
}
