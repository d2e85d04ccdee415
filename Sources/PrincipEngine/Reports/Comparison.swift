import CEL

/// One proposal judged by every pack, lined up as a matrix: one row per shared theme
/// (`Principle.themes`), one column per municipality, each cell the outcome of that
/// municipality's principles on that theme.
public struct Comparison: Sendable {
  public var caseID: String
  /// The proposal file as the user named it, if it came from a file.
  public var file: String?
  /// One assessment per pack, in pack-name order: the matrix's columns.
  public var columns: [AssessmentReport]
  /// Themes shared by the most packs first, then in order of first appearance; a
  /// checkable principle without themes gets a row of its own after them. Principles no
  /// proposal can show make no row of their own.
  public var rows: [Row]

  /// A theme, or a principle without themes, across every pack.
  public struct Row: Sendable {
    /// The shared theme tag, or `nil` for the row of a single principle without themes.
    public var theme: String?
    public var title: LocalizedText
    /// One cell per column, in column order.
    public var cells: [Cell]
  }

  /// One pack's principles on a row's theme.
  public struct Cell: Sendable {
    /// The pack's principles carrying the theme, with how the proposal fared on each.
    public var principles: [AssessmentReport.PrincipleResult]
    /// The most serious outcome among them; `nil` when the pack has no principle on the
    /// theme or none that a rule checks.
    public var outcome: Outcome? { principles.compactMap(\.outcome).min() }
  }

  /// Lines up assessments of one proposal by different packs; `themes` titles the rows.
  public init(_ columns: [AssessmentReport], file: String? = nil, themes catalog: ThemeCatalog = ThemeCatalog()) {
    self.caseID = columns.first?.assessment.caseID ?? "?"
    self.file = file ?? columns.first?.file
    self.columns = columns
    let results = columns.map(\.principleResults)

    var themes: [String] = []
    var coverage: [String: Set<Int>] = [:]
    // Rows come from principles a rule checks; a cell still lists the pack's
    // not-checkable principles on the theme, so a reader sees the whole policy.
    for (column, principles) in results.enumerated() {
      for theme in principles.filter({ $0.principle.notCheckableReason == nil }).flatMap(\.principle.themes) {
        if coverage[theme] == nil { themes.append(theme) }
        coverage[theme, default: []].insert(column)
      }
    }
    let order = Dictionary(uniqueKeysWithValues: themes.enumerated().map { ($1, $0) })
    themes.sort { (coverage[$1]?.count ?? 0, order[$0] ?? 0) < (coverage[$0]?.count ?? 0, order[$1] ?? 0) }

    var rows = themes.map { theme in
      Row(
        theme: theme, title: catalog.title(of: theme),
        cells: results.map { Cell(principles: $0.filter { $0.principle.themes.contains(theme) }) })
    }
    for (column, principles) in results.enumerated() {
      for result in principles where result.principle.themes.isEmpty && result.principle.notCheckableReason == nil {
        var cells = results.map { _ in Cell(principles: []) }
        cells[column] = Cell(principles: [result])
        rows.append(Row(theme: nil, title: result.principle.title, cells: cells))
      }
    }
    self.rows = rows
  }

  /// Judges `proposal` by every pack of `library`: for each pack the version in force on
  /// the proposal's decision date, or else its newest version.
  public init(judging proposal: CELValue, by library: RuleLibrary, file: String? = nil) {
    let date = ProposalReader.packAndDate(of: proposal)?.date
    let columns = library.packNames.compactMap { name -> AssessmentReport? in
      let versions = library.versions(of: name)
      guard let pack = date.flatMap({ date in versions.first { $0.inForce.contains(date) } }) ?? versions.last else {
        return nil
      }
      let assessment = Evaluator(pack: pack, ladder: library.ladder).assess(proposal)
      return AssessmentReport(assessment: assessment, pack: pack, ladder: library.ladder, file: file, schema: library.schema)
    }
    self.init(columns, file: file, themes: library.themes)
  }
}

extension AssessmentReport {
  /// The municipality's name without `Kommune` / `Municipality`, for a column heading.
  func shortMunicipality(in language: Language) -> String {
    let name = pack.municipality[language]
    for suffix in [" Kommune", " Municipality"] where name.hasSuffix(suffix) && name.count > suffix.count {
      return String(name.dropLast(suffix.count))
    }
    return name
  }
}
