import CEL
import Foundation

/// Reads proposal files (YAML or JSON) and checks them against the schema, so that every
/// problem is reported with the file, line and column and nothing reaches the rules unchecked.
public struct ProposalReader: Sendable {
  public let schema: ProposalSchema

  public init(schema: ProposalSchema) {
    self.schema = schema
  }

  /// Reads, parses and validates the proposal file at `path` (`-` for standard input).
  public func read(path: String) throws(PrincipError) -> CELValue {
    try read(text: InputText.read(path: path), file: path)
  }

  /// Parses and validates proposal text. JSON is read as YAML, of which it is a subset.
  public func read(text: String, file: String) throws(PrincipError) -> CELValue {
    let document = try YAMLDocument(text: text, file: file)
    let raw = try document.value()
    switch schema.validate(raw) {
    case .success(let proposal):
      return proposal
    case .failure(let violation):
      throw .invalidProposal(document.location(of: document.node(at: violation.path)), field: violation.path.description, problem: violation.problem)
    }
  }

  /// Validates a value parsed elsewhere (a JSON Lines record); errors name the field path.
  public func validate(_ value: CELValue, record: SourceLocation) throws(PrincipError) -> CELValue {
    switch schema.validate(value) {
    case .success(let proposal): return proposal
    case .failure(let violation): throw .invalidProposal(record, field: violation.path.description, problem: violation.problem)
    }
  }

  /// The field naming the pack (the municipality) that judges a proposal.
  public static let packField = "municipality"
  /// The field holding the date of the decision, which picks the pack's version.
  public static let dateField = "decision_date"

  /// The pack name and decision date a validated proposal names.
  public static func packAndDate(of proposal: CELValue) -> (pack: String, date: CivilDate)? {
    guard let pack = proposal[packField]?.stringValue, case .timestamp(let time)? = proposal[dateField] else { return nil }
    let days = Int((Double(time.seconds) / 86_400).rounded(.down))
    return (pack, CivilDate(daysSinceEpoch: days))
  }
}
