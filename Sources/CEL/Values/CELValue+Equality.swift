extension CELValue: Equatable, Hashable {
  /// CEL heterogeneous equality: numbers by value across `int`, `uint` and `double`,
  /// lists element-wise, maps by keys and values, other kinds only with their own kind.
  public static func == (a: CELValue, b: CELValue) -> Bool {
    switch (a, b) {
    case (.null, .null): return true
    case (.bool(let x), .bool(let y)): return x == y
    case (.string(let x), .string(let y)): return x.celEquals(y)
    case (.bytes(let x), .bytes(let y)): return x == y
    case (.timestamp(let x), .timestamp(let y)): return x == y
    case (.duration(let x), .duration(let y)): return x == y
    case (.type(let x), .type(let y)): return x == y
    case (.list(let x), .list(let y)):
      guard x.count == y.count else { return false }
      for i in x.indices where x[i] != y[i] { return false }
      return true
    case (.map(let x), .map(let y)):
      guard x.count == y.count else { return false }
      for i in 0..<x.count {
        let entry = x.entry(at: i)
        guard let other = y.value(forKey: entry.key, hash: entry.hash), other == entry.value else {
          return false
        }
      }
      return true
    default:
      return numericEquals(a, b) ?? false
    }
  }

  public func hash(into hasher: inout Hasher) {
    switch self {
    case .null: hasher.combine(0)
    case .bool(let b): hasher.combine(b)
    case .int, .uint, .double:
      switch self {
      case .int(let i): hasher.combine(i)
      case .uint(let u): if let i = Int64(exactly: u) { hasher.combine(i) } else { hasher.combine(u) }
      case .double(let d):
        if let i = Int64(exactly: d) {
          hasher.combine(i)
        } else if let u = UInt64(exactly: d) {
          hasher.combine(u)
        } else {
          hasher.combine(d)
        }
      default: break
      }
    case .string(let s): hasher.combine(CELMap.hash(ofString: s))
    case .bytes(let b): hasher.combine(b)
    case .list(let l):
      hasher.combine(l.count)
      for e in l { hasher.combine(e) }
    case .map(let m): hasher.combine(m.count)
    case .timestamp(let t): hasher.combine(t)
    case .duration(let d): hasher.combine(d)
    case .type(let t): hasher.combine(t)
    }
  }

  /// Numeric equality across `int`, `uint` and `double`; nil if either is no number.
  @inlinable
  static func numericEquals(_ a: CELValue, _ b: CELValue) -> Bool? {
    guard let order = numericCompare(a, b) else {
      // NaN against a number is unequal; a non-number is no answer.
      switch (a, b) {
      case (.int, .double), (.uint, .double), (.double, .int), (.double, .uint), (.double, .double):
        return false
      default: return nil
      }
    }
    return order == 0
  }

  /// The order of two numbers of any numeric kind: -1, 0 or 1; nil if either is not a
  /// number, or is NaN.
  @inlinable
  static func numericCompare(_ a: CELValue, _ b: CELValue) -> Int? {
    switch (a, b) {
    case (.int(let x), .int(let y)): return x < y ? -1 : (x == y ? 0 : 1)
    case (.uint(let x), .uint(let y)): return x < y ? -1 : (x == y ? 0 : 1)
    case (.double(let x), .double(let y)):
      if x.isNaN || y.isNaN { return nil }
      return x < y ? -1 : (x == y ? 0 : 1)
    case (.int(let x), .uint(let y)):
      if x < 0 { return -1 }
      let ux = UInt64(x)
      return ux < y ? -1 : (ux == y ? 0 : 1)
    case (.uint, .int): return numericCompare(b, a).map { -$0 }
    case (.int(let x), .double(let y)): return compare(int: x, double: y)
    case (.double, .int): return numericCompare(b, a).map { -$0 }
    case (.uint(let x), .double(let y)): return compare(uint: x, double: y)
    case (.double, .uint): return numericCompare(b, a).map { -$0 }
    default: return nil
    }
  }

  @usableFromInline
  static func compare(int x: Int64, double y: Double) -> Int? {
    if y.isNaN { return nil }
    if y >= 9_223_372_036_854_775_808.0 { return -1 }
    if y < -9_223_372_036_854_775_808.0 { return 1 }
    let t = y.rounded(.towardZero)
    let yi = Int64(t)
    if x != yi { return x < yi ? -1 : 1 }
    let frac = y - t
    return frac > 0 ? -1 : (frac < 0 ? 1 : 0)
  }

  @usableFromInline
  static func compare(uint x: UInt64, double y: Double) -> Int? {
    if y.isNaN { return nil }
    if y >= 18_446_744_073_709_551_616.0 { return -1 }
    if y < 0 { return 1 }
    let t = y.rounded(.towardZero)
    let yu = UInt64(t)
    if x != yu { return x < yu ? -1 : 1 }
    return y - t > 0 ? -1 : 0
  }

  /// CEL ordering for `<`, `<=`, `>`, `>=`: numbers across kinds, strings by code point,
  /// bytes, bools, timestamps and durations; nil when the kinds cannot be ordered (or a
  /// NaN is involved, see ``isOrderable(_:_:)``).
  static func order(_ a: CELValue, _ b: CELValue) -> Int? {
    switch (a, b) {
    case (.string(let x), .string(let y)):
      if x.celEquals(y) { return 0 }
      return x.utf8.lexicographicallyPrecedes(y.utf8) ? -1 : 1
    case (.bytes(let x), .bytes(let y)):
      if x == y { return 0 }
      return x.lexicographicallyPrecedes(y) ? -1 : 1
    case (.bool(let x), .bool(let y)): return x == y ? 0 : (!x ? -1 : 1)
    case (.timestamp(let x), .timestamp(let y)): return x == y ? 0 : (x < y ? -1 : 1)
    case (.duration(let x), .duration(let y)): return x == y ? 0 : (x < y ? -1 : 1)
    default: return numericCompare(a, b)
    }
  }

  /// Whether `order` has an overload for the kinds (numbers are mutually orderable even
  /// when one is NaN).
  static func isOrderable(_ a: CELValue, _ b: CELValue) -> Bool {
    switch (a, b) {
    case (.string, .string), (.bytes, .bytes), (.bool, .bool), (.timestamp, .timestamp),
      (.duration, .duration):
      return true
    case (.int, .int), (.int, .uint), (.int, .double), (.uint, .int), (.uint, .uint),
      (.uint, .double), (.double, .int), (.double, .uint), (.double, .double):
      return true
    default: return false
    }
  }
}
