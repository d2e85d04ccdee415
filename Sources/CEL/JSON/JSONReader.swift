#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension CELValue {
  /// Parses one JSON document into a value, without Foundation: objects become maps
  /// with string keys (in document order), arrays lists, integers without fraction or
  /// exponent `int` (or `double` beyond the `int` range), other numbers `double`.
  ///
  /// - Throws: ``CELJSONError`` with the byte offset, line and column of the first
  ///   problem: malformed syntax, a repeated object key, invalid UTF-8, nesting deeper
  ///   than 256 levels, or text after the document.
  /// - Complexity: O(n) in the document's length, one pass.
  public static func parseJSON(_ bytes: some Collection<UInt8>) throws(CELJSONError) -> CELValue {
    var parser = CELJSONParser(oneShot: ())
    return try parser.parse(bytes)
  }

  /// Parses one JSON document held in a string; see ``parseJSON(_:)-(Collection<UInt8>)``.
  public static func parseJSON(_ text: String) throws(CELJSONError) -> CELValue {
    var parser = CELJSONParser(oneShot: ())
    return try parser.parse(text.utf8)
  }
}

/// A one-pass JSON parser over a byte buffer.
struct JSONReader {
  static let maxDepth = 256

  private let p: UnsafeBufferPointer<UInt8>
  private var i = 0
  private var depth = 0
  var buffers: JSONBuffers
  /// The hash of the last string read, when it was read as a key.
  private var keyHash: UInt64 = 0

  /// A reader over `buffer` using (and growing) `buffers`.
  init(_ buffer: UnsafeBufferPointer<UInt8>, buffers: JSONBuffers) {
    p = buffer
    self.buffers = buffers
  }

  private struct Failure: Error {
    let message: String
    let offset: Int
  }

  mutating func parseDocument() -> Result<CELValue, CELJSONError> {
    do throws(Failure) {
      let v = try parseValue()
      skipWhitespace()
      guard i == p.count else { throw Failure(message: "unexpected text after the JSON value", offset: i) }
      return .success(v)
    } catch {
      return .failure(locate(error))
    }
  }

  private func locate(_ f: Failure) -> CELJSONError {
    var line = 1
    var column = 1
    var k = 0
    while k < min(f.offset, p.count) {
      if p[k] == 0x0A {
        line += 1
        column = 1
      } else if p[k] & 0xC0 != 0x80 {
        column += 1
      }
      k += 1
    }
    return CELJSONError(message: f.message, offset: f.offset, line: line, column: column)
  }

  @inline(__always)
  private mutating func skipWhitespace() {
    while i < p.count {
      switch p[i] {
      case 0x20, 0x0A, 0x0D, 0x09: i += 1
      default: return
      }
    }
  }

  private mutating func parseValue() throws(Failure) -> CELValue {
    skipWhitespace()
    guard i < p.count else { throw Failure(message: "unexpected end of input, expected a value", offset: i) }
    switch p[i] {
    case UInt8(ascii: "{"): return try parseObject()
    case UInt8(ascii: "["): return try parseArray()
    case UInt8(ascii: "\""): return .string(try parseString(hashing: false))
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
    default:
      throw Failure(message: "unexpected character '\(scalarText(at: i))', expected a value", offset: i)
    }
  }

  private func scalarText(at k: Int) -> String {
    let end = min(p.count, k + 4)
    return String(String(decoding: UnsafeBufferPointer(rebasing: p[k..<end]), as: UTF8.self).prefix(1))
  }

  private mutating func literal(_ word: StaticString, _ value: CELValue) throws(Failure) -> CELValue {
    let n = word.utf8CodeUnitCount
    let w = UnsafeBufferPointer(start: word.utf8Start, count: n)
    guard i + n <= p.count, UnsafeBufferPointer(rebasing: p[i..<(i + n)]).elementsEqual(w) else {
      throw Failure(message: "invalid literal, expected '\(word)'", offset: i)
    }
    i += n
    return value
  }

  private mutating func enter() throws(Failure) {
    depth += 1
    if depth > JSONReader.maxDepth {
      throw Failure(message: "nesting deeper than \(JSONReader.maxDepth) levels", offset: i)
    }
  }

