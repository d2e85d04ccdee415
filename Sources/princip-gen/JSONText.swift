import CEL

/// A JSON object written field by field, compact, in the order the fields are added.
struct JSONText {
  private(set) var text = "{"
  private var empty = true

  private mutating func key(_ name: String) {
    text += empty ? "\"\(name)\":" : ",\"\(name)\":"
    empty = false
  }

  mutating func raw(_ name: String, _ json: String) {
    key(name)
    text += json
  }

  mutating func string(_ name: String, _ value: String) { raw(name, Self.quote(value)) }
  mutating func int(_ name: String, _ value: Int) { raw(name, String(value)) }
  mutating func bool(_ name: String, _ value: Bool) { raw(name, value ? "true" : "false") }
  mutating func strings(_ name: String, _ values: [String]) { raw(name, "[" + values.map(Self.quote).joined(separator: ",") + "]") }
  mutating func objects(_ name: String, _ values: [JSONText]) { raw(name, "[" + values.map(\.json).joined(separator: ",") + "]") }
  mutating func object(_ name: String, _ value: JSONText) { raw(name, value.json) }

  var json: String { text + "}" }

  /// A JSON string literal, escaped by CEL's JSON writer.
  static func quote(_ value: String) -> String { CELValue.string(value).jsonText }
}
