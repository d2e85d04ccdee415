import CEL
import PrincipEngine

/// One edit of a proposal, made in memory: set a field, remove it, or add an element to
/// a list. Paths are written as the reports print them: `interventions[0].format`.
public struct ProposalChange: Sendable, Hashable, Codable, CustomStringConvertible {
  /// What the change does at its path.
  public enum Action: String, Sendable, Hashable, Codable {
    /// Give the field (or list element) this value.
    case set
    /// Remove the field (or list element).
    case unset
    /// Append the value to the list at the path (made when absent).
    case add
  }

  public var action: Action
  /// The path as written: `interventions[0].provider`.
  public var path: String
  /// The new value, or the element added; `nil` for ``Action/unset``.
  public var value: FactValue?

  public init(_ action: Action, _ path: String, _ value: FactValue? = nil) {
    self.action = action
    self.path = path
    self.value = value
  }

  /// Reads a command-line argument: `PATH=VALUE` for set and add (the value is YAML:
  /// `true`, `12`, `group`, `{ kind: sel_85, status: excluded }`), `PATH` for unset.
  public init(parsing argument: String, as action: Action) throws(TrainerError) {
    if action == .unset {
      _ = try FieldPath(parsing: argument)
      self.init(.unset, argument)
      return
    }
    guard let equals = argument.firstIndex(of: "=") else {
      throw .invalidArgument(argument, expected: .pathEqualsValue)
    }
    let path = String(argument[..<equals])
    let text = String(argument[argument.index(after: equals)...])
    _ = try FieldPath(parsing: path)
    guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { throw .invalidArgument(argument, expected: .pathEqualsValue) }
    let value: CELValue
    do {
      value = try YAMLDocument(text: text, file: "--\(action.rawValue) \(path)").value()
    } catch {
      throw .invalidArgument(argument, expected: .yamlValue)
    }
    self.init(action, path, FactValue(value))
  }

  /// The flag of `princip whatif` that makes this change: `--set interventions[0].format=group`.
  public var argument: String {
    switch action {
    case .unset: "--unset \(path)"
    case .set, .add: "--\(action.rawValue) \(path)=\(value?.yaml ?? "null")"
    }
  }

  public var description: String { argument }

  /// The proposal (as read from its file, before the schema) with this change made.
  public func applied(to proposal: CELValue) throws(TrainerError) -> CELValue {
    let path = try FieldPath(parsing: self.path)
    let action = self.action
    let value = self.value?.celValue
    let edited = try ProposalEditing.edit(proposal, path.components[...], path: path) { (old) throws(TrainerError) -> CELValue? in
      switch action {
      case .set:
        return value
      case .unset:
        guard old != nil else { throw .noSuchPath(self.path, .absent) }
        return nil
      case .add:
        guard let old else { return .list([value ?? .null]) }
        guard case .list(let elements) = old else { throw .noSuchPath(self.path, .notAList) }
        return .list(elements + [value ?? .null])
      }
    }
    return edited ?? .map(CELMap())
  }
}

/// Changes a value deep inside a proposal, making the maps on the way when a field is
/// set that was not there.
enum ProposalEditing {
  static func edit(
    _ value: CELValue?, _ components: ArraySlice<FieldPath.Component>, path: FieldPath,
    leaf: (CELValue?) throws(TrainerError) -> CELValue?
  ) throws(TrainerError) -> CELValue? {
    guard let component = components.first else { return try leaf(value) }
    let rest = components.dropFirst()
    let prefix = FieldPath(Array(path.components[..<(path.components.count - components.count + 1)])).description
    switch component {
    case .field(let name):
      let map: CELMap
      switch value {
      case nil: map = CELMap()
      case .map(let existing)?: map = existing
      default: throw .noSuchPath(prefix, .notAnObject)
      }
      let child = map[.string(name)]
      if child == nil, case .index? = rest.first { throw .noSuchPath(prefix, .absent) }
      let new = try edit(child, rest, path: path, leaf: leaf)
      var builder = CELMap.Builder(capacity: map.count + 1)
      var placed = false
      for (key, old) in map.pairs {
        if key.stringValue == name {
          placed = true
          if let new { builder.set(key, new) }
        } else {
          builder.set(key, old)
        }
      }
      if !placed, let new { builder.set(.string(name), new) }
      return .map(builder.build())
    case .index(let index):
      guard case .list(var elements)? = value else { throw .noSuchPath(prefix, value == nil ? .absent : .notAList) }
      guard elements.indices.contains(index) else { throw .noSuchPath(prefix, .noElement(count: elements.count)) }
      if let new = try edit(elements[index], rest, path: path, leaf: leaf) {
        elements[index] = new
      } else {
        elements.remove(at: index)
      }
      return .list(elements)
    }
  }

  /// The value at a path, if there is one.
  static func value(at path: FieldPath, in value: CELValue) -> CELValue? {
    var current: CELValue? = value
    for component in path.components {
      switch (component, current) {
      case (.field(let name), .map(let map)?): current = map[.string(name)]
      case (.index(let index), .list(let elements)?) where elements.indices.contains(index): current = elements[index]
      default: return nil
      }
    }
    return current
  }
}

extension FieldPath {
  /// Reads a path as reports print it: `interventions[0].format`, `alternatives`,
  /// `justifications.group_before_individual`.
  public init(parsing text: String) throws(TrainerError) {
    var components: [Component] = []
    var index = text.startIndex
    func fail() -> TrainerError { .invalidArgument(text, expected: .path) }
    while index < text.endIndex {
      if text[index] == "[" {
        guard let close = text[index...].firstIndex(of: "]"), let number = Int(text[text.index(after: index)..<close]), number >= 0 else {
          throw fail()
        }
        components.append(.index(number))
        index = text.index(after: close)
      } else {
        if text[index] == "." {
          guard !components.isEmpty else { throw fail() }
          index = text.index(after: index)
        } else if !components.isEmpty {
          throw fail()
        }
        let end = text[index...].firstIndex { $0 == "." || $0 == "[" } ?? text.endIndex
        let name = text[index..<end]
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "$" }) else { throw fail() }
        components.append(.field(String(name)))
        index = end
      }
    }
    guard case .field? = components.first else { throw fail() }
    self.init(components)
  }
}
