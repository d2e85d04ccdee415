/// A recursive-descent parser for CEL, following the grammar of the language definition.
struct Parser {
  /// How deeply sub-expressions (in parentheses, brackets, braces or call arguments) may
  /// nest.
  static let maxNesting = 100
  /// How tall the syntax tree may grow (long operator chains nest too).
  static let maxHeight = 400
  /// How long a source may be, in bytes.
  static let maxSourceBytes = 100_000

  private static let reserved: Set<String> = [
    "true", "false", "null", "in", "as", "break", "const", "continue", "else", "for",
    "function", "if", "import", "let", "loop", "package", "namespace", "return", "var",
    "void", "while",
  ]

  private var lexer: Lexer
  private let map: SourceMap
  private var token: Token
  private var nextID = 1
  /// Where the last token consumed ends: where a node made after it ends.
  private var lastEnd = 0
  private var nesting = 0

  /// Parses a whole expression.
  static func parse(_ source: String) throws(CELParseError) -> CELExpr {
    let bytes = Array(source.utf8)
    let map = SourceMap(bytes)
    guard bytes.count <= maxSourceBytes else {
      throw CELParseError(message: "expression is longer than \(maxSourceBytes) bytes", location: map.location(0))
    }
    var parser = try Parser(bytes: bytes, map: map)
    let expr = try parser.parseExpr()
    guard parser.token.kind == .eof else {
      throw parser.failure("unexpected \(parser.describe(parser.token))")
    }
    return expr
  }

  private init(bytes: [UInt8], map: SourceMap) throws(CELParseError) {
    self.map = map
    lexer = Lexer(bytes: bytes)
    token = Token(.eof, start: 0, end: 0)
    do {
      token = try lexer.next()
    } catch {
      throw CELParseError(message: error.message, location: map.location(error.offset))
    }
  }

  // MARK: Token handling

  private mutating func advance() throws(CELParseError) {
    lastEnd = token.end
    do {
      token = try lexer.next()
    } catch {
      throw CELParseError(message: error.message, location: map.location(error.offset))
    }
  }

  func failure(_ message: String, at offset: Int? = nil) -> CELParseError {
    CELParseError(message: message, location: map.location(offset ?? token.start))
  }

  private func describe(_ t: Token) -> String {
    switch t.kind {
    case .eof: "end of input"
    case .identifier: "'\(t.text)'"
    case .quotedIdentifier: "`\(t.text)`"
    case .punctuation: "'\(t.text)'"
    default: "literal"
    }
  }

  private mutating func accept(_ p: String) throws(CELParseError) -> Bool {
    guard token.isPunctuation(p) else { return false }
    try advance()
    return true
  }

  private mutating func expect(_ p: String) throws(CELParseError) {
    guard token.isPunctuation(p) else {
      throw failure("expected '\(p)', found \(describe(token))")
    }
    try advance()
  }

  mutating func node(_ kind: CELExpr.Kind, at offset: Int) throws(CELParseError) -> CELExpr {
    // A node spans its own tokens and its children's (an operator's location is its symbol's).
    var start = offset
    var end = lastEnd
    CELExpr.forEachChild(of: kind) { child in
      start = min(start, child.start.offset)
      end = max(end, child.end.offset)
    }
    let expr = CELExpr(
      id: nextID, location: map.location(offset), kind: kind, start: map.location(start), end: map.location(max(start, end)))
    nextID += 1
    guard expr.height <= Parser.maxHeight else {
      throw failure("expression is too deeply nested (more than \(Parser.maxHeight) levels)", at: offset)
    }
    return expr
  }

  mutating func call(_ name: String, _ args: [CELExpr], at offset: Int) throws(CELParseError) -> CELExpr {
    try node(.call(function: name, target: nil, arguments: args), at: offset)
  }

  private mutating func enter() throws(CELParseError) {
    nesting += 1
    guard nesting <= Parser.maxNesting else {
      throw failure("expression is nested too deeply (more than \(Parser.maxNesting) levels)")
    }
  }

  // MARK: Grammar

