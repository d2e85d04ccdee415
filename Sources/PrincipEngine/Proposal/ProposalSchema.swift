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
    do {
      return .success(try Self.checked(value, against: root) ?? value)
    } catch {
      return .failure(SchemaViolation(path: FieldPath(error.reversedPath.reversed()), problem: error.problem))
    }
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
  /// A failure on the way down; the path is built while unwinding, so a valid proposal
  /// (the common case in a batch) never pays for it.
  private struct Failure: Error {
    var reversedPath: [FieldPath.Component]
    var problem: SchemaProblem

    func adding(_ component: FieldPath.Component) -> Failure {
      Failure(reversedPath: reversedPath + [component], problem: problem)
    }
  }

  /// The value made ready for rules, or `nil` when it is already ready as it is.
  private static func checked(_ value: CELValue, against node: SchemaNode) throws(Failure) -> CELValue? {
    func fail(_ problem: SchemaProblem) -> Failure { Failure(reversedPath: [], problem: problem) }
    switch (node, value) {
    case (.any, _):
      return nil
    case (.string(let rule), .string(let text)):
      if rule.statesNone(text) { return nil }
      if let allowed = rule.allowed, !allowed.contains(text) {
        throw fail(.notAllowed(value: text, allowed: allowed, suggestion: Suggestion.closest(to: text, among: allowed)))
      }
      if let minimum = rule.minLength, text.count < minimum { throw fail(.tooShort(minimum: minimum)) }
      guard rule.isDate else { return nil }
      guard let date = CivilDate(text) else { throw fail(.invalidDate(text)) }
      return date.timestamp
    case (.integer(let rule), .int(let number)):
      try range(Double(number), rule)
      return nil
    case (.integer(let rule), .double(let number)) where number == number.rounded() && abs(number) < 9e15:
      try range(number, rule)
      return .int(Int64(number))
    case (.number(let rule), .int(let number)):
      try range(Double(number), rule)
      return .double(Double(number))
    case (.number(let rule), .double(let number)):
      try range(number, rule)
      return nil
    case (.boolean, .bool):
      return nil
    case (.array(let items, let minItems), .list(let elements)):
      if let minItems, elements.count < minItems { throw fail(.tooShort(minimum: minItems)) }
      var changed: [CELValue]?
      for (offset, element) in elements.enumerated() {
        let ready: CELValue?
        do { ready = try checked(element, against: items) } catch { throw error.adding(.index(offset)) }
        if let ready {
          if changed == nil { changed = elements }
          changed?[offset] = ready
        }
      }
      return changed.map(CELValue.list)
    case (.object(let rule), .map(let map)):
      return try checkedObject(map, rule)
    default:
      throw fail(.wrongType(expected: node.typeName, found: jsonTypeName(of: value)))
    }
  }

  private static func checkedObject(_ map: CELMap, _ rule: SchemaNode.ObjectRule) throws(Failure) -> CELValue? {
    var changed: [(key: CELValue, value: CELValue)]?
    let pairs = map.pairs
    for (offset, (key, value)) in pairs.enumerated() {
      guard case .string(let name) = key else {
        throw Failure(reversedPath: [], problem: .wrongType(expected: "text keys", found: jsonTypeName(of: key)))
      }
      guard let fieldNode = rule.field(name) else {
        let suggestion = Suggestion.closest(to: name, among: rule.properties.map(\.name))
        throw Failure(reversedPath: [.field(name)], problem: .unknownField(suggestion: suggestion))
      }
      let ready: CELValue?
      do { ready = try checked(value, against: fieldNode) } catch { throw error.adding(.field(name)) }
      if let ready {
        if changed == nil { changed = pairs }
        changed?[offset].value = ready
      }
    }
    for name in rule.requiredInOrder where map[.string(name)] == nil {
      throw Failure(reversedPath: [.field(name)], problem: .missingRequired)
    }
    guard let changed else { return nil }
    var builder = CELMap.Builder(capacity: changed.count)
    for (key, value) in changed { builder.set(key, value) }
    return .map(builder.build())
  }

  private static func range(_ number: Double, _ rule: SchemaNode.NumberRule) throws(Failure) {
    if (rule.minimum.map { number < $0 } ?? false) || (rule.maximum.map { number > $0 } ?? false) || number.isNaN {
      let text = number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
      throw Failure(reversedPath: [], problem: .outOfRange(value: text, minimum: rule.minimum, maximum: rule.maximum))
    }
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
