/// Parses RE2 syntax into a ``RegexNode``.
struct RegexParser {
  let scalars: [Unicode.Scalar]
  var i = 0
  var flags = Flags()
  private var depth = 0

  struct Flags {
    var caseInsensitive = false
    var dotAll = false
    var multiLine = false
  }

  init(_ pattern: String) {
    scalars = Array(pattern.unicodeScalars)
  }

  func fail(_ message: String, at position: Int? = nil) -> CELRegexError {
    CELRegexError(message, at: position ?? i)
  }

  private var atEnd: Bool { i >= scalars.count }
  func peek(_ k: Int = 0) -> Unicode.Scalar? { i + k < scalars.count ? scalars[i + k] : nil }

  mutating func parse() throws(CELRegexError) -> RegexNode {
    let node = try parseAlternation()
    if !atEnd { throw fail("unexpected )") }
    return node
  }

  private mutating func parseAlternation() throws(CELRegexError) -> RegexNode {
    depth += 1
    defer { depth -= 1 }
    guard depth <= 200 else { throw fail("pattern nested too deeply") }
    let saved = flags
    defer { flags = saved }
    var branches = [try parseConcatenation()]
    while peek() == "|" {
      i += 1
      branches.append(try parseConcatenation())
    }
    return branches.count == 1 ? branches[0] : .alternation(branches)
  }

  private mutating func parseConcatenation() throws(CELRegexError) -> RegexNode {
    var items: [RegexNode] = []
    while let c = peek(), c != "|", c != ")" {
      let start = i
      guard let atom = try parseAtom() else { continue }
      items.append(try parseRepetitions(atom, start: start))
    }
    if items.isEmpty { return .empty }
    return items.count == 1 ? items[0] : .concatenation(items)
  }

  private mutating func parseRepetitions(_ atom: RegexNode, start: Int) throws(CELRegexError) -> RegexNode {
    var node = atom
    var repeated = false
    while let c = peek() {
      let bounds: (Int, Int?)
      switch c {
      case "*": bounds = (0, nil)
      case "+": bounds = (1, nil)
      case "?": bounds = (0, 1)
      case "{":
        guard let b = try parseBraces() else { return node }
        bounds = b
        if repeated { throw fail("bad repetition operator", at: start) }
        repeated = true
        if peek() == "?" { i += 1 }
        node = .repetition(node, min: bounds.0, max: bounds.1)
        continue
      default: return node
      }
      if repeated { throw fail("bad repetition operator: \(c)") }
      repeated = true
      i += 1
      if peek() == "?" { i += 1 }  // Lazy: the same language, so the same boolean match.
      node = .repetition(node, min: bounds.0, max: bounds.1)
    }
    return node
  }

  /// `{m}`, `{m,}`, `{m,n}`; nil (consuming nothing) when the brace is a literal.
  private mutating func parseBraces() throws(CELRegexError) -> (Int, Int?)? {
    var k = i + 1
    func number(_ k: inout Int) -> Int? {
      var value = 0
      var digits = 0
      while k < scalars.count, let d = Int(String(scalars[k])), scalars[k].isASCII {
        value = min(value * 10 + d, 100_000)
        digits += 1
        k += 1
      }
      return digits > 0 ? value : nil
    }
    guard let lo = number(&k) else { return nil }
    var hi: Int? = lo
    if k < scalars.count && scalars[k] == "," {
      k += 1
      hi = number(&k)
    }
    guard k < scalars.count && scalars[k] == "}" else { return nil }
    if lo > CELRegex.maxRepeat || (hi ?? 0) > CELRegex.maxRepeat {
      throw fail("bad repetition operator: count above \(CELRegex.maxRepeat)")
    }
    if let hi, hi < lo { throw fail("bad repetition operator: {\(lo),\(hi)}") }
    i = k + 1
    return (lo, hi)
  }

