import Dispatch
import Foundation
import Synchronization

/// Runs work on items on a fixed set of worker threads, while the calling thread produces
/// the items one by one and consumes the outputs in the items' order.
///
/// Workers take the next item as soon as they are free, so one slow item does not hold
/// the others back; at most `window` items are read but not yet consumed, which bounds
/// memory. The caller's thread reads and writes, the workers only compute.
struct OrderedPipeline<Item: Sendable, Output: Sendable>: Sendable {
  let workers: Int
  let window: Int
  /// The work on one item; `worker` is the index of the thread running it (0..<workers),
  /// so each thread can use state of its own.
  let work: @Sendable (_ worker: Int, _ item: Item) -> Output

  /// Feeds `next()` to the workers until it returns `nil`, and hands each output to
  /// `deliver` in order. When `next` or `deliver` throws, the workers finish the item in
  /// hand and stop, and the error is rethrown.
  func run<Failure: Error>(next: () throws(Failure) -> Item?, deliver: (Output) throws(Failure) -> Void) throws(Failure) {
    let exchange = Exchange()
    let finished = DispatchGroup()
    for worker in 0..<workers {
      finished.enter()
      let thread = Thread { [work] in
        while let (index, item) = exchange.take() { exchange.finish(index, work(worker, item)) }
        finished.leave()
      }
      thread.stackSize = 8 << 20
      thread.start()
    }
    defer {
      exchange.close(workers: workers)
      finished.wait()
    }
    var submitted = 0
    var delivered = 0
    var exhausted = false
    while true {
      while !exhausted && submitted - delivered < window {
        guard let item = try next() else {
          exhausted = true
          break
        }
        exchange.submit(submitted, item)
        submitted += 1
      }
      guard delivered < submitted else { return }
      let output = exchange.wait(for: delivered)
      delivered += 1
      try deliver(output)
    }
  }

  /// The queue of items and the outputs not yet consumed, shared by the caller and the workers.
  private final class Exchange: Sendable {
    private struct Queue {
      var items: [(Int, Item)?] = []
      var head = 0
    }

    private let queue = Mutex(Queue())
    private let outputs = Mutex([Int: Output]())
    /// One signal per queued item (or per worker when closing: a `nil` item).
    private let queued = DispatchSemaphore(value: 0)
    /// One signal per finished item.
    private let done = DispatchSemaphore(value: 0)

    func submit(_ index: Int, _ item: Item) {
      queue.withLock { $0.items.append((index, item)) }
      queued.signal()
    }

    /// Tells each worker to stop once the queued items are done.
    func close(workers: Int) {
      queue.withLock { $0.items.append(contentsOf: repeatElement(nil, count: workers)) }
      for _ in 0..<workers { queued.signal() }
    }

    /// The next item, waiting for one; `nil` when closed.
    func take() -> (Int, Item)? {
      queued.wait()
      return queue.withLock { queue in
        defer {
          queue.items[queue.head] = nil
          queue.head += 1
          if queue.head > 64 && queue.head * 2 > queue.items.count {
            queue.items.removeFirst(queue.head)
            queue.head = 0
          }
        }
        return queue.items[queue.head]
      }
    }

    func finish(_ index: Int, _ output: Output) {
      outputs.withLock { $0[index] = output }
      done.signal()
    }

    /// The output of item `index`, waiting until it is done.
    func wait(for index: Int) -> Output {
      while true {
        if let output = outputs.withLock({ $0.removeValue(forKey: index) }) { return output }
        done.wait()
      }
    }
  }
}
