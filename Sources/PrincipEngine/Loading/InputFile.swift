#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The one place that opens a user's input file (or standard input, `-`) and says why it
/// cannot be read. Every reader of input uses it: `check`, `audit` (inputs, mapping,
/// baseline), the rules loader and `eval`.
///
/// Files are read by streaming, never by trusting their size: a FIFO, a process
/// substitution (`<(cat file)`) or a character device is read like a regular file, and
/// reading stops at the limit.
public struct InputFile: ~Copyable {
  /// The path as the user gave it; `-` is standard input.
  public let path: String
  /// The open file descriptor.
  let descriptor: Int32
  /// The size of a regular file, `nil` for anything else (a pipe, a device, standard input).
  let regularSize: Int?
  private let ownsDescriptor: Bool

  /// Opens `path` for reading. A folder is refused here, not at the first read.
  public init(path: String) throws(PrincipError) {
    let (descriptor, regularSize) = try Self.open(path)
    self.path = path
    self.descriptor = descriptor
    self.regularSize = regularSize
    ownsDescriptor = path != "-"
  }

  /// The descriptor of `path` (standard input for `-`) and the size if it is a regular file.
  private static func open(_ path: String) throws(PrincipError) -> (descriptor: Int32, regularSize: Int?) {
    var fd: Int32 = 0
    if path != "-" {
      repeat { fd = systemOpen(path, O_RDONLY | O_CLOEXEC) } while fd < 0 && errno == EINTR
      guard fd >= 0 else { throw .unreadable(file: path, reason: FileFailure(errno: errno)) }
    }
    var status = stat()
    let failure: FileFailure? =
      if fstat(fd, &status) != 0 { FileFailure(errno: errno) } else if (status.st_mode & S_IFMT) == S_IFDIR { .isFolder } else { nil }
    if let failure {
      if path != "-" { close(fd) }
      throw .unreadable(file: path, reason: failure)
    }
    return (fd, (status.st_mode & S_IFMT) == S_IFREG ? Int(status.st_size) : nil)
  }

  deinit {
    if ownsDescriptor { close(descriptor) }
  }

  /// Reads up to `count` bytes into `buffer` after its current end; returns how many
  /// came, 0 at the end of the file.
  public func read(appendingTo buffer: inout [UInt8], count: Int) throws(PrincipError) -> Int {
    let old = buffer.count
    buffer.append(contentsOf: repeatElement(0, count: count))
    var got = 0
    repeat {
      got = buffer.withUnsafeMutableBytes { raw in systemRead(descriptor, raw.baseAddress.map { $0 + old }, count) }
    } while got < 0 && errno == EINTR
    guard got >= 0 else {
      let failure = FileFailure(errno: errno)
      buffer.removeLast(count)
      throw .unreadable(file: path, reason: failure)
    }
    buffer.removeLast(count - got)
    return got
  }

  /// The whole file, refused as soon as it proves larger than `limit` bytes: a regular
  /// file by its size, anything else after reading one byte past the limit.
  public func readAll(limit: Int) throws(PrincipError) -> [UInt8] {
    if let regularSize, regularSize > limit {
      throw .unusableFile(file: path, problem: .tooLarge(bytes: regularSize, limit: limit))
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(min(regularSize.map { $0 + 1 } ?? 64 * 1024, limit + 1))
    while bytes.count <= limit {
      let chunk = min(1 << 20, limit + 1 - bytes.count)
      if try read(appendingTo: &bytes, count: chunk) == 0 { return bytes }
    }
    throw .unusableFile(file: path, problem: .tooLarge(bytes: nil, limit: limit))
  }
}

/// `open(2)` under a name that does not clash with `InputFile.open`.
@inline(__always)
private func systemOpen(_ path: String, _ flags: Int32) -> Int32 {
  open(path, flags)
}

/// `read(2)` under a name that does not clash with `InputFile.read`.
@inline(__always)
private func systemRead(_ fd: Int32, _ pointer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  read(fd, pointer, count)
}
