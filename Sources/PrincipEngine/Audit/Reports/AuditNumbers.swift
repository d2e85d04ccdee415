/// Numbers as a Danish or English reader expects them: `12.345` and `12,3 %` in Danish,
/// `12,345` and `12.3%` in English.
enum AuditNumbers {
  /// A count with thousands separators.
  static func count(_ value: Int, _ language: Language) -> String {
    let digits = String(abs(value))
    var text = ""
    for (offset, digit) in digits.enumerated() {
      if offset > 0 && (digits.count - offset) % 3 == 0 { text.append(language == .da ? "." : ",") }
      text.append(digit)
    }
    return (value < 0 ? "-" : "") + text
  }

  /// A share 0–1 as a percentage with one decimal; `–` when there is none.
  static func percent(_ share: Double?, _ language: Language) -> String {
    guard let share else { return "–" }
    return decimal(share * 100, language) + (language == .da ? " %" : "%")
  }

  /// A change in percentage points with its sign: `+1,2 pp`, `−0,4 pp`, `±0,0 pp`.
  static func points(_ value: Double?, _ language: Language) -> String {
    guard let value else { return "–" }
    let rounded = (value * 10).rounded() / 10
    let sign = rounded > 0 ? "+" : rounded < 0 ? "−" : "±"
    return sign + decimal(abs(rounded), language) + " pp"
  }

  /// One decimal, with a decimal comma in Danish.
  static func decimal(_ value: Double, _ language: Language) -> String {
    let tenths = Int((value * 10).rounded())
    let text = "\(tenths / 10)\(language == .da ? "," : ".")\(abs(tenths % 10))"
    return tenths < 0 && tenths / 10 == 0 ? "-" + text : text
  }
}
