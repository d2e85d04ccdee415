/// A point in time between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999999999Z,
/// with nanosecond precision (`google.protobuf.Timestamp`).
public struct CELTimestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// Seconds since 1970-01-01T00:00:00Z.
  public let seconds: Int64
  /// Nanoseconds within the second, 0..<1_000_000_000.
  public let nanos: Int32

  /// The earliest valid timestamp, in seconds since the epoch.
  public static let minSeconds: Int64 = -62_135_596_800
  /// The latest valid whole second since the epoch.
  public static let maxSeconds: Int64 = 253_402_300_799

  /// A timestamp, or nil when out of range.
  public init?(seconds: Int64, nanos: Int32 = 0) {
    var s = seconds
    var n = nanos
    if n < 0 || n >= 1_000_000_000 {
      s += Int64(n / 1_000_000_000)
      n %= 1_000_000_000
      if n < 0 {
        n += 1_000_000_000
        s -= 1
      }
    }
    guard s >= CELTimestamp.minSeconds && s <= CELTimestamp.maxSeconds else { return nil }
    self.seconds = s
    self.nanos = n
  }

  /// Parses an RFC 3339 timestamp such as `2009-02-13T23:31:30Z` or
  /// `2024-03-12T08:00:00.5+01:00`; nil when malformed or out of range.
  public init?(rfc3339 text: String) {
    var scanner = DigitScanner(text)
    guard let year = scanner.number(digits: 4), scanner.skip("-"),
      let month = scanner.number(digits: 2), scanner.skip("-"),
      let day = scanner.number(digits: 2), scanner.skip("T") || scanner.skip("t"),
      let hour = scanner.number(digits: 2), scanner.skip(":"),
      let minute = scanner.number(digits: 2), scanner.skip(":"),
      let second = scanner.number(digits: 2)
    else { return nil }
    var nanos: Int64 = 0
    if scanner.skip(".") {
      var digits = 0
      while let d = scanner.digit() {
        if digits < 9 { nanos = nanos * 10 + Int64(d) }
        digits += 1
      }
      guard digits > 0 else { return nil }
      for _ in digits..<max(digits, 9) { nanos *= 10 }
    }
    var offset: Int64 = 0
    if scanner.skip("Z") || scanner.skip("z") {
      offset = 0
    } else if let sign = scanner.sign(), let oh = scanner.number(digits: 2), scanner.skip(":"),
      let om = scanner.number(digits: 2), oh < 24, om < 60
    {
      offset = sign * Int64(oh * 3600 + om * 60)
    } else {
      return nil
    }
    guard scanner.atEnd, year >= 1, (1...12).contains(month),
      (1...CivilDateTime.daysInMonth(year: Int64(year), month: month)).contains(day),
      hour < 24, minute < 60, second < 60
    else { return nil }
    let days = CivilDateTime.days(year: Int64(year), month: month, day: day)
    let local = days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    self.init(seconds: local - offset, nanos: Int32(nanos))
  }

  /// The RFC 3339 form in UTC, with as many fractional digits as needed:
  /// `2009-02-13T23:31:30Z`, `9999-12-31T23:59:59.999999999Z`.
  public var description: String {
    let c = CivilDateTime(epochSeconds: seconds)
    var s = pad(c.year, 4) + "-" + pad(Int64(c.month), 2) + "-" + pad(Int64(c.day), 2)
    s += "T" + pad(Int64(c.hour), 2) + ":" + pad(Int64(c.minute), 2) + ":" + pad(Int64(c.second), 2)
    if nanos != 0 { s += "." + fractionDigits(nanos) }
    return s + "Z"
  }

  public static func < (a: CELTimestamp, b: CELTimestamp) -> Bool {
    (a.seconds, a.nanos) < (b.seconds, b.nanos)
  }

  /// The timestamp moved by a duration, or nil when out of range.
  public func adding(_ d: CELDuration) -> CELTimestamp? {
    CELTimestamp(seconds: seconds + d.seconds, nanos: nanos + d.nanos)
  }

  /// The span from `other` to this timestamp, or nil when out of range.
  public func difference(from other: CELTimestamp) -> CELDuration? {
    CELDuration(seconds: seconds - other.seconds, nanos: nanos - other.nanos)
  }

  /// Calendar fields in a time zone given by its UTC offset in seconds.
  func civil(offsetSeconds: Int64) -> CivilDateTime {
    CivilDateTime(epochSeconds: seconds + offsetSeconds)
  }
}

func pad(_ n: Int64, _ width: Int) -> String {
  let digits = String(n)
  return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}

/// Nine-digit nanoseconds with trailing zeros removed: 500_000_000 → "5".
func fractionDigits(_ nanos: Int32) -> String {
  var s = pad(Int64(nanos), 9)
  while s.hasSuffix("0") { s.removeLast() }
  return s
}
