#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file (or standard input) read in large chunks straight into a byte buffer, without
/// Foundation's per-read allocations.
final class ByteSource {
  let display: String
  private let descriptor: Int32
  private let ownsDescriptor: Bool
  private(set) var bytesRead = 0

  /// Opens `path` for reading; `-` is standard input.
  init(path: String) throws(AuditError) {
    display = path
    if path == "-" {
      descriptor = 0
      ownsDescriptor = false
      return
    }
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw .unreadable(file: path, reason: String(cString: strerror(errno))) }
    descriptor = fd
    ownsDescriptor = true
  }

  deinit {
    if ownsDescriptor { close(descriptor) }
  }

  /// Appends up to `count` bytes to `buffer`; returns how many came, 0 at the end.
  func read(appendingTo buffer: inout [UInt8], count: Int) throws(AuditError) -> Int {
    let old = buffer.count
    buffer.append(contentsOf: repeatElement(0, count: count))
    var got = 0
    while true {
      got = buffer.withUnsafeMutableBytes { raw in
        Glibc_read(descriptor, raw.baseAddress.map { $0 + old }, count)
      }
      if got >= 0 || errno != EINTR { break }
    }
    guard got >= 0 else {
      buffer.removeLast(count)
      throw .unreadable(file: display, reason: String(cString: strerror(errno)))
    }
    buffer.removeLast(count - got)
    bytesRead += got
    return got
  }
}

/// `read(2)` under a name that does not clash with `ByteSource.read`.
@inline(__always)
private func Glibc_read(_ fd: Int32, _ pointer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  read(fd, pointer, count)
}
