/// A reusable JSON parser that remembers object keys and short strings across
/// documents, so that reading many records of the same shape decodes each key once.
///
///     var parser = CELJSONParser()
///     for line in lines { let record = try parser.parse(line) }
///
/// It owns its buffers, so it cannot be copied; use one per thread.
public struct CELJSONParser: ~Copyable, @unchecked Sendable {
  // @unchecked: the buffers are owned uniquely (the type is non-copyable).
  private var buffers: JSONBuffers

  /// A parser with an empty cache.
  public init() {
    buffers = JSONBuffers.allocate(cacheSize: JSONBuffers.defaultCacheSize)
  }

  /// A parser without a string cache, for reading a single document.
  init(oneShot: Void) {
    buffers = JSONBuffers.allocate(cacheSize: 0)
  }

  deinit { buffers.deallocate() }

  /// Parses one JSON document; see ``CELValue/parseJSON(_:)-(Collection<UInt8>)``.
  public mutating func parse(_ bytes: some Collection<UInt8>) throws(CELJSONError) -> CELValue {
    let start = buffers
    let outcome = bytes.withContiguousStorageIfAvailable { read($0, start) }
      ?? Array(bytes).withUnsafeBufferPointer { read($0, start) }
    buffers = outcome.buffers
    buffers.discardPartialContainers()
    return try outcome.result.get()
  }

  private func read(_ buffer: UnsafeBufferPointer<UInt8>, _ buffers: JSONBuffers)
    -> (result: Result<CELValue, CELJSONError>, buffers: JSONBuffers)
  {
    var reader = JSONReader(buffer, buffers: buffers)
    let result = reader.parseDocument()
    return (result, reader.buffers)
  }
}

/// The stacks and string cache of a ``JSONReader``, as plain pointers: copying this
/// struct copies the pointers, and exactly one owner deallocates them.
struct JSONBuffers {
  /// Entries and items of the objects and arrays being read, innermost last; each
  /// container takes its elements by move, at its exact size, when it closes.
  var entries: ElementStack<CELMap.Entry>
  var items: ElementStack<CELValue>
  /// A direct-mapped cache of decoded strings by hash.
  let cacheHashes: UnsafeMutablePointer<UInt64>
  let cacheStrings: UnsafeMutablePointer<String>
  /// The UTF-8 bytes of each cached string (`cacheableLength` bytes a slot), and their
  /// count, so that a hit is confirmed without touching the string.
  let cacheBytes: UnsafeMutableRawPointer
  let cacheLengths: UnsafeMutablePointer<Int>

  /// Slots in the string cache of a reusable parser (a power of two).
  static let defaultCacheSize = 1024
  /// Slots in this cache: a power of two, or 0 for no cache.
  let cacheSize: Int
  /// Strings longer than this are not cached (they are rarely repeated).
  static let cacheableLength = 32

  static func allocate(cacheSize: Int) -> JSONBuffers {
    let hashes = UnsafeMutablePointer<UInt64>.allocate(capacity: cacheSize)
    hashes.initialize(repeating: 0, count: cacheSize)
    let strings = UnsafeMutablePointer<String>.allocate(capacity: cacheSize)
    strings.initialize(repeating: "", count: cacheSize)
    let lengths = UnsafeMutablePointer<Int>.allocate(capacity: cacheSize)
    lengths.initialize(repeating: -1, count: cacheSize)
    return JSONBuffers(
      entries: ElementStack(capacity: 32), items: ElementStack(capacity: 32),
      cacheHashes: hashes, cacheStrings: strings,
      cacheBytes: .allocate(byteCount: cacheSize * cacheableLength, alignment: 8), cacheLengths: lengths,
      cacheSize: cacheSize)
  }

  func deallocate() {
    entries.deallocate()
    items.deallocate()
    cacheHashes.deallocate()
    cacheStrings.deinitialize(count: cacheSize)
    cacheStrings.deallocate()
    cacheBytes.deallocate()
    cacheLengths.deallocate()
  }

  /// Drops what a failed parse left on the stacks.
  mutating func discardPartialContainers() {
    entries.removeAll()
    items.removeAll()
  }
}
