/// A JSON document that could not be read, with the place of the problem.
public struct CELJSONError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What is wrong, e.g. `expected ',' or '}'`.
  public let message: String
  /// Byte offset of the problem, from 0.
  public let offset: Int
  /// Line of the problem, from 1.
  public let line: Int
  /// Column of the problem in Unicode code points, from 1.
  public let column: Int

  /// An error from its parts.
  public init(message: String, offset: Int, line: Int, column: Int) {
    self.message = message
    self.offset = offset
    self.line = line
    self.column = column
  }

  /// `line:column: message`.
  public var description: String { "\(line):\(column): \(message)" }
}
