import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import PrincipEngine
@testable import PrincipServer

/// What the server tests share: the repository, the bundled rules loaded once, and a
/// server made with the options a test needs.
enum ServerFixture {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static let rules: ServedRules = {
    guard let rules = ServedRules.load(nil).rules else { fatalError("the bundled rules do not load") }
    return rules
  }()

  /// The example proposals, by file name.
  static var examples: [URL] {
    let folder = root.appending(path: "Examples/proposals")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") && !$0.contains("expected") }.sorted().map { folder.appending(path: $0) }
  }

  static func text(_ relative: String) throws -> String {
    try String(contentsOf: root.appending(path: relative), encoding: .utf8)
  }

  /// Runs `body` against a server with the bundled rules, in process (Hummingbird's router test framework).
  static func withServer(
    _ configure: (inout ServerOptions) -> Void = { _ in }, rules: ServedRules = rules,
    _ body: @Sendable (any TestClientProtocol, PrincipServer) async throws -> Void
  ) async throws {
    var options = ServerOptions()
    options.port = 0
    configure(&options)
    let server = try PrincipServer(options: options, rules: rules)
    try await server.application().test(.router) { client in try await body(client, server) }
  }
}

extension TestResponse {
  /// The body as text.
  var text: String { body.getString(at: body.readerIndex, length: body.readableBytes) ?? "" }

  /// The body as a JSON object.
  var object: [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
  }
}

extension HTTPFields {
  static let yaml: HTTPFields = [.contentType: "application/yaml"]
  static let jsonLines: HTTPFields = [.contentType: "application/jsonl"]
}
