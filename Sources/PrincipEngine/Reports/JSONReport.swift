/// The machine-readable report, format `princip.assessment/1`, documented in
/// `docs/json-report.md`. Keys come in a fixed order; every finding is listed, in the
/// engine's order (pack rule order, interventions in order), with its explanation.
public enum JSONReport: AssessmentReporter {
  public static let identifier = "json"

  /// The value of the `format` key: bumped only when a key changes meaning or disappears.
  public static let format = "princip.assessment/1"

  public static func generateReport(_ report: AssessmentReport, in language: Language) -> String {
    node(report, in: language).rendered
  }

  /// Several reports as one JSON array.
  public static func generateReport(_ reports: [AssessmentReport], in language: Language) -> String {
    JSONNode.array(reports.map { node($0, in: language) }).rendered
  }

  static func node(_ report: AssessmentReport, in language: Language) -> JSONNode {
    let assessment = report.assessment
    let counts = assessment.counts
    return .object([
      ("format", .string(format)),
      ("case_id", .string(assessment.caseID)),
      ("file", .string(report.file)),
      ("language", .string(language.rawValue)),
      ("pack", pack(report, in: language)),
      ("score", .int(Int64(assessment.score))),
      ("verdict", verdict(assessment.verdict, in: language)),
      ("counts", .object(Outcome.allCases.map { ($0.rawValue, .int(Int64(counts[$0] ?? 0))) })),
      (
        "interventions",
        .array(
          assessment.interventions.map { entry in
            .object([
              ("index", .int(Int64(entry.index))),
              ("kind", .string(entry.kind)),
              ("title", .string(entry.title)),
              ("score", .int(Int64(entry.score))),
            ])
          })
      ),
      (
        "principles",
        .array(
          report.principleResults.map { result in
            .object([
              ("id", .string(result.principle.id)),
              ("title", .string(result.principle.title[language])),
              ("themes", .array(result.principle.themes.map(JSONNode.string))),
              ("checkable", .bool(result.principle.notCheckableReason == nil)),
              ("outcome", .string(result.outcome?.rawValue)),
            ])
          })
      ),
      ("facts_to_add", .array(report.factsToAdd.map { factToAdd($0, report, language) })),
      ("findings", .array(assessment.findings.map { finding($0, report, language) })),
    ])
  }

  /// A fact to add: where, the line to write (and the line that states none), what it settles.
  private static func factToAdd(_ fact: FactToAdd, _ report: AssessmentReport, _ language: Language) -> JSONNode {
    .object([
      ("path", .string(fact.path)),
      ("under", .string(fact.parent)),
      ("yaml", .string(fact.yaml(schema: report.schema, in: language))),
      ("yaml_none", .string(fact.noneYAML(schema: report.schema))),
      ("principles", .array(fact.principleIDs.map(JSONNode.string))),
    ])
  }

  static func pack(_ report: AssessmentReport, in language: Language) -> JSONNode {
    let reference = report.assessment.pack
    let policy = report.pack.policy
    return .object([
      ("name", .string(reference.name)),
      ("version", .string(reference.version)),
      ("fingerprint", .string(reference.fingerprint)),
      ("municipality", .string(report.pack.municipality[language])),
      (
        "policy",
        .object([
          ("title", .string(policy.title)),
          ("adopted", .string(policy.adopted?.description)),
          ("adopted_by", .string(policy.adoptedBy)),
        ])
      ),
    ])
  }

  static func verdict(_ verdict: Verdict, in language: Language) -> JSONNode {
    .object([("id", .string(verdict.rawValue)), ("title", .string(verdict.title[language]))])
  }

  private static func finding(_ finding: Finding, _ report: AssessmentReport, _ language: Language) -> JSONNode {
    let principle = report.principle(of: finding)
    let subject: JSONNode =
      switch finding.subject {
      case .proposal:
        .object([("type", .string("proposal")), ("index", .null), ("path", .string(finding.subject.path))])
      case .intervention(let index):
        .object([
          ("type", .string("intervention")), ("index", .int(Int64(index))), ("path", .string(finding.subject.path)),
        ])
      }
    return .object([
      ("rule", .string(finding.ruleID)),
      ("principle", .string(finding.principleID)),
      ("title", .string(principle?.title[language])),
      ("quote", .string(principle?.quote)),
      ("source", .string(principle?.source)),
      ("severity", .string(finding.severity.rawValue)),
      ("subject", subject),
      ("outcome", .string(finding.outcome.rawValue)),
      (
        "evidence",
        .array(
          finding.evidence.map { evidence in
            .object([
              ("path", .string(evidence.path)),
              ("value", evidence.value.map(JSONNode.init) ?? .null),
              ("missing", .bool(evidence.value == nil)),
            ])
          })
      ),
      ("missing", .array(finding.missing.map(JSONNode.string))),
      ("justification", .string(finding.justification)),
      ("message", .string(finding.message?[language])),
      ("remedy", .string(finding.remedy?[language])),
      ("problem", .string(finding.problem)),
    ])
  }
}
