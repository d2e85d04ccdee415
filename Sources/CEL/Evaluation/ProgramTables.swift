/// The tables the interpreter reads on every step — nodes, constants, field names,
/// argument lists, loops and free variables — in one allocation, read through plain
/// pointers.
///
/// Arrays held by a class cost two dependent loads and a bounds check per read (the
/// object, then the array's buffer and count), each a likely cache miss for a program
/// run once per proposal among dozens of others. Here one pointer reaches each table and
/// they share a few cache lines. Node indices come from the compiler, so they are in range.
///
/// Owned by ``CompiledProgram``, which frees it; immutable once made.
struct ProgramTables: @unchecked Sendable {  // Written once in `init`, then only read.
  // In the order an evaluation first reads them: with the owner's header and root, the
  // first six share its first cache line.
  let variableCount: Int
  let loopCount: Int
  let variables: UnsafePointer<HashedName>
  let ops: UnsafePointer<Op>
  let constants: UnsafePointer<CELValue>
  let fields: UnsafePointer<HashedName>
  let loops: UnsafePointer<Loop>
  let arguments: UnsafePointer<Int32>
  private let counts: (ops: Int, constants: Int, fields: Int)
  private let base: UnsafeMutableRawPointer

  init(
    ops: ContiguousArray<Op>, constants: ContiguousArray<CELValue>, fields: ContiguousArray<HashedName>,
    variables: ContiguousArray<HashedName>, loops: ContiguousArray<Loop>, arguments: ContiguousArray<Int32>
  ) {
    // Each table starts at a multiple of 16 bytes, which satisfies every element's alignment.
    func size<T>(_ table: ContiguousArray<T>) -> Int { (table.count * MemoryLayout<T>.stride + 15) & ~15 }
    let offsets = [size(ops), size(constants), size(fields), size(variables), size(loops)].reduce(into: [0]) { $0.append($0.last! + $1) }
    let base = UnsafeMutableRawPointer.allocate(byteCount: max(offsets[5] + arguments.count * MemoryLayout<Int32>.stride, 1), alignment: 16)
    func place<T>(_ table: ContiguousArray<T>, at offset: Int) -> UnsafePointer<T> {
      let start = (base + offset).bindMemory(to: T.self, capacity: table.count)
      table.withUnsafeBufferPointer { if let source = $0.baseAddress { start.initialize(from: source, count: table.count) } }
      return UnsafePointer(start)
    }
    self.base = base
    self.ops = place(ops, at: offsets[0])
    self.constants = place(constants, at: offsets[1])
    self.fields = place(fields, at: offsets[2])
    self.variables = place(variables, at: offsets[3])
    self.loops = place(loops, at: offsets[4])
    self.arguments = place(arguments, at: offsets[5])
    variableCount = variables.count
    loopCount = loops.count
    counts = (ops.count, constants.count, fields.count)
  }

  /// Destroys the tables' contents and frees them; called once, by the owner's `deinit`.
  func free() {
    UnsafeMutablePointer(mutating: ops).deinitialize(count: counts.ops)
    UnsafeMutablePointer(mutating: constants).deinitialize(count: counts.constants)
    UnsafeMutablePointer(mutating: fields).deinitialize(count: counts.fields)
    UnsafeMutablePointer(mutating: variables).deinitialize(count: variableCount)
    UnsafeMutablePointer(mutating: loops).deinitialize(count: loopCount)
    base.deallocate()
  }
}
