import Testing

@testable import CEL

@Suite("Dates, timestamps and durations")
struct DateExtensionTests {
  @Test("date(), days() and monthsBetween()", arguments: [
    ("date('2024-03-12') == timestamp('2024-03-12T00:00:00Z')", true),
    ("date('2024-03-12') + days(1) == date('2024-03-13')", true),
    ("days(2) == duration('48h')", true),
    ("monthsBetween(date('2024-01-15'), date('2024-07-15')) == 6", true),
    ("monthsBetween(date('2024-01-15'), date('2024-07-14')) == 5", true),
    ("monthsBetween(date('2024-01-31'), date('2024-02-29')) == 1", true),
    ("monthsBetween(date('2023-01-31'), date('2023-02-28')) == 1", true),
    ("monthsBetween(date('2024-07-15'), date('2024-01-15')) == -6", true),
    ("monthsBetween(date('2024-01-15'), date('2024-01-15')) == 0", true),
    ("monthsBetween(timestamp('2024-01-15T12:00:00Z'), timestamp('2024-02-15T11:59:59Z')) == 0", true),
    ("monthsBetween(date('2019-12-31'), date('2024-12-31')) == 60", true),
  ])
  func dateExtension(source: String, expected: Bool) {
    #expect(evaluate(source).value == .bool(expected))
  }

  @Test("invalid dates are errors", arguments: ["date('2024-02-30')", "date('24-01-01')", "date('2024-01-01T00:00:00Z')"])
  func invalidDates(source: String) {
    #expect(evaluate(source).isError)
  }

  @Test("calendar accessors with time zones", arguments: [
    ("timestamp('2024-03-12T23:30:00Z').getHours('+01:00')", Int64(0)),
    ("timestamp('2024-03-12T23:30:00Z').getDate('+01:00')", 13),
    ("timestamp('2024-03-12T23:30:00Z').getDayOfWeek()", 2),
    ("timestamp('2024-07-01T12:00:00Z').getHours('Europe/Copenhagen')", 14),
    ("timestamp('2024-12-31T00:00:00Z').getDayOfYear()", 365),
    ("duration('1h30m').getMinutes()", 90),
    ("duration('1.5s').getMilliseconds()", 500),
  ])
  func accessors(source: String, expected: Int64) {
    #expect(evaluate(source).value == .int(expected))
  }

  @Test("string forms")
  func stringForms() {
    #expect(evaluate("string(timestamp('2024-03-12T08:00:00.5+01:00'))").value == .string("2024-03-12T07:00:00.5Z"))
    #expect(evaluate("string(duration('-1.5s'))").value == .string("-1.5s"))
    #expect(evaluate("string(days(1))").value == .string("86400s"))
  }
}