  /// One atom, or nil for a flag group like `(?i)` that only changes flags.
  private mutating func parseAtom() throws(CELRegexError) -> RegexNode? {
    guard let c = peek() else { throw fail("unexpected end of pattern") }
    switch c {
    case "*", "+", "?":
      throw fail("missing argument to repetition operator: \(c)")
    case "(":
      return try parseGroup()
    case "[":
      return .characterClass(try parseClass())
    case ".":
      i += 1
      return .any(dotAll: flags.dotAll)
    case "^":
      i += 1
      return .assertion(flags.multiLine ? .beginLine : .beginText)
    case "$":
      i += 1
      return .assertion(flags.multiLine ? .endLine : .endText)
    case "\\":
      return try parseEscape()
    default:
      i += 1
      return .literal(c, foldCase: flags.caseInsensitive)
    }
  }

  private mutating func parseGroup() throws(CELRegexError) -> RegexNode? {
    let open = i
    i += 1
    if peek() == "?" {
      i += 1
      switch peek() {
      case "=", "!":
        throw fail("lookahead (?\(peek().map(String.init) ?? "")…) is not supported", at: open)
      case "<" where peek(1) == "=" || peek(1) == "!":
        throw fail("lookbehind is not supported", at: open)
      case "P", "<":
        // Named group: (?P<name>…) or (?<name>…).
        if peek() == "P" { i += 1 }
        guard peek() == "<" else { throw fail("invalid named group", at: open) }
        while let c = peek(), c != ">" { i += 1 }
        guard peek() == ">" else { throw fail("invalid named group", at: open) }
        i += 1
        return try groupBody(open: open)
      default:
        break
      }
      // Flags: (?flags) or (?flags:…)
      var negate = false
      var newFlags = flags
      while let c = peek() {
        switch c {
        case "i": newFlags.caseInsensitive = !negate
        case "s": newFlags.dotAll = !negate
        case "m": newFlags.multiLine = !negate
        case "U": break
        case "-":
          if negate { throw fail("invalid flags", at: open) }
          negate = true
        case ")":
          i += 1
          flags = newFlags
          return nil
        case ":":
          i += 1
          let saved = flags
          flags = newFlags
          defer { flags = saved }
          return try groupBody(open: open)
        default:
          throw fail("invalid or unsupported group flag '\(c)'", at: open)
        }
        i += 1
      }
      throw fail("missing closing )", at: open)
    }
    return try groupBody(open: open)
  }

  private mutating func groupBody(open: Int) throws(CELRegexError) -> RegexNode {
    let inner = try parseAlternation()
    guard peek() == ")" else { throw fail("missing closing )", at: open) }
    i += 1
    return inner
  }

  private mutating func parseEscape() throws(CELRegexError) -> RegexNode {
    let start = i
    i += 1
    guard let c = peek() else { throw fail("trailing backslash at end of pattern", at: start) }
    switch c {
    case "b": i += 1; return .assertion(.wordBoundary)
    case "B": i += 1; return .assertion(.notWordBoundary)
    case "A": i += 1; return .assertion(.beginText)
    case "z": i += 1; return .assertion(.endText)
    case "Q":
      i += 1
      var items: [RegexNode] = []
      while let d = peek() {
        if d == "\\" && peek(1) == "E" {
          i += 2
          break
        }
        items.append(.literal(d, foldCase: flags.caseInsensitive))
        i += 1
      }
      return .concatenation(items)
    default:
      break
    }
    i = start
    let item = try parseClassEscape()
    if let scalar = item.single { return .literal(scalar, foldCase: flags.caseInsensitive) }
    var cls = item.cls
    cls.foldCase = flags.caseInsensitive
    return .characterClass(cls)
  }

