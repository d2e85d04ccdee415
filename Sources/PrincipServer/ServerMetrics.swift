import CoreMetrics
import Foundation
import Metrics
import NIOConcurrencyHelpers
import Prometheus

/// The server's metrics, through swift-metrics into a Prometheus registry of its own
/// (not the process-wide `MetricsSystem`, so that each server — and each test — counts
/// alone): requests by endpoint and status, their latency, and verdicts by pack.
final class ServerMetrics: Sendable {
  let registry = PrometheusCollectorRegistry()
  private let factory: PrometheusMetricsFactory
  /// Handles already made, by label and dimensions: making one looks it up in the registry.
  private let counters = NIOLockedValueBox<[String: CoreMetrics.Counter]>([:])
  private let timers = NIOLockedValueBox<[String: Metrics.Timer]>([:])

  init() {
    var factory = PrometheusMetricsFactory(registry: registry)
    // Judging takes well under a millisecond; a request that waits for a slot takes longer.
    factory.defaultDurationHistogramBuckets = [
      .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2),
      .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
      .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5),
    ]
    self.factory = factory
  }

  /// Counts a request to `endpoint` (the route, not the path: `/v1/rules/{id}`) and
  /// records how long it took.
  func request(endpoint: String, method: String, status: Int, duration: Duration) {
    let dimensions = [("endpoint", endpoint), ("method", method), ("status", String(status))]
    counter("princip_http_requests_total", dimensions).increment()
    timer("princip_http_request_duration_seconds", [("endpoint", endpoint), ("method", method)])
      .recordNanoseconds(duration.nanoseconds)
  }

  /// Counts a verdict given under `pack`.
  func verdict(_ verdict: String, pack: String) {
    counter("princip_verdicts_total", [("pack", pack), ("verdict", verdict)]).increment()
  }

  /// Counts a rules reload, `succeeded` or refused.
  func reload(succeeded: Bool) {
    counter("princip_rules_reloads_total", [("result", succeeded ? "loaded" : "refused")]).increment()
  }

  /// Counts a decision log write that failed.
  func decisionLogFailure() {
    counter("princip_decision_log_failures_total", []).increment()
  }

  /// The Prometheus text format.
  func exposition() -> [UInt8] {
    var bytes: [UInt8] = []
    registry.emit(into: &bytes)
    return bytes
  }

  private func counter(_ label: String, _ dimensions: [(String, String)]) -> CoreMetrics.Counter {
    let key = Self.key(label, dimensions)
    return counters.withLockedValue { counters in
      if let counter = counters[key] { return counter }
      let counter = CoreMetrics.Counter(label: label, dimensions: dimensions, factory: factory)
      counters[key] = counter
      return counter
    }
  }

  private func timer(_ label: String, _ dimensions: [(String, String)]) -> Metrics.Timer {
    let key = Self.key(label, dimensions)
    return timers.withLockedValue { timers in
      if let timer = timers[key] { return timer }
      let timer = Metrics.Timer(label: label, dimensions: dimensions, factory: factory)
      timers[key] = timer
      return timer
    }
  }

  private static func key(_ label: String, _ dimensions: [(String, String)]) -> String {
    ([label] + dimensions.map { "\($0.0)=\($0.1)" }).joined(separator: "\u{1}")
  }
}

extension Duration {
  /// The duration in whole nanoseconds.
  var nanoseconds: Int64 {
    let (seconds, attoseconds) = components
    return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
  }
}
