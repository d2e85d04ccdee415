/// The runtime type of a CEL value; itself a value of type `type`.
public enum CELValueType: String, Sendable, Hashable, CaseIterable {
  case null = "null_type"
  case bool
  case int
  case uint
  case double
  case string
  case bytes
  case list
  case map
  case timestamp
  case duration
  case type

  /// The short name: `int`, `timestamp`, `null_type`, ….
  public var shortName: String { rawValue }

  /// The name a CEL program uses for the type, e.g. `google.protobuf.Timestamp`.
  public var celName: String {
    switch self {
    case .timestamp: "google.protobuf.Timestamp"
    case .duration: "google.protobuf.Duration"
    default: rawValue
    }
  }

  /// The type named by an identifier in a CEL program (`int`, `null_type`,
  /// `google.protobuf.Timestamp`, …), or nil.
  ///
  /// `dyn` is deliberately absent: it denotes no runtime type.
  public init?(celName: String) {
    guard let type = CELValueType.byCELName[celName] else { return nil }
    self = type
  }

  /// The types by ``celName``: one hash lookup, as the compiler asks about every
  /// identifier (a chain of string comparisons cost ~2,000 instructions).
  private static let byCELName = Dictionary(uniqueKeysWithValues: allCases.map { ($0.celName, $0) })
}
