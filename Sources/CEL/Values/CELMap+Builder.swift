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
