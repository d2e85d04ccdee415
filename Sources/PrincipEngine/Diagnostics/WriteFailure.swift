#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file or standard output cannot be written, from the failed system call's
/// `errno`, told in the user's language: the common reasons are translated; any other
/// keeps the system's text after its number.
public struct WriteFailure: Error, Sendable, Hashable {
  /// The `errno` value.
  public let code: Int32

  public init(code: Int32) {
    self.code = code
  }

  /// The error of the system call that just failed.
  public static var current: WriteFailure { WriteFailure(code: errno) }

  /// The reason, without the file: `der er ikke mere plads på enheden`.
  public func message(in language: Language) -> String {
    let da = language == .da
    switch code {
    case ENOSPC: return da ? "der er ikke mere plads på enheden" : "no space left on the device"
    case EDQUOT: return da ? "diskkvoten er opbrugt" : "the disk quota is used up"
    case EFBIG: return da ? "filen bliver for stor" : "the file grows too large"
    case EACCES, EPERM: return da ? "adgang nægtet" : "permission denied"
    case EROFS: return da ? "filsystemet er skrivebeskyttet" : "the file system is read-only"
    case ENOENT: return da ? "filen eller mappen findes ikke" : "no such file or folder"
    case ENOTDIR: return da ? "en del af stien er ikke en mappe" : "a part of the path is not a folder"
    case EISDIR: return da ? "det er en mappe" : "it is a folder"
    case EIO: return da ? "ind- eller udlæsningsfejl på enheden" : "input/output error on the device"
    case EPIPE: return da ? "modtageren har lukket forbindelsen" : "the receiving end has closed"
    case ENXIO: return da ? "enheden eller soklen kan ikke åbnes til skrivning" : "the device or socket cannot be opened for writing"
    case ELOOP: return da ? "for mange symbolske links" : "too many symbolic links"
    case ENAMETOOLONG: return da ? "navnet er for langt" : "the name is too long"
    case EBADF: return da ? "er ikke åben" : "is not open"
    default:
      let text = String(cString: strerror(code))
      return da ? "systemfejl \(code): \(text)" : text
    }
  }
}

extension WriteFailure: CustomStringConvertible {
  public var description: String { message(in: .en) }
}
