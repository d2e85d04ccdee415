import ArgumentParser
import CEL
import PrincipEngine
import Foundation

/// `princip eval`: evaluates one CEL expression, or a batch of them.
///
///     princip eval '1 + 2'                      # 3 (int)
///     princip eval 'citizen.age >= 18' --input proposal.json
///     princip eval --batch cases.jsonl          # one {"expr", "bindings"} a line
struct EvalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval",
    abstract: "Evaluate a CEL expression and print its value and type.",
    discussion: """
      Exit status: 0 on a value, 1 on an evaluation error (or an unknown), 2 on a syntax \
      error. With --batch, each line of the file is a JSON object {"expr": …, "bindings": \
      {…}} and each result is printed as one JSON line: {"value": V, "type": T} or \
      {"error": "…"}.
      """
  )

  @Argument(help: "The CEL expression.")
  var expression: String?

  @Option(help: "A JSON file whose top-level fields are bound as variables.")
  var input: String?

  @Option(help: "A JSON Lines file of {\"expr\", \"bindings\"} cases to evaluate in order.")
  var batch: String?

  @Flag(help: "Treat fields absent from the input as unknown instead of an error.")
  var absentAsUnknown = false

  @OptionGroup var options: LanguageOption

  /// The most a `--batch` file may hold: it is read whole.
  static let batchLimit = 256 * 1024 * 1024

  func validate() throws {
    if (expression == nil) == (batch == nil) {
      throw ValidationError("give either an expression or --batch FILE")
    }
  }

  func run() throws {
    if let batch {
      try runBatch(path: batch)
      return
    }
    guard let expression else { return }
    let program: CELProgram
    do {
      program = try CELProgram(expression)
    } catch {
      printError("error: \(error)\n\(error.caretDiagram(source: expression))")
      throw ExitCode(2)
    }
    var activation = CELActivation(absentFieldsAreUnknown: absentAsUnknown)
    if let input {
      for (name, value) in try loadBindings(from: input, language: options.language).sorted(by: { $0.key < $1.key }) {
        activation.bind(name, to: value)
      }
    }
    switch program.evaluate(activation) {
    case .value(let value):
      try writeOutput("\(value) (\(value.typeName))\n", language: options.language)
    case .error(let error):
      printError("error: \(error)")
      throw ExitCode(1)
    case .unknown(let unknown):
      printError("unknown: depends on missing \(unknown.paths.joined(separator: ", "))")
      throw ExitCode(1)
    }
  }

  private func runBatch(path: String) throws {
    let text: String
    do { text = try InputText.read(path: path, limit: Self.batchLimit) } catch { throw error.report(in: options.language) }
    // Results go out as they come, so a full disk stops the batch at once.
    let results = OutputFile.standardOutput()
    do {
      for line in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
        try results.write(EvalCommand.evaluateCase(line) + "\n")
      }
      try results.commit()
    } catch {
      throw error.report(in: options.language)
    }
  }

  /// One batch case in, one JSON result line out; never throws.
  static func evaluateCase(_ line: some Collection<UInt8>) -> String {
    let document: CELValue
    do {
      document = try CELValue.parseJSON(line)
    } catch {
      return errorLine("invalid JSON: \(error)")
    }
    guard case .string(let source)? = document["expr"] else {
      return errorLine("the case has no \"expr\" string")
    }
    var activation = CELActivation()
    if let bindings = document["bindings"] {
      guard case .map(let map) = bindings else { return errorLine("\"bindings\" is not an object") }
      for (key, value) in map.pairs {
        if case .string(let name) = key { activation.bind(name, to: value) }
      }
    }
    let program: CELProgram
    do {
      program = try CELProgram(source)
    } catch {
      return errorLine("syntax error: \(error)")
    }
    switch program.evaluate(activation) {
    case .value(let value):
      return "{\"value\":\(value.jsonText),\"type\":\(CELValue.string(value.typeName).jsonText)}"
    case .error(let error):
      return errorLine(error.description)
    case .unknown(let unknown):
      return errorLine(unknown.description)
    }
  }

  private static func errorLine(_ message: String) -> String {
    "{\"error\":\(CELValue.string(message).jsonText)}"
  }
}

/// Reads the variables for `princip eval --input`: the top-level fields of a JSON object.
/// (YAML input is added by the engine through this function.)
func loadBindings(from path: String, language: Language) throws -> [String: CELValue] {
  // JSON is read as YAML (its subset), so both kinds of file work, with located errors.
  let document: CELValue
  do {
    document = try YAMLDocument(path: path).value()
  } catch {
    throw error.report(in: language)
  }
  guard case .map(let map) = document else {
    printError(language == .da
      ? "\(path): inddata skal være en afbildning (et JSON-objekt)"
      : "\(path): the input must be a mapping (a JSON object)")
    throw ExitStatus.invalid
  }
  var bindings: [String: CELValue] = [:]
  for (key, value) in map.pairs {
    if case .string(let name) = key { bindings[name] = value }
  }
  return bindings
}
