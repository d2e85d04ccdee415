/// princip's date extension to CEL, for rules that reason in calendar days and months.
///
/// - `date(string) -> timestamp`: `date("2024-03-12")` is `timestamp("2024-03-12T00:00:00Z")`.
/// - `days(int) -> duration`: `days(n)` is a duration of n × 24 hours.
/// - `monthsBetween(timestamp, timestamp) -> int`: the number of whole calendar months
///   from the first timestamp to the second, negative when the second is earlier. A
///   month is whole when adding it to the start (clamping the day to the month's length,
///   so January 31 plus one month is February 28 or 29) does not pass the end:
///   `monthsBetween(date("2024-01-31"), date("2024-02-29")) == 1`,
///   `monthsBetween(date("2024-01-15"), date("2024-07-14")) == 5`. Computed in UTC.
enum DateExtension {
  static func call(_ fn: Builtin, _ args: Arguments) -> CELResult {
    switch (fn, args[0]) {
    case (.date, .string(let s)):
      var scanner = DigitScanner(s)
      guard let y = scanner.number(digits: 4), scanner.skip("-"), let m = scanner.number(digits: 2),
        scanner.skip("-"), let d = scanner.number(digits: 2), scanner.atEnd, y >= 1, (1...12).contains(m),
        (1...CivilDateTime.daysInMonth(year: Int64(y), month: m)).contains(d),
        let t = CELTimestamp(seconds: CivilDateTime.days(year: Int64(y), month: m, day: d) * 86_400)
      else {
        return .error(CELError(.invalidArgument, "invalid date \(CELValue.quote(s)) (expected YYYY-MM-DD)"))
      }
      return .value(.timestamp(t))
    case (.date, .timestamp(let t)):
      let day = CivilDateTime(epochSeconds: t.seconds).dayNumber
      return CELTimestamp(seconds: day * 86_400).map { .value(.timestamp($0)) } ?? Conversions.rangeError(args[0], "timestamp")
    case (.days, .int(let n)):
      let (seconds, overflow) = n.multipliedReportingOverflow(by: 86_400)
      guard !overflow, let d = CELDuration(seconds: seconds) else {
        return .error(CELError(.overflow, "days(\(n)) is out of the range of duration"))
      }
      return .value(.duration(d))
    case (.monthsBetween, .timestamp(let a)):
      guard case .timestamp(let b) = args[1] else { break }
      return .value(.int(monthsBetween(a, b)))
    default: break
    }
    return args.noOverload(fn.name)
  }

  static func monthsBetween(_ a: CELTimestamp, _ b: CELTimestamp) -> Int64 {
    if b < a { return -monthsBetween(b, a) }
    let ca = CivilDateTime(epochSeconds: a.seconds)
    let cb = CivilDateTime(epochSeconds: b.seconds)
    var months = (cb.year - ca.year) * 12 + Int64(cb.month - ca.month)
    while months > 0 && (addMonths(a, months), a.nanos) > (b.seconds, b.nanos) { months -= 1 }
    return max(months, 0)
  }

  /// The epoch seconds of `t` plus `months` calendar months, the day clamped to the
  /// target month's length.
  static func addMonths(_ t: CELTimestamp, _ months: Int64) -> Int64 {
    let c = CivilDateTime(epochSeconds: t.seconds)
    let total = c.year * 12 + Int64(c.month - 1) + months
    let year = total >= 0 ? total / 12 : (total - 11) / 12
    let month = Int(total - year * 12) + 1
    let day = min(c.day, CivilDateTime.daysInMonth(year: year, month: month))
    return CivilDateTime.days(year: year, month: month, day: day) * 86_400
      + Int64(c.hour * 3600 + c.minute * 60 + c.second)
  }
}
