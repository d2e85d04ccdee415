#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// An output file that appears under its name only when it is complete.
///
/// Bytes go to a hidden temporary file beside the target (`.results.jsonl.princip-1234.tmp`);
/// ``commit()`` renames it into place. A run that is interrupted leaves at most the
/// temporary file — never a half-written file under the name the user asked for. The
/// temporary paths are registered in ``TemporaryFiles`` so a signal handler can remove them.
///
/// An earlier file under the name is replaced by the rename, or removed as the run starts
/// (``removeEarlier(unlessAnyOf:)``).
public final class AtomicOutputFile {
  /// The name the user asked for.
  public let path: String
  /// Where the bytes go until ``commit()``.
  public let temporaryPath: String
  private var descriptor: Int32
  private var pending: [UInt8] = []
  private static let flushThreshold = 1 << 20
  private static let directThreshold = 64 << 10
  /// The removal of an earlier file under ``path``, if one was started.
  private var earlierRemoval: DispatchGroup?

  /// Creates the temporary file.
  public init(path: String) throws(AuditError) {
    self.path = path
    let slash = path.lastIndex(of: "/")
    let folder = slash.map { String(path[...$0]) } ?? ""
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    temporaryPath = "\(folder).\(name).princip-\(getpid()).tmp"
    descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard descriptor >= 0 else { throw .unwritable(file: path, reason: String(cString: strerror(errno))) }
    TemporaryFiles.register(temporaryPath)
  }

  deinit {
    if descriptor >= 0 { discard() }
  }

  /// Starts removing an earlier file under ``path`` in the background, unless it is the
  /// same file as one of `inputs` (which may still have to be read).
  ///
  /// The file system takes seconds to free a file of gigabytes. Renaming over it would
  /// make ``commit()`` wait that long at the end; removed now, the work overlaps the run.
  /// And an interrupted run then leaves no earlier results that could be taken for its own.
  public func removeEarlier(unlessAnyOf inputs: [String]) {
    guard let earlier = FileIdentity(path), !inputs.contains(where: { FileIdentity($0) == earlier }) else { return }
    let removal = DispatchGroup()
    DispatchQueue.global().async(group: removal) { [path] in _ = unlink(path) }
    earlierRemoval = removal
  }

  /// Appends bytes: small pieces are buffered, a large one goes to the file as it is
  /// (after what is buffered), without being copied.
  public func write(_ bytes: [UInt8]) throws(AuditError) {
    // An audit's batch of results (hundreds of kilobytes) is large: copying it into the
    // buffer would cost as much as writing it.
    if bytes.count < Self.directThreshold && pending.count + bytes.count < Self.flushThreshold {
      pending.append(contentsOf: bytes)
      return
    }
    try flush()
    if let failure = bytes.withUnsafeBytes(writeAll) { throw failure }
  }

  private func flush() throws(AuditError) {
    if let failure = pending.withUnsafeBytes(writeAll) { throw failure }
    pending.removeAll(keepingCapacity: true)
  }

  /// Writes all of `bytes`; the error, if the file refuses them.
  private func writeAll(_ bytes: UnsafeRawBufferPointer) -> AuditError? {
    var offset = 0
    while offset < bytes.count {
      let written = Glibc_write(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        return .unwritable(file: path, reason: String(cString: strerror(errno)))
      }
      offset += written
    }
    return nil
  }

  /// Writes what is buffered, closes the file and renames it to ``path``.
  public func commit() throws(AuditError) {
    try flush()
    close(descriptor)
    descriptor = -1
    earlierRemoval?.wait()
    guard rename(temporaryPath, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporaryPath)
      TemporaryFiles.unregister(temporaryPath)
      throw .unwritable(file: path, reason: reason)
    }
    TemporaryFiles.unregister(temporaryPath)
  }

  /// Closes and removes the temporary file; the target is left untouched.
  public func discard() {
    if descriptor >= 0 { close(descriptor) }
    descriptor = -1
    earlierRemoval?.wait()
    unlink(temporaryPath)
    TemporaryFiles.unregister(temporaryPath)
  }
}

/// A regular file's device and inode: two paths with the same identity name one file.
private struct FileIdentity: Equatable {
  let device: UInt64
  let inode: UInt64

  /// The identity of the regular file at `path`; `nil` when there is none.
  init?(_ path: String) {
    var info = stat()
    guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
    device = UInt64(info.st_dev)
    inode = UInt64(info.st_ino)
  }
}

@inline(__always)
private func Glibc_write(_ fd: Int32, _ pointer: UnsafeRawPointer?, _ count: Int) -> Int {
  write(fd, pointer, count)
}
