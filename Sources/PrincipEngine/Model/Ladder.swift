import CEL

/// The intervention ladder (`Rules/ladder.yaml`): each kind's paragraph, intrusiveness
/// level and category, shared by every pack and visible to rules as `ladder`.
public struct Ladder: Sendable {
  public struct Step: Sendable, Hashable {
    public var kind: String
    public var title: LocalizedText
    public var paragraph: String?
    public var level: Int
    public var category: String
    public var specialised: Bool
  }

  /// Steps in file order.
  public var steps: [Step]
  /// The ladder as rules see it: `ladder[kind].level`, `.category`, `.specialised`,
  /// `.paragraph` and `.title.da` / `.title.en`.
  public var value: CELValue

  init(steps: [Step]) {
    self.steps = steps
    var builder = CELMap.Builder(capacity: steps.count)
    for step in steps {
      let entry: CELValue = [
        "title": ["da": .string(step.title.da), "en": .string(step.title.en)],
        "paragraph": step.paragraph.map(CELValue.string) ?? .null,
        "level": .int(Int64(step.level)),
        "category": .string(step.category),
        "specialised": .bool(step.specialised),
      ]
      builder.set(.string(step.kind), entry)
    }
    self.value = .map(builder.build())
  }

  public func step(_ kind: String) -> Step? {
    steps.first { $0.kind == kind }
  }
}
