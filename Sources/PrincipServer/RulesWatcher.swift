import Foundation
import Logging
import PrincipEngine

/// `--watch`: looks at the rules folder every `interval` and, when a file under it has
/// changed (name, size or modification time), lints and loads it again and swaps it in.
/// Rules that fail lint are refused with a log line; the old rules keep serving.
struct RulesWatcher: Sendable {
  let directory: String
  let store: RuleStore
  let interval: Duration
  let logger: Logger
  let metrics: ServerMetrics

  /// Runs until the task is cancelled.
  func run() async {
    var seen = Self.snapshot(of: directory)
    while !Task.isCancelled {
      do { try await Task.sleep(for: interval) } catch { return }
      let now = Self.snapshot(of: directory)
      guard now != seen else { continue }
      seen = now
      reload()
    }
  }

  /// Lints and loads the folder; swaps the rules in when they pass. Returns whether it did.
  @discardableResult
  func reload() -> Bool {
    let (rules, errors) = ServedRules.load(directory)
    guard let rules else {
      metrics.reload(succeeded: false)
      // The file:line:col of each error, in English for the operator; no proposal is involved.
      logger.error(
        "rules refused, the previous rules keep serving",
        metadata: ["rules": "\(directory)", "errors": "\(errors.count)", "first": "\(errors.first?.rendered(in: .en) ?? "?")"])
      return false
    }
    store.swap(to: rules)
    metrics.reload(succeeded: true)
    logger.notice(
      "rules reloaded", metadata: ["rules": "\(directory)", "packs": "\(rules.library.packs.map(\.label).joined(separator: ", "))"])
    return true
  }

  /// Every file under the folder with its size and modification time.
  static func snapshot(of directory: String) -> [String: String] {
    var entries: [String: String] = [:]
    let root = URL(fileURLWithPath: directory)
    guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.contentModificationDateKey, .fileSizeKey])
    else { return entries }
    while let url = walker.nextObject() as? URL {
      let values = try? url.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey])
      entries[url.path] = "\(values?.fileSize ?? -1) \(values?.contentModificationDate?.timeIntervalSince1970 ?? 0)"
    }
    return entries
  }
}
