/// An immutable CEL map, keeping its entries in insertion order.
///
/// Keys are `bool`, `int`, `uint` or `string` values. Numerically equal `int`, `uint` and
/// `double` keys denote the same entry, so `{1: "a"}[1u]` and `{1: "a"}[1.0]` both find
/// `"a"`.
///
/// - Complexity: lookup is O(1): small maps scan a few precomputed key hashes, larger
///   ones use an open-addressing index built once.
public struct CELMap: Sendable {
  @usableFromInline
  struct Entry: Sendable {
    @usableFromInline let key: CELValue
    @usableFromInline let value: CELValue
    @usableFromInline let hash: UInt64
  }

  /// Maps with up to this many entries are searched by scanning their hashes.
  @usableFromInline static let scanLimit = 8

  @usableFromInline var entries: ContiguousArray<Entry>
  /// Open-addressing index (entry index + 1, 0 for empty); empty for small maps.
  @usableFromInline var table: ContiguousArray<Int32>

  @usableFromInline
  init(entries: ContiguousArray<Entry>, table: ContiguousArray<Int32>) {
    self.entries = entries
    self.table = table
  }

  /// The empty map.
  public init() {
    entries = []
    table = []
  }

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
  public var count: Int { entries.count }

  /// Whether the map has no entries.
  public var isEmpty: Bool { entries.isEmpty }

  /// The keys, in insertion order.
  public var keys: [CELValue] { entries.map(\.key) }

  /// The key-value pairs, in insertion order.
  public var pairs: [(key: CELValue, value: CELValue)] { entries.map { ($0.key, $0.value) } }

  /// The value under `key`, where numerically equal numbers are the same key.
  @inlinable
  public subscript(key: CELValue) -> CELValue? {
    guard let hash = CELMap.hash(of: key) else { return nil }
    return value(forKey: key, hash: hash)
  }

  /// The value under the string `key` whose ``hash(ofString:)`` is `hash`.
  @inlinable
  func value(forString key: String, hash: UInt64) -> CELValue? {
    if table.isEmpty {
      for entry in entries where entry.hash == hash {
        if case .string(let s) = entry.key, s.celEquals(key) { return entry.value }
      }
      return nil
    }
    guard let i = index(hash: hash, matching: { if case .string(let s) = $0 { s.celEquals(key) } else { false } })
    else { return nil }
    return entries[i].value
  }

  @inlinable
  func value(forKey key: CELValue, hash: UInt64) -> CELValue? {
    guard let i = index(hash: hash, matching: { CELMap.keysEqual($0, key) }) else { return nil }
    return entries[i].value
  }

  @inlinable
  func index(hash: UInt64, matching: (CELValue) -> Bool) -> Int? {
    if table.isEmpty {
      for i in entries.indices where entries[i].hash == hash && matching(entries[i].key) {
        return i
      }
      return nil
    }
    let mask = table.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let stored = Int(table[slot])
      if stored == 0 { return nil }
      let entry = entries[stored - 1]
      if entry.hash == hash && matching(entry.key) { return stored - 1 }
      slot = (slot + 1) & mask
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

  /// FNV-1a over the UTF-8 bytes, finished with a mixer.
  @inlinable
  static func hash(ofString s: String) -> UInt64 {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    if let done = s.utf8.withContiguousStorageIfAvailable({ bytes -> UInt64 in
      var h = h
      for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
      return h
    }) {
      h = done
    } else {
      for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
    }
    return mix(h ^ 0x5555)
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
    var table: ContiguousArray<Int32> = []

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
      if find(key, hash: hash) != nil { return .duplicate }
      append(Entry(key: key, value: value, hash: hash))
      return .inserted
    }

    /// Adds a string-keyed entry unless the key is already present.
    @discardableResult
    public mutating func insert(string key: String, _ value: CELValue) -> InsertResult {
      let hash = CELMap.hash(ofString: key)
      let present = CELMap(entries: entries, table: table).index(hash: hash) {
        if case .string(let s) = $0 { s.celEquals(key) } else { false }
      }
      if present != nil { return .duplicate }
      append(Entry(key: .string(key), value: value, hash: hash))
      return .inserted
    }

    /// Adds an entry, replacing the value of an existing equal key; ignores invalid keys.
    public mutating func set(_ key: CELValue, _ value: CELValue) {
      guard CELMap.isValidKey(key), let hash = CELMap.hash(of: key) else { return }
      if let i = find(key, hash: hash) {
        entries[i] = Entry(key: entries[i].key, value: value, hash: hash)
      } else {
        append(Entry(key: key, value: value, hash: hash))
      }
    }

    /// The finished map.
    public func build() -> CELMap { CELMap(entries: entries, table: table) }

    private func find(_ key: CELValue, hash: UInt64) -> Int? {
      CELMap(entries: entries, table: table).index(hash: hash) { CELMap.keysEqual($0, key) }
    }

    private mutating func append(_ entry: Entry) {
      entries.append(entry)
      let n = entries.count
      guard n > CELMap.scanLimit else { return }
      if table.count < n * 2 {
        var capacity = 16
        while capacity < n * 2 { capacity <<= 1 }
        table = ContiguousArray(repeating: 0, count: capacity)
        for i in entries.indices { place(i) }
      } else {
        place(n - 1)
      }
    }

    private mutating func place(_ i: Int) {
      let mask = table.count - 1
      var slot = Int(truncatingIfNeeded: entries[i].hash) & mask
      while table[slot] != 0 { slot = (slot + 1) & mask }
      table[slot] = Int32(i + 1)
    }
  }
}

extension String {
  /// Equality of the UTF-8 bytes, as CEL compares strings (Swift's `==` would also
  /// equate canonically equivalent strings, such as "é" and "e\u{301}").
  @inlinable
  func celEquals(_ other: String) -> Bool {
    let a = utf8
    let b = other.utf8
    guard a.count == b.count else { return false }
    let fast = a.withContiguousStorageIfAvailable { pa in
      b.withContiguousStorageIfAvailable { pb in pa.elementsEqual(pb) }
    }
    if let fast, let result = fast { return result }
    return a.elementsEqual(b)
  }
}
