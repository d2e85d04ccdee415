#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// Where a command writes: standard output, `check --output`, `audit --out` or `--report`.
/// Every write is checked and fails with an ``OutputError``, never a crash.
///
/// A regular file (or a new one) appears under its name only when it is complete: bytes go
/// to a hidden temporary file beside it (`.results.jsonl.princip-1234.tmp`), which
/// ``commit()`` renames into place, keeping the earlier file's permissions. A symbolic
/// link is followed: its target is what gets replaced, the link stays. Anything else — a
/// device such as `/dev/null`, a FIFO, standard output — is written in place, as it is.
///
/// The temporary paths are registered in ``TemporaryFiles`` so that a signal handler can
/// remove them; one left by a run that was killed outright (`kill -9`) is removed by the
/// next run that writes the same file.
public final class OutputFile {
  /// The name the user asked for (`nil`: standard output), as messages show it.
  public let path: String?
  /// Where the bytes go until ``commit()``; `nil` when they are written in place.
  public let temporaryPath: String?
  /// The file that ``commit()`` replaces: ``path`` with its symbolic links followed.
  private let target: String?
  private var descriptor: Int32
  private let ownsDescriptor: Bool
  private var pending: [UInt8] = []
  private var finished = false
  private static let flushThreshold = 1 << 20
  private static let directThreshold = 64 << 10

  /// Opens `path` for writing: a temporary file beside a regular (or new) file, the file
  /// itself otherwise.
  public init(path: String) throws(OutputError) {
    self.path = path
    let resolved = try Self.resolve(path)
    switch resolved.kind {
    case .directory:
      throw .unwritable(file: path, WriteFailure(code: EISDIR))
    case .special:
      // A device or FIFO: renaming over it would replace the node itself.
      let fd = open(resolved.path, O_WRONLY | O_CLOEXEC | O_NOCTTY)
      guard fd >= 0 else { throw .unwritable(file: path, .current) }
      target = nil
      temporaryPath = nil
      descriptor = fd
    case .regular, .absent:
      let (folder, name) = Self.split(resolved.path)
      TemporaryFiles.removeAbandoned(in: folder, for: name)
      let temporary = TemporaryFiles.name(for: name, in: folder)
      var fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
      if fd < 0 && errno == EEXIST {
        // Left by an earlier process with this process's id.
        unlink(temporary)
        fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
      }
      guard fd >= 0 else { throw .unwritable(file: path, .current) }
      // The replacement keeps the earlier file's permissions (a private report stays private).
      if case .regular(let mode) = resolved.kind { fchmod(fd, mode) }
      TemporaryFiles.register(temporary)
      target = resolved.path
      temporaryPath = temporary
      descriptor = fd
    }
    ownsDescriptor = true
  }

  private init(descriptor: Int32) {
    path = nil
    target = nil
    temporaryPath = nil
    self.descriptor = descriptor
    ownsDescriptor = false
  }

  /// Standard output, written in place.
  public static func standardOutput() -> OutputFile { OutputFile(descriptor: STDOUT_FILENO) }

  /// Standard error, written in place.
  public static func standardError() -> OutputFile { OutputFile(descriptor: STDERR_FILENO) }

  deinit {
    if !finished { discard() }
  }

  /// Removes an earlier regular file under the name now, as the run starts, so that a run
  /// that stops before ``commit()`` leaves no file that could be taken for its own.
  ///
  /// The file system takes seconds to free a file of gigabytes: the name goes at once,
  /// the space is freed in the background (the file is held open while its name is
  /// removed, and closed on another thread).
  public func removeEarlier() {
    guard let target, case .regular? = try? Self.resolve(target).kind else { return }
    let held = open(target, O_RDONLY | O_CLOEXEC)
    unlink(target)
    if held >= 0 { DispatchQueue.global(qos: .utility).async { close(held) } }
  }

  /// Appends bytes: small pieces are buffered, a large one goes to the file as it is
  /// (after what is buffered), without being copied.
  public func write(_ bytes: [UInt8]) throws(OutputError) {
    // An audit's batch of results (hundreds of kilobytes) is large: copying it into the
    // buffer would cost as much as writing it.
    if bytes.count < Self.directThreshold && pending.count + bytes.count < Self.flushThreshold {
      pending.append(contentsOf: bytes)
      return
    }
    try flush()
    if let failure = bytes.withUnsafeBytes(writeAll) { throw failure }
  }

