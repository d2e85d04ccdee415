import ArgumentParser
import PrincipEngine

/// Writes a command's result to standard output, or to `file` (replaced only when
/// complete, see ``OutputFile``): the one way the commands print what they produce. A
/// write that fails (a full disk, a closed terminal) is reported in `language` and ends
/// the command with exit status 2.
func writeOutput(_ text: String, to file: String? = nil, language: Language) throws {
  do {
    let output = try file.map { (path) throws(OutputError) in try OutputFile(path: path) } ?? .standardOutput()
    try output.write(text)
    try output.commit()
  } catch {
    throw error.report(in: language)
  }
}

/// Writes a line to standard error. Nothing is left to tell if that fails: the exit
/// status still does.
func printError(_ line: String) {
  writeStandardError(line + "\n")
}

/// Writes text to standard error as it is (the progress bar's redraws).
func writeStandardError(_ text: String) {
  let errors = OutputFile.standardError()
  try? errors.write(text)
  try? errors.commit()
}

extension OutputError {
  /// Shows the error to the user and turns it into exit status 2.
  func report(in language: Language) -> ExitCode {
    printError(message(in: language))
    return ExitStatus.invalid
  }
}
