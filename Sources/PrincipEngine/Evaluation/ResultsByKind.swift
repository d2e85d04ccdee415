import CEL

/// The results of an intervention-scoped expression that reads nothing of the proposal but
/// the intervention's `kind` (and the ladder, which never changes), worked out once for
/// each kind on the ladder. Many `when` conditions are like this
/// (`ladder[intervention.kind].category == "employment"`), and the scorecard looks their
/// result up instead of evaluating them for every intervention of every decision.
struct ResultsByKind: Sendable {
  /// Per kind on the ladder (``Ladder/steps`` order), the expression's result.
  private let results: [CELResult]

  /// The results of `program` for every kind in `kinds`; `nil` when the program reads
  /// anything but `intervention.kind` and `ladder`.
  init?(_ program: CELProgram, kinds: [String], ladder: CELValue) {
    let usage = CELFieldUsage.ofVariables(in: [program.expression])
    guard usage["intervention"] == CELFieldUsage(fields: ["kind": .whole]), usage.keys.allSatisfy({ $0 == "intervention" || $0 == "ladder" })
    else { return nil }
    results = kinds.map { kind in
      // As the scorecard's activation has it, with an intervention that is only its kind.
      var activation = CELActivation(absentFieldsAreUnknown: true)
      activation.namesUnknownPaths = false
      activation.bind("ladder", to: ladder)
      activation.bind("intervention", to: .map(CELMap(["kind": .string(kind)])))
      return program.evaluate(activation)
    }
  }

  /// The ladder's kinds, in the order results are kept: one shared copy of each name.
  static func kinds(of ladder: Ladder) -> [String] {
    ladder.steps.map { CELMap.sharedKey($0.kind) }
  }

  /// The result for the kind at `index` in the kinds given to `init`.
  subscript(index: Int) -> CELResult { results[index] }

  /// The position in `kinds` of the string `kind`, found by its representation alone: the
  /// reader's kinds and the ladder's are one shared copy (``CELMap/sharedKey(_:)``), or
  /// small strings stored inline. `nil` for any other string, whose result is evaluated.
  static func index(of kind: String, in kinds: UnsafeBufferPointer<String>) -> Int? {
    kinds.firstIndex { $0.celSharesRepresentation(with: kind) }
  }
}
