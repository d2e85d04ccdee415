import Synchronization

extension CELMap {
  /// The one shared copy of `key`'s text, for map keys and field names that are compared
  /// often: two strings that are the same shared copy are equal at a glance
  /// (``Swift/String/celEquals(_:)`` compares their representations first), with no byte
  /// comparison. Field names in compiled programs are shared, so map keys made with this
  /// are found without reading their bytes.
  ///
  /// Strings of up to 15 UTF-8 bytes are stored inline and compare at a glance anyway;
  /// they are returned as they are.
  public static func sharedKey(_ key: String) -> String {
    guard key.utf8.count > 15 else { return key }
    return sharedKeys.withLock { keys in
      if let shared = keys.firstIndex(of: key) { return keys[shared] }
      keys.insert(key)
      return key
    }
  }
}

/// Every shared key so far; it only grows, with the names in rules and schemas.
private let sharedKeys = Mutex<Set<String>>([])
