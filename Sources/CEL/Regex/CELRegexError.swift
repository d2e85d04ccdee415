/// A regular expression that could not be compiled.
public struct CELRegexError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What is wrong, e.g. `missing closing )`.
  public let message: String
  /// The position in the pattern, in code points from 0.
  public let position: Int

  /// An error from its parts.
  public init(_ message: String, at position: Int) {
    self.message = message
    self.position = position
  }

  /// `message at position N`.
  public var description: String { "\(message) at position \(position)" }
}
