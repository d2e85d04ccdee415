/// A syntax error in an expression, with the place it was found.
///
/// Renders as `line:column: message`, e.g. `1:7: expected ')'`.
public struct CELParseError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What is wrong, e.g. `expected ')'`.
  public let message: String
  /// Where, within the expression source.
  public let location: CELSourceLocation

  /// An error from its parts.
  public init(message: String, location: CELSourceLocation) {
    self.message = message
    self.location = location
  }

  /// `line:column: message`.
  public var description: String { "\(location): \(message)" }

  /// The source line holding the error, with a caret under its column:
  ///
  ///     size(x +)
  ///            ^
  public func caretDiagram(source: String) -> String {
    let lines = source.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
    guard location.line - 1 < lines.count else { return "" }
    let line = String(lines[location.line - 1])
    var caretLine = ""
    for (i, scalar) in line.unicodeScalars.enumerated() where i < location.column - 1 {
      caretLine.append(scalar == "\t" ? "\t" : " ")
    }
    return line + "\n" + caretLine + "^"
  }
}
