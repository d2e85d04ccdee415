#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A run of whole lines from a JSON Lines input: one buffer, and where each line lies in it.
struct LineBatch: Sendable {
  /// One non-blank line: its bytes are `bytes[start..<end]` (without the line break).
  struct Line: Sendable {
    var start: Int
    var end: Int
    /// 1-based line number in the input.
    var number: Int
  }

  var bytes: [UInt8]
  var lines: [Line]
}

/// Cuts a JSON Lines input into batches of whole lines, reading it in large chunks.
///
/// Blank lines are not records and are skipped. A line longer than `maxLineBytes` stops
/// the reading with ``AuditError/recordTooLong(_:limit:)`` as soon as that many bytes
/// have come without a line break: one runaway line cannot exhaust memory, and an input
/// that never ends (`/dev/zero`) fails at once instead of being read forever.
final class JSONLinesReader {
  private let source: ByteSource
  private let maxLineBytes: Int
  /// The start of a line that the previous chunk cut off.
  private var carry: [UInt8] = []
  /// The line number of the first byte of `carry`.
  private var lineNumber = 1
  private var atEnd = false
  private var atStart = true

  init(source: ByteSource, maxLineBytes: Int = AuditOptions.maxRecordBytes) {
    self.source = source
    self.maxLineBytes = maxLineBytes
  }

  /// Bytes read so far.
  var bytesRead: Int { source.bytesRead }

  /// The next batch of about `targetBytes` of whole lines; `nil` at the end.
  ///
  /// - Complexity: O(n) in the bytes read, each byte scanned once for line breaks.
  func next(targetBytes: Int) throws(AuditError) -> LineBatch? {
    while true {
      guard !atEnd || !carry.isEmpty else { return nil }
      var buffer = carry
      carry = []
      buffer.reserveCapacity(buffer.count + targetBytes)
      // `carry` holds no line break: only the new bytes need a look.
      let scanFrom = buffer.count
      if !atEnd, try source.read(appendingTo: &buffer, count: targetBytes) == 0 { atEnd = true }
      if atStart {
        atStart = false
        if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { buffer.removeFirst(3) }
      }
      let lastNewline = buffer[min(scanFrom, buffer.count)...].lastIndex(of: 0x0A)
      let cut = atEnd ? buffer.count : (lastNewline.map { $0 + 1 } ?? 0)
      if cut == 0 {
        // No whole line yet: keep reading, unless the line has grown past the limit.
        if buffer.count > maxLineBytes { throw tooLong(at: lineNumber) }
        carry = buffer
        continue
      }
      carry = Array(buffer[cut...])
      buffer.removeSubrange(cut...)
      let batch = try split(buffer)
      if batch.lines.isEmpty && (!atEnd || !carry.isEmpty) { continue }
      return batch.lines.isEmpty ? nil : batch
    }
  }

  private func tooLong(at line: Int) -> AuditError {
    .recordTooLong(SourceLocation(file: source.display, line: line), limit: maxLineBytes)
  }

  private func split(_ bytes: [UInt8]) throws(AuditError) -> LineBatch {
    var lines: [LineBatch.Line] = []
    var overLong: Int?
    lines.reserveCapacity(bytes.count / 256 + 1)
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      var start = 0
      let count = buffer.count
      while start < count {
        // memchr is vectorised: line breaks are found many bytes at a time.
        var end = count
        if let found = memchr(base + start, 0x0A, count - start) { end = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found)) }
        var contentEnd = end
        if contentEnd > start && buffer[contentEnd - 1] == 0x0D { contentEnd -= 1 }
        var blank = true
        var k = start
        while k < contentEnd {
          let byte = buffer[k]
          if byte != 0x20 && byte != 0x09 {
            blank = false
            break
          }
          k += 1
        }
        if !blank {
          if contentEnd - start > maxLineBytes {
            overLong = lineNumber
            return
          }
          lines.append(.init(start: start, end: contentEnd, number: lineNumber))
        }
        lineNumber += 1
        start = end + 1
      }
    }
    if let overLong { throw tooLong(at: overLong) }
    return LineBatch(bytes: bytes, lines: lines)
  }
}