  /// Expr = ConditionalOr ["?" ConditionalOr ":" Expr]
  private mutating func parseExpr() throws(CELParseError) -> CELExpr {
    try enter()
    defer { nesting -= 1 }
    let condition = try parseOr()
    guard token.isPunctuation("?") else { return condition }
    let at = token.start
    try advance()
    let whenTrue = try parseOr()
    try expect(":")
    let whenFalse = try parseExpr()
    return try call("_?_:_", [condition, whenTrue, whenFalse], at: at)
  }

  private mutating func parseOr() throws(CELParseError) -> CELExpr {
    var left = try parseAnd()
    while token.isPunctuation("||") {
      let at = token.start
      try advance()
      left = try call("_||_", [left, try parseAnd()], at: at)
    }
    return left
  }

  private mutating func parseAnd() throws(CELParseError) -> CELExpr {
    var left = try parseRelation()
    while token.isPunctuation("&&") {
      let at = token.start
      try advance()
      left = try call("_&&_", [left, try parseRelation()], at: at)
    }
    return left
  }

  private static let relations: [String: String] = [
    "<": "_<_", "<=": "_<=_", ">": "_>_", ">=": "_>=_", "==": "_==_", "!=": "_!=_",
  ]

  private mutating func parseRelation() throws(CELParseError) -> CELExpr {
    var left = try parseAddition()
    while true {
      let name: String
      if token.kind == .punctuation, let op = Parser.relations[token.text] {
        name = op
      } else if token.kind == .identifier && token.text == "in" {
        name = "@in"
      } else {
        return left
      }
      let at = token.start
      try advance()
      left = try call(name, [left, try parseAddition()], at: at)
    }
  }

  private mutating func parseAddition() throws(CELParseError) -> CELExpr {
    var left = try parseMultiplication()
    while token.isPunctuation("+") || token.isPunctuation("-") {
      let name = token.text == "+" ? "_+_" : "_-_"
      let at = token.start
      try advance()
      left = try call(name, [left, try parseMultiplication()], at: at)
    }
    return left
  }

  private mutating func parseMultiplication() throws(CELParseError) -> CELExpr {
    var left = try parseUnary()
    while token.isPunctuation("*") || token.isPunctuation("/") || token.isPunctuation("%") {
      let name = "_\(token.text)_"
      let at = token.start
      try advance()
      left = try call(name, [left, try parseUnary()], at: at)
    }
    return left
  }

  private mutating func parseUnary() throws(CELParseError) -> CELExpr {
    var operators: [Int] = []
    if token.isPunctuation("!") {
      while token.isPunctuation("!") {
        operators.append(token.start)
        try advance()
      }
      var operand = try parseMember()
      for at in operators.reversed() { operand = try call("!_", [operand], at: at) }
      return operand
    }
    guard token.isPunctuation("-") else { return try parseMember() }
    while token.isPunctuation("-") {
      operators.append(token.start)
      try advance()
    }
    var operand: CELExpr
    if let negated = try negativeLiteral(minusAt: operators[operators.count - 1]) {
      operators.removeLast()
      operand = negated
    } else {
      operand = try parseMember()
    }
    for at in operators.reversed() { operand = try call("-_", [operand], at: at) }
    return operand
  }

