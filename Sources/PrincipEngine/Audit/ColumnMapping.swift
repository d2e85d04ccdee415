import CEL
import Yams

/// How a case system's export becomes princip decisions: which CSV column (or JSON
/// field) holds which proposal field, how coded values translate, and constants.
///
/// ```yaml
/// delimiter: ";"
/// columns:
///   Sagsnr: case_id                     # the column mapped to case_id groups rows into decisions
///   Afgørelsesdato: decision_date       # YYYY-MM-DD, DD-MM-YYYY or DD.MM.YYYY
///   Team: metadata.team
///   Ønsker: { field: citizen.wishes, split: "|" }
///   Ydelse: { field: interventions.kind, values: { "SEL §85": sel_85 } }   # one intervention a row
/// constants:
///   municipality: halsnaes
/// ```
///
/// For JSON Lines the mapping renames top-level fields and adds constants, so an export
/// with `id` instead of `case_id` needs no conversion step.
public struct ColumnMapping: Sendable {
  /// One column and the proposal field it fills.
  public struct Column: Sendable {
    public var header: String
    public var target: MappingTarget
    /// For list fields: the separator between the elements in one cell.
    public var split: String?
    /// Cell texts and the values they stand for (`Ja: true`, `"SEL §85": sel_85`).
    public var values: [String: CELValue]
    public var location: SourceLocation
  }

  public var columns: [Column]
  public var constants: [(target: MappingTarget, value: CELValue)]
  /// The CSV field separator; `,` unless the mapping says otherwise.
  public var delimiter: UInt8
  public var file: String
  /// Top-level renames for JSON records: source name → field name.
  let renames: [String: String]

  /// Reads a mapping file.
  public static func read(path: String) throws(AuditError) -> ColumnMapping {
    let text: String
    do { text = try InputText.read(path: path) } catch { throw .input(error) }
    return try ColumnMapping(yaml: text, file: path)
  }

  /// Parses mapping text.
  public init(yaml text: String, file: String) throws(AuditError) {
    let document: YAMLDocument
    do { document = try YAMLDocument(text: text, file: file) } catch {
      let place = error.location ?? SourceLocation(file: file)
      func withoutPlace(_ text: String) -> String {
        text.hasPrefix("\(place): ") ? String(text.dropFirst("\(place): ".count)) : text
      }
      throw .invalidMapping(place, detail: LocalizedText(da: withoutPlace(error.message(in: .da)), en: withoutPlace(error.message(in: .en))))
    }
    var reader = NodeReader(document: document)
    func fail() -> AuditError {
      let first = reader.diagnostics.first { $0.level == .error }
      return .invalidMapping(first?.location ?? SourceLocation(file: file), detail: first?.message ?? LocalizedText(da: "ugyldig", en: "invalid"))
    }
    guard let fields = reader.fields(document.root, "mapping", allowed: ["columns", "constants", "delimiter"], required: ["columns"]),
      case .mapping(let columnNodes)? = fields["columns"]
    else { throw fail() }
    var delimiter = UInt8(ascii: ",")
    if let node = fields["delimiter"] {
      let text = node.string ?? ""
      guard text.utf8.count == 1, let byte = text.utf8.first else {
        throw .invalidMapping(document.location(of: node), detail: LocalizedText(da: "delimiter skal være ét tegn, fx \";\"", en: "delimiter must be one character, e.g. \";\""))
      }
      delimiter = byte
    }
    var columns: [Column] = []
    for (key, node) in columnNodes {
      let location = document.location(of: key)
      guard let header = key.string, !header.isEmpty else { throw .invalidMapping(location, detail: LocalizedText(da: "tom kolonneoverskrift", en: "empty column header")) }
      let targetText: String?
      var split: String?
      var values: [String: CELValue] = [:]
      if case .mapping = node {
        guard let spec = reader.fields(node, "columns.\(header)", allowed: ["field", "split", "values"], required: ["field"]) else { throw fail() }
        targetText = spec["field"]?.string
        split = spec["split"]?.string
        if case .mapping(let pairs)? = spec["values"] {
          var budget = YAMLDocument.nodeLimit
          for (code, value) in pairs {
            guard let codeText = code.string else { continue }
            do { values[codeText] = try YAMLDocument.value(of: value, budget: &budget, file: file) } catch { throw fail() }
          }
        }
      } else {
        targetText = node.string
      }
      guard let targetText, let target = MappingTarget(targetText) else {
        throw .invalidMapping(location, detail: LocalizedText(
          da: "kolonnen '\(header)' skal pege på et felt, fx citizen.age eller interventions.kind",
          en: "column '\(header)' must name a field, e.g. citizen.age or interventions.kind"))
      }
      columns.append(Column(header: header, target: target, split: split, values: values, location: location))
    }
    var constants: [(target: MappingTarget, value: CELValue)] = []
    if case .mapping(let pairs)? = fields["constants"] {
      var budget = YAMLDocument.nodeLimit
      for (key, node) in pairs {
        guard let text = key.string, let target = MappingTarget(text), !target.perIntervention else {
          throw .invalidMapping(document.location(of: key), detail: LocalizedText(da: "en konstant skal pege på et felt for hele afgørelsen", en: "a constant must name a field of the whole decision"))
        }
        do { constants.append((target, try YAMLDocument.value(of: node, budget: &budget, file: file))) } catch { throw fail() }
      }
    }
    guard reader.diagnostics.allSatisfy({ $0.level != .error }) else { throw fail() }
    self.columns = columns
    self.constants = constants
    self.delimiter = delimiter
    self.file = file
    var renames: [String: String] = [:]
    for column in columns where column.target.components.count == 1 && !column.target.perIntervention {
      if case .field(let name) = column.target.components[0] { renames[column.header] = name }
    }
    self.renames = renames
  }

  /// A JSON record with its top-level fields renamed and the constants added (where the
  /// record has no such field).
  ///
  /// - Complexity: O(k) in the record's top-level fields.
  func renamed(_ record: CELValue) -> CELValue {
    guard case .map(let map) = record else { return record }
    var builder = CELMap.Builder(capacity: map.count + constants.count)
    for (key, value) in map.pairs {
      if case .string(let name) = key, let target = renames[name] {
        builder.set(.string(target), value)
      } else {
        builder.set(key, value)
      }
    }
    for (target, value) in constants {
      if case .field(let name)? = target.components.first, target.components.count == 1, map[.string(name)] == nil {
        builder.insert(string: name, value)
      }
    }
    return .map(builder.build())
  }
}
