import CEL

/// The proposal schema compiled for ``SchemaDirectedReader`` into flat tables.
///
/// Everything the reader looks at per byte or per key is a trivial value: nodes refer to
/// nodes and fields by index, and names are pointers into bytes this schema owns. So
/// walking the schema while reading costs no reference counting, and reading a
/// well-formed record allocates no string for a key or an enumerated value: keys,
/// their map hashes and allowed values are made once, here.
final class FastSchema: @unchecked Sendable {  // Immutable after init; deinit frees the tables.
  /// Bytes summarised so that most comparisons need no loop: their count, their first
  /// eight bytes and their last eight (little-endian; overlapping when fewer than 16,
  /// the same zero-padded word when at most 8). Equal bytes have equal fingerprints,
  /// and up to 16 bytes, equal fingerprints mean equal bytes.
  struct Fingerprint: Equatable {
    let count: Int
    let head: UInt64
    let tail: UInt64

    /// The fingerprint of the `count` bytes at `start`, of which `readable` (at least
    /// `count`) may be read.
    @inline(__always)
    init(_ start: UnsafePointer<UInt8>, count: Int, readable: Int) {
      self.count = count
      if count >= 8 {
        head = UInt64(littleEndian: UnsafeRawPointer(start).loadUnaligned(as: UInt64.self))
        tail = UInt64(littleEndian: UnsafeRawPointer(start + (count - 8)).loadUnaligned(as: UInt64.self))
        return
      }
      var word: UInt64 = 0
      if readable >= 8 {
        word = UInt64(littleEndian: UnsafeRawPointer(start).loadUnaligned(as: UInt64.self)) & ~(UInt64.max << UInt64(count << 3))
      } else {
        for i in 0..<count { word |= UInt64(start[i]) << UInt64(i << 3) }
      }
      head = word
      tail = word
    }

    /// A hash for the tables of field names.
    @inline(__always)
    var hash: Int {
      let mixed = (head ^ (tail &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(UInt(bitPattern: count))) &* 0xBF58_476D_1CE4_E5B9
      return Int(truncatingIfNeeded: mixed >> 32)
    }
  }

  /// UTF-8 bytes owned by the schema (a name, an allowed value, a rename's source).
  struct Bytes {
    let start: UnsafePointer<UInt8>
    let fingerprint: Fingerprint

    /// Whether the bytes at `other`, whose fingerprint is `theirs`, are exactly these.
    @inline(__always)
    func equals(_ other: UnsafePointer<UInt8>, _ theirs: Fingerprint) -> Bool {
      guard fingerprint == theirs else { return false }
      // The fingerprints cover the first and last eight bytes: compare those between.
      let count = theirs.count
      var i = 8
      while i < count - 8 {
        guard UnsafeRawPointer(start + i).loadUnaligned(as: UInt64.self) == UnsafeRawPointer(other + i).loadUnaligned(as: UInt64.self) else {
          return false
        }
        i += 8
      }
      return true
    }
  }

  /// One schema node, as ``SchemaNode`` with what reading needs precomputed.
  struct Node {
    enum Kind {
      /// Values the fast path does not read; the record falls back to the general path.
      case unsupported
      case string
      /// A string with allowed values: `allowed[index ..< index + count]`.
      case enumeration
      /// A `format: date` string, read as a timestamp.
      case date
      case integer
      case number
      case boolean
      /// Items are `nodes[index]`.
      case array
      /// The object is `objects[index]`.
      case object
    }

    var kind: Kind
    /// Bounds of integers and numbers.
    var minimum: Double? = nil
    var maximum: Double? = nil
    /// `minLength` of strings and dates, `minItems` of arrays.
    var minCount: Int? = nil
    var index = 0
    var count = 0
    /// `x-none`: a date may be the word ``SchemaNode/none`` instead.
    var acceptsNone = false
  }

  /// A declared field of an object.
  struct Field {
    let name: Bytes
    /// ``CELMap/stringKeyHash(_:)`` of the name, for inserting it without hashing.
    let keyHash: UInt64
    let node: Int
  }

