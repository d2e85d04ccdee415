/// A signed span of time with nanosecond precision (`google.protobuf.Duration`), within
/// ±2^63 nanoseconds (about 292 years), the range CEL implementations share.
public struct CELDuration: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The span in nanoseconds.
  public let nanoseconds: Int64

  /// A duration of a number of nanoseconds.
  public init(nanoseconds: Int64) {
    self.nanoseconds = nanoseconds
  }

  /// A duration of seconds plus nanoseconds, or nil when out of range.
  public init?(seconds: Int64, nanos: Int32 = 0) {
    let (a, o1) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
    let (b, o2) = a.addingReportingOverflow(Int64(nanos))
    guard !o1, !o2 else { return nil }
    nanoseconds = b
  }

  /// Whole seconds, truncated toward zero.
  public var seconds: Int64 { nanoseconds / 1_000_000_000 }
  /// The nanoseconds beyond ``seconds``, with the same sign.
  public var nanos: Int32 { Int32(nanoseconds % 1_000_000_000) }

  /// Parses a duration such as `1.5s`, `-90m`, `1h30m` or `250ms` (units `h`, `m`, `s`,
  /// `ms`, `us`, `µs`, `ns`); nil when malformed or out of range.
  public init?(parsing text: String) {
    let bytes = Array(text.utf8)
    var i = 0
    var negative = false
    if i < bytes.count && (bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+")) {
      negative = bytes[i] == UInt8(ascii: "-")
      i += 1
    }
    if bytes.count - i == 1 && bytes[i] == UInt8(ascii: "0") {
      nanoseconds = 0
      return
    }
    guard i < bytes.count else { return nil }
    var total: UInt64 = 0
    while i < bytes.count {
      var whole: UInt64 = 0
      var fraction: UInt64 = 0
      var scale: UInt64 = 1
      var sawDigit = false
      while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 {
        let (m, o1) = whole.multipliedReportingOverflow(by: 10)
        let (a, o2) = m.addingReportingOverflow(UInt64(bytes[i] - 0x30))
        guard !o1, !o2 else { return nil }
        whole = a
        sawDigit = true
        i += 1
      }
      if i < bytes.count && bytes[i] == UInt8(ascii: ".") {
        i += 1
        while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 {
          if scale < 1_000_000_000_000_000 {
            fraction = fraction * 10 + UInt64(bytes[i] - 0x30)
            scale *= 10
          }
          sawDigit = true
          i += 1
        }
      }
      guard sawDigit else { return nil }
      let unitStart = i
      while i < bytes.count, !(bytes[i] >= 0x30 && bytes[i] <= 0x39), bytes[i] != UInt8(ascii: ".") { i += 1 }
      let unit: UInt64
      switch String(decoding: bytes[unitStart..<i], as: UTF8.self) {
      case "ns": unit = 1
      case "us", "µs", "μs": unit = 1_000
      case "ms": unit = 1_000_000
      case "s": unit = 1_000_000_000
      case "m": unit = 60_000_000_000
      case "h": unit = 3_600_000_000_000
      default: return nil
      }
      let (w, o1) = whole.multipliedReportingOverflow(by: unit)
      guard !o1 else { return nil }
      // fraction / scale * unit, exactly.
      let product = fraction.multipliedFullWidth(by: unit)
      let f = scale.dividingFullWidth(product).quotient
      let (t1, o2) = total.addingReportingOverflow(w)
      let (t2, o3) = t1.addingReportingOverflow(f)
      guard !o2, !o3 else { return nil }
      total = t2
    }
    if negative {
      guard total <= UInt64(Int64.max) + 1 else { return nil }
      nanoseconds = total == UInt64(Int64.max) + 1 ? Int64.min : -Int64(total)
    } else {
      guard total <= UInt64(Int64.max) else { return nil }
      nanoseconds = Int64(total)
    }
  }

  /// Seconds with a fraction as needed and an `s` suffix: `1.5s`, `-90s`, `0s`.
  public var description: String {
    let sign = nanoseconds < 0 ? "-" : ""
    let magnitude = nanoseconds.magnitude
    let whole = magnitude / 1_000_000_000
    let frac = Int32(magnitude % 1_000_000_000)
    return sign + String(whole) + (frac == 0 ? "" : "." + fractionDigits(frac)) + "s"
  }

  public static func < (a: CELDuration, b: CELDuration) -> Bool { a.nanoseconds < b.nanoseconds }

  /// The sum, or nil on overflow.
  public func adding(_ other: CELDuration) -> CELDuration? {
    let (s, o) = nanoseconds.addingReportingOverflow(other.nanoseconds)
    return o ? nil : CELDuration(nanoseconds: s)
  }

  /// The difference, or nil on overflow.
  public func subtracting(_ other: CELDuration) -> CELDuration? {
    let (s, o) = nanoseconds.subtractingReportingOverflow(other.nanoseconds)
    return o ? nil : CELDuration(nanoseconds: s)
  }

  /// The negation, or nil on overflow.
  public var negated: CELDuration? {
    nanoseconds == Int64.min ? nil : CELDuration(nanoseconds: -nanoseconds)
  }
}
