import Foundation
import PrincipEngine
import Synchronization

/// Copies of the rules for an audit's further worker threads, loaded on threads of their
/// own from the start, beside the main load, so that no worker waits for its copy.
///
/// Each copy is loaded from the same files without printing anything: the main load
/// reports any problem with the rules, and a copy that fails to load is `nil` (its
/// worker then shares the main copy, with the same results).
final class RulePrefetch: Sendable {
  private struct State {
    var loaded: [RuleLibrary?] = []
    var untaken: Int
  }

  private let state: Mutex<State>
  private let ready = DispatchSemaphore(value: 0)

  /// Starts `count` loads of `files`.
  init(files: RuleFiles, count: Int) {
    state = Mutex(State(untaken: max(0, count)))
    for _ in 0..<max(0, count) {
      let thread = Thread { [self] in
        let library = RuleLibrary.load(files, examples: false).library
        state.withLock { $0.loaded.append(library) }
        ready.signal()
      }
      thread.stackSize = 8 << 20  // as the audit's workers: parsing expressions recurses
      thread.start()
    }
  }

  /// The next copy, waiting until one is loaded; `nil` once all have been taken.
  func next() -> RuleLibrary? {
    let available = state.withLock { state in
      guard state.untaken > 0 else { return false }
      state.untaken -= 1
      return true
    }
    guard available else { return nil }
    ready.wait()
    return state.withLock { $0.loaded.removeFirst() }
  }
}