  /// An object's declared fields `fields[fields]`; at most 64, so a bit mask tracks
  /// which were seen.
  struct Object {
    let fields: Range<Int>
    /// The fields by name: an open-addressing table `slots[slots ... slots + slotMask]`
    /// of field index + 1 (0 for an empty slot), probed from the name's fingerprint hash.
    let slots: Int
    let slotMask: Int
    let requiredMask: UInt64
    /// The node of undeclared fields; `nil` when they are not allowed.
    let additional: Int?
  }

  /// A top-level rename of the column mapping: records' `from` is the root's field
  /// `field`, or `nil` when the schema has no such field.
  struct Rename {
    let from: Bytes
    let field: Int?
  }

  /// The tables, as pointers the reader copies freely.
  struct Tables {
    let nodes: UnsafePointer<Node>
    let objects: UnsafePointer<Object>
    let fields: UnsafePointer<Field>
    /// The fields' names as strings, parallel to `fields`.
    let keys: UnsafePointer<String>
    let allowed: UnsafePointer<Bytes>
    /// The allowed values as CEL strings, parallel to `allowed`.
    let allowedValues: UnsafePointer<CELValue>
    let renames: UnsafeBufferPointer<Rename>
    /// The objects' tables of fields by name (see ``Object/slots``).
    let slots: UnsafePointer<Int32>
  }

  let tables: Tables
  /// The root node's index.
  let root: Int
  /// What deinit frees.
  private let counts: (nodes: Int, objects: Int, fields: Int, allowed: Int, renames: Int, slots: Int)
  private let names: [UnsafeMutablePointer<UInt8>]

  /// The schema, with the mapping's top-level renames in source-name order.
  init(_ schema: ProposalSchema, renames: [(from: String, to: String)] = []) {
    var builder = TableBuilder()
    root = builder.compile(schema.root)
    var renameTable: [Rename] = []
    for (from, to) in renames {
      var field: Int?
      if builder.nodes[root].kind == .object {
        let object = builder.objects[builder.nodes[root].index]
        field = object.fields.first { builder.keys[$0] == to }
      }
      renameTable.append(Rename(from: builder.bytes(from), field: field))
    }
    counts = (builder.nodes.count, builder.objects.count, builder.fields.count, builder.allowed.count, renameTable.count, builder.slots.count)
    names = builder.names
    tables = Tables(
      nodes: Self.freeze(builder.nodes), objects: Self.freeze(builder.objects), fields: Self.freeze(builder.fields),
      keys: Self.freeze(builder.keys), allowed: Self.freeze(builder.allowed), allowedValues: Self.freeze(builder.allowedValues),
      renames: UnsafeBufferPointer(start: Self.freeze(renameTable), count: renameTable.count), slots: Self.freeze(builder.slots))
  }

  deinit {
    UnsafeMutablePointer(mutating: tables.nodes).deinitialize(count: counts.nodes).deallocate()
    UnsafeMutablePointer(mutating: tables.objects).deinitialize(count: counts.objects).deallocate()
    UnsafeMutablePointer(mutating: tables.fields).deinitialize(count: counts.fields).deallocate()
    UnsafeMutablePointer(mutating: tables.keys).deinitialize(count: counts.fields).deallocate()
    UnsafeMutablePointer(mutating: tables.allowed).deinitialize(count: counts.allowed).deallocate()
    UnsafeMutablePointer(mutating: tables.allowedValues).deinitialize(count: counts.allowed).deallocate()
    if let renames = tables.renames.baseAddress { UnsafeMutablePointer(mutating: renames).deinitialize(count: counts.renames).deallocate() }
    UnsafeMutablePointer(mutating: tables.slots).deinitialize(count: counts.slots).deallocate()
    for name in names { name.deallocate() }
  }

  /// The number of declared fields of all objects: the size of `tables.fields`.
  var fieldCount: Int { counts.fields }

  /// The root object's field named `name`.
  func rootField(_ name: String) -> Int? {
    guard tables.nodes[root].kind == .object else { return nil }
    return tables.objects[tables.nodes[root].index].fields.first { tables.keys[$0] == name }
  }

