/// Bracketed character classes: `[a-z]`, `[^…]`, `[[:alpha:]]`.
extension RegexParser {
  mutating func parseClass() throws(CELRegexError) -> CharacterClass {
    let open = i
    i += 1
    var cls = CharacterClass()
    cls.foldCase = flags.caseInsensitive
    if peek() == "^" {
      cls.negated = true
      i += 1
    }
    var first = true
    while true {
      guard let c = peek() else { throw fail("missing closing ]", at: open) }
      if c == "]" && !first { i += 1; break }
      first = false
      if c == "[" && peek(1) == ":" {
        guard let named = try parsePosixClass() else { throw fail("invalid character class", at: i) }
        cls.add(contentsOf: named)
        continue
      }
      let lo: Unicode.Scalar
      if c == "\\" {
        let item = try parseClassEscape()
        guard let s = item.single else {
          cls.add(contentsOf: item.cls)
          continue
        }
        lo = s
      } else {
        lo = c
        i += 1
      }
      if peek() == "-", let next = peek(1), next != "]" {
        i += 1
        let hi: Unicode.Scalar
        if next == "\\" {
          let item = try parseClassEscape()
          guard let s = item.single else { throw fail("invalid character class range", at: i) }
          hi = s
        } else {
          hi = next
          i += 1
        }
        guard lo.value <= hi.value else { throw fail("invalid character class range \(lo)-\(hi)", at: i) }
        cls.add(lo.value, hi.value)
      } else {
        cls.add(lo.value, lo.value)
      }
    }
    return cls
  }

  private static let posix: [String: [ClosedRange<UInt32>]] = [
    "alnum": [0x30...0x39, 0x41...0x5A, 0x61...0x7A], "alpha": [0x41...0x5A, 0x61...0x7A],
    "ascii": [0...0x7F], "blank": [0x09...0x09, 0x20...0x20], "cntrl": [0...0x1F, 0x7F...0x7F],
    "digit": [0x30...0x39], "graph": [0x21...0x7E], "lower": [0x61...0x7A], "print": [0x20...0x7E],
    "punct": [0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E], "space": [0x09...0x0D, 0x20...0x20],
    "upper": [0x41...0x5A], "word": [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A],
    "xdigit": [0x30...0x39, 0x41...0x46, 0x61...0x66],
  ]

  /// `[:alpha:]` or `[:^alpha:]` inside brackets.
  private mutating func parsePosixClass() throws(CELRegexError) -> CharacterClass? {
    var k = i + 2
    var negate = false
    if k < scalars.count && scalars[k] == "^" {
      negate = true
      k += 1
    }
    var name = ""
    while k < scalars.count, scalars[k] != ":" {
      name.unicodeScalars.append(scalars[k])
      k += 1
    }
    guard k + 1 < scalars.count, scalars[k + 1] == "]", let ranges = RegexParser.posix[name] else { return nil }
    i = k + 2
    return CharacterClass(ranges: ranges, negated: negate)
  }
}