  /// Appends text as UTF-8.
  public func write(_ text: String) throws(OutputError) {
    try write(Array(text.utf8))
  }

  private func flush() throws(OutputError) {
    guard !pending.isEmpty else { return }
    if let failure = pending.withUnsafeBytes(writeAll) { throw failure }
    pending.removeAll(keepingCapacity: true)
  }

  /// Writes all of `bytes`; the error, if the file refuses them.
  private func writeAll(_ bytes: UnsafeRawBufferPointer) -> OutputError? {
    var offset = 0
    while offset < bytes.count {
      let written = Glibc_write(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        if errno == EAGAIN {
          // A non-blocking standard output (inherited): wait until it takes more.
          var poller = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
          _ = poll(&poller, 1, -1)
          continue
        }
        return .unwritable(file: path, .current)
      }
      offset += written
    }
    return nil
  }

  /// Writes what is buffered and, for a regular file, closes the temporary file and
  /// renames it into place.
  public func commit() throws(OutputError) {
    guard !finished else { return }
    do {
      try flush()
    } catch {
      discard()
      throw error
    }
    finished = true
    guard ownsDescriptor else { return }
    // A network file system may report a full disk only now.
    let closed = close(descriptor)
    let closeError = WriteFailure.current
    descriptor = -1
    guard let temporaryPath, let target else {
      if closed != 0 { throw .unwritable(file: path, closeError) }
      return
    }
    guard closed == 0, rename(temporaryPath, target) == 0 else {
      let reason = closed != 0 ? closeError : .current
      unlink(temporaryPath)
      TemporaryFiles.unregister(temporaryPath)
      throw .unwritable(file: path, reason)
    }
    TemporaryFiles.unregister(temporaryPath)
  }

  /// Closes and removes the temporary file; the target is left untouched.
  public func discard() {
    guard !finished else { return }
    finished = true
    if ownsDescriptor && descriptor >= 0 { close(descriptor) }
    descriptor = -1
    if let temporaryPath {
      unlink(temporaryPath)
      TemporaryFiles.unregister(temporaryPath)
    }
  }
}

extension OutputFile {
  /// What a path names once its symbolic links are followed.
  enum Kind: Equatable {
    /// A regular file, with its permission bits.
    case regular(mode: mode_t)
    /// Nothing yet: a new file.
    case absent
    case directory
    /// A device, FIFO or socket.
    case special
  }

  /// `path` with its symbolic links followed (also a link whose target does not exist
  /// yet, which then names the new file), and what it names.
  static func resolve(_ path: String) throws(OutputError) -> (path: String, kind: Kind) {
    var info = stat()
    if stat(path, &info) == 0 {
      switch info.st_mode & S_IFMT {
      case S_IFDIR: return (path, .directory)
      case S_IFREG:
        // The real path, so that the file is replaced where it lies, not the link to it.
        guard let real = realpath(path, nil) else { return (path, .special) }
        defer { free(real) }
        return (String(cString: real), .regular(mode: info.st_mode & 0o7777))
      default:
        // A device, FIFO or socket, also behind a link (`/dev/stdout`, `>(gzip)`): opened as named.
        return (path, .special)
      }
    }
    guard errno == ENOENT else { throw .unwritable(file: path, .current) }
    // Nothing there yet; a dangling link names the file to create.
    var current = path
    for _ in 0..<40 {
      guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return (current, .absent) }
      var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      let length = readlink(current, &buffer, buffer.count - 1)
      guard length >= 0 else { throw .unwritable(file: path, .current) }
      let link = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      current = link.hasPrefix("/") ? link : split(current).folder + link
    }
    throw .unwritable(file: path, WriteFailure(code: ELOOP))
  }

  /// The folder (with its trailing slash, empty for the current one) and the name.
  static func split(_ path: String) -> (folder: String, name: String) {
    guard let slash = path.lastIndex(of: "/") else { return ("", path) }
    return (String(path[...slash]), String(path[path.index(after: slash)...]))
  }
}

@inline(__always)
private func Glibc_write(_ fd: Int32, _ pointer: UnsafeRawPointer?, _ count: Int) -> Int {
  write(fd, pointer, count)
}
