/// A set of attributes whose values are missing, which evaluation depended on.
///
/// Paths are dotted selections from a variable, with list positions in brackets, e.g.
/// `proposal.interventions[2].goals`.
public struct CELUnknown: Sendable, Hashable, CustomStringConvertible {
  /// The attribute paths, sorted and without repeats.
  public let paths: [String]

  /// The path of every unknown when the activation does not name them (see
  /// ``CELActivation/namesUnknownPaths``).
  public static let unnamedPath = "?"

  /// An unknown standing for the given paths.
  public init(paths: some Sequence<String>) {
    self.paths = Array(Set(paths)).sorted()
  }

  /// An unknown standing for one path.
  public init(path: String) {
    paths = [path]
  }

  /// Both sets of paths.
  public func union(_ other: CELUnknown) -> CELUnknown {
    if other.paths == paths || other.paths.isEmpty { return self }
    if paths.isEmpty { return other }
    return CELUnknown(paths: paths + other.paths)
  }

  /// `unknown(a, b)`.
  public var description: String { "unknown(\(paths.joined(separator: ", ")))" }
}