  /// A copy of `array` in memory that stays put until deinit.
  private static func freeze<T>(_ array: [T]) -> UnsafePointer<T> {
    let pointer = UnsafeMutablePointer<T>.allocate(capacity: max(array.count, 1))
    pointer.initialize(from: array, count: array.count)
    return UnsafePointer(pointer)
  }

  /// The growing tables while compiling.
  private struct TableBuilder {
    var nodes: [Node] = []
    var objects: [Object] = []
    var fields: [Field] = []
    var keys: [String] = []
    var allowed: [Bytes] = []
    var allowedValues: [CELValue] = []
    var names: [UnsafeMutablePointer<UInt8>] = []
    var slots: [Int32] = []

    mutating func bytes(_ text: String) -> Bytes {
      let utf8 = Array(text.utf8)
      let pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: max(utf8.count, 1))
      pointer.initialize(from: utf8, count: utf8.count)
      names.append(pointer)
      return Bytes(start: pointer, fingerprint: Fingerprint(pointer, count: utf8.count, readable: utf8.count))
    }

    /// Compiles `node` and what it contains; returns its index.
    mutating func compile(_ node: SchemaNode) -> Int {
      let compiled: Node
      switch node {
      case .any: compiled = Node(kind: .unsupported)
      case .string(let rule):
        if rule.allowed != nil && rule.isDate {
          compiled = Node(kind: .unsupported)  // Never seen in a pack; left to the general path.
        } else if let values = rule.allowed {
          // A value shorter than minLength is never valid: leave it out, and a record with
          // it to the general path.
          let valid = values.filter { value in rule.minLength.map { value.count >= $0 } ?? true }
          compiled = Node(kind: .enumeration, index: allowed.count, count: valid.count)
          for value in valid {
            allowed.append(bytes(value))
            allowedValues.append(.string(CELMap.sharedKey(value)))
          }
        } else {
          compiled = Node(kind: rule.isDate ? .date : .string, minCount: rule.minLength, acceptsNone: rule.acceptsNone)
        }
      case .integer(let rule): compiled = Node(kind: .integer, minimum: rule.minimum, maximum: rule.maximum)
      case .number(let rule): compiled = Node(kind: .number, minimum: rule.minimum, maximum: rule.maximum)
      case .boolean: compiled = Node(kind: .boolean)
      case .array(let items, let minItems): compiled = Node(kind: .array, minCount: minItems, index: compile(items))
      case .object(let rule):
        guard rule.properties.count <= 64, rule.required.allSatisfy({ name in rule.properties.contains { $0.name == name } }) else {
          compiled = Node(kind: .unsupported)
          break
        }
        var mask: UInt64 = 0
        for (offset, property) in rule.properties.enumerated() where rule.required.contains(property.name) { mask |= 1 << UInt64(offset) }
        // Children first, so that this object's fields are contiguous.
        let children = rule.properties.map { compile($0.node) }
        let additional = rule.additional.map { compile($0) }
        let start = fields.count
        for (property, child) in zip(rule.properties, children) {
          fields.append(Field(name: bytes(property.name), keyHash: CELMap.stringKeyHash(property.name), node: child))
          // Shared with compiled field names, so that rules find the key without comparing bytes.
          keys.append(CELMap.sharedKey(property.name))
        }
        // At most half full, so that probes are short and always reach an empty slot.
        var size = 4
        while size < 2 * rule.properties.count { size <<= 1 }
        let slotStart = slots.count
        slots.append(contentsOf: repeatElement(0, count: size))
        for field in start..<fields.count {
          var slot = fields[field].name.fingerprint.hash & (size - 1)
          while slots[slotStart + slot] != 0 { slot = (slot + 1) & (size - 1) }
          slots[slotStart + slot] = Int32(field + 1)
        }
        objects.append(Object(fields: start..<fields.count, slots: slotStart, slotMask: size - 1, requiredMask: mask, additional: additional))
        compiled = Node(kind: .object, index: objects.count - 1)
      }
      nodes.append(compiled)
      return nodes.count - 1
    }
  }
}
