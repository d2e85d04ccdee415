import CEL
import Foundation
import HTTPTypes
import Hummingbird
import PrincipEngine

/// An error answered as RFC 9457 `application/problem+json`, in the requested language:
/// `type`, `title`, `status`, `detail`, and for a proposal error its `line` and `column`.
struct Problem: Error, Sendable {
  /// The last part of the problem's type URI (`urn:princip:problem:invalid-proposal`).
  var slug: String
  var status: HTTPResponse.Status
  var title: ServerWords.Key
  /// The full message, worded as the CLI words it.
  var detail: String
  /// Where in the proposal, for a proposal that does not parse or fit the schema.
  var location: SourceLocation?
  /// The field of the proposal at fault, if any.
  var field: String?
  /// Extra headers (`WWW-Authenticate`, `Retry-After`).
  var headers: HTTPFields = [:]

  /// The problem for an engine error: the CLI's message, with its place.
  init(_ error: PrincipError, in language: Language) {
    detail = error.message(in: language)
    switch error {
    case .unknownPack:
      (slug, status, title) = ("unknown-pack", .unprocessableContent, .unknownPack)
    case .noPackInForce:
      (slug, status, title) = ("no-pack-in-force", .unprocessableContent, .noPackInForce)
    case .unusableFile(_, .tooLarge, _, _):
      (slug, status, title) = ("body-too-large", .contentTooLarge, .bodyTooLarge)
    case .invalidProposal(_, let field, _):
      (slug, status, title) = ("invalid-proposal", .unprocessableContent, .invalidProposal)
      self.field = field
    case .syntax, .unusableFile, .unreadable, .invalidRulePack, .packNamedOtherwise, .budgetExceeded:
      (slug, status, title) = ("invalid-proposal", .unprocessableContent, .invalidProposal)
    }
    if let place = error.location, place.line > 0 { location = place }
  }

  init(
    _ slug: String, _ status: HTTPResponse.Status, _ title: ServerWords.Key, detail: String, headers: HTTPFields = [:]
  ) {
    self.slug = slug
    self.status = status
    self.title = title
    self.detail = detail
    self.headers = headers
  }

  /// The problem as a response in `language`.
  func response(in language: Language) -> Response {
    var object: [(String, CELValue)] = [
      ("type", .string("urn:princip:problem:\(slug)")),
      ("title", .string(ServerWords.text(title, language))),
      ("status", .int(Int64(status.code))),
      ("detail", .string(detail)),
      ("language", .string(language.rawValue)),
    ]
    if let field { object.append(("field", .string(field))) }
    if let location {
      object.append(("line", .int(Int64(location.line))))
      if location.column > 0 { object.append(("column", .int(Int64(location.column)))) }
    }
    let text = CELValue.object(object).jsonText + "\n"
    var fields = headers
    fields[.contentType] = "application/problem+json"
    fields[.contentLanguage] = language.rawValue
    return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
  }

}
