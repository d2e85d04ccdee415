import Foundation

extension ProposalSchema {
  /// Turns the JSON Schema document into `SchemaNode`s, resolving `$ref`s to `#/$defs/…`.
  struct Reader {
    let file: String
    let definitions: [String: Any]
    /// Definitions being expanded, to refuse a recursive schema instead of looping.
    var expanding: Set<String> = []

    mutating func node(_ any: Any, at pointer: String) throws(PrincipError) -> SchemaNode {
      guard let object = any as? [String: Any] else { throw invalid(pointer, "a schema must be an object") }
      if let reference = object["$ref"] as? String {
        let prefix = "#/$defs/"
        guard reference.hasPrefix(prefix) else { throw invalid(pointer, "only '#/$defs/…' references are supported, not '\(reference)'") }
        let name = String(reference.dropFirst(prefix.count))
        guard let definition = definitions[name] else {
          throw invalid(pointer, "unknown definition '\(name)'\(Suggestion.hint(for: name, among: definitions.keys))")
        }
        guard expanding.insert(name).inserted else { throw invalid(pointer, "recursive definition '\(name)'") }
        defer { expanding.remove(name) }
        return try node(definition, at: reference)
      }
      let allowed = (object["enum"] as? [Any])?.compactMap { $0 as? String }
      switch object["type"] as? String {
      case "string":
        return .string(try stringRule(object, allowed: allowed, at: pointer))
      case "integer":
        return .integer(numberRule(object))
      case "number":
        return .number(numberRule(object))
      case "boolean":
        return .boolean
      case "array":
        let items = try object["items"].map { (items) throws(PrincipError) in try node(items, at: pointer + "/items") } ?? .any
        return .array(items: items, .init(minItems: try count("minItems", object, pointer), maxItems: try count("maxItems", object, pointer)))
      case "object":
        return .object(try objectRule(object, at: pointer))
      case nil where allowed != nil:
        return .string(try stringRule(object, allowed: allowed, at: pointer))
      case nil:
        return .any
      case let other?:
        throw invalid(pointer, "unsupported type '\(other)'")
      }
    }

    private mutating func objectRule(_ object: [String: Any], at pointer: String) throws(PrincipError) -> SchemaNode.ObjectRule {
      var properties: [(name: String, node: SchemaNode)] = []
      let declared = object["properties"] as? [String: Any] ?? [:]
      // JSONSerialization loses key order; sort so messages and completion lists are stable.
      for name in declared.keys.sorted() {
        properties.append((name, try node(declared[name] as Any, at: pointer + "/properties/" + name)))
      }
      let additional: SchemaNode?
      switch object["additionalProperties"] {
      case let flag as Bool: additional = flag ? .any : nil
      case let schema?: additional = try node(schema, at: pointer + "/additionalProperties")
      case nil: additional = .any
      }
      let required = Set(object["required"] as? [String] ?? [])
      return .init(properties: properties, required: required, additional: additional, maxProperties: try count("maxProperties", object, pointer))
    }

    private func stringRule(_ object: [String: Any], allowed: [String]?, at pointer: String) throws(PrincipError) -> SchemaNode.StringRule {
      var freeText: Bool?
      if let flag = object["x-free-text"] {
        guard let bool = flag as? Bool else { throw invalid(pointer, "'x-free-text' must be true or false") }
        freeText = bool
      }
      return .init(
        allowed: allowed, isDate: object["format"] as? String == "date", minLength: try count("minLength", object, pointer),
        maxLength: try count("maxLength", object, pointer), isFreeText: freeText, acceptsNone: object["x-none"] as? Bool ?? false)
    }

    /// A count keyword (`minItems`, `maxLength`, …): a non-negative integer, if present.
    private func count(_ keyword: String, _ object: [String: Any], _ pointer: String) throws(PrincipError) -> Int? {
      guard let value = object[keyword] else { return nil }
      guard let number = value as? NSNumber, let count = Int(exactly: number.doubleValue), count >= 0 else {
        throw invalid(pointer, "'\(keyword)' must be a non-negative integer")
      }
      return count
    }

    private func numberRule(_ object: [String: Any]) -> SchemaNode.NumberRule {
      .init(minimum: (object["minimum"] as? NSNumber)?.doubleValue, maximum: (object["maximum"] as? NSNumber)?.doubleValue)
    }

    private func invalid(_ pointer: String, _ detail: String) -> PrincipError {
      .invalidRulePack(SourceLocation(file: file), detail: "\(pointer): \(detail)")
    }
  }
}
