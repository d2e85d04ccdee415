/// Reads ASCII digits and punctuation from a short string.
struct DigitScanner {
  private let bytes: [UInt8]
  private var i = 0

  init(_ text: String) {
    bytes = Array(text.utf8)
  }

  var atEnd: Bool { i == bytes.count }

  mutating func digit() -> Int? {
    guard i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 else { return nil }
    defer { i += 1 }
    return Int(bytes[i] - 0x30)
  }

  mutating func number(digits: Int) -> Int? {
    var value = 0
    for _ in 0..<digits {
      guard let d = digit() else { return nil }
      value = value * 10 + d
    }
    return value
  }

  mutating func skip(_ c: Character) -> Bool {
    guard i < bytes.count, let a = c.asciiValue, bytes[i] == a else { return false }
    i += 1
    return true
  }

  mutating func sign() -> Int64? {
    if skip("+") { return 1 }
    if skip("-") { return -1 }
    return nil
  }
}
