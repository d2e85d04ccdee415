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
    if value < 0 {
      append(UInt8(ascii: "-"))
      append(decimal: 0 - value)
      return
    }
    if value < 10 {
      append(UInt8(48 + value))
      return
    }
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
      UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
      (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var count = 0
    var rest = value
    Swift.withUnsafeMutableBytes(of: &digits) { buffer in
      while rest > 0 {
        buffer[count] = UInt8(48 + rest % 10)
        rest /= 10
        count += 1
      }
    }
    Swift.withUnsafeBytes(of: &digits) { buffer in
      for index in stride(from: count - 1, through: 0, by: -1) { append(buffer[index]) }
    }
  }

  /// A JSON string literal, quotes included.
  mutating func append(jsonString text: String) {
    append(UInt8(ascii: "\""))
    var text = text
    text.withUTF8 { bytes in
      // Runs of bytes that need no escape are copied whole.
      var start = 0
      for (index, byte) in bytes.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
        append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        start = index + 1
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
    append(decimal: date.year)
    append(UInt8(ascii: "-"))
    append(twoDigits: date.month)
    append(UInt8(ascii: "-"))
    append(twoDigits: date.day)
  }

  private mutating func append(twoDigits value: Int) {
    append(UInt8(48 + value / 10))
    append(UInt8(48 + value % 10))
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
