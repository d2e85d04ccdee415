import CEL
import Foundation
import NIOConcurrencyHelpers
import PrincipEngine

/// `--decision-log FILE`: one JSON line per decision given — its id, the time, the case
/// id, the pack version and fingerprint, the verdict and each principle's outcome. Never
/// any other content of the proposal.
final class DecisionLog: Sendable {
  /// One decision as the log records it.
  struct Entry: Sendable {
    var decisionID: String
    var time: Date
    var caseID: String
    var pack: String
    var version: String
    var fingerprint: String
    var verdict: String
    /// Principle id → its most serious outcome, in pack order.
    var outcomes: [(principle: String, outcome: String)]
  }

  /// Why an entry could not be written.
  struct WriteError: Error, Sendable {
    var reason: String
  }

  let path: String
  private let handle: NIOLockedValueBox<FileHandle>

  /// Opens `path` for appending, creating it if need be.
  init(path: String) throws(WriteError) {
    self.path = path
    let manager = FileManager.default
    if !manager.fileExists(atPath: path), !manager.createFile(atPath: path, contents: nil) {
      throw WriteError(reason: "\(path): cannot be created")
    }
    guard let handle = FileHandle(forWritingAtPath: path) else { throw WriteError(reason: "\(path): cannot be opened for writing") }
    do { try handle.seekToEnd() } catch { throw WriteError(reason: "\(path): \(error.localizedDescription)") }
    self.handle = NIOLockedValueBox(handle)
  }

  /// Appends entries as one write, so the lines of one request stay together.
  func write(_ entries: [Entry]) throws(WriteError) {
    guard !entries.isEmpty else { return }
    var text = ""
    for entry in entries { text += Self.line(entry) }
    let data = Data(text.utf8)
    let failure: String? = handle.withLockedValue { handle in
      do {
        try handle.write(contentsOf: data)
        return nil
      } catch {
        return "\(path): \(error.localizedDescription)"
      }
    }
    if let failure { throw WriteError(reason: failure) }
  }

  static func line(_ entry: Entry) -> String {
    let outcomes = CELValue.object(entry.outcomes.map { ($0.principle, .string($0.outcome)) })
    return CELValue.object([
      ("decision_id", .string(entry.decisionID)),
      ("time", .string(Self.timestamp(entry.time))),
      ("case_id", .string(entry.caseID)),
      ("pack", .string(entry.pack)),
      ("pack_version", .string(entry.version)),
      ("fingerprint", .string(entry.fingerprint)),
      ("verdict", .string(entry.verdict)),
      ("outcomes", outcomes),
    ]).jsonText + "\n"
  }

  /// RFC 3339 in UTC with milliseconds.
  static func timestamp(_ date: Date) -> String {
    date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
  }
}
