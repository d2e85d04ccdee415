import CEL
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import PrincipEngine
import PrincipTrainer

extension PrincipServer {
  /// `/` (the playground) and `/openapi.yaml` (the contract).
  func addPlaygroundRoutes(to router: Router<BasicRequestContext>) {
    let page = ByteBuffer(string: Self.playgroundPage())
    let contract = ByteBuffer(string: EmbeddedAssets.files["openapi.yaml"] ?? "")
    router.get("/") { _, _ in
      Response(
        status: .ok,
        headers: [
          .contentType: "text/html; charset=utf-8",
          // Everything the page needs is in it; it talks only to this server.
          .contentSecurityPolicy: "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; connect-src 'self'; form-action 'none'; base-uri 'none'",
          .xContentTypeOptions: "nosniff",
          .referrerPolicy: "no-referrer",
        ],
        body: ResponseBody(byteBuffer: page))
    }
    router.get("/openapi.yaml") { _, _ in
      Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"], body: ResponseBody(byteBuffer: contract))
    }
  }

  /// The playground page with the example proposals and training scenarios built in, so
  /// it fetches nothing but the API's answers.
  static func playgroundPage() -> String {
    let examples = EmbeddedAssets.files.keys.filter { $0.hasPrefix("Examples/") }.sorted().compactMap { name -> CELValue? in
      let text = EmbeddedAssets.files[name] ?? ""
      let file = String(name.split(separator: "/").last ?? "")
      guard name.hasPrefix("Examples/training/") else {
        return .object([("name", .string(file)), ("kind", "example"), ("text", .string(text))])
      }
      return scenario(file: file, text: text)
    }
    // `</` cannot end the script element early: JSON allows `<\/` for it.
    let data = CELValue.list(examples).jsonText.replacingOccurrences(of: "</", with: "<\\/")
    let page = EmbeddedAssets.files["playground.html"] ?? ""
    return page.replacingOccurrences(of: "/*EXAMPLES*/[]", with: data)
  }
}

extension PrincipServer {
  /// A training scenario for the playground: its story, question, expected outcomes and
  /// discussion points (read by the trainer's own deck reader), and its proposal as the
  /// YAML the scenario file writes it.
  static func scenario(file: String, text: String) -> CELValue? {
    let path = FileManager.default.temporaryDirectory.appending(path: "princip-scenario-\(UUID().uuidString)-\(file)").path
    guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else { return nil }
    defer { try? FileManager.default.removeItem(atPath: path) }
    guard let scenario = try? Scenario.read(path: path) else { return nil }
    // The proposal is the scenario's last key: its block, one level less indented.
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard let start = lines.firstIndex(where: { $0.hasPrefix("proposal:") }) else { return nil }
    let proposal = lines[(start + 1)...].map { $0.hasPrefix("  ") ? String($0.dropFirst(2)) : String($0) }.joined(separator: "\n")
    let localized = { (text: LocalizedText) -> CELValue in .object([("da", .string(text.da)), ("en", .string(text.en))]) }
    return .object([
      ("name", .string(file)),
      ("kind", "training"),
      ("text", .string(proposal)),
      ("title", localized(scenario.title)),
      ("story", localized(scenario.story)),
      ("question", localized(scenario.question)),
      ("expected", .list(scenario.expected.map { .object([("principle", .string($0.principle)), ("outcome", .string($0.outcome.rawValue))]) })),
      ("discussion", .list(scenario.discussion.map(localized))),
    ])
  }
}

extension HTTPField.Name {
  static let xContentTypeOptions = Self("X-Content-Type-Options")!
  static let referrerPolicy = Self("Referrer-Policy")!
}
