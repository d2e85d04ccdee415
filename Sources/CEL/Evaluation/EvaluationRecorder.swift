/// What an ``Interpreter`` records as it evaluates. The interpreter tests the static
/// ``records`` before each recording and before each shortcut that reads a
/// sub-expression in place without evaluating it; specialised for ``NoRecording`` those
/// tests are constants, so the ordinary evaluation has no extra branch.
protocol EvaluationRecorder {
  /// Whether the interpreter records (and so evaluates every sub-expression it reads).
  static var records: Bool { get }
  /// Notes the result of evaluating `node`; `slots` are the loops' current elements.
  func record(_ node: Int32, _ result: CELResult, slots: UnsafeMutableBufferPointer<Slot>)
  /// A macro's loop with iteration-variable slot `slot` starts.
  func enterLoop(_ slot: Int)
  /// The innermost running loop ends.
  func leaveLoop()
}

/// The ordinary evaluation: records nothing.
struct NoRecording: EvaluationRecorder {
  static var records: Bool { false }
  @inline(__always) func record(_ node: Int32, _ result: CELResult, slots: UnsafeMutableBufferPointer<Slot>) {}
  @inline(__always) func enterLoop(_ slot: Int) {}
  @inline(__always) func leaveLoop() {}
}

/// Records every node's results for ``CELProgram/evaluate(_:recording:)``.
final class StateRecorder: EvaluationRecorder {
  static var records: Bool { true }
  /// Per compiled node, its results in evaluation order.
  private(set) var entries: [[CELEvaluationState.Entry]]
  /// The slots of the loops running, outermost first.
  private var running: [Int] = []

  init(nodeCount: Int) {
    entries = Array(repeating: [], count: nodeCount)
  }

  func record(_ node: Int32, _ result: CELResult, slots: UnsafeMutableBufferPointer<Slot>) {
    entries[Int(node)].append(CELEvaluationState.Entry(result: result, iterations: running.map { slots[$0].index }))
  }

  func enterLoop(_ slot: Int) { running.append(slot) }

  func leaveLoop() { running.removeLast() }
}
