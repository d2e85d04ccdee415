extension PrincipError {
  /// The error placed at `location` when it has no place of its own: an unknown pack or
  /// no version in force, found after the proposal was read (a JSON Lines record's line).
  public func placed(at location: SourceLocation) -> PrincipError {
    switch self {
    case .unknownPack(let name, let available, nil): .unknownPack(name, available: available, at: location)
    case .noPackInForce(let pack, let date, let periods, nil): .noPackInForce(pack: pack, date: date, periods: periods, at: location)
    default: self
    }
  }

  /// The error placed at the value in the proposal `document` that chose the pack: its
  /// `municipality` for an unknown pack, its `decision_date` for no version in force.
  /// Errors with a finer place, or of another kind, are returned as they are.
  public func placed(in document: YAMLDocument) -> PrincipError {
    func place(_ field: String) -> SourceLocation {
      document.location(of: document.node(at: FieldPath([.field(field)])))
    }
    switch self {
    case .unknownPack(let name, let available, let location) where Self.isCoarse(location, in: document):
      return .unknownPack(name, available: available, at: place(ProposalReader.packField))
    case .noPackInForce(let pack, let date, let periods, let location) where Self.isCoarse(location, in: document):
      return .noPackInForce(pack: pack, date: date, periods: periods, at: place(ProposalReader.dateField))
    default:
      return self
    }
  }

  private static func isCoarse(_ location: SourceLocation?, in document: YAMLDocument) -> Bool {
    location.map { $0.file == document.file && $0.line == 0 } ?? true
  }
}
