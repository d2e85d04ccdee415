extension CELValue: CustomStringConvertible {
  /// The value written as a CEL literal: `42`, `7u`, `1.5`, `"text"`, `b"\x00"`,
  /// `[1, 2]`, `{"k": true}`, `timestamp("2024-03-12T00:00:00Z")`, `duration("1.5s")`, `int`.
  public var description: String {
    switch self {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .int(let i): return String(i)
    case .uint(let u): return "\(u)u"
    case .double(let d):
      let s = CELValue.formatDouble(d)
      if d.isFinite && !s.contains(".") && !s.contains("e") { return s + ".0" }
      return s
    case .string(let s): return CELValue.quote(s)
    case .bytes(let b): return CELValue.quoteBytes(b)
    case .list(let l): return "[" + l.map(\.description).joined(separator: ", ") + "]"
    case .map(let m):
      return "{" + m.pairs.map { "\($0.key.description): \($0.value.description)" }.joined(separator: ", ") + "}"
    case .timestamp(let t): return "timestamp(\"\(t)\")"
    case .duration(let d): return "duration(\"\(d)\")"
    case .type(let t): return t.celName
    }
  }

  /// A double the way `string(x)` shows it: the shortest digits that round-trip, in
  /// plain notation when the decimal exponent is within -5...20, else as `1e+21`;
  /// `NaN`, `+Inf`, `-Inf` for the non-finite.
  public static func formatDouble(_ d: Double) -> String {
    if d.isNaN { return "NaN" }
    if d.isInfinite { return d < 0 ? "-Inf" : "+Inf" }
    if d == 0 { return d.sign == .minus ? "-0" : "0" }
    // Swift's description has the shortest round-tripping digits; re-lay them out.
    var text = Substring(d.description)
    var negative = false
    if text.first == "-" {
      negative = true
      text = text.dropFirst()
    }
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      exponent = Int(text[text.index(after: e)...]) ?? 0
      text = text[..<e]
    }
    var digits = ""
    var pointPosition = text.count
    if let dot = text.firstIndex(of: ".") {
      pointPosition = text.distance(from: text.startIndex, to: dot)
      digits = String(text[..<dot]) + String(text[text.index(after: dot)...])
    } else {
      digits = String(text)
    }
    // Normalise to digits d1 d2 … with the point after `decimalPoint` digits.
    var decimalPoint = pointPosition + exponent
    while digits.count > 1 && digits.first == "0" {
      digits.removeFirst()
      decimalPoint -= 1
    }
    while digits.count > 1 && digits.last == "0" { digits.removeLast() }
    let sign = negative ? "-" : ""
    let exp10 = decimalPoint - 1
    if exp10 < -5 || exp10 >= 21 {
      var mantissa = String(digits.prefix(1))
      if digits.count > 1 { mantissa += "." + digits.dropFirst() }
      let e = exp10 < 0 ? "-" + pad(Int64(-exp10), 2) : "+" + pad(Int64(exp10), 2)
      return sign + mantissa + "e" + e
    }
    if decimalPoint <= 0 {
      return sign + "0." + String(repeating: "0", count: -decimalPoint) + digits
    }
    if decimalPoint >= digits.count {
      return sign + digits + String(repeating: "0", count: decimalPoint - digits.count)
    }
    let split = digits.index(digits.startIndex, offsetBy: decimalPoint)
    return sign + digits[..<split] + "." + digits[split...]
  }

  /// A string literal in double quotes, escaping quotes, backslashes and controls.
  static func quote(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          out += "\\x" + hex2(UInt8(scalar.value))
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  static func quoteBytes(_ bytes: [UInt8]) -> String {
    var out = "b\""
    for b in bytes {
      switch b {
      case UInt8(ascii: "\""): out += "\\\""
      case UInt8(ascii: "\\"): out += "\\\\"
      case 0x20..<0x7F: out.unicodeScalars.append(UnicodeScalar(b))
      default: out += "\\x" + hex2(b)
      }
    }
    return out + "\""
  }

  private static func hex2(_ b: UInt8) -> String {
    let digits = Array("0123456789abcdef")
    return String([digits[Int(b >> 4)], digits[Int(b & 15)]])
  }
}
