/// String functions: the standard `contains`, `startsWith`, `endsWith`, `matches`, and
/// the cel-go `strings` extension (`lowerAscii`, `upperAscii`, `trim`, `split`, `join`,
/// `replace`, `indexOf`, `lastIndexOf`, `substring`, `charAt`).
///
/// Positions and lengths count Unicode code points; comparisons are by code point,
/// without normalisation.
enum StringFunctions {
  static func call(_ fn: Builtin, _ args: Arguments) -> CELResult {
    if fn == .join { return join(args) }
    guard case .string(let s) = args[0] else { return args.noOverload(fn.name) }
    switch (fn, args.count) {
    case (.contains, 2):
      guard case .string(let t) = args[1] else { break }
      return .value(.bool(find(Array(t.utf8), in: Array(s.utf8), from: 0) != nil))
    case (.startsWith, 2):
      guard case .string(let t) = args[1] else { break }
      return .value(.bool(s.utf8.starts(with: t.utf8)))
    case (.endsWith, 2):
      guard case .string(let t) = args[1] else { break }
      return .value(.bool(s.utf8.count >= t.utf8.count && s.utf8.reversed().starts(with: t.utf8.reversed())))
    case (.matches, 2):
      guard case .string(let p) = args[1] else { break }
      do {
        return .value(.bool(try CELRegex(p).matches(s)))
      } catch {
        return .error(CELError(.invalidArgument, "invalid regular expression: \(error)"))
      }
    case (.lowerAscii, 1):
      return .value(.string(mapASCII(s) { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }))
    case (.upperAscii, 1):
      return .value(.string(mapASCII(s) { $0 >= 0x61 && $0 <= 0x7A ? $0 - 32 : $0 }))
    case (.trim, 1):
      let scalars = Array(s.unicodeScalars)
      var lo = 0
      var hi = scalars.count
      while lo < hi && scalars[lo].properties.isWhitespace { lo += 1 }
      while hi > lo && scalars[hi - 1].properties.isWhitespace { hi -= 1 }
      return .value(.string(string(scalars[lo..<hi])))
    case (.split, _):
      return split(s, args)
    case (.replace, _):
      return replace(s, args)
    case (.indexOf, _), (.lastIndexOf, _):
      return indexOf(s, args, last: fn == .lastIndexOf)
    case (.substring, _):
      return substring(s, args)
    case (.charAt, 2):
      guard case .int(let i) = args[1] else { break }
      let scalars = Array(s.unicodeScalars)
      guard i >= 0 && i <= scalars.count else { return outOfRange(i, scalars.count) }
      return .value(.string(i == scalars.count ? "" : String(scalars[Int(i)])))
    default:
      break
    }
    return args.noOverload(fn.name)
  }

