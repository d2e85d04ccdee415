/// Builds the value of a string or bytes literal, decoding escape sequences.
struct StringLiteralDecoder {
  let isBytes: Bool
  private var buffer: [UInt8] = []

  init(isBytes: Bool) {
    self.isBytes = isBytes
  }

  mutating func appendByte(_ b: UInt8) { buffer.append(b) }

  private mutating func appendScalar(_ value: UInt32, offset: Int) throws(Lexer.Failure) {
    guard let scalar = Unicode.Scalar(value) else {
      throw Lexer.Failure(message: "invalid code point in escape sequence", offset: offset)
    }
    buffer.append(contentsOf: Array(String(scalar).utf8))
  }

  /// Decodes the escape sequence starting with the backslash at `offset`; returns the
  /// offset after it.
  mutating func decodeEscape(in bytes: [UInt8], at offset: Int) throws(Lexer.Failure) -> Int {
    guard offset + 1 < bytes.count else {
      throw Lexer.Failure(message: "unterminated escape sequence", offset: offset)
    }
    let c = bytes[offset + 1]
    switch c {
    case UInt8(ascii: "a"): buffer.append(0x07)
    case UInt8(ascii: "b"): buffer.append(0x08)
    case UInt8(ascii: "f"): buffer.append(0x0C)
    case UInt8(ascii: "n"): buffer.append(0x0A)
    case UInt8(ascii: "r"): buffer.append(0x0D)
    case UInt8(ascii: "t"): buffer.append(0x09)
    case UInt8(ascii: "v"): buffer.append(0x0B)
    case UInt8(ascii: "\\"), UInt8(ascii: "?"), UInt8(ascii: "\""), UInt8(ascii: "'"),
      UInt8(ascii: "`"):
      buffer.append(c)
    case UInt8(ascii: "x"), UInt8(ascii: "X"):
      let value = try hex(bytes, from: offset + 2, count: 2, escapeAt: offset)
      if isBytes { buffer.append(UInt8(value)) } else { try appendScalar(value, offset: offset) }
      return offset + 4
    case UInt8(ascii: "u"), UInt8(ascii: "U"):
      guard !isBytes else {
        throw Lexer.Failure(message: "\\\(UnicodeScalar(c)) escape is not allowed in bytes literals", offset: offset)
      }
      let count = c == UInt8(ascii: "u") ? 4 : 8
      let value = try hex(bytes, from: offset + 2, count: count, escapeAt: offset)
      try appendScalar(value, offset: offset)
      return offset + 2 + count
    case UInt8(ascii: "0")...UInt8(ascii: "3"):
      guard offset + 3 < bytes.count,
        (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(bytes[offset + 2]),
        (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(bytes[offset + 3])
      else {
        throw Lexer.Failure(message: "invalid octal escape sequence", offset: offset)
      }
      let value = UInt32(c - 0x30) * 64 + UInt32(bytes[offset + 2] - 0x30) * 8 + UInt32(bytes[offset + 3] - 0x30)
      if isBytes { buffer.append(UInt8(value)) } else { try appendScalar(value, offset: offset) }
      return offset + 4
    default:
      throw Lexer.Failure(message: "invalid escape sequence '\\\(UnicodeScalar(c))'", offset: offset)
    }
    return offset + 2
  }

  private func hex(_ bytes: [UInt8], from start: Int, count: Int, escapeAt: Int) throws(Lexer.Failure) -> UInt32 {
    var value: UInt32 = 0
    for i in start..<(start + count) {
      guard i < bytes.count, Lexer.isHexDigit(bytes[i]) else {
        throw Lexer.Failure(message: "invalid hex escape sequence", offset: escapeAt)
      }
      let b = bytes[i]
      let digit: UInt32 =
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(b - 0x30)
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(b - 0x61 + 10)
        default: UInt32(b - 0x41 + 10)
        }
      value = value * 16 + digit
    }
    return value
  }

  /// The literal's value; nil if a string literal is not valid UTF-8.
  func finish() -> CELValue? {
    if isBytes { return .bytes(buffer) }
    let s = String(decoding: buffer, as: UTF8.self)
    guard s.utf8.count == buffer.count, !s.unicodeScalars.contains("\u{FFFD}") || buffer.containsReplacementCharacter
    else { return nil }
    return .string(s)
  }
}

extension [UInt8] {
  /// Whether the bytes hold an encoded U+FFFD (so its presence after decoding is genuine).
  fileprivate var containsReplacementCharacter: Bool {
    guard count >= 3 else { return false }
    for i in 0..<(count - 2) where self[i] == 0xEF && self[i + 1] == 0xBF && self[i + 2] == 0xBD {
      return true
    }
    return false
  }
}
