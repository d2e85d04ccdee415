#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension String {
  /// Equality of the UTF-8 bytes, as CEL compares strings (Swift's `==` would also
  /// equate canonically equivalent strings, such as "é" and "e\u{301}").
  @inlinable @inline(__always)
  func celEquals(_ other: String) -> Bool {
    // The common case for field names, settled without looking further.
    if celSharesRepresentation(with: other) { return true }
    return celEqualsComparingBytes(other)
  }

  /// Whether the two strings are one representation: the same buffer (such as one
  /// ``CELMap/sharedKey(_:)``), or the same small string stored inline. Such strings are
  /// equal; equal strings need not be.
  @inlinable @inline(__always)
  public func celSharesRepresentation(with other: String) -> Bool {
    unsafeBitCast(self, to: (UInt64, UInt64).self) == unsafeBitCast(other, to: (UInt64, UInt64).self)
  }

  @usableFromInline @inline(never)
  func celEqualsComparingBytes(_ other: String) -> Bool {
    let a = utf8
    let b = other.utf8
    let n = a.count
    guard n == b.count else { return false }
    if n == 0 { return true }
    let fast = a.withContiguousStorageIfAvailable { pa in
      b.withContiguousStorageIfAvailable { pb in
        guard let x = pa.baseAddress, let y = pb.baseAddress else { return false }
        return memcmp(x, y, n) == 0
      }
    }
    if let fast, let result = fast { return result }
    return a.elementsEqual(b)
  }
}
