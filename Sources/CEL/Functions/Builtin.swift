/// The named functions CEL programs may call (operators are compiled separately).
enum Builtin: UInt8, CaseIterable, Sendable {
  case size, contains, startsWith, endsWith, matches
  case lowerAscii, upperAscii, trim, split, join, replace, indexOf, lastIndexOf, substring, charAt
  case toInt, toUint, toDouble, toString, toBytes, toBool, dyn, type, timestamp, duration
  case getFullYear, getMonth, getDate, getDayOfMonth, getDayOfWeek, getDayOfYear
  case getHours, getMinutes, getSeconds, getMilliseconds
  case date, days, monthsBetween

  /// How a function may be called: the argument counts (receiver excluded) it accepts
  /// in each call style.
  struct Shape {
    let name: String
    let global: Set<Int>
    let member: Set<Int>
  }

  var shape: Shape {
    switch self {
    case .size: Shape(name: "size", global: [1], member: [0])
    case .contains: Shape(name: "contains", global: [], member: [1])
    case .startsWith: Shape(name: "startsWith", global: [], member: [1])
    case .endsWith: Shape(name: "endsWith", global: [], member: [1])
    case .matches: Shape(name: "matches", global: [2], member: [1])
    case .lowerAscii: Shape(name: "lowerAscii", global: [], member: [0])
    case .upperAscii: Shape(name: "upperAscii", global: [], member: [0])
    case .trim: Shape(name: "trim", global: [], member: [0])
    case .split: Shape(name: "split", global: [], member: [1, 2])
    case .join: Shape(name: "join", global: [], member: [0, 1])
    case .replace: Shape(name: "replace", global: [], member: [2, 3])
    case .indexOf: Shape(name: "indexOf", global: [], member: [1, 2])
    case .lastIndexOf: Shape(name: "lastIndexOf", global: [], member: [1, 2])
    case .substring: Shape(name: "substring", global: [], member: [1, 2])
    case .charAt: Shape(name: "charAt", global: [], member: [1])
    case .toInt: Shape(name: "int", global: [1], member: [])
    case .toUint: Shape(name: "uint", global: [1], member: [])
    case .toDouble: Shape(name: "double", global: [1], member: [])
    case .toString: Shape(name: "string", global: [1], member: [])
    case .toBytes: Shape(name: "bytes", global: [1], member: [])
    case .toBool: Shape(name: "bool", global: [1], member: [])
    case .dyn: Shape(name: "dyn", global: [1], member: [])
    case .type: Shape(name: "type", global: [1], member: [])
    case .timestamp: Shape(name: "timestamp", global: [1], member: [])
    case .duration: Shape(name: "duration", global: [1], member: [])
    case .getFullYear: Shape(name: "getFullYear", global: [], member: [0, 1])
    case .getMonth: Shape(name: "getMonth", global: [], member: [0, 1])
    case .getDate: Shape(name: "getDate", global: [], member: [0, 1])
    case .getDayOfMonth: Shape(name: "getDayOfMonth", global: [], member: [0, 1])
    case .getDayOfWeek: Shape(name: "getDayOfWeek", global: [], member: [0, 1])
    case .getDayOfYear: Shape(name: "getDayOfYear", global: [], member: [0, 1])
    case .getHours: Shape(name: "getHours", global: [], member: [0, 1])
    case .getMinutes: Shape(name: "getMinutes", global: [], member: [0, 1])
    case .getSeconds: Shape(name: "getSeconds", global: [], member: [0, 1])
    case .getMilliseconds: Shape(name: "getMilliseconds", global: [], member: [0, 1])
    case .date: Shape(name: "date", global: [1], member: [])
    case .days: Shape(name: "days", global: [1], member: [])
    case .monthsBetween: Shape(name: "monthsBetween", global: [2], member: [])
    }
  }

  var name: String { shape.name }

  private static let byName: [String: Builtin] = Dictionary(
    uniqueKeysWithValues: Builtin.allCases.map { ($0.shape.name, $0) })

  /// The function a call names, if it exists at all.
  static func named(_ name: String) -> Builtin? { byName[name] }

  /// Whether the call style and argument count fit the function.
  func accepts(member: Bool, argumentCount: Int) -> Bool {
    member ? shape.member.contains(argumentCount) : shape.global.contains(argumentCount)
  }

  /// Runs the function on evaluated arguments (the receiver first, for member calls).
  func call(_ args: Arguments) -> CELResult {
    switch self {
    case .size: return Builtin.size(args[0])
    case .contains, .startsWith, .endsWith, .matches, .lowerAscii, .upperAscii, .trim, .split,
      .join, .replace, .indexOf, .lastIndexOf, .substring, .charAt:
      return StringFunctions.call(self, args)
    case .toInt, .toUint, .toDouble, .toString, .toBytes, .toBool, .dyn, .type, .timestamp,
      .duration:
      return Conversions.call(self, args)
    case .getFullYear, .getMonth, .getDate, .getDayOfMonth, .getDayOfWeek, .getDayOfYear,
      .getHours, .getMinutes, .getSeconds, .getMilliseconds:
      return TimeFunctions.call(self, args)
    case .date, .days, .monthsBetween:
      return DateExtension.call(self, args)
    }
  }

  /// The number of code points in `s`: in UTF-8 (which Swift strings always hold valid)
  /// every code point starts with exactly one byte that is no continuation byte
  /// (`10xxxxxx`), so counting those needs no decoding.
  static func codePointCount(_ s: String) -> Int {
    if let count = s.utf8.withContiguousStorageIfAvailable({ bytes in bytes.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) } }) {
      return count
    }
    return s.unicodeScalars.count
  }

  static func size(_ v: CELValue) -> CELResult {
    switch v {
    case .string(let s): .value(.int(Int64(codePointCount(s))))
    case .bytes(let b): .value(.int(Int64(b.count)))
    case .list(let l): .value(.int(Int64(l.count)))
    case .map(let m): .value(.int(Int64(m.count)))
    default: .error(.noOverload("size", v))
    }
  }
}
