import Foundation
@testable import PrincipEngine
import Testing

/// CSV exports: one intervention a row, grouped into decisions by the case-id column,
/// turned into proposal fields by a column mapping.
struct AuditCSVTests {
  let library: RuleLibrary
  let mapping: ColumnMapping

  init() throws {
    library = try AuditFixtures.library()
    mapping = try ColumnMapping(yaml: """
      delimiter: ";"
      columns:
        Sagsnr: case_id
        Dato: decision_date
        Team: metadata.team
        Deltog: citizen.participated
        Timer: interventions.hours_per_week
        Ydelse: { field: interventions.kind, values: { "SEL §85": sel_85, "SEL §82b": sel_82b } }
        Leverandør: { field: interventions.provider, values: { Privat: private, Kommunen: own_municipality } }
        Alternativ: alternatives[0].provider
        Alternativ ydelse: { field: "alternatives[0].kind", values: { "SEL §85": sel_85 } }
        Alternativ status: alternatives[0].status
      constants:
        municipality: demo
      """, file: "mapping.yaml")
  }

  @Test func rowsOfACaseBecomeOneDecisionWithItsInterventions() throws {
    let csv = """
      Sagsnr;Dato;Team;Deltog;Ydelse;Leverandør;Timer;Alternativ ydelse;Alternativ;Alternativ status;Navn
      E-1;01-03-2024;Nord;Ja;SEL §85;Privat;3,5;SEL §85;own_municipality;insufficient;(ignored column)
      E-1;01-03-2024;Nord;Ja;SEL §82b;Kommunen;2;;;;
      E-2;2024-03-02;Syd;Nej;SEL §85;Privat;2;;;;
      """
    let path = try AuditFixtures.file("export.csv", csv)
    let options = AuditOptions(threads: 1, mapping: mapping)
    let (summary, results) = try AuditFixtures.run([AuditInput(path: path, format: .csv)], library: library, options: options)
    #expect(summary.read == 2 && summary.judged == 2 && summary.errors == 0)
    let lines = results.split(separator: "\n").map(String.init)
    // E-1: the private §85 has an own-municipality alternative found insufficient; the §82b is the municipality's own.
    #expect(lines[0].contains("\"line\":2,\"case_id\":\"E-1\""))
    #expect(lines[0].contains("\"subject\":\"interventions[0]\",\"outcome\":\"satisfied\""))
    #expect(!lines[0].contains("interventions[1]"))
    // E-2 names no alternatives at all: unknown, not false.
    #expect(lines[1].contains("\"line\":4,\"case_id\":\"E-2\"") && lines[1].contains("\"outcome\":\"undetermined\""))
  }

  @Test func aBadCellOrASplitCaseIsAnErrorRowAndTheBatchGoesOn() throws {
    let csv = """
      Sagsnr;Dato;Team;Deltog;Ydelse;Leverandør;Timer;Alternativ ydelse;Alternativ;Alternativ status
      F-1;2024-03-01;Nord;Ja;SEL §85;Privat;tre;;;
      F-2;2024-03-01;Nord;Ja;SEL §85;Privat;1;;;
      F-3;2024-03-01;Nord;Måske;SEL §85;Privat;1;;;
      F-2;2024-03-01;Nord;Ja;SEL §85;Privat;1;;;
      ;2024-03-01;Nord;Ja;SEL §85;Privat;1;;;
      """
    let path = try AuditFixtures.file("bad.csv", csv)
    let (summary, results) = try AuditFixtures.run([AuditInput(path: path, format: .csv)], library: library, options: AuditOptions(threads: 1, mapping: mapping))
    #expect(summary.read == 5 && summary.judged == 1 && summary.errors == 4 && summary.reconciles)
    let lines = results.split(separator: "\n").map(String.init)
    // An error row never repeats the cell: it may be personal data (Disclosure.withheld).
    #expect(lines[0].contains("\"line\":2,\"case_id\":\"F-1\"") && lines[0].contains("kolonnen 'Timer': værdien kan ikke læses som tal"))
    #expect(!results.contains("tre") && !results.contains("Måske"))
    #expect(lines[1].contains("\"case_id\":\"F-2\",\"municipality\":\"demo\""))
    #expect(lines[2].contains("\"line\":4,") && lines[2].contains("kolonnen 'Deltog': værdien kan ikke læses som ja/nej"))
    #expect(lines[3].contains("\"line\":5,") && lines[3].contains("sagen optrådte allerede i linje 3"))
    #expect(lines[4].contains("\"line\":6,") && lines[4].contains("intet sagsnummer i kolonnen 'Sagsnr'"))
  }

