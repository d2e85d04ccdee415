import CEL
import Foundation

/// The proposal schema (`Rules/schema/proposal.schema.json`): one file that validates
/// proposals, types the fields rules may name, and gives editors completion.
public struct ProposalSchema: Sendable {
  /// The schema of a whole proposal.
  public let root: SchemaNode
  /// Where the schema was read from.
  public let file: String

  /// Reads a JSON Schema document.
  public init(json data: Data, file: String) throws(PrincipError) {
    let document: Any
    do {
      document = try JSONSerialization.jsonObject(with: data)
    } catch {
      throw .syntax(SourceLocation(file: file), detail: "\(error.localizedDescription)")
    }
    guard let object = document as? [String: Any] else {
      throw .invalidRulePack(SourceLocation(file: file), detail: "a JSON Schema must be an object")
    }
    let definitions = object["$defs"] as? [String: Any] ?? [:]
    var reader = Reader(file: file, definitions: definitions)
    self.root = try reader.node(object, at: "#")
    self.file = file
  }

  /// Checks `value` against the schema and returns it ready for rules: dates become
  /// CEL timestamps and integers in `number` fields become doubles.
  ///
  /// - Complexity: O(n) in the size of the value.
  public func validate(_ value: CELValue) -> Result<CELValue, SchemaViolation> {
    var path = FieldPath()
    return Self.check(value, against: root, at: &path)
  }

  /// The schema node at a path of field names (list elements are stepped through), if any.
  public func node(at fields: [String]) -> SchemaNode? {
    var node = root
    for field in fields {
      while case .array(let items, _) = node { node = items }
      guard case .object(let rule) = node, let next = rule.field(field) else { return nil }
      node = next
    }
    return node
  }
}

/// A value that does not fit the schema, and where.
public struct SchemaViolation: Error, Sendable, Hashable {
  public var path: FieldPath
  public var problem: SchemaProblem
}

// MARK: - Validation

extension ProposalSchema {
  private static func check(
    _ value: CELValue, against node: SchemaNode, at path: inout FieldPath
  ) -> Result<CELValue, SchemaViolation> {
    func fail(_ problem: SchemaProblem) -> Result<CELValue, SchemaViolation> {
      .failure(SchemaViolation(path: path, problem: problem))
    }
    switch (node, value) {
    case (.any, _):
      return .success(value)
    case (.string(let rule), .string(let text)):
      if let allowed = rule.allowed, !allowed.contains(text) {
        return fail(.notAllowed(value: text, allowed: allowed, suggestion: Suggestion.closest(to: text, among: allowed)))
      }
      if let minimum = rule.minLength, text.count < minimum { return fail(.tooShort(minimum: minimum)) }
      guard rule.isDate else { return .success(value) }
      guard let date = CivilDate(text) else { return fail(.invalidDate(text)) }
      return .success(date.timestamp)
    case (.integer(let rule), .int(let number)):
      return range(Double(number), rule, value, path)
    case (.integer(let rule), .double(let number)) where number == number.rounded() && abs(number) < 9e15:
      return range(number, rule, .int(Int64(number)), path)
    case (.number(let rule), .int(let number)):
      return range(Double(number), rule, .double(Double(number)), path)
    case (.number(let rule), .double(let number)):
      return range(number, rule, value, path)
    case (.boolean, .bool):
      return .success(value)
    case (.array(let items, let minItems), .list(let elements)):
      if let minItems, elements.count < minItems { return fail(.tooShort(minimum: minItems)) }
      var checked: [CELValue] = []
      checked.reserveCapacity(elements.count)
      for (offset, element) in elements.enumerated() {
        path.components.append(.index(offset))
        defer { path.components.removeLast() }
        switch check(element, against: items, at: &path) {
        case .success(let good): checked.append(good)
        case .failure(let violation): return .failure(violation)
        }
      }
      return .success(.list(checked))
    case (.object(let rule), .map(let map)):
      return checkObject(map, rule, at: &path)
    default:
      return fail(.wrongType(expected: node.typeName, found: jsonTypeName(of: value)))
    }
  }

  private static func checkObject(
    _ map: CELMap, _ rule: SchemaNode.ObjectRule, at path: inout FieldPath
  ) -> Result<CELValue, SchemaViolation> {
    var builder = CELMap.Builder(capacity: map.count)
    for (key, value) in map.pairs {
      guard case .string(let name) = key else {
        return .failure(SchemaViolation(path: path, problem: .wrongType(expected: "text keys", found: jsonTypeName(of: key))))
      }
      path.components.append(.field(name))
      defer { path.components.removeLast() }
      guard let fieldNode = rule.field(name) else {
        let suggestion = Suggestion.closest(to: name, among: rule.properties.map(\.name))
        return .failure(SchemaViolation(path: path, problem: .unknownField(suggestion: suggestion)))
      }
      switch check(value, against: fieldNode, at: &path) {
      case .success(let good): builder.set(key, good)
      case .failure(let violation): return .failure(violation)
      }
    }
    for name in rule.required.sorted() where map[.string(name)] == nil {
      return .failure(SchemaViolation(path: path.appending(.field(name)), problem: .missingRequired))
    }
    return .success(.map(builder.build()))
  }

  private static func range(
    _ number: Double, _ rule: SchemaNode.NumberRule, _ value: CELValue, _ path: FieldPath
  ) -> Result<CELValue, SchemaViolation> {
    if let minimum = rule.minimum, number < minimum || number.isNaN {
      return .failure(SchemaViolation(path: path, problem: .outOfRange(value: "\(number)", minimum: rule.minimum, maximum: rule.maximum)))
    }
    if let maximum = rule.maximum, number > maximum {
      return .failure(SchemaViolation(path: path, problem: .outOfRange(value: "\(number)", minimum: rule.minimum, maximum: rule.maximum)))
    }
    return .success(value)
  }

  private static func jsonTypeName(of value: CELValue) -> String {
    switch value {
    case .null: "null"
    case .bool: "boolean"
    case .int, .uint: "integer"
    case .double: "number"
    case .string: "string"
    case .list: "array"
    case .map: "object"
    default: value.typeName
    }
  }
}
