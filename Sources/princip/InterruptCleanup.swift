import Foundation
import PrincipEngine

/// Removes the temporary output files when a run is interrupted (Ctrl-C, `kill`, a
/// closed terminal, Ctrl-\), so no half-written file is left behind, and exits with status
/// 128 + the signal (130 for Ctrl-C). Installed as the process starts, before anything is
/// written.
enum InterruptCleanup {
  static func install() {
    TemporaryFiles.prepare()
    for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
      // A signal ignored from the start (`nohup`, a background job) stays ignored.
      var current = sigaction()
      sigaction(signal, nil, &current)
      if let handler = current.__sigaction_handler.sa_handler, unsafeBitCast(handler, to: Int.self) == 1 { continue }
      var action = sigaction()
      action.__sigaction_handler.sa_handler = { number in
        TemporaryFiles.removeAll()
        _exit(128 + number)
      }
      sigemptyset(&action.sa_mask)
      // Further signals wait while the handler runs: it removes each file once.
      for other in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&action.sa_mask, other) }
      sigaction(signal, &action, nil)
    }
    // A parent may start princip with these signals blocked (a thread of a Dispatch
    // queue blocks them, and a child inherits its mask): then they would never arrive.
    var handled = sigset_t()
    sigemptyset(&handled)
    for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&handled, signal) }
    pthread_sigmask(SIG_UNBLOCK, &handled, nil)
  }
}