  @Test(arguments: ["1e309", "-1e309", "inf", "Infinity", "nan"])
  func aNonFiniteNumberIsAnErrorRow(_ cell: String) throws {
    let csv = "Sagsnr;Dato;Team;Deltog;Ydelse;Leverandør;Timer;Alternativ ydelse;Alternativ;Alternativ status\n"
      + "N-1;2024-03-01;Nord;Ja;SEL §85;Privat;\(cell);;;\n"
    let path = try AuditFixtures.file("inf.csv", csv)
    let (summary, results) = try AuditFixtures.run([AuditInput(path: path, format: .csv)], library: library, options: AuditOptions(threads: 1, mapping: mapping))
    #expect(summary.errors == 1)
    #expect(results.contains("\"line\":2,\"case_id\":\"N-1\",\"error\":\"kolonnen 'Timer': værdien kan ikke læses som tal / number\""))
  }

  @Test func aMappingNamingAMissingColumnStopsTheAuditWithASuggestion() throws {
    let path = try AuditFixtures.file("short.csv", "Sagsnr.;Dato\nG-1;2024-03-01\n")
    #expect(throws: AuditError.missingColumn(file: path, column: "Sagsnr", suggestion: "Sagsnr.")) {
      _ = try AuditFixtures.run([AuditInput(path: path, format: .csv)], library: library, options: AuditOptions(threads: 1, mapping: mapping))
    }
  }

  @Test func aJSONExportWithOtherFieldNamesIsRenamedByTheMapping() throws {
    let rename = try ColumnMapping(yaml: "columns:\n  id: case_id\nconstants:\n  municipality: demo\n", file: "rename.yaml")
    let line = #"{"id":"H-1","decision_date":"2024-03-01","interventions":[{"kind":"sel_85","provider":"private"}],"alternatives":[]}"#
    let path = try AuditFixtures.file("renamed.jsonl", line)
    let (summary, results) = try AuditFixtures.run([AuditInput(path: path, format: .jsonLines)], library: library, options: AuditOptions(threads: 1, mapping: rename))
    #expect(summary.judged == 1)
    #expect(results.contains("\"case_id\":\"H-1\",\"municipality\":\"demo\""))
  }
}

/// The shipped examples audit cleanly, and the older Halsnæs version judges the 2018 case.
struct AuditExamplesTests {
  @Test func theExampleExportsAreJudgedByThePackVersionsInForce() throws {
    let library = try #require(RuleLibrary.load(try RuleFiles.directory(Fixtures.rules)).library)
    let folder = Fixtures.examples + "/decisions/"
    let mapping = try ColumnMapping.read(path: folder + "decisions.mapping.yaml")
    let csv = try AuditFixtures.run([AuditInput(path: folder + "decisions.csv", format: .csv)], library: library, options: AuditOptions(threads: 1, mapping: mapping))
    #expect(csv.summary.read == 5 && csv.summary.errors == 0)
    #expect(csv.results.split(separator: "\n").first?.contains("\"case_id\":\"H-2018-031\",\"municipality\":\"halsnaes\",\"pack_version\":\"2015.1\"") == true)
    let jsonl = try AuditFixtures.run([AuditInput(path: folder + "decisions.jsonl", format: .jsonLines)], library: library, options: AuditOptions(threads: 2))
    #expect(jsonl.summary.errors == 0 && jsonl.summary.reconciles)
    #expect(Set(jsonl.summary.packs.map { "\($0.name) \($0.version)" }).isSuperset(of: ["halsnaes 2015.1", "halsnaes 2019.1"]))
    let broken = try AuditFixtures.run([AuditInput(path: folder + "broken.jsonl", format: .jsonLines)], library: library)
    // Line 3 writes the municipality by its own name (`halsnæs`), which is accepted (issue 12).
    #expect(broken.summary.read == 5 && broken.summary.judged == 2 && broken.summary.errors == 3)
  }
}
