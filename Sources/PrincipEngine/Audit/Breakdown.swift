import CEL

/// What an audit's table is broken down by (`--by`).
public enum Breakdown: Sendable, Hashable, CustomStringConvertible {
  /// `metadata.team`
  case team
  case month
  case quarter
  case year
  /// Each proposed intervention's kind: a decision counts under each kind it proposes.
  case intervention
  /// Each proposed intervention's provider.
  case provider
  case municipality
  /// Any field of the decision, as a dotted path (`metadata.district`,
  /// `decision.outcome`, `citizen.living_situation`); list elements are stepped through.
  case field([String])

  /// Reads `team`, `month`, …, or a dotted field path.
  public init?(_ text: String) {
    switch text {
    case "team": self = .team
    case "month": self = .month
    case "quarter": self = .quarter
    case "year": self = .year
    case "intervention": self = .intervention
    case "provider": self = .provider
    case "municipality": self = .municipality
    default:
      let path = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
      guard !path.isEmpty, path.allSatisfy({ !$0.isEmpty }) else { return nil }
      self = .field(path)
    }
  }

  public var description: String {
    switch self {
    case .team: "team"
    case .month: "month"
    case .quarter: "quarter"
    case .year: "year"
    case .intervention: "intervention"
    case .provider: "provider"
    case .municipality: "municipality"
    case .field(let path): path.joined(separator: ".")
    }
  }

  /// The field path the breakdown reads, for checking it against the schema.
  public var fieldPath: [String]? {
    switch self {
    case .team: ["metadata", "team"]
    case .intervention: ["interventions", "kind"]
    case .provider: ["interventions", "provider"]
    case .municipality: ["municipality"]
    case .field(let path): path
    case .month, .quarter, .year: nil
    }
  }

  /// What ``groups(of:date:)`` reads of a proposal of `schema`: the field path, list
  /// elements stepped through; the decision date is read in any case.
  func fieldsRead(in schema: ProposalSchema) -> CELFieldUsage {
    func usage(_ path: ArraySlice<String>, _ node: SchemaNode) -> CELFieldUsage {
      if case .array(let items, _) = node { return CELFieldUsage(readsAnyKey: true, elements: usage(path, items)) }
      guard let name = path.first else { return .whole }
      guard case .object(let rule) = node, let field = rule.field(name) else { return .whole }
      return CELFieldUsage(fields: [name: usage(path.dropFirst(), field)])
    }
    guard let path = fieldPath else { return .presence }
    return usage(path[...], schema.root)
  }

  /// The group key for a decision with no value for the field.
  public static let unknownKey = "–"

  /// The groups a validated proposal falls in, in order of first appearance, no repeats.
  func groups(of proposal: CELValue, date: CivilDate) -> [String] {
    switch self {
    case .month: return [Self.month(date)]
    case .quarter: return ["\(date.year)-Q\((date.month - 1) / 3 + 1)"]
    case .year: return [String(date.year)]
    default:
      var keys: [String] = []
      Self.collect(proposal, path: fieldPath?[...] ?? [], into: &keys)
      return keys.isEmpty ? [Self.unknownKey] : keys
    }
  }

  /// `2024-03`
  static func month(_ date: CivilDate) -> String { month(year: date.year, month: date.month) }

  static func month(year: Int, month: Int) -> String {
    month < 10 ? "\(year)-0\(month)" : "\(year)-\(month)"
  }

  private static func collect(_ value: CELValue, path: ArraySlice<String>, into keys: inout [String]) {
    if case .list(let elements) = value {
      for element in elements { collect(element, path: path, into: &keys) }
      return
    }
    guard let field = path.first else {
      if let key = key(value), !keys.contains(key) { keys.append(key) }
      return
    }
    guard let next = value[field] else { return }
    collect(next, path: path.dropFirst(), into: &keys)
  }

  private static func key(_ value: CELValue) -> String? {
    switch value {
    case .string(let text): text.isEmpty ? nil : text
    case .bool(let flag): flag ? "true" : "false"
    case .int(let number): String(number)
    case .uint(let number): String(number)
    case .double(let number): number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    case .timestamp(let time): String(time.description.prefix(10))
    default: nil
    }
  }
}
