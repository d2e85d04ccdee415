/// Why an output cannot be written: standard output, `check --output`, `audit --out` or
/// `--report`. Every write of every command ends in one of these, never in a crash.
public enum OutputError: Error, Sendable, Hashable {
  /// The file (`nil`: standard output) refused to be created or written.
  case unwritable(file: String?, WriteFailure)
  /// The output names a file that is also an input of the run: writing it would destroy
  /// what is being read.
  case isAnInput(file: String, input: String)
  /// Two outputs of one run name the same file.
  case sameFileTwice(file: String, other: String)

  /// The error as a user reads it, with the file first.
  public func message(in language: Language) -> String {
    let da = language == .da
    switch self {
    case .unwritable(let file, let reason):
      let name = file ?? (da ? "standardoutput" : "standard output")
      return da ? "\(name): kan ikke skrives: \(reason.message(in: language))" : "\(name): cannot be written: \(reason.message(in: language))"
    case .isAnInput(let file, let input):
      let name = input == "-" ? (da ? "standardinput" : "standard input") : input
      let same = file == input ? "" : (da ? " (samme fil som \(name))" : " (the same file as \(name))")
      return da
        ? "\(file): er også et input til kørslen\(same); skriv resultatet til en anden fil"
        : "\(file): is also an input of the run\(same); write the output to another file"
    case .sameFileTwice(let file, let other):
      return da
        ? "\(file): samme fil som \(other); giv hvert output sin egen fil"
        : "\(file): the same file as \(other); give each output a file of its own"
    }
  }
}

extension OutputError: CustomStringConvertible {
  public var description: String { message(in: .en) }
}
