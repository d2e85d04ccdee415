import Foundation
import CEL

/// Decisions from a CSV export: one intervention a row, rows grouped into decisions by
/// the column mapped to `case_id`, cells turned into proposal fields by the column mapping.
///
/// A case's rows must stand together (exports sorted by case): a case that appears again
/// after another case is an error row, so no decision is silently split in two. The
/// case ids already finished are kept for that check, so memory grows with the number of
/// cases in a CSV input (not with JSON Lines).
final class CSVDecisionReader {
  private struct CompiledColumn {
    let index: Int
    let header: String
    let target: MappingTarget
    let converter: CellConverter
  }

  private let rows: CSVRowReader
  private let file: String
  private let columns: [CompiledColumn]
  private let caseColumn: CompiledColumn
  private let constants: [(target: MappingTarget, value: CELValue)]
  private let headerCount: Int
  private var group: (caseID: String, line: Int, rows: [CSVRowReader.Row])?
  private var finished: [String: Int] = [:]
  private var lastBytes = 0

  /// Reads the header and matches it with the mapping.
  init(source: ByteSource, mapping: ColumnMapping, schema: ProposalSchema) throws(AuditError) {
    file = source.display
    rows = CSVRowReader(source: source, delimiter: mapping.delimiter)
    guard let header = try rows.next() else { throw .input(.unusableFile(file: file, problem: .empty)) }
    headerCount = header.fields.count
    let headers = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
    var compiled: [CompiledColumn] = []
    for column in mapping.columns {
      guard let index = headers.firstIndex(of: column.header) else {
        throw .missingColumn(file: file, column: column.header, suggestion: Suggestion.closest(to: column.header, among: headers))
      }
      guard let node = schema.node(at: column.target.schemaPath) else {
        throw .invalidMapping(column.location, detail: LocalizedText(
          da: "forslagsskemaet har intet felt '\(column.target)'", en: "the proposal schema has no field '\(column.target)'"))
      }
      compiled.append(CompiledColumn(
        index: index, header: column.header, target: column.target,
        converter: CellConverter(node: node, split: column.split, values: column.values)))
    }
    guard let caseColumn = compiled.first(where: { $0.target.components == [.field("case_id")] && !$0.target.perIntervention }) else {
      throw .invalidMapping(SourceLocation(file: mapping.file), detail: LocalizedText(
        da: "ingen kolonne er knyttet til case_id; den samler rækkerne til afgørelser", en: "no column is mapped to case_id; it groups the rows into decisions"))
    }
    columns = compiled
    self.caseColumn = caseColumn
    constants = mapping.constants
  }

  var bytesRead: Int { rows.bytesRead }

  /// The decisions of about the next `targetBytes` of input; `nil` at the end.
  func next(targetBytes: Int) throws(AuditError) -> [AssembledDecision]? {
    var decisions: [AssembledDecision] = []
    while bytesRead - lastBytes < targetBytes || decisions.isEmpty {
      guard let row = try rows.next() else {
        if let done = finishGroup() { decisions.append(done) }
        break
      }
      let caseID = row.fields.indices.contains(caseColumn.index) ? row.fields[caseColumn.index].trimmingCharacters(in: .whitespaces) : ""
      if caseID.isEmpty || row.problem != nil {
        if let done = finishGroup() { decisions.append(done) }
        let problem: AuditRecordError.Problem = row.problem.map { .malformedCSV(detail: $0) } ?? .missingCaseID(column: caseColumn.header)
        decisions.append(AssembledDecision(location: location(row.line), value: .failure(AuditRecordError(location: location(row.line), problem: problem))))
        continue
      }
      if group?.caseID == caseID {
        group?.rows.append(row)
      } else {
        if let done = finishGroup() { decisions.append(done) }
        group = (caseID, row.line, [row])
      }
    }
    lastBytes = bytesRead
    return decisions.isEmpty ? nil : decisions
  }

  private func location(_ line: Int) -> SourceLocation { SourceLocation(file: file, line: line) }

  private func finishGroup() -> AssembledDecision? {
    guard let (caseID, line, groupRows) = group else { return nil }
    group = nil
    let at = location(line)
    if let firstLine = finished[caseID] {
      return AssembledDecision(location: at, value: .failure(AuditRecordError(location: at, caseID: caseID, problem: .caseSplit(firstLine: firstLine))))
    }
    finished[caseID] = line
    return AssembledDecision(location: at, value: assemble(caseID: caseID, groupRows))
  }

  private func assemble(caseID: String, _ groupRows: [CSVRowReader.Row]) -> Result<CELValue, AuditRecordError> {
    var draft = ProposalDraft()
    for row in groupRows {
      guard row.fields.count == headerCount else {
        return .failure(AuditRecordError(location: location(row.line), caseID: caseID, problem: .malformedCSV(detail: LocalizedText(
          da: "rækken har \(row.fields.count) felter, overskriften \(headerCount)", en: "the row has \(row.fields.count) fields, the header \(headerCount)"))))
      }
      var intervention = ProposalDraft()
      for column in columns {
        let cell = row.fields[column.index].trimmingCharacters(in: .whitespaces)
        guard !cell.isEmpty else { continue }
        if !column.target.perIntervention && draft.has(column.target.components) { continue }
        switch column.converter.convert(cell) {
        case .failure(let failure):
          return .failure(AuditRecordError(location: location(row.line), caseID: caseID, problem: .unconvertibleCell(
            column: column.header, value: cell, expected: failure.expected)))
        case .success(let value):
          if column.target.perIntervention {
            intervention.setIfAbsent(column.target.components, value)
          } else {
            draft.setIfAbsent(column.target.components, value)
          }
        }
      }
      if !intervention.isEmpty { draft.appendIntervention(intervention) }
    }
    for (target, value) in constants { draft.setIfAbsent(target.components, value) }
    return .success(draft.value)
  }
}
