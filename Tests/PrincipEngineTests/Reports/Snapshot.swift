import Foundation
import Testing

/// Compares a report with its recorded snapshot under `Tests/PrincipEngineTests/Snapshots/`.
/// `RECORD_SNAPSHOTS=1 swift test` re-records every snapshot (and fails, so a recording
/// never passes unseen); a missing snapshot is recorded and fails the same way.
enum Snapshot {
  static let folder = Fixtures.root.appending(path: "Tests/PrincipEngineTests/Snapshots")
  static let recording =
    ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"].map { !$0.isEmpty && $0 != "0" } ?? false

  static func assert(
    _ actual: String, named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    let url = folder.appending(path: name)
    guard !recording, let expected = try? String(contentsOf: url, encoding: .utf8) else {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try actual.write(to: url, atomically: true, encoding: .utf8)
      Issue.record(
        "Recorded snapshot \(name); check it and run the tests again without RECORD_SNAPSHOTS.",
        sourceLocation: sourceLocation)
      return
    }
    guard actual != expected else { return }
    Issue.record(
      "\(name) differs from its snapshot (re-record with RECORD_SNAPSHOTS=1 swift test):\n\(firstDifference(expected, actual))",
      sourceLocation: sourceLocation)
  }

  /// The first line that differs, with its number: enough to see what changed.
  static func firstDifference(_ expected: String, _ actual: String) -> String {
    let old = expected.components(separatedBy: "\n"), new = actual.components(separatedBy: "\n")
    for index in 0..<max(old.count, new.count) {
      let before = index < old.count ? old[index] : "<end>"
      let after = index < new.count ? new[index] : "<end>"
      if before != after { return "line \(index + 1):\n  snapshot: \(before)\n  actual:   \(after)" }
    }
    return "(no line differs)"
  }

  /// The report with the rule fingerprints replaced, so a snapshot survives edits to rule
  /// files that do not change what the report says.
  static func normalized(_ text: String, fingerprints: [String]) -> String {
    fingerprints.reduce(text) { text, fingerprint in
      text.replacingOccurrences(of: fingerprint, with: "<fingerprint>")
        .replacingOccurrences(of: String(fingerprint.prefix(12)), with: "<fingerprint>")
    }
  }
}
