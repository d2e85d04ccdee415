/// Checks the proposals of the rules' examples against the proposal schema, as
/// ``ExampleRunner`` will read them (with its defaults filled in): an example the schema
/// rejects proves nothing, so lint reports it at the field, not only `rules test`.
struct ExampleCheck {
  let schema: ProposalSchema

  /// An error for each example whose proposal the schema rejects.
  func diagnostics(of packs: [RulePack]) -> [Diagnostic] {
    var found: [Diagnostic] = []
    for pack in packs {
      for rule in pack.rules {
        for example in rule.examples {
          guard case .failure(let violation) = schema.validate(ExampleRunner.withDefaults(example.proposal, pack: pack)) else { continue }
          let location = example.proposalSource.map { $0.location(of: $0.node(at: violation.path)) } ?? example.location
          let error = PrincipError.invalidProposal(location, field: violation.path.description, problem: violation.problem).diagnostic
          found.append(Diagnostic(.error, at: error.location,
            da: "eksemplet '\(example.name)' følger ikke forslagsskemaet: \(error.message.da)",
            en: "the example '\(example.name)' does not follow the proposal schema: \(error.message.en)"))
        }
      }
    }
    return found
  }
}
