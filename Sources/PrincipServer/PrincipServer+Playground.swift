import CEL
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import PrincipEngine

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
    let examples = EmbeddedAssets.files.keys.filter { $0.hasPrefix("Examples/") }.sorted().map { name in
      CELValue.object([
        ("name", .string(String(name.split(separator: "/").last ?? ""))),
        ("kind", .string(name.hasPrefix("Examples/training/") ? "training" : "example")),
        ("text", .string(EmbeddedAssets.files[name] ?? "")),
      ])
    }
    // `</` cannot end the script element early: JSON allows `<\/` for it.
    let data = CELValue.list(examples).jsonText.replacingOccurrences(of: "</", with: "<\\/")
    let page = EmbeddedAssets.files["playground.html"] ?? ""
    return page.replacingOccurrences(of: "/*EXAMPLES*/[]", with: data)
  }
}

extension HTTPField.Name {
  static let xContentTypeOptions = Self("X-Content-Type-Options")!
  static let referrerPolicy = Self("Referrer-Policy")!
}
