import Testing

@testable import CEL

/// Evaluates `source` and returns the result; a syntax error is recorded as a failure
/// at the caller's location.
func evaluate(
  _ source: String, _ variables: [String: CELValue] = [:], absentAsUnknown: Bool = false,
  sourceLocation: SourceLocation = #_sourceLocation
) -> CELResult {
  do {
    let program = try CELProgram(source)
    return program.evaluate(CELActivation(variables, absentFieldsAreUnknown: absentAsUnknown))
  } catch {
    Issue.record("syntax error in \(source): \(error)", sourceLocation: sourceLocation)
    return .error(CELError(.invalidArgument, "syntax error"))
  }
}

/// The JSON document as a value; a malformed one is a test failure.
func json(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> CELValue {
  do {
    return try CELValue.parseJSON(text)
  } catch {
    Issue.record("bad JSON in test: \(error)", sourceLocation: sourceLocation)
    return .null
  }
}

extension CELResult {
  var isError: Bool {
    if case .error = self { return true }
    return false
  }

  var unknownPaths: [String]? {
    if case .unknown(let u) = self { return u.paths }
    return nil
  }
}
