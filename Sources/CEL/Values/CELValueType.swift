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
    switch celName {
    case "google.protobuf.Timestamp": self = .timestamp
    case "google.protobuf.Duration": self = .duration
    case "timestamp", "duration": return nil
    default:
      guard let t = CELValueType(rawValue: celName) else { return nil }
      self = t
    }
  }
}
