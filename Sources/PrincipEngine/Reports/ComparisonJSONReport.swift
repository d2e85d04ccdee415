/// The comparison in JSON, format `princip.comparison/1`, documented in
/// `docs/json-report.md`.
public enum ComparisonJSONReport: ComparisonReporter {
  public static let identifier = "json"

  /// The value of the `format` key.
  public static let format = "princip.comparison/1"

  public static func generateReport(_ comparison: Comparison, in language: Language) -> String {
    node(comparison, in: language).rendered
  }

  /// Several comparisons as one JSON array.
  public static func generateReport(_ comparisons: [Comparison], in language: Language) -> String {
    JSONNode.array(comparisons.map { node($0, in: language) }).rendered
  }

  static func node(_ comparison: Comparison, in language: Language) -> JSONNode {
    .object([
      ("format", .string(format)),
      ("case_id", .string(comparison.caseID)),
      ("file", .string(comparison.file)),
      ("language", .string(language.rawValue)),
      (
        "packs",
        .array(
          comparison.columns.map { column in
            .object([
              ("pack", JSONReport.pack(column, in: language)),
              ("score", .int(Int64(column.assessment.score))),
              ("verdict", JSONReport.verdict(column.assessment.verdict, in: language)),
            ])
          })
      ),
      (
        "rows",
        .array(
          comparison.rows.map { row in
            .object([
              ("theme", .string(row.theme)),
              ("title", .string(row.title[language])),
              (
                "cells",
                .array(
                  zip(comparison.columns, row.cells).map { column, cell in
                    .object([
                      ("pack", .string(column.pack.name)),
                      ("outcome", .string(cell.outcome?.rawValue)),
                      (
                        "principles",
                        .array(
                          cell.principles.map { result in
                            .object([
                              ("id", .string(result.principle.id)),
                              ("title", .string(result.principle.title[language])),
                              ("outcome", .string(result.outcome?.rawValue)),
                            ])
                          })
                      ),
                    ])
                  })
              ),
            ])
          })
      ),
    ])
  }
}
