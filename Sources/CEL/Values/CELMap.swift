/// An immutable CEL map, keeping its entries in insertion order.
///
/// Keys are `bool`, `int`, `uint` or `string` values. Numerically equal `int`, `uint` and
/// `double` keys denote the same entry, so `{1: "a"}[1u]` and `{1: "a"}[1.0]` both find
/// `"a"`.
///
/// - Complexity: lookup is O(1): small maps scan a few precomputed key hashes, larger
///   ones use an open-addressing index built once.
public struct CELMap: @unchecked Sendable {  // MapStorage is immutable once made.
  /// One key-value pair with the key's hash. The key is stored first and the value right
  /// after it (the evaluator reads them in place; `CELTests` checks the layout).
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
    guard let i = index(forString: key, hash: hash) else { return nil }
    return value(at: i)
  }

  /// The position of the string `key` whose ``hash(ofString:)`` is `hash`.
  @inlinable
  func index(forString key: String, hash: UInt64) -> Int? {
    storage.index(hash: hash, matching: { if case .string(let s) = $0 { s.celEquals(key) } else { false } })
  }

  /// Where the value under the string `key` is stored, for reading it in place without
  /// reference counting. The pointer stays valid as long as this map's storage lives:
  /// storage is immutable, and its entries are allocated inline and never move.
  @inlinable
  func valuePointer(forString key: String, hash: UInt64) -> UnsafePointer<CELValue>? {
    guard let i = index(forString: key, hash: hash) else { return nil }
    return storage.withUnsafeMutablePointerToElements { elements in
      UnsafeRawPointer(elements + i).advanced(by: MemoryLayout<CELValue>.stride).assumingMemoryBound(to: CELValue.self)
    }
  }

  /// Where the value under `key` is stored (numerically equal numbers being the same
  /// key), like ``valuePointer(forString:hash:)``.
  @inlinable
  func valuePointer(forKey key: CELValue) -> UnsafePointer<CELValue>? {
    guard let hash = CELMap.hash(of: key),
      let i = storage.index(hash: hash, matching: { CELMap.keysEqual($0, key) })
    else { return nil }
    return storage.withUnsafeMutablePointerToElements { elements in
      UnsafeRawPointer(elements + i).advanced(by: MemoryLayout<CELValue>.stride).assumingMemoryBound(to: CELValue.self)
    }
  }

  /// Where the first key is stored, and the distance from one key to the next, for
  /// reading the keys in place. Valid as long as this map's storage lives.
  @inlinable
  var keyPointers: (first: UnsafeRawPointer, stride: Int) {
    let first = storage.withUnsafeMutablePointerToElements { UnsafeRawPointer($0) }
    return (first, MemoryLayout<Entry>.stride)
  }

  @inlinable
  func value(forKey key: CELValue, hash: UInt64) -> CELValue? {
    guard let i = storage.index(hash: hash, matching: { CELMap.keysEqual($0, key) }) else { return nil }
    return value(at: i)
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
  @inlinable @inline(__always)
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
