import CEL
@testable import PrincipEngine
import Testing

/// Expressions that read only the intervention's kind are worked out once per kind, and
/// judge exactly as evaluating them does.
struct ResultsByKindTests {
  let library: RuleLibrary

  init() throws {
    library = try #require(RuleLibrary.load(try RuleFiles.directory(Fixtures.rules)).library)
  }

  private func results(_ source: String) throws -> ResultsByKind? {
    ResultsByKind(try CELProgram(source), kinds: ResultsByKind.kinds(of: library.ladder), ladder: library.ladder.value)
  }

  @Test(arguments: [
    #"ladder[intervention.kind].category == "employment""#,
    #"intervention.kind in ["sel_85", "sel_107"]"#,
    #"ladder[intervention.kind].level >= 3 && ladder[intervention.kind].specialised"#,
  ])
  func anExpressionOfTheKindAloneIsWorkedOutPerKind(source: String) throws {
    let byKind = try #require(try results(source))
    let kinds = ResultsByKind.kinds(of: library.ladder)
    let program = try CELProgram(source)
    for (index, kind) in kinds.enumerated() {
      var activation = CELActivation(absentFieldsAreUnknown: true)
      activation.bind("ladder", to: library.ladder.value)
      activation.bind("intervention", to: ["kind": .string(kind), "provider": "private"])
      #expect("\(byKind[index])" == "\(program.evaluate(activation))", "\(kind)")
    }
  }

  @Test(arguments: [
    #"intervention.provider == "private""#,
    #"ladder[intervention.kind].level > 2 && proposal.citizen.age > 30"#,
    #"intervention == {"kind": "sel_85"}"#,
    #"has(intervention.kind)"#,
    #"ladder.size() > 3"#,
  ])
  func anExpressionReadingMoreIsEvaluatedEachTime(source: String) throws {
    #expect(try results(source) == nil)
  }

  @Test func kindsAreFoundByTheirSharedCopyOnly() {
    let kinds = ResultsByKind.kinds(of: library.ladder)
    let long = kinds.first { $0.utf8.count > 15 }
    kinds.withUnsafeBufferPointer { buffer in
      #expect(ResultsByKind.index(of: "sel_85", in: buffer) == kinds.firstIndex(of: "sel_85"))
      #expect(ResultsByKind.index(of: "no_such_kind", in: buffer) == nil)
      if let long {
        // The same text in another buffer is not looked up: its result is evaluated instead.
        let copy = String(long.utf8.map { Character(Unicode.Scalar($0)) })
        #expect(ResultsByKind.index(of: copy, in: buffer) == nil)
        #expect(ResultsByKind.index(of: CELMap.sharedKey(copy), in: buffer) == kinds.firstIndex(of: long))
      }
    }
    #expect(long != nil, "the ladder has a kind name longer than 15 bytes")
  }

  @Test func everyRuleExampleScoresAsItsFullAssessmentWithTheReadersSharedKinds() throws {
    let reader = try #require(SchemaDirectedReader(schema: library.schema, mapping: nil))
    var looked = 0
    for pack in library.packs {
      let evaluator = Evaluator(pack: pack, ladder: library.ladder, resultsByKind: true)
      for rule in pack.rules {
        for example in rule.examples {
          let json = Array(ExampleRunner.withDefaults(example.proposal, pack: pack).jsonText.utf8)
          let proposal = try #require(json.withUnsafeBufferPointer { reader.read($0) }, "\(rule.id): \(example.name)")
          let assessment = try evaluator.assess(proposal, explain: false)
          #expect(try evaluator.scorecard(proposal).outcomes == assessment.findings.map(\.outcome), "\(rule.id): \(example.name)")
          looked += 1
        }
      }
    }
    #expect(looked > 400)
    // Not vacuous: many bundled rules are judged from these results.
    let kinds = ResultsByKind.kinds(of: library.ladder)
    let worked = library.packs.flatMap { pack in
      pack.rules.map { CompiledRule($0, principle: pack.principle($0.principleID), ladder: library.ladder, kinds: kinds) }
    }
    #expect(worked.filter { $0.whenByKind != nil || $0.requireByKind != nil }.count >= 15)
  }
}