  /// Folds `-` and a directly following number literal into one negative literal, so
  /// that `-9223372036854775808` is a valid int. Returns nil when the literal is the start
  /// of a member expression (`-1.f()`), or no number follows.
  private mutating func negativeLiteral(minusAt: Int) throws(CELParseError) -> CELExpr? {
    guard token.kind == .intLiteral || token.kind == .doubleLiteral, let literal = token.literal else {
      return nil
    }
    var peekLexer = lexer
    let following = try? peekLexer.next()
    if let f = following, f.isPunctuation(".") || f.isPunctuation("[") || f.isPunctuation("(") {
      return nil
    }
    let value: CELValue
    switch literal {
    case .uint(let magnitude):
      value = .int(magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude))
    case .double(let d): value = .double(-d)
    default: return nil
    }
    try advance()
    return try node(.literal(value), at: minusAt)
  }

  private mutating func parseMember() throws(CELParseError) -> CELExpr {
    var operand = try parsePrimary()
    while true {
      if token.isPunctuation(".") {
        try advance()
        let at = token.start
        let field: String
        switch token.kind {
        case .identifier, .quotedIdentifier: field = token.text
        default: throw failure("expected a field name after '.', found \(describe(token))")
        }
        let quoted = token.kind == .quotedIdentifier
        try advance()
        if !quoted && token.isPunctuation("(") {
          let args = try parseArguments()
          operand = try memberCall(field, target: operand, args: args, at: at)
        } else {
          operand = try node(.select(operand, field: field), at: at)
        }
      } else if token.isPunctuation("[") {
        let at = token.start
        try advance()
        let index = try parseExpr()
        try expect("]")
        operand = try call("_[_]", [operand, index], at: at)
      } else if token.isPunctuation("{"), let typeName = operand.qualifiedName {
        operand = try parseMessage(typeName, at: operand.location.offset)
      } else {
        return operand
      }
    }
  }

  /// `(` [Expr {"," Expr}] [","] `)`, the opening parenthesis being the current token.
  private mutating func parseArguments() throws(CELParseError) -> [CELExpr] {
    try expect("(")
    var args: [CELExpr] = []
    while !token.isPunctuation(")") {
      args.append(try parseExpr())
      if !(try accept(",")) { break }
    }
    try expect(")")
    return args
  }

  private mutating func parseMessage(_ typeName: String, at offset: Int) throws(CELParseError) -> CELExpr {
    try expect("{")
    var fields: [CELFieldInitExpr] = []
    while !token.isPunctuation("}") {
      guard token.kind == .identifier else { throw failure("expected a field name, found \(describe(token))") }
      let field = token.text
      try advance()
      try expect(":")
      fields.append(CELFieldInitExpr(field: field, value: try parseExpr()))
      if !(try accept(",")) { break }
    }
    try expect("}")
    return try node(.message(typeName: typeName, fields: fields), at: offset)
  }

  private mutating func parsePrimary() throws(CELParseError) -> CELExpr {
    let at = token.start
    switch token.kind {
    case .eof:
      throw failure("unexpected end of input")
    case .intLiteral:
      guard case .uint(let magnitude)? = token.literal, magnitude <= UInt64(Int64.max) else {
        throw failure("int literal out of range")
      }
      try advance()
      return try node(.literal(.int(Int64(magnitude))), at: at)
    case .uintLiteral, .doubleLiteral, .stringLiteral, .bytesLiteral:
      let value = token.literal ?? .null
      try advance()
      return try node(.literal(value), at: at)
    case .quotedIdentifier:
      throw failure("a quoted identifier may only follow '.'")
    case .identifier:
      return try parseIdentifier()
    case .punctuation:
      break
    }
    if token.isPunctuation(".") {
      // A leading dot names the root scope; without containers that is the only scope.
      try advance()
      guard token.kind == .identifier else { throw failure("expected an identifier after '.'") }
      return try parseIdentifier()
    }
    if token.isPunctuation("(") {
      let open = token.start
      try advance()
      let inner = try parseExpr()
      try expect(")")
      // The node's text includes its parentheses, so that an operator's text around it is whole.
      return inner.spanning(start: map.location(open), end: map.location(lastEnd))
    }
    if token.isPunctuation("[") {
      try advance()
      var items: [CELExpr] = []
      while !token.isPunctuation("]") {
        items.append(try parseExpr())
        if !(try accept(",")) { break }
      }
      try expect("]")
      return try node(.list(items), at: at)
    }
    if token.isPunctuation("{") {
      try advance()
      var entries: [CELMapEntryExpr] = []
      while !token.isPunctuation("}") {
        let key = try parseExpr()
        try expect(":")
        entries.append(CELMapEntryExpr(key: key, value: try parseExpr()))
        if !(try accept(",")) { break }
      }
      try expect("}")
      return try node(.map(entries), at: at)
    }
    throw failure("unexpected \(describe(token))")
  }

  private mutating func parseIdentifier() throws(CELParseError) -> CELExpr {
    let at = token.start
    let name = token.text
    switch name {
    case "true", "false":
      try advance()
      return try node(.literal(.bool(name == "true")), at: at)
    case "null":
      try advance()
      return try node(.literal(.null), at: at)
    default:
      break
    }
    guard !Parser.reserved.contains(name) else {
      throw failure("'\(name)' is a reserved word")
    }
    try advance()
    if token.isPunctuation("(") {
      let args = try parseArguments()
      return try globalCall(name, args: args, at: at)
    }
    return try node(.identifier(name), at: at)
  }
}
