/// A stack of elements in memory of its own, grown by doubling, for a parser's
/// unfinished containers. Copying it copies the pointer: exactly one owner calls
/// ``deallocate()``.
struct ElementStack<Element> {
  private(set) var base: UnsafeMutablePointer<Element>
  /// The elements on the stack; a container that takes its elements by move lowers it.
  var count = 0
  private var capacity: Int

  init(capacity: Int) {
    base = .allocate(capacity: capacity)
    self.capacity = capacity
  }

  mutating func push(_ element: consuming Element) {
    if count == capacity {
      let bigger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
      bigger.moveInitialize(from: base, count: count)
      base.deallocate()
      base = bigger
      capacity *= 2
    }
    (base + count).initialize(to: element)
    count += 1
  }

  /// The elements from position `start` up, for a container to take by move.
  func elements(from start: Int) -> UnsafeMutableBufferPointer<Element> {
    UnsafeMutableBufferPointer(start: base + start, count: count - start)
  }

  /// Moves the elements from position `start` up into an array.
  mutating func take(from start: Int) -> [Element] {
    let n = count - start
    let source = base + start
    count = start
    return [Element](unsafeUninitializedCapacity: n) { target, initialized in
      if let to = target.baseAddress { to.moveInitialize(from: source, count: n) }
      initialized = n
    }
  }

  /// Drops every element.
  mutating func removeAll() {
    base.deinitialize(count: count)
    count = 0
  }

  func deallocate() {
    base.deinitialize(count: count)
    base.deallocate()
  }
}
