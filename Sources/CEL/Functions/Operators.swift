/// The arithmetic, relational, indexing and membership operators.
enum Operators {
  enum Arithmetic: UInt8, Sendable {
    case add, subtract, multiply, divide, modulo

    var symbol: String {
      switch self {
      case .add: "+"
      case .subtract: "-"
      case .multiply: "*"
      case .divide: "/"
      case .modulo: "%"
      }
    }
  }

  enum Relation: UInt8, Sendable {
    case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual

    var symbol: String {
      switch self {
      case .equal: "=="
      case .notEqual: "!="
      case .less: "<"
      case .lessOrEqual: "<="
      case .greater: ">"
      case .greaterOrEqual: ">="
      }
    }
  }

  static func overflow(_ op: String) -> CELResult {
    .error(CELError(.overflow, "integer overflow in '\(op)'"))
  }

  @inline(__always)
  static func arithmetic(_ op: Arithmetic, _ a: CELValue, _ b: CELValue) -> CELResult {
    switch (a, b) {
    case (.int(let x), .int(let y)): return int(op, x, y)
    case (.uint(let x), .uint(let y)): return uint(op, x, y)
    case (.double(let x), .double(let y)):
      switch op {
      case .add: return .value(.double(x + y))
      case .subtract: return .value(.double(x - y))
      case .multiply: return .value(.double(x * y))
      case .divide: return .value(.double(x / y))
      case .modulo: break
      }
    default:
      return other(op, a, b)
    }
    return .error(.noOverload("_\(op.symbol)_", a, b))
  }

  static func int(_ op: Arithmetic, _ x: Int64, _ y: Int64) -> CELResult {
    switch op {
    case .add:
      let (r, o) = x.addingReportingOverflow(y)
      return o ? overflow("+") : .value(.int(r))
    case .subtract:
      let (r, o) = x.subtractingReportingOverflow(y)
      return o ? overflow("-") : .value(.int(r))
    case .multiply:
      let (r, o) = x.multipliedReportingOverflow(by: y)
      return o ? overflow("*") : .value(.int(r))
    case .divide:
      if y == 0 { return .error(CELError(.divisionByZero, "division by zero")) }
      let (r, o) = x.dividedReportingOverflow(by: y)
      return o ? overflow("/") : .value(.int(r))
    case .modulo:
      if y == 0 { return .error(CELError(.moduloByZero, "modulus by zero")) }
      let (r, o) = x.remainderReportingOverflow(dividingBy: y)
      return o ? overflow("%") : .value(.int(r))
    }
  }

  static func uint(_ op: Arithmetic, _ x: UInt64, _ y: UInt64) -> CELResult {
    switch op {
    case .add:
      let (r, o) = x.addingReportingOverflow(y)
      return o ? overflow("+") : .value(.uint(r))
    case .subtract:
      let (r, o) = x.subtractingReportingOverflow(y)
      return o ? overflow("-") : .value(.uint(r))
    case .multiply:
      let (r, o) = x.multipliedReportingOverflow(by: y)
      return o ? overflow("*") : .value(.uint(r))
    case .divide:
      if y == 0 { return .error(CELError(.divisionByZero, "division by zero")) }
      return .value(.uint(x / y))
    case .modulo:
      if y == 0 { return .error(CELError(.moduloByZero, "modulus by zero")) }
      return .value(.uint(x % y))
    }
  }

  /// Strings, bytes, lists, timestamps and durations.
  static func other(_ op: Arithmetic, _ a: CELValue, _ b: CELValue) -> CELResult {
    // Worded only when needed: the message costs an allocation.
    var outOfRange: CELResult { .error(CELError(.overflow, "timestamp or duration out of range in '\(op.symbol)'")) }
    switch (op, a, b) {
    case (.add, .string(let x), .string(let y)): return .value(.string(x + y))
    case (.add, .bytes(let x), .bytes(let y)): return .value(.bytes(x + y))
    case (.add, .list(let x), .list(let y)): return .value(.list(x + y))
    case (.add, .timestamp(let t), .duration(let d)), (.add, .duration(let d), .timestamp(let t)):
      return t.adding(d).map { .value(.timestamp($0)) } ?? outOfRange
    case (.add, .duration(let x), .duration(let y)):
      return x.adding(y).map { .value(.duration($0)) } ?? outOfRange
    case (.subtract, .timestamp(let x), .timestamp(let y)):
      return x.difference(from: y).map { .value(.duration($0)) } ?? outOfRange
    case (.subtract, .timestamp(let t), .duration(let d)):
      guard let n = d.negated, let r = t.adding(n) else { return outOfRange }
      return .value(.timestamp(r))
    case (.subtract, .duration(let x), .duration(let y)):
      return x.subtracting(y).map { .value(.duration($0)) } ?? outOfRange
    default:
      return .error(.noOverload("_\(op.symbol)_", a, b))
    }
  }

  static func negate(_ a: CELValue) -> CELResult {
    switch a {
    case .int(let x):
      return x == Int64.min ? overflow("-") : .value(.int(-x))
    case .double(let x): return .value(.double(-x))
    default: return .error(.noOverload("-_", a))
    }
  }

  @inline(__always)
  static func relation(_ op: Relation, _ a: CELValue, _ b: CELValue) -> CELResult {
    switch op {
    case .equal: return .value(.bool(a == b))
    case .notEqual: return .value(.bool(a != b))
    default: break
    }
    guard CELValue.isOrderable(a, b) else { return .error(.noOverload("_\(op.symbol)_", a, b)) }
    guard let order = CELValue.order(a, b) else { return .value(.bool(false)) }
    switch op {
    case .less: return .value(.bool(order < 0))
    case .lessOrEqual: return .value(.bool(order <= 0))
    case .greater: return .value(.bool(order > 0))
    default: return .value(.bool(order >= 0))
    }
  }

  /// `container[key]`: a list element or a map value.
  static func index(_ container: CELValue, _ key: CELValue) -> CELResult {
    switch container {
    case .list(let l):
      let i: Int64
      switch key {
      case .int(let x): i = x
      case .uint(let x):
        guard let y = Int64(exactly: x) else { return indexOutOfRange(key, l.count) }
        i = y
      case .double(let d):
        guard let y = Int64(exactly: d) else {
          return .error(CELError(.invalidArgument, "list index \(CELValue.formatDouble(d)) is not a whole number"))
        }
        i = y
      default: return .error(.noOverload("_[_]", container, key))
      }
      guard i >= 0 && i < l.count else { return indexOutOfRange(key, l.count) }
      return .value(l[Int(i)])
    case .map(let m):
      switch key {
      case .string, .int, .uint, .bool, .double:
        if let v = m[key] { return .value(v) }
        return .error(CELError(.noSuchKey, "no such key: \(key)"))
      default:
        return .error(.noOverload("_[_]", container, key))
      }
    default:
      return .error(.noOverload("_[_]", container, key))
    }
  }

  private static func indexOutOfRange(_ key: CELValue, _ count: Int) -> CELResult {
    .error(CELError(.outOfRange, "index \(key) out of range for a list of \(count) elements"))
  }

  /// `element in container`.
  static func membership(_ element: CELValue, _ container: CELValue) -> CELResult {
    switch container {
    case .list(let l):
      // Compare in place: no copy of each element.
      let found = l.withUnsafeBufferPointer { items in items.contains { $0 == element } }
      return .value(.bool(found))
    case .map(let m):
      return .value(.bool(m[element] != nil))
    default:
      return .error(.noOverload("@in", element, container))
    }
  }
}
