import Foundation
import CEL

/// Turns one CSV cell into the JSON value of its proposal field, by the field's type in
/// the schema: numbers may use a decimal comma, dates may be written `DD-MM-YYYY` or
/// `DD.MM.YYYY`, yes/no may be Danish. The schema check that follows has the last word.
struct CellConverter: Sendable {
  let node: SchemaNode
  let split: String?
  let values: [String: CELValue]

  /// The value of a non-empty cell, or a description of the type it should have had.
  func convert(_ cell: String) -> Result<CELValue, ConversionFailure> {
    if case .array(let items, _) = node {
      // Split first: `values` translate each element (`Psykiatri,Misbrug`).
      let parts = split.map { cell.components(separatedBy: $0) } ?? [cell]
      var elements: [CELValue] = []
      for part in parts {
        let trimmed = part.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { continue }
        switch CellConverter(node: items, split: nil, values: values).convert(trimmed) {
        case .success(let value): elements.append(value)
        case .failure(let failure): return .failure(failure)
        }
      }
      return .success(.list(elements))
    }
    if let mapped = values[cell] { return .success(mapped) }
    return Self.scalar(cell, node)
  }

  /// The type a cell failed to be.
  struct ConversionFailure: Error {
    let expected: String
  }

  private static func scalar(_ cell: String, _ node: SchemaNode) -> Result<CELValue, ConversionFailure> {
    switch node {
    case .string(let rule):
      guard rule.isDate, !rule.statesNone(cell) else { return .success(.string(cell)) }
      guard let date = date(cell) else { return .failure(ConversionFailure(expected: "dato (ÅÅÅÅ-MM-DD / DD-MM-ÅÅÅÅ)")) }
      return .success(.string(date))
    case .integer:
      if let number = Int64(cell) { return .success(.int(number)) }
      if let number = Double(cell.replacingOccurrences(of: ",", with: ".")), number == number.rounded(), abs(number) < 9e15 {
        return .success(.int(Int64(number)))
      }
      return .failure(ConversionFailure(expected: "heltal / integer"))
    case .number:
      if let number = Double(cell.replacingOccurrences(of: ",", with: ".")), number.isFinite { return .success(.double(number)) }
      return .failure(ConversionFailure(expected: "tal / number"))
    case .boolean:
      switch cell.lowercased() {
      case "true", "ja", "j", "yes", "y", "1", "x", "sand": return .success(.bool(true))
      case "false", "nej", "n", "no", "0", "falsk": return .success(.bool(false))
      default: return .failure(ConversionFailure(expected: "ja/nej / yes/no"))
      }
    case .array, .object, .any:
      return .success(.string(cell))
    }
  }

  /// `YYYY-MM-DD` from `YYYY-MM-DD`, `DD-MM-YYYY`, `DD.MM.YYYY` or `DD/MM/YYYY`.
  static func date(_ cell: String) -> String? {
    if CivilDate(cell) != nil { return cell }
    let parts = cell.split(whereSeparator: { $0 == "-" || $0 == "." || $0 == "/" })
    guard parts.count == 3, parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4 else { return nil }
    let day = parts[0].count == 1 ? "0" + parts[0] : String(parts[0])
    let month = parts[1].count == 1 ? "0" + parts[1] : String(parts[1])
    let text = "\(parts[2])-\(month)-\(day)"
    return CivilDate(text) != nil ? text : nil
  }
}