  private mutating func parseObject() throws(Failure) -> CELValue {
    try enter()
    defer { depth -= 1 }
    let objectStart = i
    i += 1
    let base = buffers.entries.count
    skipWhitespace()
    if i < p.count && p[i] == UInt8(ascii: "}") {
      i += 1
      return .map(CELMap())
    }
    while true {
      skipWhitespace()
      guard i < p.count, p[i] == UInt8(ascii: "\"") else {
        throw Failure(message: "expected a string key", offset: i)
      }
      let key = try parseString(hashing: true)
      let hash = keyHash
      skipWhitespace()
      guard i < p.count, p[i] == UInt8(ascii: ":") else { throw Failure(message: "expected ':' after the key", offset: i) }
      i += 1
      let value = try parseValue()
      buffers.entries.push(CELMap.Entry(key: .string(key), value: value, hash: hash))
      skipWhitespace()
      guard i < p.count else { throw Failure(message: "unexpected end of input, expected ',' or '}'", offset: i) }
      if p[i] == UInt8(ascii: ",") {
        i += 1
        continue
      }
      if p[i] == UInt8(ascii: "}") {
        i += 1
        let storage = MapStorage.make(moving: buffers.entries.elements(from: base))
        if storage != nil { buffers.entries.count = base }
        guard let storage else { throw Failure(message: "duplicate key in object", offset: objectStart) }
        return .map(CELMap(storage: storage))
      }
      throw Failure(message: "expected ',' or '}'", offset: i)
    }
  }

  private mutating func parseArray() throws(Failure) -> CELValue {
    try enter()
    defer { depth -= 1 }
    i += 1
    let base = buffers.items.count
    skipWhitespace()
    if i < p.count && p[i] == UInt8(ascii: "]") {
      i += 1
      return .list([])
    }
    while true {
      let item = try parseValue()
      buffers.items.push(item)
      skipWhitespace()
      guard i < p.count else { throw Failure(message: "unexpected end of input, expected ',' or ']'", offset: i) }
      if p[i] == UInt8(ascii: ",") {
        i += 1
        continue
      }
      if p[i] == UInt8(ascii: "]") {
        i += 1
        let items = buffers.items.take(from: base)
        return .list(items)
      }
      throw Failure(message: "expected ',' or ']'", offset: i)
    }
  }

  /// Reads a string; when `hashing`, also sets ``keyHash`` to its ``CELMap/hash(ofString:)``.
  private mutating func parseString(hashing: Bool) throws(Failure) -> String {
    let start = i
    i += 1
    let contentStart = i
    // Find the first quote, backslash or control byte, eight bytes at a time (the first
    // flagged byte of a word is exact), then byte by byte for the last few.
    let n = p.count
    var j = i
    if let base = p.baseAddress {
      let raw = UnsafeRawPointer(base)
      let ones: UInt64 = 0x0101_0101_0101_0101
      while j + 8 <= n {
        let w = raw.loadUnaligned(fromByteOffset: j, as: UInt64.self)
        let quote = w ^ (ones &* 0x22)
        let backslash = w ^ (ones &* 0x5C)
        let special =
          (((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((w &- ones &* 0x20) & ~w))
          & 0x8080_8080_8080_8080
        if special != 0 {
          j += special.trailingZeroBitCount >> 3
          break
        }
        j += 8
      }
    }
    while j < n {
      let c = p[j]
      if c == UInt8(ascii: "\"") {
        i = j
        let s = try cachedString(contentStart, j, stringAt: start, hashing: hashing)
        i = j + 1
        return s
      }
      if c == UInt8(ascii: "\\") { break }
      if c < 0x20 { throw Failure(message: "control character in string", offset: j) }
      j += 1
    }
    i = j
    var bytes = Array(UnsafeBufferPointer(rebasing: p[contentStart..<i]))
    while i < p.count {
      let c = p[i]
      if c == UInt8(ascii: "\"") {
        i += 1
        let s = String(decoding: bytes, as: UTF8.self)
        guard s.utf8.count == bytes.count else { throw Failure(message: "invalid UTF-8 in string", offset: start) }
        if hashing { keyHash = bytes.withUnsafeBytes { CELMap.hash(ofBytes: $0) } }
        return s
      }
      if c < 0x20 { throw Failure(message: "control character in string", offset: i) }
      if c != UInt8(ascii: "\\") {
        bytes.append(c)
        i += 1
        continue
      }
      guard i + 1 < p.count else { break }
      let e = p[i + 1]
      i += 2
      switch e {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): bytes.append(e)
      case UInt8(ascii: "b"): bytes.append(0x08)
      case UInt8(ascii: "f"): bytes.append(0x0C)
      case UInt8(ascii: "n"): bytes.append(0x0A)
      case UInt8(ascii: "r"): bytes.append(0x0D)
      case UInt8(ascii: "t"): bytes.append(0x09)
      case UInt8(ascii: "u"):
        var code = try hex4(at: i)
        i += 4
        if (0xD800..<0xDC00).contains(code) {
          guard i + 6 <= p.count, p[i] == UInt8(ascii: "\\"), p[i + 1] == UInt8(ascii: "u") else {
            throw Failure(message: "unpaired surrogate in \\u escape", offset: i - 6)
          }
          let low = try hex4(at: i + 2)
          guard (0xDC00..<0xE000).contains(low) else { throw Failure(message: "invalid surrogate pair", offset: i) }
          code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
          i += 6
        }
        guard let scalar = Unicode.Scalar(code) else {
          throw Failure(message: "invalid code point in \\u escape", offset: i - 6)
        }
        bytes.append(contentsOf: String(scalar).utf8)
      default:
        throw Failure(message: "invalid escape sequence", offset: i - 2)
      }
    }
    throw Failure(message: "unterminated string", offset: start)
  }

  /// The string of bytes `from..<to` (no escapes), from the cache when it is short.
  private mutating func cachedString(_ from: Int, _ to: Int, stringAt start: Int, hashing: Bool) throws(Failure) -> String {
    let n = to - from
    guard hashing || n <= JSONBuffers.cacheableLength else { return try decode(from, to, stringAt: start) }
    let bytes = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(p)[from..<to])
    let hash = CELMap.hash(ofBytes: bytes)
    if hashing { keyHash = hash }
    guard buffers.cacheSize > 0 else { return try decode(from, to, stringAt: start) }
    let slot = Int(truncatingIfNeeded: hash) & (buffers.cacheSize - 1)
    let stored = buffers.cacheBytes + slot * JSONBuffers.cacheableLength
    let source = bytes.baseAddress ?? UnsafeRawPointer(stored)  // nil only when n == 0
    if buffers.cacheHashes[slot] == hash && buffers.cacheLengths[slot] == n
      && (n == 0 || memcmp(stored, source, n) == 0)
    {
      return buffers.cacheStrings[slot]
    }
    let s = try decode(from, to, stringAt: start)
    if n <= JSONBuffers.cacheableLength {
      buffers.cacheHashes[slot] = hash
      buffers.cacheLengths[slot] = n
      if n > 0 { stored.copyMemory(from: source, byteCount: n) }
      buffers.cacheStrings[slot] = s
    }
    return s
  }

