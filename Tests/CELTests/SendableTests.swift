import Testing

@testable import CEL

/// Compile-time check that the public types stay Sendable.
@Test("public types are Sendable")
func publicTypesAreSendable() {
  func requireSendable<T: Sendable & ~Copyable>(_: T.Type) {}
  requireSendable(CELValue.self)
  requireSendable(CELMap.self)
  requireSendable(CELProgram.self)
  requireSendable(CELActivation.self)
  requireSendable(CELResult.self)
  requireSendable(CELError.self)
  requireSendable(CELUnknown.self)
  requireSendable(CELParseError.self)
  requireSendable(CELExpr.self)
  requireSendable(CELType.self)
  requireSendable(CELTypeChecker.self)
  requireSendable(CELDiagnostic.self)
  requireSendable(CELTypeProblem.self)
  requireSendable(CELRegex.self)
  requireSendable(CELJSONParser.self)
  requireSendable(CELJSONError.self)
}
