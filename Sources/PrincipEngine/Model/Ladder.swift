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

  /// The type of ``value`` for the type checker: a map from kind to entry, each field
  /// typed (`category` as one of the ladder's categories).
  public var celType: CELType

  init(steps: [Step]) {
    self.steps = steps
    var builder = CELMap.Builder(capacity: steps.count)
    for step in steps {
      var entry = CELMap.Builder(capacity: EntryField.allCases.count)
      for field in EntryField.allCases { entry.set(.string(field.rawValue), field.value(of: step)) }
      builder.set(.string(step.kind), .map(entry.build()))
    }
    self.value = .map(builder.build())
    let categories = Array(Set(steps.map(\.category))).sorted()
    let fields = EntryField.allCases.map { ($0.rawValue, $0.type(categories: categories)) }
    self.celType = .map(.string(oneOf: steps.map(\.kind)), .object(fields: Dictionary(uniqueKeysWithValues: fields)))
  }

  /// The fields of a ladder entry as rules see it: each one's value and type, defined
  /// together so that ``value`` and ``celType`` cannot disagree.
  private enum EntryField: String, CaseIterable {
    case title, paragraph, level, category, specialised

    func value(of step: Step) -> CELValue {
      switch self {
      case .title: ["da": .string(step.title.da), "en": .string(step.title.en)]
      case .paragraph: step.paragraph.map(CELValue.string) ?? .null
      case .level: .int(Int64(step.level))
      case .category: .string(step.category)
      case .specialised: .bool(step.specialised)
      }
    }

    func type(categories: [String]) -> CELType {
      switch self {
      case .title: .object(fields: ["da": .string, "en": .string])
      case .paragraph: .string
      case .level: .int
      case .category: .string(oneOf: categories)
      case .specialised: .bool
      }
    }
  }

  public func step(_ kind: String) -> Step? {
    steps.first { $0.kind == kind }
  }
}
