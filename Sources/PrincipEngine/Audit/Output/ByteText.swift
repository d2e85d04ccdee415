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
      for byte in bytes {
        switch byte {
        case UInt8(ascii: "\""): append("\\\"")
        case UInt8(ascii: "\\"): append("\\\\")
        case 0x0A: append("\\n")
        case 0x0D: append("\\r")
        case 0x09: append("\\t")
        case 0..<0x20:
          append("\\u00")
          append(Self.hexDigits[Int(byte >> 4)])
          append(Self.hexDigits[Int(byte & 0xF)])
        default: append(byte)
        }
      }
    }
    append(UInt8(ascii: "\""))
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
