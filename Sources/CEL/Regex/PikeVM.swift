/// Runs a ``RegexProgram`` over a text by simulating all NFA threads in lock step (a
/// Pike VM without captures): each code point is examined once per live instruction,
/// so matching is O(text × program) whatever the pattern.
struct PikeVM {
  let program: RegexProgram

  /// A set of instruction indices with O(1) insert, membership and clear.
  private struct ThreadSet {
    var dense: [Int32]
    var sparse: [Int32]
    var count = 0

    init(capacity: Int) {
      dense = Array(repeating: 0, count: capacity)
      sparse = Array(repeating: 0, count: capacity)
    }

    func contains(_ pc: Int32) -> Bool {
      let s = Int(sparse[Int(pc)])
      return s < count && dense[s] == pc
    }

    mutating func insert(_ pc: Int32) {
      sparse[Int(pc)] = Int32(count)
      dense[count] = pc
      count += 1
    }
  }

  /// Whether the program matches anywhere in `text`.
  func search(_ text: [Unicode.Scalar]) -> Bool {
    let n = program.instructions.count
    var current = ThreadSet(capacity: n)
    var next = ThreadSet(capacity: n)
    var stack: [Int32] = []
    stack.reserveCapacity(16)

    if add(0, at: 0, in: text, to: &current, stack: &stack) { return true }
    var position = 0
    while position < text.count {
      let c = text[position]
      next.count = 0
      for k in 0..<current.count {
        let pc = current.dense[k]
        let consumes: Bool
        switch program.instructions[Int(pc)] {
        case .scalar(let s): consumes = s == c
        case .characterClass(let i): consumes = program.classes[Int(i)].contains(c)
        case .any: consumes = true
        case .anyExceptNewline: consumes = c != "\n"
        default: consumes = false
        }
        if consumes && add(pc + 1, at: position + 1, in: text, to: &next, stack: &stack) { return true }
      }
      position += 1
      if !program.anchoredAtStart && add(0, at: position, in: text, to: &next, stack: &stack) { return true }
      swap(&current, &next)
      if current.count == 0 && program.anchoredAtStart { return false }
    }
    return false
  }

  /// Adds the thread at `start` and everything reachable from it without consuming
  /// input; returns true when that reaches a match.
  private func add(
    _ start: Int32, at position: Int, in text: [Unicode.Scalar], to set: inout ThreadSet, stack: inout [Int32]
  ) -> Bool {
    stack.append(start)
    while let pc = stack.popLast() {
      if set.contains(pc) { continue }
      set.insert(pc)
      switch program.instructions[Int(pc)] {
      case .match:
        stack.removeAll(keepingCapacity: true)
        return true
      case .jump(let target):
        stack.append(target)
      case .split(let a, let b):
        stack.append(b)
        stack.append(a)
      case .assertion(let a):
        if holds(a, at: position, in: text) { stack.append(pc + 1) }
      default:
        break
      }
    }
    return false
  }

  private func holds(_ a: RegexAssertion, at position: Int, in text: [Unicode.Scalar]) -> Bool {
    let before: Unicode.Scalar? = position > 0 ? text[position - 1] : nil
    let after: Unicode.Scalar? = position < text.count ? text[position] : nil
    switch a {
    case .beginText: return position == 0
    case .endText: return position == text.count
    case .beginLine: return before == nil || before == "\n"
    case .endLine: return after == nil || after == "\n"
    case .wordBoundary, .notWordBoundary:
      let w1 = before.map(PikeVM.isWordCharacter) ?? false
      let w2 = after.map(PikeVM.isWordCharacter) ?? false
      return (w1 != w2) == (a == .wordBoundary)
    }
  }

  private static func isWordCharacter(_ c: Unicode.Scalar) -> Bool {
    CharacterClass.word.contains(c)
  }
}
