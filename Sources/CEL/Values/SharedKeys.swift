#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

extension CELMap {
  /// The one shared copy of `key`'s text, for map keys and field names that are compared
  /// often: two strings that are the same shared copy are equal at a glance
  /// (``Swift/String/celEquals(_:)`` compares their representations first), with no byte
  /// comparison. Field names in compiled programs are shared, so map keys made with this
  /// are found without reading their bytes.
  ///
  /// The copy comes from the pool the calling thread is ``CELKeyPool/sharing(_:)``, or else
  /// from one pool for the whole process. Strings of up to 15 UTF-8 bytes are stored
  /// inline and compare at a glance anyway; they are returned as they are.
  public static func sharedKey(_ key: String) -> String {
    guard key.utf8.count > 15 else { return key }
    return CELKeyPool.current.shared(key)
  }
}

/// A set of shared copies of strings (``CELMap/sharedKey(_:)``).
///
/// Everything made within one pool's ``sharing(_:)`` shares its long names. Threads that
/// each work with things of their own pool never retain and release the same string, so
/// its reference count does not bounce between the cores' caches, as it would if the
/// whole process shared one copy.
public final class CELKeyPool: Sendable {
  private let keys = Mutex<Set<String>>([])

  /// An empty pool.
  public init() {}

  /// Runs `body` with this pool giving ``CELMap/sharedKey(_:)`` its copies on the calling
  /// thread; the pool in use before comes back afterwards.
  public func sharing<Result, Failure: Error>(_ body: () throws(Failure) -> Result) throws(Failure) -> Result {
    let previous = pthread_getspecific(Self.threadKey)
    pthread_setspecific(Self.threadKey, Unmanaged.passUnretained(self).toOpaque())
    defer { pthread_setspecific(Self.threadKey, previous) }
    return try body()
  }

  fileprivate func shared(_ key: String) -> String {
    keys.withLock { keys in
      if let shared = keys.firstIndex(of: key) { return keys[shared] }
      keys.insert(key)
      return key
    }
  }

  /// The pool the calling thread is sharing, or the process's.
  fileprivate static var current: CELKeyPool {
    // The pointer is valid: `sharing` keeps its pool alive while it is set.
    guard let stored = pthread_getspecific(threadKey) else { return process }
    return Unmanaged<CELKeyPool>.fromOpaque(stored).takeUnretainedValue()
  }

  private static let process = CELKeyPool()

  private static let threadKey: pthread_key_t = {
    var key = pthread_key_t()
    pthread_key_create(&key, nil)
    return key
  }()
}
