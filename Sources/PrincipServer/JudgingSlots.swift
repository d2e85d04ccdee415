import NIOConcurrencyHelpers

/// The bound on concurrent judging: at most `limit` requests judge at once, up to
/// `queue` more wait their turn in arrival order, and any beyond that are turned away
/// (503) rather than queued without end.
final class JudgingSlots: Sendable {
  private struct State {
    var busy = 0
    var waiting: [CheckedContinuation<Void, Never>] = []
  }

  let limit: Int
  let queue: Int
  private let state = NIOLockedValueBox(State())

  init(limit: Int, queue: Int) {
    self.limit = max(1, limit)
    self.queue = max(0, queue)
  }

  /// Runs `body` in a slot; `nil` when every slot is taken and the queue is full.
  func run<Result: Sendable>(_ body: () async throws -> Result) async throws -> Result? {
    guard await acquire() else { return nil }
    defer { release() }
    return try await body()
  }

  /// How many requests are judging now.
  var inUse: Int { state.withLockedValue { $0.busy } }

  private enum Admission {
    case now, wait, refuse
  }

  private func acquire() async -> Bool {
    let admission: Admission = state.withLockedValue { state in
      if state.busy < limit {
        state.busy += 1
        return .now
      }
      return state.waiting.count < queue ? .wait : .refuse
    }
    switch admission {
    case .now: return true
    case .refuse: return false
    case .wait:
      await withCheckedContinuation { continuation in
        let admitted: Bool = state.withLockedValue { state in
          // A slot may have come free since the first look.
          if state.busy < limit {
            state.busy += 1
            return true
          }
          state.waiting.append(continuation)
          return false
        }
        if admitted { continuation.resume() }
      }
      return true
    }
  }

  /// Hands the slot to the first waiting request, or frees it.
  private func release() {
    let next: CheckedContinuation<Void, Never>? = state.withLockedValue { state in
      if state.waiting.isEmpty {
        state.busy -= 1
        return nil
      }
      return state.waiting.removeFirst()
    }
    next?.resume()
  }
}
