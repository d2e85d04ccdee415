/// Splits CEL source into tokens, on demand.
struct Lexer {
  let bytes: [UInt8]
  private(set) var position = 0

  /// A lexical error: message and byte offset.
  struct Failure: Error {
    let message: String
    let offset: Int
  }

  init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  private func peek(_ ahead: Int = 0) -> UInt8? {
    let i = position + ahead
    return i < bytes.count ? bytes[i] : nil
  }

  private mutating func skipTrivia() {
    while let c = peek() {
      switch c {
      case 0x20, 0x09, 0x0A, 0x0D, 0x0C:
        position += 1
      case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "/"):
        while let c = peek(), c != 0x0A, c != 0x0D { position += 1 }
      default:
        return
      }
    }
  }

  static func isIdentStart(_ c: UInt8) -> Bool {
    (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || c == 0x5F
  }

  static func isIdentPart(_ c: UInt8) -> Bool { isIdentStart(c) || isDigit(c) }
  static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

  static func isHexDigit(_ c: UInt8) -> Bool {
    isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46)
  }

  /// The next token.
  mutating func next() throws(Failure) -> Token {
    skipTrivia()
    let start = position
    guard let c = peek() else { return Token(.eof, start: start, end: start) }

    if Lexer.isIdentStart(c) {
      // String prefixes: r, R, b, B, and their combinations.
      if let prefixed = try lexPrefixedString(start: start) { return prefixed }
      while let d = peek(), Lexer.isIdentPart(d) { position += 1 }
      let text = String(decoding: bytes[start..<position], as: UTF8.self)
      return Token(.identifier, start: start, end: position, text: text)
    }
    if Lexer.isDigit(c) || (c == UInt8(ascii: ".") && peek(1).map(Lexer.isDigit) == true) {
      return try lexNumber(start: start)
    }
    if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
      return try lexString(start: start, raw: false, bytes: false)
    }
    if c == UInt8(ascii: "`") {
      position += 1
      let nameStart = position
      while let d = peek(), d != UInt8(ascii: "`"), d != 0x0A, d != 0x0D { position += 1 }
      guard peek() == UInt8(ascii: "`") else {
        throw Failure(message: "unterminated quoted identifier", offset: start)
      }
      let name = String(decoding: bytes[nameStart..<position], as: UTF8.self)
      position += 1
      guard !name.isEmpty else { throw Failure(message: "empty quoted identifier", offset: start) }
      return Token(.quotedIdentifier, start: start, end: position, text: name)
    }
    return try lexPunctuation(start: start, c)
  }

  private mutating func lexPunctuation(start: Int, _ c: UInt8) throws(Failure) -> Token {
    let two: [String] = ["==", "!=", "<=", ">=", "&&", "||"]
    if let d = peek(1) {
      let pair = String(decoding: [c, d], as: UTF8.self)
      if two.contains(pair) {
        position += 2
        return Token(.punctuation, start: start, end: position, text: pair)
      }
    }
    switch c {
    case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "!"), UInt8(ascii: "+"),
      UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "/"), UInt8(ascii: "%"),
      UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "."), UInt8(ascii: ","),
      UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"),
      UInt8(ascii: "{"), UInt8(ascii: "}"):
      position += 1
      return Token(.punctuation, start: start, end: position, text: String(UnicodeScalar(c)))
    case UInt8(ascii: "="):
      throw Failure(message: "unexpected '=' (did you mean '=='?)", offset: start)
    case UInt8(ascii: "&"):
      throw Failure(message: "unexpected '&' (did you mean '&&'?)", offset: start)
    case UInt8(ascii: "|"):
      throw Failure(message: "unexpected '|' (did you mean '||'?)", offset: start)
    default:
      let scalar = decodeScalar(at: start)
      throw Failure(message: "unexpected character '\(scalar)'", offset: start)
    }
  }

  private func decodeScalar(at offset: Int) -> String {
    let end = min(bytes.count, offset + 4)
    let s = String(decoding: bytes[offset..<end], as: UTF8.self)
    return s.unicodeScalars.first.map { String($0) } ?? "?"
  }

  /// `r"…"`, `b'…'`, `br"""…"""` and the like; nil if the identifier is no prefix.
  private mutating func lexPrefixedString(start: Int) throws(Failure) -> Token? {
    var raw = false
    var isBytes = false
    var i = 0
    while i < 2, let c = peek(i) {
      if (c == UInt8(ascii: "r") || c == UInt8(ascii: "R")) && !raw {
        raw = true
      } else if (c == UInt8(ascii: "b") || c == UInt8(ascii: "B")) && !isBytes {
        isBytes = true
      } else {
        break
      }
      i += 1
      if let q = peek(i), q == UInt8(ascii: "\"") || q == UInt8(ascii: "'") {
        position += i
        return try lexString(start: start, raw: raw, bytes: isBytes)
      }
    }
    return nil
  }

  private mutating func lexString(start: Int, raw: Bool, bytes isBytes: Bool) throws(Failure) -> Token {
    guard let quote = peek() else { throw Failure(message: "unterminated string", offset: start) }
    let triple = peek(1) == quote && peek(2) == quote
    position += triple ? 3 : 1
    var decoder = StringLiteralDecoder(isBytes: isBytes)
    while true {
      guard let c = peek() else {
        throw Failure(message: "unterminated string literal", offset: start)
      }
      if c == quote {
        if !triple {
          position += 1
          break
        }
        if peek(1) == quote && peek(2) == quote {
          position += 3
          break
        }
      }
      if !triple && (c == 0x0A || c == 0x0D) {
        throw Failure(message: "newline in string literal (use a triple-quoted string)", offset: position)
      }
      if c == UInt8(ascii: "\\") {
        if raw {
          // Raw strings keep escapes as written; the grammar lets no quote through.
          decoder.appendByte(c)
          position += 1
          continue
        }
        position = try decoder.decodeEscape(in: bytes, at: position)
        continue
      }
      decoder.appendByte(c)
      position += 1
    }
    guard let value = decoder.finish() else {
      throw Failure(message: "invalid UTF-8 in string literal", offset: start)
    }
    return Token(isBytes ? .bytesLiteral : .stringLiteral, start: start, end: position, literal: value)
  }

  private mutating func lexNumber(start: Int) throws(Failure) -> Token {
    if peek() == UInt8(ascii: "0"), let x = peek(1), x == UInt8(ascii: "x") || x == UInt8(ascii: "X") {
      position += 2
      let digitsStart = position
      while let d = peek(), Lexer.isHexDigit(d) { position += 1 }
      guard position > digitsStart else { throw Failure(message: "invalid hex literal", offset: start) }
      let digits = String(decoding: bytes[digitsStart..<position], as: UTF8.self)
      return try integerToken(start: start, digits: digits, radix: 16)
    }
    var isDouble = false
    while let d = peek(), Lexer.isDigit(d) { position += 1 }
    if peek() == UInt8(ascii: "."), let d = peek(1), Lexer.isDigit(d) {
      isDouble = true
      position += 1
      while let d = peek(), Lexer.isDigit(d) { position += 1 }
    }
    if let e = peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
      var j = 1
      if let s = peek(1), s == UInt8(ascii: "+") || s == UInt8(ascii: "-") { j = 2 }
      if let d = peek(j), Lexer.isDigit(d) {
        isDouble = true
        position += j
        while let d = peek(), Lexer.isDigit(d) { position += 1 }
      }
    }
    let text = String(decoding: bytes[start..<position], as: UTF8.self)
    if isDouble {
      guard let value = Double(text) else { throw Failure(message: "invalid double literal", offset: start) }
      try rejectIdentifierTail(start: start)
      return Token(.doubleLiteral, start: start, end: position, literal: .double(value))
    }
    return try integerToken(start: start, digits: text, radix: 10)
  }

  private mutating func integerToken(start: Int, digits: String, radix: Int) throws(Failure) -> Token {
    if let u = peek(), u == UInt8(ascii: "u") || u == UInt8(ascii: "U") {
      position += 1
      try rejectIdentifierTail(start: start)
      guard let value = UInt64(digits, radix: radix) else {
        throw Failure(message: "uint literal out of range", offset: start)
      }
      return Token(.uintLiteral, start: start, end: position, literal: .uint(value))
    }
    try rejectIdentifierTail(start: start)
    // Up to 2^63 is accepted here; the parser allows that only after a unary minus.
    guard let magnitude = UInt64(digits, radix: radix), magnitude <= UInt64(Int64.max) + 1 else {
      throw Failure(message: "int literal out of range", offset: start)
    }
    return Token(.intLiteral, start: start, end: position, literal: .uint(magnitude))
  }

  private func rejectIdentifierTail(start: Int) throws(Failure) {
    if let c = peek(), Lexer.isIdentPart(c) {
      throw Failure(message: "invalid number literal", offset: start)
    }
  }
}
