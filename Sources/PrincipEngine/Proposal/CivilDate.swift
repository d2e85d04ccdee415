import CEL

/// A calendar date `YYYY-MM-DD`, as proposals and packs write dates.
public struct CivilDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  public let year: Int
  public let month: Int
  public let day: Int

  /// Parses `YYYY-MM-DD`; `nil` for anything else, including impossible dates like 2023-02-30.
  public init?(_ text: some StringProtocol) {
    var text = String(text)
    guard let date = text.withUTF8({ CivilDate(utf8: $0) }) else { return nil }
    self = date
  }

  /// Parses `YYYY-MM-DD` from UTF-8 bytes, as ``init(_:)`` does, without making a string.
  @inline(__always)
  init?(utf8: UnsafeBufferPointer<UInt8>) {
    guard utf8.count == 10, utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-") else { return nil }
    @inline(__always)
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for index in range {
        let digit = utf8[index] &- 0x30
        guard digit < 10 else { return nil }
        value = value * 10 + Int(digit)
      }
      return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
      year >= 1, (1...12).contains(month), day >= 1, day <= CivilDateTime.daysInMonth(year: Int64(year), month: month)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// The date `days` after 1970-01-01.
  public init(daysSinceEpoch days: Int) {
    let date = CivilDateTime(days: Int64(days))
    (year, month, day) = (Int(date.year), date.month, date.day)
  }

  /// Days since 1970-01-01.
  public var daysSinceEpoch: Int { Int(CivilDateTime.days(year: Int64(year), month: month, day: day)) }

  /// The date as a CEL timestamp at midnight UTC.
  public var timestamp: CELValue {
    // Years 1–9999 are all within CEL's timestamp range.
    CELTimestamp(seconds: Int64(daysSinceEpoch) * 86_400).map(CELValue.timestamp) ?? .string(description)
  }

  /// ISO 8601 `yyyy-MM-dd`, the year always four digits (`0001-01-01`).
  public var description: String {
    let y = year < 10 ? "000\(year)" : year < 100 ? "00\(year)" : year < 1000 ? "0\(year)" : "\(year)"
    let m = month < 10 ? "0\(month)" : "\(month)"
    let d = day < 10 ? "0\(day)" : "\(day)"
    return "\(y)-\(m)-\(d)"
  }

  public static func < (lhs: Self, rhs: Self) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let date = CivilDate(text) else {
      throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date: \(text)"))
    }
    self = date
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
