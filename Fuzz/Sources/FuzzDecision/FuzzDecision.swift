import CEL
import Foundation
import FuzzSupport
@testable import PrincipEngine

// Reads the input as decisions, through the path `princip audit` takes (``AuditRunner``,
// one thread, results as JSON Lines in memory): as a JSON Lines file, and as a CSV export
// with the example column mapping (Examples/decisions/decisions.mapping.yaml). Each audit
// must reconcile (every record read is judged or an error row, one result line each).
//
// Each line is also read by the audit's one-pass fast reader (``SchemaDirectedReader``)
// and by the general path (JSON parse + schema validation): when the fast reader gives a
// proposal, the general path must give the same one.

private let library = FuzzSupport.library
private let mapping: ColumnMapping = {
  let file = "Examples/decisions/decisions.mapping.yaml"
  guard let mapping = try? ColumnMapping(yaml: FuzzSupport.text(file), file: file) else { fatalError("\(file) does not read") }
  return mapping
}()
// The smallest batches (4 KiB): an input longer than that crosses batch boundaries, and
// the reader's buffer stays small enough to fill for every input.
private let jsonLines = AuditRunner(library: library, options: AuditOptions(threads: 1, batchBytes: 4096), resultFormat: .jsonLines)
private let csv = AuditRunner(library: library, options: AuditOptions(threads: 1, mapping: mapping, batchBytes: 4096), resultFormat: .jsonLines)
private let fastReader: SchemaDirectedReader = {
  guard let reader = SchemaDirectedReader(schema: library.schema, mapping: nil) else { fatalError("no fast reader for the bundled schema") }
  return reader
}()
private let proposalReader = ProposalReader(schema: library.schema)

/// The input's file: one per process, in the temporary folder, so that runs in parallel
/// (`-jobs`) do not share it.
private let folder: URL = {
  let folder = FileManager.default.temporaryDirectory.appending(path: "princip-fuzz-decision-\(getpid())")
  do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch { fatalError("\(folder.path): \(error)") }
  return folder
}()
private let jsonLinesFile = folder.appending(path: "decisions.jsonl").path
private let csvFile = folder.appending(path: "decisions.csv").path

private final class MemorySink: ResultSink {
  var bytes: [UInt8] = []
  func write(_ bytes: [UInt8]) throws(OutputError) { self.bytes += bytes }
}

/// Audits `data` as the input `path` in `format`; an input the audit refuses whole (a CSV
/// without the mapped columns, say) must say why.
private func audit(_ data: Data, _ runner: AuditRunner, _ path: String, _ format: AuditInput.Format) {
  guard FileManager.default.createFile(atPath: path, contents: data) else { fatalError("cannot write \(path)") }
  let sink = MemorySink()
  do {
    let summary = try runner.run([AuditInput(path: path, format: format)], results: sink)
    if !summary.reconciles {
      FuzzSupport.broken("\(format) audit does not reconcile: read \(summary.read), judged \(summary.judged), errors \(summary.errors)")
    }
    let lines = sink.bytes.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    if lines != summary.read { FuzzSupport.broken("\(format) audit: \(summary.read) records but \(lines) result lines") }
  } catch {
    if error.message(in: .en).isEmpty { FuzzSupport.broken("an audit error without a message") }
  }
}

/// The fast reader and the general path agree on every line the fast reader takes.
private func compareReaders(_ bytes: UnsafeBufferPointer<UInt8>) {
  for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
    let fast = UnsafeBufferPointer(rebasing: line).withMemoryRebound(to: UInt8.self) { fastReader.read($0) }
    guard let fast else { continue }
    let general: CELValue
    do {
      general = try proposalReader.validate(CELValue.parseJSON(UnsafeBufferPointer(rebasing: line)), record: SourceLocation(file: "fuzz"))
    } catch {
      FuzzSupport.broken("the fast reader reads a line that the general path rejects: \(error)")
    }
    if fast.description != general.description {
      FuzzSupport.broken("the fast reader and the general path differ:\n  fast:    \(fast)\n  general: \(general)")
    }
  }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDecision(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
  let input = FuzzSupport.buffer(bytes, count)
  let data = Data(buffer: input)
  audit(data, jsonLines, jsonLinesFile, .jsonLines)
  audit(data, csv, csvFile, .csv)
  compareReaders(input)
  return 0
}

/// Called by libFuzzer before the first input.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzDecisionInitialize(_ argc: UnsafeMutablePointer<Int32>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> Int32 {
  FuzzSupport.prepare { _ = mapping; _ = jsonLines; _ = csv; _ = fastReader; _ = proposalReader; _ = folder }
  return 0
}

/// The entry point where SwiftPM renames an executable's `main` (debug builds, for testing).
@_cdecl("FuzzDecision_main")
public func fuzzDecisionMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
  FuzzSupport.run(argc, argv, fuzzDecision)
}
