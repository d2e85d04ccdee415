import CEL

extension Evidence {
  /// The value as a caseworker reads it, on one line: text without quotes, dates as dates,
  /// whole numbers without decimals, a record as `key: value, …`; `nil` when the fact is
  /// missing from the proposal.
  func displayValue(in language: Language, limit: Int = 160) -> String? {
    value.map { TextLayout.truncate(Self.inline($0, language), limit) }
  }

  /// A list of records (alternatives, earlier interventions) one record a line, so each
  /// can be read; `nil` for any other value.
  func displayRecords(in language: Language, limit: Int = 200) -> [String]? {
    guard case .list(let elements)? = value, !elements.isEmpty, elements.allSatisfy({ $0.mapValue != nil }) else {
      return nil
    }
    return elements.map { TextLayout.truncate(Self.inline($0, language), limit) }
  }

  static func inline(_ value: CELValue, _ language: Language) -> String {
    switch value {
    case .list(let elements):
      return elements.isEmpty
        ? "[]"
        : elements.map { element in
          element.mapValue == nil ? inline(element, language) : "{\(inline(element, language))}"
        }.joined(separator: "; ")
    case .map(let map):
      return map.pairs.map { pair in
        "\(pair.key.stringValue ?? pair.key.description): \(inline(pair.value, language))"
      }.joined(separator: ", ")
    default:
      return ValueText.plain(value, language)
    }
  }
}
