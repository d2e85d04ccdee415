import CEL

/// A JSON value whose objects keep their keys in the order written, so reports come out
/// in a fixed, documented order (`JSONSerialization` would reorder them).
enum JSONNode: Sendable {
  case null
  case bool(Bool)
  case int(Int64)
  case double(Double)
  case string(String)
  case array([JSONNode])
  case object([(key: String, value: JSONNode)])

  /// A string, or `null` for `nil`.
  static func string(_ text: String?) -> JSONNode {
    text.map(JSONNode.string) ?? .null
  }

  /// Pretty-printed with two-space indentation and a final newline.
  var rendered: String {
    var out = ""
    write(to: &out, indent: "")
    return out + "\n"
  }

  private func write(to out: inout String, indent: String) {
    switch self {
    case .null: out += "null"
    case .bool(let flag): out += flag ? "true" : "false"
    case .int(let number): out += String(number)
    case .double(let number):
      // JSON has no NaN or infinity; write them as the strings CEL's JSON mapping uses.
      if number.isNaN {
        out += "\"NaN\""
      } else if number.isInfinite {
        out += number < 0 ? "\"-Infinity\"" : "\"Infinity\""
      } else if number == number.rounded(), abs(number) < 1e15 {
        out += String(Int64(number))
      } else {
        out += String(number)
      }
    case .string(let text): Self.quote(text, into: &out)
    case .array(let elements):
      guard !elements.isEmpty else { out += "[]"; return }
      if let line = Self.inlineScalars(elements) { out += line; return }
      let inner = indent + "  "
      out += "[\n"
      for (index, element) in elements.enumerated() {
        out += inner
        element.write(to: &out, indent: inner)
        out += index == elements.count - 1 ? "\n" : ",\n"
      }
      out += indent + "]"
    case .object(let members):
      guard !members.isEmpty else { out += "{}"; return }
      let inner = indent + "  "
      out += "{\n"
      for (index, member) in members.enumerated() {
        out += inner
        Self.quote(member.key, into: &out)
        out += ": "
        member.value.write(to: &out, indent: inner)
        out += index == members.count - 1 ? "\n" : ",\n"
      }
      out += indent + "}"
    }
  }

  /// A short list of scalars on one line (`["network", "involvement"]`), or `nil`.
  private static func inlineScalars(_ elements: [JSONNode]) -> String? {
    var parts: [String] = []
    for element in elements {
      switch element {
      case .array, .object: return nil
      default:
        var part = ""
        element.write(to: &part, indent: "")
        parts.append(part)
      }
    }
    let line = "[" + parts.joined(separator: ", ") + "]"
    return line.count <= 72 ? line : nil
  }

  /// A JSON string literal: quotes, backslashes and control characters escaped, all other
  /// characters (æ, ø, å, «, ») as they are, in UTF-8 — CEL's JSON writer does it.
  private static func quote(_ text: String, into out: inout String) {
    out += CELValue.string(text).jsonText
  }
}