  private func decode(_ from: Int, _ to: Int, stringAt start: Int) throws(Failure) -> String {
    let slice = UnsafeBufferPointer(rebasing: p[from..<to])
    let s = String(decoding: slice, as: UTF8.self)
    guard s.utf8.count == slice.count else { throw Failure(message: "invalid UTF-8 in string", offset: start) }
    return s
  }

  private func hex4(at k: Int) throws(Failure) -> UInt32 {
    guard k + 4 <= p.count else { throw Failure(message: "truncated \\u escape", offset: k) }
    var v: UInt32 = 0
    for j in k..<(k + 4) {
      let c = p[j]
      let d: UInt32
      switch c {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - 48)
      case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - 87)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - 55)
      default: throw Failure(message: "invalid hex digit in \\u escape", offset: j)
      }
      v = v << 4 | d
    }
    return v
  }

  private mutating func parseNumber() throws(Failure) -> CELValue {
    let start = i
    var negative = false
    if p[i] == UInt8(ascii: "-") {
      negative = true
      i += 1
    }
    let digitsStart = i
    var magnitude: UInt64 = 0
    var overflow = false
    while i < p.count, p[i] >= 0x30, p[i] <= 0x39 {
      let (m, o1) = magnitude.multipliedReportingOverflow(by: 10)
      let (a, o2) = m.addingReportingOverflow(UInt64(p[i] - 0x30))
      overflow = overflow || o1 || o2
      magnitude = a
      i += 1
    }
    let digitCount = i - digitsStart
    guard digitCount > 0 else { throw Failure(message: "invalid number", offset: start) }
    if digitCount > 1 && p[digitsStart] == UInt8(ascii: "0") {
      throw Failure(message: "leading zeros are not allowed in numbers", offset: start)
    }
    var isInteger = true
    if i < p.count && p[i] == UInt8(ascii: ".") {
      isInteger = false
      i += 1
      let fracStart = i
      while i < p.count, p[i] >= 0x30, p[i] <= 0x39 { i += 1 }
      guard i > fracStart else { throw Failure(message: "expected digits after '.'", offset: i) }
    }
    if i < p.count && (p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E")) {
      isInteger = false
      i += 1
      if i < p.count && (p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-")) { i += 1 }
      let expStart = i
      while i < p.count, p[i] >= 0x30, p[i] <= 0x39 { i += 1 }
      guard i > expStart else { throw Failure(message: "expected digits in the exponent", offset: i) }
    }
    if isInteger && !overflow {
      if !negative && magnitude <= UInt64(Int64.max) { return .int(Int64(magnitude)) }
      if negative && magnitude <= UInt64(Int64.max) + 1 {
        return .int(magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude))
      }
    }
    let text = String(decoding: UnsafeBufferPointer(rebasing: p[start..<i]), as: UTF8.self)
    guard let d = Double(text) else { throw Failure(message: "invalid number", offset: start) }
    // JSON has no infinity: a number beyond a double's range (1e309) is refused, not made infinite.
    guard d.isFinite else { throw Failure(message: "number out of range: beyond a double's (about 1.8e308)", offset: start) }
    return .double(d)
  }
}
