#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The temporary output files of a running audit, kept where a signal handler can reach
/// them: on Ctrl-C or `kill`, ``removeAll()`` unlinks them (`unlink` is safe to call in a
/// signal handler), so an interrupted run leaves no stray files behind.
public enum TemporaryFiles {
  private static let capacity = 8
  private static let pathLength = 4096
  /// C strings of the registered paths; an empty string marks a free slot. Plain memory,
  /// allocated once, because a signal handler may neither allocate nor take locks.
  nonisolated(unsafe) private static let slots: UnsafeMutablePointer<CChar> = {
    let pointer = UnsafeMutablePointer<CChar>.allocate(capacity: capacity * pathLength)
    pointer.initialize(repeating: 0, count: capacity * pathLength)
    return pointer
  }()

  static func register(_ path: String) {
    let bytes = Array(path.utf8)
    guard bytes.count < pathLength else { return }
    for slot in 0..<capacity where slots[slot * pathLength] == 0 {
      for (offset, byte) in bytes.enumerated() { slots[slot * pathLength + offset] = CChar(bitPattern: byte) }
      slots[slot * pathLength + bytes.count] = 0
      return
    }
  }

  static func unregister(_ path: String) {
    for slot in 0..<capacity where String(cString: slots + slot * pathLength) == path {
      slots[slot * pathLength] = 0
    }
  }

  /// Unlinks every registered file. Async-signal-safe.
  public static func removeAll() {
    for slot in 0..<capacity where slots[slot * pathLength] != 0 {
      unlink(slots + slot * pathLength)
    }
  }
}
