/// The municipality a proposal file names, found by a cheap scan of its text before the
/// rules (and with them the schema) are loaded, so `check` loads only the packs it needs.
///
/// Only a hint: it reads a top-level `municipality: NAME` (YAML) or
/// `"municipality": "NAME"` (JSON) line and gives up on anything else. The proposal is
/// still read and validated properly afterwards.
enum PackHint {
  static func municipality(in text: String) -> String? {
    for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
      var rest = Substring(line)
      if rest.hasPrefix("{") { rest = rest.dropFirst() }
      rest = rest.drop { $0 == " " || $0 == "\t" }
      for key in ["municipality:", "\"municipality\":"] where rest.hasPrefix(key) {
        let value = rest.dropFirst(key.count).drop { $0 == " " || $0 == "\t" }
        let unquoted = value.drop { $0 == "\"" || $0 == "'" }
        let name = unquoted.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
        return name.isEmpty ? nil : String(name)
      }
    }
    return nil
  }
}
