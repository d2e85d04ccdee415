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
        return .string(.init(
          allowed: allowed, isDate: object["format"] as? String == "date", minLength: object["minLength"] as? Int,
          acceptsNone: object["x-none"] as? Bool ?? false))
      case "integer":
        return .integer(numberRule(object))
      case "number":
        return .number(numberRule(object))
      case "boolean":
        return .boolean
      case "array":
        let items = try object["items"].map { (items) throws(PrincipError) in try node(items, at: pointer + "/items") } ?? .any
        return .array(items: items, minItems: object["minItems"] as? Int)
      case "object":
        return .object(try objectRule(object, at: pointer))
      case nil where allowed != nil:
        return .string(.init(allowed: allowed, isDate: false, minLength: nil))
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
      return .init(properties: properties, required: required, additional: additional)
    }

    private func numberRule(_ object: [String: Any]) -> SchemaNode.NumberRule {
      .init(minimum: (object["minimum"] as? NSNumber)?.doubleValue, maximum: (object["maximum"] as? NSNumber)?.doubleValue)
    }

    private func invalid(_ pointer: String, _ detail: String) -> PrincipError {
      .invalidRulePack(SourceLocation(file: file), detail: "\(pointer): \(detail)")
    }
  }
}
