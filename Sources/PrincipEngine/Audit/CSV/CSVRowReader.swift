/// Rows of a CSV input (RFC 4180): quoted fields may hold the delimiter, doubled quotes
/// and line breaks. Reads the input in chunks; line numbers count physical lines. A row
/// longer than ``AuditOptions/maxRecordBytes`` stops the reading.
final class CSVRowReader {
  /// One row: the line it starts on, its fields, and what was wrong with it, if anything.
  struct Row {
    var line: Int
    var fields: [String]
    var problem: LocalizedText?
  }

  private let source: ByteSource
  private let delimiter: UInt8
  private var buffer: [UInt8] = []
  private var position = 0
  private var atEnd = false
  private var line = 1
  private var first = true
  static let chunkBytes = 256 << 10

  init(source: ByteSource, delimiter: UInt8) {
    self.source = source
    self.delimiter = delimiter
  }

  var bytesRead: Int { source.bytesRead }

  private enum State { case fieldStart, unquoted, quoted, afterQuote }

  /// The next row that is not blank; `nil` at the end.
  func next() throws(AuditError) -> Row? {
    while true {
      guard let row = try nextRaw() else { return nil }
      if row.fields.count == 1 && row.fields[0].isEmpty && row.problem == nil { continue }
      return row
    }
  }

  private func byte() throws(AuditError) -> UInt8? {
    if position == buffer.count {
      guard !atEnd else { return nil }
      buffer.removeAll(keepingCapacity: true)
      position = 0
      if try source.read(appendingTo: &buffer, count: Self.chunkBytes) == 0 {
        atEnd = true
        return nil
      }
      if first {
        first = false
        if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        if position == buffer.count { return try byte() }
      }
    }
    defer { position += 1 }
    return buffer[position]
  }

  private func nextRaw() throws(AuditError) -> Row? {
    var fields: [String] = []
    var field: [UInt8] = []
    var state = State.fieldStart
    var problem: LocalizedText?
    let start = line
    var sawAnything = false
    var rowBytes = 0
    func endField() {
      let text = String(decoding: field, as: UTF8.self)
      if text.utf8.count != field.count, problem == nil {
        problem = LocalizedText(da: "feltet \(fields.count + 1) er ikke UTF-8", en: "field \(fields.count + 1) is not UTF-8")
      }
      fields.append(text)
      field.removeAll(keepingCapacity: true)
    }
    while let byte = try byte() {
      sawAnything = true
      rowBytes += 1
      // A row that never ends (an unclosed quote, endless input) stops the reading.
      if rowBytes > AuditOptions.maxRecordBytes {
        throw .recordTooLong(SourceLocation(file: source.display, line: start), limit: AuditOptions.maxRecordBytes)
      }
      switch state {
      case .fieldStart, .unquoted:
        if byte == UInt8(ascii: "\"") && state == .fieldStart {
          state = .quoted
        } else if byte == delimiter {
          endField()
          state = .fieldStart
        } else if byte == 0x0A {
          line += 1
          endField()
          return Row(line: start, fields: fields, problem: problem)
        } else if byte != 0x0D {
          field.append(byte)
          state = .unquoted
        }
      case .quoted:
        if byte == UInt8(ascii: "\"") {
          state = .afterQuote
        } else {
          if byte == 0x0A { line += 1 }
          field.append(byte)
        }
      case .afterQuote:
        if byte == UInt8(ascii: "\"") {
          field.append(byte)
          state = .quoted
        } else if byte == delimiter {
          endField()
          state = .fieldStart
        } else if byte == 0x0A {
          line += 1
          endField()
          return Row(line: start, fields: fields, problem: problem)
        } else if byte != 0x0D {
          if problem == nil {
            problem = LocalizedText(da: "tegn efter et afsluttende anførselstegn i felt \(fields.count + 1)", en: "text after a closing quote in field \(fields.count + 1)")
          }
          field.append(byte)
          state = .unquoted
        }
      }
    }
    guard sawAnything else { return nil }
    if state == .quoted, problem == nil {
      problem = LocalizedText(da: "et anførselstegn i felt \(fields.count + 1) lukkes aldrig", en: "a quote in field \(fields.count + 1) is never closed")
    }
    endField()
    return Row(line: start, fields: fields, problem: problem)
  }
}
