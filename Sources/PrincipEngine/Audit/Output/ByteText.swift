/// Appending text to a byte buffer without going through `String` formatting: the result
/// writers produce hundreds of megabytes, and this is where their time goes.
extension Array where Element == UInt8 {
  @inline(__always)
  mutating func append(_ text: StaticString) {
    append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  mutating func append(text: String) {
    var text = text
    text.withUTF8 { append(contentsOf: $0) }
  }

  /// A decimal integer.
  mutating func append(decimal value: Int) {
    if value < 0 { append(UInt8(ascii: "-")) }
    // The magnitude, so that `Int.min` has one too.
    var rest = value.magnitude
    if rest < 10 {
      append(UInt8(truncatingIfNeeded: 48 &+ rest))
      return
    }
    // Digits are written from the end of a stack buffer, then appended in one go.
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
    Swift.withUnsafeMutableBytes(of: &digits) { buffer in
      var start = buffer.count
      while rest > 0 {
        start -= 1
        buffer[start] = UInt8(truncatingIfNeeded: 48 &+ rest % 10)
        rest /= 10
      }
      append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[start...]).assumingMemoryBound(to: UInt8.self))
    }
  }

  /// A JSON string literal, quotes included.
  mutating func append(jsonString text: String) {
    append(UInt8(ascii: "\""))
    var text = text
    text.withUTF8 { bytes in
      // Runs of bytes that need no escape are copied whole.
      var start = 0
      var index = 0
      while index < bytes.count {
        let byte = bytes[index]
        if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
          index += 1
          continue
        }
        append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        index += 1
        start = index
        switch byte {
        case UInt8(ascii: "\""): append("\\\"")
        case UInt8(ascii: "\\"): append("\\\\")
        case 0x0A: append("\\n")
        case 0x0D: append("\\r")
        case 0x09: append("\\t")
        default:
          append("\\u00")
          append(Self.hexDigits[Int(byte >> 4)])
          append(Self.hexDigits[Int(byte & 0xF)])
        }
      }
      append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
    }
    append(UInt8(ascii: "\""))
  }

  /// A date as `2024-03-01`.
  mutating func append(date: CivilDate) {
    guard (1000...9999).contains(date.year) else { return append(text: date.description) }
    var text: (UInt64, UInt16) = (0, 0)
    Swift.withUnsafeMutableBytes(of: &text) { buffer in
      var year = date.year
      for index in stride(from: 3, through: 0, by: -1) {
        buffer[index] = UInt8(48 + year % 10)
        year /= 10
      }
      buffer[4] = UInt8(ascii: "-")
      buffer[5] = UInt8(48 + date.month / 10)
      buffer[6] = UInt8(48 + date.month % 10)
      buffer[7] = UInt8(ascii: "-")
      buffer[8] = UInt8(48 + date.day / 10)
      buffer[9] = UInt8(48 + date.day % 10)
      append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[0..<10]).assumingMemoryBound(to: UInt8.self))
    }
  }

  /// A CSV field, quoted when it holds the delimiter, a quote or a line break.
  mutating func append(csvField text: String, delimiter: UInt8 = UInt8(ascii: ",")) {
    let needsQuotes = text.utf8.contains { $0 == delimiter || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
    guard needsQuotes else { return append(text: text) }
    append(UInt8(ascii: "\""))
    for byte in text.utf8 {
      if byte == UInt8(ascii: "\"") { append(UInt8(ascii: "\"")) }
      append(byte)
    }
    append(UInt8(ascii: "\""))
  }

  private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
