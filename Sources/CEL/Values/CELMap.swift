#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// An immutable CEL map, keeping its entries in insertion order.
///
/// Keys are `bool`, `int`, `uint` or `string` values. Numerically equal `int`, `uint` and
/// `double` keys denote the same entry, so `{1: "a"}[1u]` and `{1: "a"}[1.0]` both find
/// `"a"`.
///
/// - Complexity: lookup is O(1): small maps scan a few precomputed key hashes, larger
///   ones use an open-addressing index built once.
public struct CELMap: @unchecked Sendable {  // MapStorage is immutable once made.
  /// One key-value pair with the key's hash.
  @usableFromInline
  struct Entry: Sendable {
    @usableFromInline let key: CELValue
    @usableFromInline let value: CELValue
    @usableFromInline let hash: UInt64

    @usableFromInline
    init(key: CELValue, value: CELValue, hash: UInt64) {
      self.key = key
      self.value = value
      self.hash = hash
    }
  }

  /// Maps with up to this many entries are searched by scanning their hashes.
  @usableFromInline static let scanLimit = 8

  /// One allocation holding the entries (and, for larger maps, an index), so that
  /// copying a map costs a single retain.
  @usableFromInline let storage: MapStorage

  @usableFromInline
  init(storage: MapStorage) {
    self.storage = storage
  }

  /// The empty map.
  public init() {
    storage = CELMap.emptyStorage
  }

  /// Shared by all empty maps; immutable like all storage.
  nonisolated(unsafe) private static let emptyStorage = MapStorage.make(UnsafeBufferPointer(start: nil, count: 0))

  /// A map with string keys. Keys are ordered by their UTF-8 bytes, so that iteration
  /// is deterministic.
  public init(_ dictionary: [String: CELValue]) {
    var builder = Builder(capacity: dictionary.count)
    for key in dictionary.keys.sorted() {
      if let value = dictionary[key] { builder.set(.string(key), value) }
    }
    self = builder.build()
  }

  /// A map from key-value pairs in order.
  /// - Throws: ``CELError`` if a key is not a `bool`, `int`, `uint` or `string`, or is
  ///   repeated.
  public init(pairs: some Sequence<(CELValue, CELValue)>) throws(CELError) {
    var builder = Builder(capacity: 0)
    for (key, value) in pairs {
      switch builder.insert(key, value) {
      case .inserted: break
      case .invalidKey: throw CELError(.invalidArgument, "unsupported key type: \(key.typeName)")
      case .duplicate: throw CELError(.invalidArgument, "repeated key: \(key)")
      }
    }
    self = builder.build()
  }

  /// The number of entries.
  @inlinable
  public var count: Int { storage.header.count }

  /// Whether the map has no entries.
  public var isEmpty: Bool { count == 0 }

  /// The key at a position in insertion order.
  @inlinable
  public func key(at i: Int) -> CELValue { storage.withUnsafeMutablePointerToElements { $0[i].key } }

  /// The value at a position in insertion order.
  @inlinable
  public func value(at i: Int) -> CELValue { storage.withUnsafeMutablePointerToElements { $0[i].value } }

  @inlinable
  func entry(at i: Int) -> Entry { storage.withUnsafeMutablePointerToElements { $0[i] } }

  /// The keys, in insertion order.
  public var keys: [CELValue] { (0..<count).map { key(at: $0) } }

  /// The key-value pairs, in insertion order.
  public var pairs: [(key: CELValue, value: CELValue)] { (0..<count).map { (key(at: $0), value(at: $0)) } }

  /// The value under `key`, where numerically equal numbers are the same key.
  @inlinable
  public subscript(key: CELValue) -> CELValue? {
    guard let hash = CELMap.hash(of: key) else { return nil }
    return value(forKey: key, hash: hash)
  }

  /// The value under the string `key` whose ``hash(ofString:)`` is `hash`.
  @inlinable
  func value(forString key: String, hash: UInt64) -> CELValue? {
    guard let i = storage.index(hash: hash, matching: { if case .string(let s) = $0 { s.celEquals(key) } else { false } })
    else { return nil }
    return value(at: i)
  }