  /// An escape valid both inside and outside brackets: a single code point or a class.
  mutating func parseClassEscape() throws(CELRegexError) -> (single: Unicode.Scalar?, cls: CharacterClass) {
    let start = i
    i += 1
    guard let c = peek() else { throw fail("trailing backslash at end of pattern", at: start) }
    i += 1
    func single(_ v: UInt32) throws(CELRegexError) -> (Unicode.Scalar?, CharacterClass) {
      guard let s = Unicode.Scalar(v) else { throw fail("invalid code point in escape", at: start) }
      return (s, CharacterClass())
    }
    switch c {
    case "d": return (nil, .digits)
    case "D": return (nil, negated(.digits))
    case "w": return (nil, .word)
    case "W": return (nil, negated(.word))
    case "s": return (nil, .space)
    case "S": return (nil, negated(.space))
    case "n": return try single(0x0A)
    case "t": return try single(0x09)
    case "r": return try single(0x0D)
    case "f": return try single(0x0C)
    case "v": return try single(0x0B)
    case "a": return try single(0x07)
    case "0": return try single(0)
    case "1"..."9":
      throw fail("backreferences such as \\\(c) are not supported", at: start)
    case "x":
      if peek() == "{" {
        i += 1
        var v: UInt32 = 0
        var n = 0
        while let d = peek(), d != "}" {
          guard let h = UInt32(String(d), radix: 16), n < 8 else { throw fail("invalid \\x{…} escape", at: start) }
          v = v * 16 + h
          n += 1
          i += 1
        }
        guard peek() == "}", n > 0 else { throw fail("invalid \\x{…} escape", at: start) }
        i += 1
        return try single(v)
      }
      guard let h1 = peek().flatMap({ UInt32(String($0), radix: 16) }),
        let h2 = peek(1).flatMap({ UInt32(String($0), radix: 16) })
      else { throw fail("invalid \\x escape", at: start) }
      i += 2
      return try single(h1 * 16 + h2)
    case "p", "P":
      var name = ""
      if peek() == "{" {
        i += 1
        while let d = peek(), d != "}" {
          name.unicodeScalars.append(d)
          i += 1
        }
        guard peek() == "}" else { throw fail("missing } in \\p{…}", at: start) }
        i += 1
      } else if let d = peek() {
        name = String(d)
        i += 1
      }
      var negate = c == "P"
      if name.hasPrefix("^") {
        negate.toggle()
        name.removeFirst()
      }
      guard let categories = RegexParser.categories(name) else {
        throw fail("unknown Unicode class \\p{\(name)}", at: start)
      }
      var cls = CharacterClass()
      cls.categories = categories
      return (nil, negate ? negatedCategories(cls) : cls)
    default:
      if c.isASCII && (c.properties.isAlphabetic || c.properties.numericType != nil) {
        throw fail("invalid escape sequence \\\(c)", at: start)
      }
      return (c, CharacterClass())
    }
  }

  private func negated(_ cls: CharacterClass) -> CharacterClass {
    var out = cls
    out.negated = true
    return out
  }

  private func negatedCategories(_ cls: CharacterClass) -> CharacterClass {
    var out = CharacterClass()
    out.negatedCategories = cls.categories
    return out
  }

  static func categories(_ name: String) -> [Unicode.GeneralCategory]? {
    typealias G = Unicode.GeneralCategory
    let table: [String: [G]] = [
      "L": [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter],
      "Lu": [.uppercaseLetter], "Ll": [.lowercaseLetter], "Lt": [.titlecaseLetter],
      "Lm": [.modifierLetter], "Lo": [.otherLetter],
      "M": [.nonspacingMark, .spacingMark, .enclosingMark], "Mn": [.nonspacingMark],
      "Mc": [.spacingMark], "Me": [.enclosingMark],
      "N": [.decimalNumber, .letterNumber, .otherNumber], "Nd": [.decimalNumber],
      "Nl": [.letterNumber], "No": [.otherNumber],
      "P": [.connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
        .initialPunctuation, .finalPunctuation, .otherPunctuation],
      "Pc": [.connectorPunctuation], "Pd": [.dashPunctuation], "Ps": [.openPunctuation],
      "Pe": [.closePunctuation], "Pi": [.initialPunctuation], "Pf": [.finalPunctuation],
      "Po": [.otherPunctuation],
      "S": [.mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol], "Sm": [.mathSymbol],
      "Sc": [.currencySymbol], "Sk": [.modifierSymbol], "So": [.otherSymbol],
      "Z": [.spaceSeparator, .lineSeparator, .paragraphSeparator], "Zs": [.spaceSeparator],
      "Zl": [.lineSeparator], "Zp": [.paragraphSeparator],
      "C": [.control, .format, .surrogate, .privateUse, .unassigned], "Cc": [.control],
      "Cf": [.format], "Co": [.privateUse], "Cn": [.unassigned],
    ]
    return table[name]
  }
}
