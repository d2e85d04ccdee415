/// A file (or standard input) read in large chunks straight into a byte buffer, without
/// Foundation's per-read allocations. Opened through ``InputFile``, so an audit words a
/// missing file, a folder or a permission problem as `check` does.
final class ByteSource {
  let display: String
  private let file: InputFile
  private(set) var bytesRead = 0

  /// Opens `path` for reading; `-` is standard input.
  init(path: String) throws(AuditError) {
    display = path
    do { file = try InputFile(path: path) } catch { throw .input(error) }
  }

  /// Appends up to `count` bytes to `buffer`; returns how many came, 0 at the end.
  func read(appendingTo buffer: inout [UInt8], count: Int) throws(AuditError) -> Int {
    let got: Int
    do { got = try file.read(appendingTo: &buffer, count: count) } catch { throw .input(error) }
    bytesRead += got
    return got
  }
}
