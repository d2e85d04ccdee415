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
    guard let table = table(for: entries, rejectingDuplicates: rejectingDuplicates) else { return nil }
    return allocate(count: entries.count, table: table) { elements in
      if let base = entries.baseAddress { elements.initialize(from: base, count: entries.count) }
    }
  }

  @usableFromInline
  static func make(_ entries: UnsafeBufferPointer<CELMap.Entry>) -> MapStorage {
    // Without rejecting duplicates there is always a table.
    make(entries, rejectingDuplicates: false)!
  }

  /// Storage taking the entries from `source` by move, leaving it uninitialized; nil
  /// (and `source` untouched) when two keys are equal.
  static func make(moving source: UnsafeMutableBufferPointer<CELMap.Entry>) -> MapStorage? {
    table(for: UnsafeBufferPointer(source), rejectingDuplicates: true).map { move(source, table: $0) }
  }

  /// Storage taking entries whose keys are known to be distinct by move, leaving
  /// `source` uninitialized.
  static func make(movingUnique source: UnsafeMutableBufferPointer<CELMap.Entry>) -> MapStorage {
    move(source, table: table(for: UnsafeBufferPointer(source), rejectingDuplicates: false) ?? [])
  }

  /// The index of `entries` (empty for a small map, which is scanned instead); nil when
  /// `rejectingDuplicates` and two entries have equal keys.
  private static func table(for entries: UnsafeBufferPointer<CELMap.Entry>, rejectingDuplicates: Bool) -> ContiguousArray<Int32>? {
    let n = entries.count
    if n > CELMap.scanLimit { return index(entries, rejectingDuplicates: rejectingDuplicates) }
    if rejectingDuplicates && n > 1 {
      for i in 1..<n {
        for j in 0..<i where entries[i].hash == entries[j].hash && CELMap.keysEqual(entries[i].key, entries[j].key) {
          return nil
        }
      }
    }
    return []
  }

  private static func move(_ source: UnsafeMutableBufferPointer<CELMap.Entry>, table: ContiguousArray<Int32>) -> MapStorage {
    allocate(count: source.count, table: table) { elements in
      if let base = source.baseAddress { elements.moveInitialize(from: base, count: source.count) }
    }
  }

  /// One allocation for `count` entries, which `fill` initializes.
  private static func allocate(
    count: Int, table: ContiguousArray<Int32>, fill: (UnsafeMutablePointer<CELMap.Entry>) -> Void
  ) -> MapStorage {
    let buffer = MapStorage.create(minimumCapacity: count) { _ in MapHeader(count: 0, table: []) }
    let storage = unsafeDowncast(buffer, to: MapStorage.self)
    storage.withUnsafeMutablePointers { header, elements in
      fill(elements)
      header.pointee.count = count
      header.pointee.table = table
    }
    return storage
  }

  static func index(_ entries: UnsafeBufferPointer<CELMap.Entry>, rejectingDuplicates: Bool) -> ContiguousArray<Int32>? {
    var capacity = 16
    while capacity < entries.count * 2 { capacity <<= 1 }
    // Not `init(repeating:count:)`, which looks up the array's type metadata on each call.
    var table = ContiguousArray<Int32>()
    table.reserveCapacity(capacity)
    table.append(contentsOf: repeatElement(0, count: capacity))
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

// MARK: - Filling in place

extension MapStorage {
  /// Empty storage with room for `capacity` entries, for ``CELMap/StringKeyBuilder`` to
  /// fill in place (one allocation per map, no intermediate array).
  @usableFromInline
  static func makeEmpty(capacity: Int) -> MapStorage {
    let buffer = MapStorage.create(minimumCapacity: capacity) { _ in MapHeader(count: 0, table: []) }
    return unsafeDowncast(buffer, to: MapStorage.self)
  }

  /// Storage with room for `capacity` entries holding this one's entries, moved; this
  /// storage is left empty.
  @usableFromInline
  func movedInto(capacity: Int) -> MapStorage {
    let grown = MapStorage.makeEmpty(capacity: capacity)
    withUnsafeMutablePointers { header, elements in
      let n = header.pointee.count
      grown.withUnsafeMutablePointers { newHeader, newElements in
        newElements.moveInitialize(from: elements, count: n)
        newHeader.pointee.count = n
      }
      header.pointee.count = 0
    }
    return grown
  }

  /// Builds the lookup index once all entries are in, for maps past ``CELMap/scanLimit``.
  @usableFromInline
  func indexEntries() {
    withUnsafeMutablePointers { header, elements in
      let n = header.pointee.count
      guard n > CELMap.scanLimit else { return }
      header.pointee.table = MapStorage.index(UnsafeBufferPointer(start: elements, count: n), rejectingDuplicates: false) ?? []
    }
  }
}
