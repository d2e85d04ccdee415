#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why an input file (a proposal, a decisions file, a rules folder, a mapping, a
/// baseline, an `eval` input) cannot be opened or read, in the user's words rather than
/// the system's. One wording for every command: see ``InputFile``.
public enum FileFailure: Error, Sendable, Hashable {
  /// Nothing exists at the path.
  case notFound
  /// The path is a folder where a file was expected.
  case isFolder
  /// The path is a file where a folder was expected (`--rules`).
  case notFolder
  /// The user may not read the file or a folder on its path.
  case permissionDenied
  /// A folder whose entries cannot be listed.
  case cannotList
  /// Any other failure of the system call, by its `errno`.
  case system(code: Int32)

  /// The failure of an `open(2)`, `read(2)` or `stat(2)` call, from its `errno`.
  public init(errno code: Int32) {
    switch code {
    case ENOENT, ENOTDIR: self = .notFound
    case EISDIR: self = .isFolder
    case EACCES, EPERM: self = .permissionDenied
    default: self = .system(code: code)
    }
  }

  /// What is wrong, without the file's name: `filen findes ikke`.
  public func message(in language: Language) -> String {
    let da = language == .da
    switch self {
    case .notFound: return da ? "findes ikke" : "does not exist"
    case .isFolder: return da ? "er en mappe, ikke en fil" : "is a folder, not a file"
    case .notFolder: return da ? "er ikke en mappe med regler" : "is not a folder of rules"
    case .permissionDenied: return da ? "du har ikke adgang til at læse filen" : "you are not allowed to read the file"
    case .cannotList: return da ? "mappens indhold kan ikke læses" : "the folder's contents cannot be listed"
    case .system(let code):
      // The system's own words are English; keep them, but say in the user's language what failed.
      let reason = String(cString: strerror(code))
      return da ? "filen kan ikke læses (systemfejl \(code): \(reason))" : "the file cannot be read (system error \(code): \(reason))"
    }
  }
}
