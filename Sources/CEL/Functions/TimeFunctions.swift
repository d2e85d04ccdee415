import Foundation

/// Calendar accessors on timestamps (`getFullYear`, `getMonth`, …, optionally in a time
/// zone) and unit accessors on durations (`getHours`, `getMinutes`, `getSeconds`,
/// `getMilliseconds`).
enum TimeFunctions {
  static func call(_ fn: Builtin, _ args: Arguments) -> CELResult {
    switch args[0] {
    case .timestamp(let t):
      var offset: Int64 = 0
      if args.count == 2 {
        guard case .string(let zone) = args[1] else { return args.noOverload(fn.name) }
        guard let o = offsetSeconds(zone: zone, at: t) else {
          return .error(CELError(.invalidArgument, "unknown time zone \(CELValue.quote(zone))"))
        }
        offset = o
      }
      let c = t.civil(offsetSeconds: offset)
      let value: Int
      switch fn {
      case .getFullYear: value = Int(c.year)
      case .getMonth: value = c.month - 1
      case .getDate: value = c.day
      case .getDayOfMonth: value = c.day - 1
      case .getDayOfWeek: value = c.dayOfWeek
      case .getDayOfYear: value = c.dayOfYear
      case .getHours: value = c.hour
      case .getMinutes: value = c.minute
      case .getSeconds: value = c.second
      default: value = Int(t.nanos / 1_000_000)
      }
      return .value(.int(Int64(value)))
    case .duration(let d) where args.count == 1:
      let n = d.nanoseconds
      switch fn {
      case .getHours: return .value(.int(n / 3_600_000_000_000))
      case .getMinutes: return .value(.int(n / 60_000_000_000))
      case .getSeconds: return .value(.int(n / 1_000_000_000))
      case .getMilliseconds: return .value(.int(n % 1_000_000_000 / 1_000_000))
      default: break
      }
    default: break
    }
    return args.noOverload(fn.name)
  }

  /// The offset from UTC, in seconds, of a time zone at an instant. Accepts `UTC`, `Z`,
  /// fixed offsets `+01:00`, `-02:30` or `05:30`, and IANA names such as
  /// `Europe/Copenhagen`.
  static func offsetSeconds(zone: String, at t: CELTimestamp) -> Int64? {
    if zone == "UTC" || zone == "Z" || zone == "GMT" { return 0 }
    var scanner = DigitScanner(zone)
    let sign = scanner.sign() ?? 1
    if let h = scanner.number(digits: 2), scanner.skip(":"), let m = scanner.number(digits: 2), scanner.atEnd,
      h < 24, m < 60
    {
      return sign * Int64(h * 3600 + m * 60)
    }
    guard let tz = TimeZone(identifier: zone) else { return nil }
    return Int64(tz.secondsFromGMT(for: Date(timeIntervalSince1970: Double(t.seconds))))
  }
}