  @inlinable
  func value(forKey key: CELValue, hash: UInt64) -> CELValue? {
    guard let i = storage.index(hash: hash, matching: { CELMap.keysEqual($0, key) }) else { return nil }
    return value(at: i)
  }
}

/// The header of a ``MapStorage``.
@usableFromInline
struct MapHeader {
  @usableFromInline var count: Int
  /// Open-addressing index (entry index + 1, 0 for empty); empty for small maps.
  @usableFromInline var table: ContiguousArray<Int32>
}

/// Immutable storage of a ``CELMap``: a header and the entries, in one allocation.
@usableFromInline
final class MapStorage: ManagedBuffer<MapHeader, CELMap.Entry> {
  /// Storage holding copies of `entries`, with an index when there are many; nil when
  /// `rejectingDuplicates` and two entries have equal keys.
  @usableFromInline
  static func make(_ entries: UnsafeBufferPointer<CELMap.Entry>, rejectingDuplicates: Bool = false) -> MapStorage? {
    var table: ContiguousArray<Int32> = []
    let n = entries.count
    if n > CELMap.scanLimit {
      guard let t = index(entries, rejectingDuplicates: rejectingDuplicates) else { return nil }
      table = t
    } else if rejectingDuplicates && n > 1 {
      for i in 1..<n {
        for j in 0..<i where entries[i].hash == entries[j].hash && CELMap.keysEqual(entries[i].key, entries[j].key) {
          return nil
        }
      }
    }
    return allocate(entries, table: table)
  }

  @usableFromInline
  static func make(_ entries: UnsafeBufferPointer<CELMap.Entry>) -> MapStorage {
    let table = entries.count > CELMap.scanLimit ? index(entries, rejectingDuplicates: false) ?? [] : []
    return allocate(entries, table: table)
  }

  /// Storage taking the entries from `source` by move, leaving it uninitialized; nil
  /// (and `source` untouched) when two keys are equal.
  static func make(moving source: UnsafeMutableBufferPointer<CELMap.Entry>) -> MapStorage? {
    let entries = UnsafeBufferPointer(source)
    var table: ContiguousArray<Int32> = []
    let n = entries.count
    if n > CELMap.scanLimit {
      guard let t = index(entries, rejectingDuplicates: true) else { return nil }
      table = t
    } else if n > 1 {
      for i in 1..<n {
        for j in 0..<i where entries[i].hash == entries[j].hash && CELMap.keysEqual(entries[i].key, entries[j].key) {
          return nil
        }
      }
    }
    let buffer = MapStorage.create(minimumCapacity: n) { _ in MapHeader(count: 0, table: []) }
    let storage = unsafeDowncast(buffer, to: MapStorage.self)
    storage.withUnsafeMutablePointers { header, elements in
      if let base = source.baseAddress { elements.moveInitialize(from: base, count: n) }
      header.pointee.count = n
      header.pointee.table = table
    }
    return storage
  }

  private static func allocate(_ entries: UnsafeBufferPointer<CELMap.Entry>, table: ContiguousArray<Int32>) -> MapStorage {
    let buffer = MapStorage.create(minimumCapacity: entries.count) { _ in MapHeader(count: 0, table: []) }
    let storage = unsafeDowncast(buffer, to: MapStorage.self)
    storage.withUnsafeMutablePointers { header, elements in
      if let base = entries.baseAddress { elements.initialize(from: base, count: entries.count) }
      header.pointee.count = entries.count
      header.pointee.table = table
    }
    return storage
  }

  static func index(_ entries: UnsafeBufferPointer<CELMap.Entry>, rejectingDuplicates: Bool) -> ContiguousArray<Int32>? {
    var capacity = 16
    while capacity < entries.count * 2 { capacity <<= 1 }
    var table = ContiguousArray<Int32>(repeating: 0, count: capacity)
    let mask = capacity - 1
    for i in entries.indices {
      var slot = Int(truncatingIfNeeded: entries[i].hash) & mask
      while table[slot] != 0 {
        let j = Int(table[slot]) - 1
        if rejectingDuplicates && entries[j].hash == entries[i].hash && CELMap.keysEqual(entries[i].key, entries[j].key) {
          return nil
        }
        slot = (slot + 1) & mask
      }
      table[slot] = Int32(i + 1)
    }
    return table
  }

