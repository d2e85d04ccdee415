import CEL
import Foundation
import FuzzSupport
import PrincipEngine

// Reads the input as a proposal file (YAML or JSON) through the path `princip check` takes:
// InputText's checks, ProposalReader (YAML parse, schema validation), then, for a valid
// proposal, the pack in force, the assessment and every report format in both languages.
// Any input must end in a proposal or in a PrincipError with a message; never a crash.

private let library = FuzzSupport.library
private let reader = ProposalReader(schema: library.schema)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzProposal(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
  let input = FuzzSupport.buffer(bytes, count)
  let file = "fuzz.yaml"
  do {
    let text = try InputText.decode(Data(buffer: input), file: file)
    let proposal = try reader.read(text: text, file: file)
    guard let (name, date) = ProposalReader.packAndDate(of: proposal) else { return 0 }
    let pack = try library.pack(named: name, on: date)
    let assessment = try Evaluator(pack: pack, ladder: library.ladder).assess(proposal)
    let report = AssessmentReport(assessment: assessment, pack: pack, ladder: library.ladder, file: file, schema: library.schema)
    for format in ReportFormat.allCases {
      for language in [Language.da, .en] {
        _ = format.reporter.generateReport(report, in: language)
      }
    }
  } catch {
    let message = error.message(in: .en)
    if message.isEmpty { FuzzSupport.broken("an error without a message") }
    _ = error.message(in: .da)
  }
  return 0
}

/// Called by libFuzzer before the first input.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzProposalInitialize(_ argc: UnsafeMutablePointer<Int32>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> Int32 {
  FuzzSupport.prepare { _ = library; _ = reader }
  return 0
}

/// The entry point where SwiftPM renames an executable's `main` (debug builds, for testing).
@_cdecl("FuzzProposal_main")
public func fuzzProposalMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
  FuzzSupport.run(argc, argv, fuzzProposal)
}
