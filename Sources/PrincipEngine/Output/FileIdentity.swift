#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A regular file's device and inode: two paths (or a path and standard input) with the
/// same identity name one file, whatever links and `./` lie between them.
struct FileIdentity: Equatable {
  let device: UInt64
  let inode: UInt64

  /// The identity of the regular file at `path` (`-`: standard input), links followed;
  /// `nil` when there is none.
  init?(_ path: String) {
    var info = stat()
    let found = path == "-" ? fstat(STDIN_FILENO, &info) : stat(path, &info)
    guard found == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
    device = UInt64(info.st_dev)
    inode = UInt64(info.st_ino)
  }
}