  deinit {
    _ = withUnsafeMutablePointers { header, elements in
      elements.deinitialize(count: header.pointee.count)
    }
  }

  @inlinable
  func index(hash: UInt64, matching: (CELValue) -> Bool) -> Int? {
    withUnsafeMutablePointers { header, elements in
      let count = header.pointee.count
      if count <= CELMap.scanLimit {
        for i in 0..<count where elements[i].hash == hash && matching(elements[i].key) { return i }
        return nil
      }
      return header.pointee.table.withUnsafeBufferPointer { table in
        let mask = table.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
          let stored = Int(table[slot])
          if stored == 0 { return nil }
          if elements[stored - 1].hash == hash && matching(elements[stored - 1].key) { return stored - 1 }
          slot = (slot + 1) & mask
        }
      }
    }
  }
}

// MARK: - Key hashing

extension CELMap {
  /// A hash of a map key, equal for numerically equal `int`, `uint` and `double` keys;
  /// nil when the value can be no key (a fractional double, a list, …).
  @inlinable
  static func hash(of key: CELValue) -> UInt64? {
    switch key {
    case .string(let s): return hash(ofString: s)
    case .int(let i): return mix(UInt64(bitPattern: i))
    case .uint(let u): return mix(u)
    case .bool(let b): return b ? 0x9E37_79B9_7F4A_7C15 : 0xC2B2_AE3D_27D4_EB4F
    case .double(let d):
      if let i = Int64(exactly: d) { return mix(UInt64(bitPattern: i)) }
      if let u = UInt64(exactly: d) { return mix(u) }
      return nil
    default: return nil
    }
  }

  /// A hash of a string's UTF-8 bytes (read eight at a time), finished with a mixer.
  @inlinable
  static func hash(ofString s: String) -> UInt64 {
    if let h = s.utf8.withContiguousStorageIfAvailable({ hash(ofBytes: UnsafeRawBufferPointer($0)) }) { return h }
    return ContiguousArray(s.utf8).withUnsafeBytes { hash(ofBytes: $0) }
  }

  /// The hash of UTF-8 bytes, equal to ``hash(ofString:)`` of the same text.
  @inlinable
  static func hash(ofBytes bytes: UnsafeRawBufferPointer) -> UInt64 {
    var h: UInt64 = 0x5555_5555_5555_5555 ^ UInt64(bytes.count)
    var i = 0
    let n = bytes.count
    while i + 8 <= n {
      let word = bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      h = (h ^ word) &* 0x9E37_79B9_7F4A_7C15
      h = (h << 29) | (h >> 35)
      i += 8
    }
    if i < n {
      // The last 1...7 bytes, read without a byte loop: an overlapping word when the
      // text is long enough, else 4-, 2- and 1-byte pieces.
      var tail: UInt64
      if n >= 8 {
        tail = bytes.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
      } else {
        tail = 0
        var shift: UInt64 = 0
        if n - i >= 4 {
          tail = UInt64(bytes.loadUnaligned(fromByteOffset: i, as: UInt32.self))
          shift = 32
          i += 4
        }
        if n - i >= 2 {
          tail |= UInt64(bytes.loadUnaligned(fromByteOffset: i, as: UInt16.self)) << shift
          shift += 16
          i += 2
        }
        if n - i >= 1 { tail |= UInt64(bytes[i]) << shift }
      }
      h = (h ^ tail) &* 0x9E37_79B9_7F4A_7C15
    }
    return mix(h)
  }

