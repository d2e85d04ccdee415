import CEL

extension Evidence {
  /// The most items of a list a report shows in a finding's evidence; the rest are counted
  /// (`… og 90 flere`). A rule that reads a long list would otherwise repeat all of it in
  /// every finding, so that a report grew with interventions × list length.
  public static let shownItems = 10

  /// The value as a report shows it: a list cut to ``shownItems`` items, and how many were
  /// left out (0 when none).
  public var shownValue: (value: CELValue, omitted: Int)? {
    guard let value else { return nil }
    guard case .list(let elements) = value, elements.count > Self.shownItems else { return (value, 0) }
    return (.list(Array(elements.prefix(Self.shownItems))), elements.count - Self.shownItems)
  }

  /// The value as a caseworker reads it, on one line: text without quotes, dates as dates,
  /// whole numbers without decimals, a record as `key: value, …`, at most ``shownItems``
  /// of a list; `nil` when the fact is missing from the proposal.
  func displayValue(in language: Language, limit: Int = 160) -> String? {
    value.map { TextLayout.truncate(Self.inline($0, language), limit) }
  }

  /// A list of records (alternatives, earlier interventions) one record a line, so each
  /// can be read: at most ``shownItems`` of them, and how many more there are; `nil` for
  /// any other value.
  func displayRecords(in language: Language, limit: Int = 200) -> (records: [String], omitted: Int)? {
    guard case .list(let elements)? = value, !elements.isEmpty, elements.allSatisfy({ $0.mapValue != nil }) else {
      return nil
    }
    let records = elements.prefix(Self.shownItems).map { TextLayout.truncate(Self.inline($0, language), limit) }
    return (records, elements.count - records.count)
  }

  /// `… og 90 flere` / `… and 90 more`: the items of a list a report left out.
  static func omission(_ count: Int, _ language: Language) -> String {
    language == .da ? "… og \(count) flere" : "… and \(count) more"
  }

  static func inline(_ value: CELValue, _ language: Language) -> String {
    switch value {
    case .list(let elements):
      guard !elements.isEmpty else { return "[]" }
      let shown = elements.prefix(shownItems).map { element in
        element.mapValue == nil ? inline(element, language) : "{\(inline(element, language))}"
      }
      let rest = elements.count - shown.count
      return (shown + (rest > 0 ? [omission(rest, language)] : [])).joined(separator: "; ")
    case .map(let map):
      return map.pairs.map { pair in
        "\(pair.key.stringValue ?? pair.key.description): \(inline(pair.value, language))"
      }.joined(separator: ", ")
    default:
      return ValueText.plain(value, language)
    }
  }
}
