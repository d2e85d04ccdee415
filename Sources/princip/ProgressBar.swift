import Foundation
import PrincipEngine

/// A one-line progress bar on standard error, shown only when it is a terminal, redrawn
/// at most ten times a second.
final class ProgressBar {
  private let language: Language
  private let start = Date()
  private var lastDraw = Date.distantPast

  private init(language: Language) {
    self.language = language
  }

  /// A bar if standard error is a terminal, else `nil` (silent when piped).
  static func forStandardError(language: Language) -> ProgressBar? {
    isatty(STDERR_FILENO) == 1 ? ProgressBar(language: language) : nil
  }

  func update(_ progress: AuditProgress) {
    let now = Date()
    guard now.timeIntervalSince(lastDraw) >= 0.1 else { return }
    lastDraw = now
    let seconds = max(now.timeIntervalSince(start), 0.001)
    let rate = Int(Double(progress.records) / seconds)
    let da = language == .da
    var line = ""
    if let total = progress.totalBytes, total > 0 {
      let share = min(1, Double(progress.bytesRead) / Double(total))
      let filled = Int(share * 30)
      line = "[" + String(repeating: "█", count: filled) + String(repeating: "·", count: 30 - filled) + "] "
        + String(Int(share * 100)) + " % "
    }
    line += "\(progress.records) " + (da ? "afgørelser" : "decisions") + ", \(progress.errors) " + (da ? "fejl" : "errors")
      + ", \(rate)/s"
    writeStandardError("\r" + line + "\u{1B}[K")
  }

  func finish() {
    writeStandardError("\r\u{1B}[K")
  }
}
