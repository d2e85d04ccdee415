import CEL

/// Which declared fields of the proposal ``SchemaDirectedReader`` builds, per pack: those
/// the pack's scoring can read (a ``CELFieldUsage``) and the objects that hold them.
///
/// The reader still reads and checks every other field against the schema, so a record
/// is refused exactly as before; it only makes no value for them, and so frees none. The
/// pack is known once the record's pack field (``ProposalReader/packField``) has been
/// read; fields before it are built in full.
final class FieldProjection: @unchecked Sendable {  // Immutable after init; deinit frees the flags.
  /// The root field whose string value names the pack.
  let selector: Int
  /// The flags of records that do not name their pack (the mapping names it), if any.
  let fallback: UnsafePointer<Bool>?
  /// Per pack, one flag per field of the schema's tables: build it or not.
  private let flags: UnsafeMutablePointer<Bool>
  /// Searched in order: a few packs compare faster than a dictionary hashes a name.
  private let packs: [(name: String, flags: UnsafePointer<Bool>)]

  /// The projections of `usages` (pack name → what its scoring reads) onto `schema`;
  /// `nil` when the schema has no pack field to choose them by.
  ///
  /// - Parameter fallbackPack: the pack of records that do not name one.
  init?(schema: FastSchema, usages: [String: CELFieldUsage], fallbackPack: String? = nil) {
    guard let selector = schema.rootField(ProposalReader.packField) else { return nil }
    self.selector = selector
    let tables = schema.tables
    let fieldCount = max(schema.fieldCount, 1)
    flags = .allocate(capacity: fieldCount * max(usages.count, 1))
    flags.initialize(repeating: true, count: fieldCount * max(usages.count, 1))
    var packs: [(name: String, flags: UnsafePointer<Bool>)] = []
    for (offset, (pack, usage)) in usages.sorted(by: { $0.key < $1.key }).enumerated() {
      let keep = flags + offset * fieldCount
      Self.mark(schema.root, usage, tables: tables, keep: keep)
      // The reader needs the pack field's value to check the choice.
      keep[selector] = true
      packs.append((pack, UnsafePointer(keep)))
    }
    self.packs = packs
    fallback = fallbackPack.flatMap { name in packs.first { $0.name == name }?.flags }
  }

  deinit {
    flags.deallocate()
  }

  /// The flags of pack `name`; `nil` (build everything) for a name no pack has.
  func fields(forPack name: String) -> UnsafePointer<Bool>? {
    packs.first { $0.name == name }?.flags
  }

  /// Clears the flag of each field under `node` that `usage` does not reach. Flags of
  /// fields under a field left out do not matter: the reader never builds below it.
  private static func mark(_ node: Int, _ usage: CELFieldUsage, tables: FastSchema.Tables, keep: UnsafeMutablePointer<Bool>) {
    switch tables.nodes[node].kind {
    case .array:
      mark(tables.nodes[node].index, usage.isWhole ? .whole : usage.elements ?? .presence, tables: tables, keep: keep)
    case .object:
      // A map whose keys may all be read is kept whole.
      let whole = usage.isWhole || usage.readsAnyKey
      for field in tables.objects[tables.nodes[node].index].fields {
        if let inner = whole ? .whole : usage.fields[tables.keys[field]] {
          mark(tables.fields[field].node, inner, tables: tables, keep: keep)
        } else {
          keep[field] = false
        }
      }
    default:
      break
    }
  }
}