  static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
    var out = String.UnicodeScalarView()
    out.append(contentsOf: scalars)
    return String(out)
  }

  private static func outOfRange(_ i: Int64, _ size: Int) -> CELResult {
    .error(CELError(.outOfRange, "index \(i) out of range for a string of length \(size)"))
  }

  private static func mapASCII(_ s: String, _ f: (UInt8) -> UInt8) -> String {
    String(decoding: s.utf8.map(f), as: UTF8.self)
  }

  /// The first position of `needle` in `haystack` at or after `start`.
  static func find<T: Equatable>(_ needle: [T], in haystack: [T], from start: Int) -> Int? {
    if needle.isEmpty { return start <= haystack.count ? start : nil }
    guard haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
    outer: for i in start...(haystack.count - needle.count) {
      for j in needle.indices where haystack[i + j] != needle[j] { continue outer }
      return i
    }
    return nil
  }

  private static func split(_ s: String, _ args: Arguments) -> CELResult {
    guard case .string(let sep) = args[1] else { return args.noOverload("split") }
    var limit: Int64 = -1
    if args.count == 3 {
      guard case .int(let n) = args[2] else { return args.noOverload("split") }
      limit = n
    }
    if limit == 0 { return .value(.list([])) }
    let scalars = Array(s.unicodeScalars)
    let sepScalars = Array(sep.unicodeScalars)
    var parts: [CELValue] = []
    if sepScalars.isEmpty {
      for (i, c) in scalars.enumerated() {
        if limit > 0 && parts.count == limit - 1 {
          parts.append(.string(string(scalars[i...])))
          return .value(.list(parts))
        }
        parts.append(.string(String(c)))
      }
      return .value(.list(parts))
    }
    var start = 0
    while limit < 0 || parts.count < limit - 1, let i = find(sepScalars, in: scalars, from: start) {
      parts.append(.string(string(scalars[start..<i])))
      start = i + sepScalars.count
    }
    parts.append(.string(string(scalars[start...])))
    return .value(.list(parts))
  }

  private static func join(_ args: Arguments) -> CELResult {
    guard case .list(let items) = args[0] else { return args.noOverload("join") }
    var sep = ""
    if args.count == 2 {
      guard case .string(let s) = args[1] else { return args.noOverload("join") }
      sep = s
    }
    var parts: [String] = []
    for item in items {
      guard case .string(let s) = item else {
        return .error(CELError(.noMatchingOverload, "join() needs a list of strings, found \(item.typeName)"))
      }
      parts.append(s)
    }
    return .value(.string(parts.joined(separator: sep)))
  }

  private static func replace(_ s: String, _ args: Arguments) -> CELResult {
    guard case .string(let old) = args[1], case .string(let new) = args[2] else { return args.noOverload("replace") }
    var limit: Int64 = -1
    if args.count == 4 {
      guard case .int(let n) = args[3] else { return args.noOverload("replace") }
      limit = n
    }
    let scalars = Array(s.unicodeScalars)
    let oldScalars = Array(old.unicodeScalars)
    let newScalars = Array(new.unicodeScalars)
    var out: [Unicode.Scalar] = []
    var done: Int64 = 0
    var i = 0
    if oldScalars.isEmpty {
      // Like Go: the replacement goes before each code point and at the end.
      while i <= scalars.count {
        if limit < 0 || done < limit {
          out.append(contentsOf: newScalars)
          done += 1
        }
        if i < scalars.count { out.append(scalars[i]) }
        i += 1
      }
      return .value(.string(string(out[...])))
    }
    while limit < 0 || done < limit, let j = find(oldScalars, in: scalars, from: i) {
      out.append(contentsOf: scalars[i..<j])
      out.append(contentsOf: newScalars)
      i = j + oldScalars.count
      done += 1
    }
    out.append(contentsOf: scalars[i...])
    return .value(.string(string(out[...])))
  }

  private static func indexOf(_ s: String, _ args: Arguments, last: Bool) -> CELResult {
    let name = last ? "lastIndexOf" : "indexOf"
    guard case .string(let t) = args[1] else { return args.noOverload(name) }
    let scalars = Array(s.unicodeScalars)
    let needle = Array(t.unicodeScalars)
    var offset: Int64 = last ? Int64(scalars.count) : 0
    if args.count == 3 {
      guard case .int(let o) = args[2] else { return args.noOverload(name) }
      guard o >= 0 && o <= scalars.count else { return outOfRange(o, scalars.count) }
      offset = o
    }
    if !last {
      return .value(.int(Int64(find(needle, in: scalars, from: Int(offset)) ?? -1)))
    }
    var i = min(Int(offset), scalars.count - needle.count)
    while i >= 0 {
      if Array(scalars[i..<(i + needle.count)]) == needle { return .value(.int(Int64(i))) }
      i -= 1
    }
    return .value(.int(-1))
  }

  private static func substring(_ s: String, _ args: Arguments) -> CELResult {
    guard case .int(let start) = args[1] else { return args.noOverload("substring") }
    let scalars = Array(s.unicodeScalars)
    var end = Int64(scalars.count)
    if args.count == 3 {
      guard case .int(let e) = args[2] else { return args.noOverload("substring") }
      end = e
    }
    guard start >= 0 && start <= scalars.count else { return outOfRange(start, scalars.count) }
    guard end >= start && end <= scalars.count else {
      return .error(CELError(.outOfRange, "substring end \(end) out of range (start \(start), length \(scalars.count))"))
    }
    return .value(.string(string(scalars[Int(start)..<Int(end)])))
  }
}
