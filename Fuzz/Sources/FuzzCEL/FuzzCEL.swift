import CEL
import Foundation
import FuzzSupport
import PrincipEngine

// Parses the input as a CEL expression, type-checks it, and evaluates it against a small
// activation — the variables rules see (`proposal`, `intervention`, `ladder`) and a few
// plain ones — in standard mode and with absent fields unknown, as rules are evaluated.
// Every input must end in a value, an error or an unknown; never a crash.
//
// CEL has no evaluation budget yet (issue 12, item 4): nested macros multiply their
// iterations (`l.all(a, l.all(b, l.all(c, l.all(d, true))))`). Until it has one, an
// expression whose macros nest deeper than `maximumNesting` is parsed and checked but not
// evaluated, so that a run stops on new defects, not on that known one.

private let maximumNesting = 3

private let proposal: CELValue = {
  let reader = ProposalReader(schema: FuzzSupport.library.schema)
  let file = "Examples/proposals/halsnaes-psychiatric-botilbud-violated.yaml"
  guard let proposal = try? reader.read(text: FuzzSupport.text(file), file: file) else { fatalError("\(file) does not read") }
  return proposal
}()

private let variables: [String: CELValue] = {
  guard
    let plain = try? CELValue.parseJSON(#"{"l": [1, 2, 3], "m": {"a": 1, "b": "x", "c": [true, null]}, "s": "Æble og pære", "x": 7, "d": 2.5}"#),
    case .map = plain,
    let stamp = try? CELProgram(#"timestamp("2024-02-29T12:30:00Z")"#).evaluate().get()
  else { fatalError("the plain variables do not parse") }
  var variables: [String: CELValue] = [:]
  for key in ["l", "m", "s", "x", "d"] { variables[key] = plain[key] }
  variables["t"] = stamp
  variables["proposal"] = proposal
  variables["intervention"] = proposal["interventions"]?.listValue?.first
  variables["ladder"] = FuzzSupport.library.ladder.value
  return variables
}()

private let standard = CELActivation(variables)
private let unknownAbsent = CELActivation(variables, absentFieldsAreUnknown: true)

private let checker = CELTypeChecker(declarations: [
  "l": .list(.int), "m": .map(.string, .dyn), "s": .string, "x": .int, "d": .double, "t": .timestamp,
  "proposal": .dyn, "intervention": .dyn, "ladder": .map(.string, .dyn),
])

/// How deeply macros nest in each other's bodies (a macro over another's result does not nest).
private func nesting(_ expression: CELExpr) -> Int {
  if case .comprehension(let macro) = expression.kind {
    let inner = max(nesting(macro.body), macro.filter.map(nesting) ?? 0)
    return max(nesting(macro.range), 1 + inner)
  }
  return expression.children.map(nesting).max() ?? 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCEL(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
  let input = FuzzSupport.buffer(bytes, count)
  let source = String(decoding: input, as: UTF8.self)
  let program: CELProgram
  do {
    program = try CELProgram(source)
  } catch {
    _ = error.caretDiagram(source: source)
    return 0
  }
  let checked = checker.check(program)
  _ = checked.type.description
  _ = checked.diagnostics.map { "\($0)" }
  _ = CELFieldUsage.ofVariables(in: [program.expression])
  _ = program.variableNames
  guard nesting(program.expression) <= maximumNesting else { return 0 }
  for activation in [standard, unknownAbsent] {
    let result = program.evaluate(activation)
    _ = result.description
    if case .value(let value) = result { _ = value.jsonText }
  }
  return 0
}

/// Called by libFuzzer before the first input.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzCELInitialize(_ argc: UnsafeMutablePointer<Int32>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> Int32 {
  FuzzSupport.prepare { _ = standard; _ = unknownAbsent; _ = checker }
  return 0
}

/// The entry point where SwiftPM renames an executable's `main` (debug builds, for testing).
@_cdecl("FuzzCEL_main")
public func fuzzCELMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
  FuzzSupport.run(argc, argv, fuzzCEL)
}