  @inlinable
  static func mix(_ x: UInt64) -> UInt64 {
    var z = x &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Key equality: numbers by value, otherwise same kind and value.
  @inlinable
  static func keysEqual(_ a: CELValue, _ b: CELValue) -> Bool {
    switch (a, b) {
    case (.string(let x), .string(let y)): x.celEquals(y)
    case (.bool(let x), .bool(let y)): x == y
    case (.int, _), (.uint, _), (.double, _): CELValue.numericEquals(a, b) ?? false
    default: false
    }
  }

  /// Whether a value may be a map key.
  static func isValidKey(_ key: CELValue) -> Bool {
    switch key {
    case .string, .bool, .int, .uint: true
    default: false
    }
  }
}

// MARK: - Building

extension CELMap {
  /// Accumulates entries, then freezes them into a ``CELMap``.
  public struct Builder: Sendable {
    var entries: ContiguousArray<Entry>

    /// The outcome of ``insert(_:_:)``.
    public enum InsertResult: Sendable { case inserted, duplicate, invalidKey }

    /// A builder with room for `capacity` entries.
    public init(capacity: Int) {
      entries = []
      entries.reserveCapacity(capacity)
    }

    /// The number of entries so far.
    public var count: Int { entries.count }

    /// Adds an entry unless the key is invalid or already present.
    @discardableResult
    public mutating func insert(_ key: CELValue, _ value: CELValue) -> InsertResult {
      guard CELMap.isValidKey(key), let hash = CELMap.hash(of: key) else { return .invalidKey }
      if find(hash: hash, { CELMap.keysEqual($0, key) }) != nil { return .duplicate }
      entries.append(Entry(key: key, value: value, hash: hash))
      return .inserted
    }

    /// Adds a string-keyed entry unless the key is already present.
    @discardableResult
    public mutating func insert(string key: String, _ value: CELValue) -> InsertResult {
      let hash = CELMap.hash(ofString: key)
      if find(hash: hash, { if case .string(let s) = $0 { s.celEquals(key) } else { false } }) != nil {
        return .duplicate
      }
      entries.append(Entry(key: .string(key), value: value, hash: hash))
      return .inserted
    }

    /// Adds an entry, replacing the value of an existing equal key; ignores invalid keys.
    public mutating func set(_ key: CELValue, _ value: CELValue) {
      guard CELMap.isValidKey(key), let hash = CELMap.hash(of: key) else { return }
      if let i = find(hash: hash, { CELMap.keysEqual($0, key) }) {
        entries[i] = Entry(key: entries[i].key, value: value, hash: hash)
      } else {
        entries.append(Entry(key: key, value: value, hash: hash))
      }
    }

    /// The finished map.
    public func build() -> CELMap {
      entries.withUnsafeBufferPointer { CELMap(storage: MapStorage.make($0)) }
    }

    /// Linear search: builders are for literals and conversions, where maps are small;
    /// the JSON reader checks duplicates its own way.
    private func find(hash: UInt64, _ matching: (CELValue) -> Bool) -> Int? {
      for i in entries.indices where entries[i].hash == hash && matching(entries[i].key) { return i }
      return nil
    }
  }
}

extension String {
  /// Equality of the UTF-8 bytes, as CEL compares strings (Swift's `==` would also
  /// equate canonically equivalent strings, such as "é" and "e\u{301}").
  @inlinable
  func celEquals(_ other: String) -> Bool {
    // Identical representations (the same buffer, or the same small-string bytes) are
    // equal without looking further; this is the common case for field names.
    let x = unsafeBitCast(self, to: (UInt64, UInt64).self)
    let y = unsafeBitCast(other, to: (UInt64, UInt64).self)
    if x == y { return true }
    let a = utf8
    let b = other.utf8
    let n = a.count
    guard n == b.count else { return false }
    if n == 0 { return true }
    let fast = a.withContiguousStorageIfAvailable { pa in
      b.withContiguousStorageIfAvailable { pb in
        memcmp(UnsafeRawPointer(pa.baseAddress!), UnsafeRawPointer(pb.baseAddress!), n) == 0
      }
    }
    if let fast, let result = fast { return result }
    return a.elementsEqual(b)
  }
}
