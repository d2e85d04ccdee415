import Foundation
import PrincipEngine

/// Removes the audit's temporary output files when the run is interrupted (Ctrl-C,
/// `kill`), so no half-written file is left behind, and exits with status 130.
enum InterruptCleanup {
  static func install() {
    for signal in [SIGINT, SIGTERM, SIGHUP] {
      _ = Foundation.signal(signal) { number in
        TemporaryFiles.removeAll()
        _exit(128 + number)
      }
    }
  }
}
