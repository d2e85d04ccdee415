/// A proleptic Gregorian calendar date and time of day, computed without Foundation.
/// Its day arithmetic also serves dates outside CEL (a proposal's `YYYY-MM-DD`).
public struct CivilDateTime: Equatable, Sendable {
  public var year: Int64
  /// 1...12
  public var month: Int
  /// 1...31
  public var day: Int
  public var hour = 0
  public var minute = 0
  public var second = 0

  /// Days since 1970-01-01 of a date (Howard Hinnant's `days_from_civil`).
  @inlinable public static func days(year: Int64, month: Int, day: Int) -> Int64 {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let m = Int64(month)
    let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// The date of a day count since 1970-01-01 (`civil_from_days`).
  public init(days z0: Int64) {
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    day = Int(doy - (153 * mp + 2) / 5 + 1)
    month = Int(mp < 10 ? mp + 3 : mp - 9)
    year = yoe + era * 400 + (month <= 2 ? 1 : 0)
  }

  init(year: Int64, month: Int, day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// The date and time of day of a number of seconds since the epoch.
  init(epochSeconds: Int64) {
    let days = epochSeconds >= 0 ? epochSeconds / 86_400 : (epochSeconds - 86_399) / 86_400
    self.init(days: days)
    let secondOfDay = Int(epochSeconds - days * 86_400)
    hour = secondOfDay / 3600
    minute = secondOfDay / 60 % 60
    second = secondOfDay % 60
  }

  @inlinable public static func isLeap(_ year: Int64) -> Bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
  }

  @inlinable public static func daysInMonth(year: Int64, month: Int) -> Int {
    switch month {
    case 2: isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// Days since 1970-01-01.
  var dayNumber: Int64 { CivilDateTime.days(year: year, month: month, day: day) }

  /// 0 for Sunday.
  var dayOfWeek: Int {
    let d = (dayNumber + 4) % 7
    return Int(d < 0 ? d + 7 : d)
  }

  /// 0 for January 1st.
  var dayOfYear: Int { Int(dayNumber - CivilDateTime.days(year: year, month: 1, day: 1)) }
}
