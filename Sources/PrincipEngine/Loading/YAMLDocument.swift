import CEL
import Yams

/// A parsed YAML (or JSON) file: its text, its node tree, and positions for errors.
public struct YAMLDocument: @unchecked Sendable {
  // `Yams.Node` is not marked Sendable, but the tree is immutable once parsed.
  public let file: String
  public let text: String
  public let root: Node

  /// Most nodes a document may expand to; aliases make a small file a huge tree.
  public static let nodeLimit = 200_000

  /// Parses `text`, reporting syntax errors with file, line and column.
  public init(text: String, file: String) throws(PrincipError) {
    do {
      guard let root = try Yams.compose(yaml: text) else {
        throw PrincipError.unusableFile(file: file, problem: .empty)
      }
      self.root = root
    } catch let error as PrincipError {
      throw error
    } catch let error as YamlError {
      throw Self.syntaxError(error, file: file, text: text)
    } catch {
      throw .syntax(SourceLocation(file: file), detail: "\(error)")
    }
    self.file = file
    self.text = text
  }

  /// A document from the JSON rendition of `text` made at build time (`embed-rules`),
  /// without line and column marks; `nil` if the JSON does not read.
  init?(compiledJSON json: String, text: String, file: String) {
    guard let value = try? CELValue.parseJSON(json) else { return nil }
    self.root = Self.node(of: value)
    self.file = file
    self.text = text
  }

  private static func node(of value: CELValue) -> Node {
    // One tag object per kind: making a `Tag` builds its resolver and constructor anew.
    let tags = CompiledTags.shared
    switch value {
    case .null: return Node("null", tags.null, .plain)
    case .bool(let flag): return Node(flag ? "true" : "false", tags.bool, .plain)
    case .int(let number): return Node(String(number), tags.int, .plain)
    case .double(let number): return Node(String(number), tags.float, .plain)
    case .list(let elements): return Node(elements.map(node(of:)), tags.sequence)
    case .map(let map): return Node(map.pairs.map { (node(of: $0.key), node(of: $0.value)) }, tags.mapping)
    case .string(let text): return Node(text, tags.string, .doubleQuoted)
    default: return Node(value.description, tags.string, .doubleQuoted)
    }
  }

  /// Reads and parses a file.
  public init(path: String, limit: Int = InputText.defaultLimit) throws(PrincipError) {
    try self.init(text: try InputText.read(path: path, limit: limit), file: path)
  }

  /// The position of `node` in this file.
  public func location(of node: Node) -> SourceLocation {
    guard let mark = node.mark else { return SourceLocation(file: file) }
    return SourceLocation(file: file, line: mark.line, column: mark.column)
  }

  /// The node a field path leads to, or the deepest node on the way.
  public func node(at path: FieldPath) -> Node {
    var node = root
    for component in path.components {
      switch (component, node) {
      case (.field(let name), .mapping(let mapping)):
        guard let pair = mapping.first(where: { $0.key.string == name }) else { return node }
        node = pair.value
      case (.index(let index), .sequence(let sequence)) where index < sequence.count:
        node = sequence[index]
      default:
        return node
      }
    }
    return node
  }

  /// Converts the tree to a CEL value: YAML's resolved scalars keep their type
  /// (int, float, bool, null); timestamps stay text so the schema can check dates.
  public func value() throws(PrincipError) -> CELValue {
    var budget = Self.nodeLimit
    return try Self.value(of: root, budget: &budget, file: file)
  }

  static func value(of node: Node, budget: inout Int, file: String) throws(PrincipError) -> CELValue {
    budget -= 1
    guard budget >= 0 else {
      // Where the expansion ran over: the node being expanded, usually an alias's anchor.
      throw .unusableFile(file: file, problem: .tooManyNodes(limit: nodeLimit), line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)
    }
    switch node {
    case .scalar(let scalar):
      return scalarValue(scalar)
    case .sequence(let sequence):
      var elements: [CELValue] = []
      elements.reserveCapacity(sequence.count)
      for element in sequence { elements.append(try value(of: element, budget: &budget, file: file)) }
      return .list(elements)
    case .mapping(let mapping):
      var builder = CELMap.Builder(capacity: mapping.count)
      for (key, element) in mapping {
        builder.set(try value(of: key, budget: &budget, file: file), try value(of: element, budget: &budget, file: file))
      }
      return .map(builder.build())
    case .alias(let alias):
      // Yams resolves aliases while composing; one left over has nothing to stand for.
      throw .syntax(SourceLocation(file: file), detail: "unresolved alias '*\(alias.anchor.rawValue)'")
    }
  }

  private static func scalarValue(_ scalar: Node.Scalar) -> CELValue {
    let text = scalar.string
    guard scalar.style == .plain || scalar.style == .any else { return .string(text) }
    switch Tag.Name(rawValue: Node.scalar(scalar).tag.rawValue) {
    case .null: return .null
    case .bool: return Bool.construct(from: scalar).map(CELValue.bool) ?? .string(text)
    case .int: return Int64(text).map(CELValue.int) ?? Double.construct(from: scalar).map(CELValue.double) ?? .string(text)
    case .float: return Double.construct(from: scalar).map(CELValue.double) ?? .string(text)
    default: return .string(text)
    }
  }

  private static func syntaxError(_ error: YamlError, file: String, text: String) -> PrincipError {
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let detail = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
      return .syntax(SourceLocation(file: file, line: mark.line, column: mark.column), detail: detail)
    case .duplicatedKeysInMapping(let duplicates, let context):
      return .syntax(
        SourceLocation(file: file, line: context.mark.line, column: context.mark.column),
        detail: "duplicate key(s) \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in one mapping")
    case .reader(let problem, let offset, _, _):
      // The reader counts bytes of the UTF-8 text; show the line and column instead.
      return .syntax(offset.map { SourceLocation(file: file, byteOffset: $0, in: text.utf8) } ?? SourceLocation(file: file), detail: problem)
    default:
      return .syntax(SourceLocation(file: file), detail: "\(error)")
    }
  }
}

/// The tags of nodes built from compiled JSON, made once.
private final class CompiledTags: @unchecked Sendable {
  // Tags are never mutated after creation.
  static let shared = CompiledTags()
  let null = Tag(.null), bool = Tag(.bool), int = Tag(.int), float = Tag(.float)
  let string = Tag(.str), sequence = Tag(.seq), mapping = Tag(.map)
}
