#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The temporary output files of a running command, kept where a signal handler can reach
/// them: on Ctrl-C or `kill`, ``removeAll()`` unlinks them (`unlink` is safe to call in a
/// signal handler), so an interrupted run leaves no stray files behind.
///
/// A temporary file is named `.NAME.princip-PID.tmp` beside the file `NAME` it will
/// become: hidden, and recognisably princip's. One that a killed process (`kill -9`, a
/// power cut) left behind is removed by the next run that writes `NAME`
/// (``removeAbandoned(in:for:)``).
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

  /// The temporary name for the file `name` in `folder` (`""` or ending in `/`).
  static func name(for name: String, in folder: String) -> String {
    "\(folder).\(name).princip-\(getpid()).tmp"
  }

  static func register(_ path: String) {
    let bytes = Array(path.utf8)
    guard !bytes.isEmpty, bytes.count < pathLength else { return }
    for slot in 0..<capacity where slots[slot * pathLength] == 0 {
      let base = slots + slot * pathLength
      // The first byte last, after a fence: a handler that runs meanwhile sees either a
      // free slot or the whole path, never a part of it.
      for (offset, byte) in bytes.enumerated().dropFirst() { base[offset] = CChar(bitPattern: byte) }
      base[bytes.count] = 0
      atomicMemoryFence(ordering: .sequentiallyConsistent)
      base[0] = CChar(bitPattern: bytes[0])
      return
    }
  }

  static func unregister(_ path: String) {
    for slot in 0..<capacity where slots[slot * pathLength] != 0 && String(cString: slots + slot * pathLength) == path {
      slots[slot * pathLength] = 0
    }
  }

  /// Makes the registry ready before a signal handler may use it: its memory is
  /// allocated on first use, which a signal handler must not do.
  public static func prepare() {
    _ = slots
  }

  /// Unlinks every registered file. Async-signal-safe once ``prepare()`` has run.
  public static func removeAll() {
    for slot in 0..<capacity where slots[slot * pathLength] != 0 {
      unlink(slots + slot * pathLength)
    }
  }

  /// Removes the temporary files for `name` in `folder` that processes no longer running
  /// left behind; those of a running process (another run writing the same file) stay.
  static func removeAbandoned(in folder: String, for name: String) {
    guard let directory = opendir(folder.isEmpty ? "." : folder) else { return }
    defer { closedir(directory) }
    let prefix = ".\(name).princip-"
    while let entry = readdir(directory) {
      let entryName = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      guard entryName.hasPrefix(prefix), entryName.hasSuffix(".tmp") else { continue }
      let digits = entryName.dropFirst(prefix.count).dropLast(4)
      guard let pid = pid_t(digits), pid > 0, pid != getpid() else { continue }
      if kill(pid, 0) != 0 && errno == ESRCH { unlink(folder + entryName) }
    }
  }
}
