/// Compiles a ``RegexNode`` into a ``RegexProgram``.
struct RegexCompiler {
  /// The largest program accepted; counted repetitions can multiply a pattern's size.
  static let maxInstructions = 50_000

  private var instructions: [RegexInstruction] = []
  private var classes: [CharacterClass] = []

  static func compile(_ node: RegexNode) throws(CELRegexError) -> RegexProgram {
    var compiler = RegexCompiler()
    try compiler.emit(node)
    compiler.instructions.append(.match)
    return RegexProgram(
      instructions: compiler.instructions, classes: compiler.classes,
      anchoredAtStart: RegexCompiler.isAnchored(node))
  }

  private static func isAnchored(_ node: RegexNode) -> Bool {
    switch node {
    case .assertion(.beginText): true
    case .concatenation(let items): items.first.map(isAnchored) ?? false
    case .alternation(let branches): branches.allSatisfy(isAnchored)
    default: false
    }
  }

  private var pc: Int32 { Int32(instructions.count) }

  private mutating func append(_ inst: RegexInstruction) throws(CELRegexError) {
    guard instructions.count < RegexCompiler.maxInstructions else {
      throw CELRegexError("pattern too large (more than \(RegexCompiler.maxInstructions) instructions)", at: 0)
    }
    instructions.append(inst)
  }

  private mutating func emit(_ node: RegexNode) throws(CELRegexError) {
    switch node {
    case .empty:
      break
    case .literal(let c, let fold):
      let variants = fold ? CharacterClass.caseVariants(c) : [c]
      if variants.count == 1 {
        try append(.scalar(c))
      } else {
        classes.append(CharacterClass(ranges: variants.map { $0.value...$0.value }))
        try append(.characterClass(Int32(classes.count - 1)))
      }
    case .any(let dotAll):
      try append(dotAll ? .any : .anyExceptNewline)
    case .characterClass(let cls):
      classes.append(cls)
      try append(.characterClass(Int32(classes.count - 1)))
    case .assertion(let a):
      try append(.assertion(a))
    case .concatenation(let items):
      for item in items { try emit(item) }
    case .alternation(let branches):
      // split L1, next; L1: a; jump end; next: split L2, …; last branch.
      var jumps: [Int] = []
      for (k, branch) in branches.enumerated() {
        if k < branches.count - 1 {
          let split = instructions.count
          try append(.split(pc + 1, 0))
          try emit(branch)
          jumps.append(instructions.count)
          try append(.jump(0))
          instructions[split] = .split(Int32(split + 1), pc)
        } else {
          try emit(branch)
        }
      }
      for j in jumps { instructions[j] = .jump(pc) }
    case .repetition(let body, let min, let max):
      for _ in 0..<min { try emit(body) }
      if let max {
        // Each optional copy: split body, end.
        var splits: [Int] = []
        for _ in min..<max {
          splits.append(instructions.count)
          try append(.split(pc + 1, 0))
          try emit(body)
        }
        for s in splits { instructions[s] = .split(Int32(s + 1), pc) }
      } else {
        // loop: split body, end; body; jump loop
        let loop = instructions.count
        try append(.split(pc + 1, 0))
        try emit(body)
        try append(.jump(Int32(loop)))
        instructions[loop] = .split(Int32(loop + 1), pc)
      }
    }
  }
}
