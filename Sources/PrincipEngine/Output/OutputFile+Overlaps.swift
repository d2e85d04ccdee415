#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension OutputFile {
  /// Refuses outputs that would destroy an input, or each other: an output naming the
  /// same regular file as an input (`audit d.jsonl --out d.jsonl`, also through a link
  /// or as standard input), or two outputs naming one file. Devices and FIFOs
  /// (`/dev/null`) may be named more than once.
  public static func refuseOverlaps(outputs: [String], inputs: [String]) throws(OutputError) {
    let inputIdentities = inputs.map { ($0, FileIdentity($0)) }
    var seen: [(path: String, key: String)] = []
    for output in outputs {
      if let identity = FileIdentity(output), let (input, _) = inputIdentities.first(where: { $0.1 == identity }) {
        throw .isAnInput(file: output, input: input)
      }
      guard let key = try? uniqueKey(output) else { continue }
      if let earlier = seen.first(where: { $0.key == key }) { throw .sameFileTwice(file: output, other: earlier.path) }
      seen.append((output, key))
    }
  }

  /// What tells two outputs apart: the file's identity, or for a new file its folder's
  /// identity and its name; `nil` for a device or FIFO.
  private static func uniqueKey(_ path: String) throws(OutputError) -> String? {
    let resolved = try resolve(path)
    switch resolved.kind {
    case .regular:
      return FileIdentity(resolved.path).map { "\($0.device):\($0.inode)" }
    case .absent:
      let (folder, name) = split(resolved.path)
      var info = stat()
      guard stat(folder.isEmpty ? "." : folder, &info) == 0 else { return resolved.path }
      return "\(info.st_dev):\(info.st_ino)/\(name)"
    case .directory, .special:
      return nil
    }
  }
}
