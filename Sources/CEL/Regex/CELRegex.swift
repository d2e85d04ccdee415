/// placeholder
public struct CELRegex: Sendable {
  let pattern: String
  public init(_ pattern: String) throws(CELRegexError) { self.pattern = pattern }
  public func matches(_ s: String) -> Bool { s.contains(pattern) }
}
public struct CELRegexError: Error, Sendable, CustomStringConvertible {
  public let message: String
  public var description: String { message }
}
