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
    public mutating func insert(_ key: consuming CELValue, _ value: consuming CELValue) -> InsertResult {
      guard CELMap.isValidKey(key), let hash = CELMap.hash(of: key) else { return .invalidKey }
      if find(hash: hash, { CELMap.keysEqual($0, key) }) != nil { return .duplicate }
      entries.append(Entry(key: key, value: value, hash: hash))
      return .inserted
    }

    /// Adds a string-keyed entry unless the key is already present.
    @discardableResult
    public mutating func insert(string key: consuming String, _ value: consuming CELValue) -> InsertResult {
      let hash = CELMap.hash(ofString: key)
      if find(hash: hash, { if case .string(let s) = $0 { s.celEquals(key) } else { false } }) != nil {
        return .duplicate
      }
      entries.append(Entry(key: .string(key), value: value, hash: hash))
      return .inserted
    }

    /// Adds an entry, replacing the value of an existing equal key; ignores invalid keys.
    public mutating func set(_ key: consuming CELValue, _ value: consuming CELValue) {
      guard CELMap.isValidKey(key), let hash = CELMap.hash(of: key) else { return }
      if let i = find(hash: hash, { CELMap.keysEqual($0, key) }) {
        entries[i] = Entry(key: entries[i].key, value: value, hash: hash)
      } else {
        entries.append(Entry(key: key, value: value, hash: hash))
      }
    }

    /// The finished map. The entries move into it, without reference counting.
    public consuming func build() -> CELMap {
      var taken = entries
      entries = []
      return taken.withUnsafeMutableBufferPointer { buffer in
        let storage = MapStorage.make(movingUnique: buffer)
        // Refill the moved-from slots with trivial entries for the array to drop.
        buffer.initialize(repeating: Entry(key: .null, value: .null, hash: 0))
        return CELMap(storage: storage)
      }
    }

    /// Linear search: builders are for literals and conversions, where maps are small;
    /// the JSON reader checks duplicates its own way.
    private func find(hash: UInt64, _ matching: (CELValue) -> Bool) -> Int? {
      for i in entries.indices where entries[i].hash == hash && matching(entries[i].key) { return i }
      return nil
    }
  }
}

extension CELMap {
  /// The hash a map gives the string key `key`; compute it once for a key used often and
  /// pass it to ``StringKeyBuilder/append(distinct:hash:_:)``.
  public static func stringKeyHash(_ key: String) -> UInt64 { hash(ofString: key) }

  /// Builds a string-keyed map straight into its storage: no intermediate array, no key
  /// hashing when the caller brings precomputed hashes, and no duplicate search for keys
  /// it knows to be distinct. For readers that fill many maps of a known shape (the
  /// audit's schema-directed JSON reader).
  ///
  /// Noncopyable, as it owns storage it writes to; dropping it unfinished frees the
  /// entries appended so far.
  public struct StringKeyBuilder: ~Copyable {
    @usableFromInline var storage: MapStorage
    @usableFromInline var capacity: Int

    /// A builder with room for `capacity` entries (it grows past that if need be).
    @inlinable
    public init(capacity: Int) {
      self.capacity = Swift.max(capacity, 1)
      storage = MapStorage.makeEmpty(capacity: self.capacity)
    }

    /// The number of entries so far.
    @inlinable
    public var count: Int { storage.withUnsafeMutablePointerToHeader { $0.pointee.count } }

    /// Appends an entry whose key the caller knows differs from every key so far.
    /// - Precondition: `hash == CELMap.stringKeyHash(key)`.
    @inlinable
    public mutating func append(distinct key: String, hash: UInt64, _ value: consuming CELValue) {
      if count == capacity { grow() }
      let entry = Entry(key: .string(key), value: value, hash: hash)
      storage.withUnsafeMutablePointers { header, elements in
        (elements + header.pointee.count).initialize(to: entry)
        header.pointee.count += 1
      }
    }

    /// Appends an entry unless its key is already present; returns whether it did.
    public mutating func insert(string key: String, _ value: consuming CELValue) -> Bool {
      let hash = CELMap.hash(ofString: key)
      let present = storage.withUnsafeMutablePointers { header, elements in
        (0..<header.pointee.count).contains { i in
          guard elements[i].hash == hash, case .string(let s) = elements[i].key else { return false }
          return s.celEquals(key)
        }
      }
      if present { return false }
      append(distinct: key, hash: hash, value)
      return true
    }

    @usableFromInline
    mutating func grow() {
      capacity *= 2
      storage = storage.movedInto(capacity: capacity)
    }

    /// The finished map.
    @inlinable
    public consuming func build() -> CELMap {
      // Small maps are scanned, not indexed: spare them the call.
      if count > CELMap.scanLimit { storage.indexEntries() }
      return CELMap(storage: storage)
    }
  }
}
