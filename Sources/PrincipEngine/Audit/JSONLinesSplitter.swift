#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cuts a JSON Lines stream that arrives in pieces (an HTTP request body) into records,
/// by the rules of the audit's own reader (``JSONLinesReader``): a byte-order mark at the
/// start is skipped, a line may end in CR LF, blank lines are not records, and a line
/// longer than `maxLineBytes` becomes a too-long record whose bytes are dropped — so
/// memory stays within one line however long the stream.
public struct JSONLinesSplitter: Sendable {
  /// One record of the stream.
  public enum Record {
    /// A line's bytes (without its line break), valid only during the callback.
    case line(UnsafeBufferPointer<UInt8>, number: Int)
    /// A line longer than the limit; its bytes were dropped.
    case tooLong(number: Int)
  }

  public let maxLineBytes: Int
  /// The start of a line that an earlier piece cut off.
  private var carry: [UInt8] = []
  /// The 1-based number of the line being read.
  private var lineNumber = 1
  /// Dropping the rest of a line found too long.
  private var skipping = false

  public init(maxLineBytes: Int) {
    self.maxLineBytes = maxLineBytes
  }

  /// Feeds the next piece of the stream; `body` is called for each record it completes.
  ///
  /// - Complexity: O(n) in the piece's bytes, each scanned once for line breaks.
  public mutating func feed(_ piece: UnsafeRawBufferPointer, _ body: (Record) throws -> Void) rethrows {
    guard let base = piece.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
    let count = piece.count
    var start = 0
    while start < count {
      guard let found = memchr(base + start, 0x0A, count - start) else { break }
      let end = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
      if skipping {
        skipping = false
      } else if carry.isEmpty {
        try emit(UnsafeBufferPointer(start: base + start, count: end - start), body)
      } else {
        carry.append(contentsOf: UnsafeBufferPointer(start: base + start, count: end - start))
        let line = carry
        carry.removeAll(keepingCapacity: true)
        try line.withUnsafeBufferPointer { try emit($0, body) }
      }
      lineNumber += 1
      start = end + 1
    }
    guard start < count, !skipping else { return }
    carry.append(contentsOf: UnsafeBufferPointer(start: base + start, count: count - start))
    if carry.count > maxLineBytes + 1 {
      try body(.tooLong(number: lineNumber))
      carry = []
      skipping = true
    }
  }

  /// Ends the stream: the last line, if it had no line break.
  public mutating func finish(_ body: (Record) throws -> Void) rethrows {
    guard !skipping, !carry.isEmpty else { return }
    let line = carry
    carry = []
    try line.withUnsafeBufferPointer { try emit($0, body) }
  }

  private func emit(_ line: UnsafeBufferPointer<UInt8>, _ body: (Record) throws -> Void) rethrows {
    var line = line
    if lineNumber == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) { line = UnsafeBufferPointer(rebasing: line[3...]) }
    if let last = line.last, last == 0x0D { line = UnsafeBufferPointer(rebasing: line[..<(line.count - 1)]) }
    guard line.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return }
    if line.count > maxLineBytes {
      try body(.tooLong(number: lineNumber))
    } else {
      try body(.line(line, number: lineNumber))
    }
  }
}
