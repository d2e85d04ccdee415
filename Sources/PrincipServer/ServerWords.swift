import Foundation
import PrincipEngine

/// The server's own words (problem titles and details), in one table per language.
/// Errors about a proposal or the rules are the engine's own messages, worded as the CLI
/// words them.
enum ServerWords {
  /// A key of the table.
  enum Key: String, CaseIterable {
    case invalidProposal, unknownPack, noPackInForce, unsupportedMediaType, mediaTypeDetail, jsonLinesDetail, bodyTooLarge, bodyTooLargeDetail
    case unauthorized, unauthorizedDetail, notFound, notFoundDetail, unknownRule, badParameter, languageDetail, booleanDetail
    case timeout, timeoutDetail, busy, busyDetail, internalError, internalDetail, decisionLog, decisionLogDetail
    case methodNotAllowed, budgetExceeded, invalidRequest, targetDetail, countDetail
  }

  private static let da: [Key: String] = [
    .invalidProposal: "Ugyldigt forslag",
    .unknownPack: "Ukendt regelpakke",
    .noPackInForce: "Ingen version af pakken i kraft",
    .unsupportedMediaType: "Ukendt indholdstype",
    .mediaTypeDetail: "send forslaget som application/json eller application/yaml, ikke %@",
    .jsonLinesDetail: "send afgørelserne som application/jsonl (én JSON-genstand pr. linje), ikke %@",
    .bodyTooLarge: "For stor forespørgsel",
    .bodyTooLargeDetail: "forespørgslen fylder mere end de tilladte %@ byte",
    .unauthorized: "Adgang nægtet",
    .unauthorizedDetail: "kræver headeren Authorization: Bearer med serverens token",
    .notFound: "Findes ikke",
    .notFoundDetail: "ingen side eller ressource hedder %@",
    .unknownRule: "ingen regel hedder '%@'",
    .badParameter: "Ugyldig parameter",
    .languageDetail: "parameteren lang skal være da eller en, ikke '%@'",
    .booleanDetail: "parameteren %@ skal være true eller false",
    .timeout: "Forespørgslen tog for lang tid",
    .timeoutDetail: "forespørgslen blev ikke modtaget inden for %@ sekunder",
    .busy: "Serveren er optaget",
    .busyDetail: "for mange forespørgsler bedømmes lige nu; prøv igen om lidt",
    .internalError: "Intern fejl",
    .internalDetail: "serveren kunne ikke besvare forespørgslen; se serverens log",
    .decisionLog: "Beslutningsloggen kan ikke skrives",
    .decisionLogDetail: "afgørelsen blev ikke givet, fordi den ikke kunne logges: %@",
    .methodNotAllowed: "Metoden er ikke tilladt",
    .budgetExceeded: "Reglerne brugte for meget beregning",
    .invalidRequest: "Ugyldig forespørgsel",
    .targetDetail: "parameteren target skal være compliant eller no-violations, ikke '%@'",
    .countDetail: "parameteren skal være et helt tal: %@",
  ]

  private static let en: [Key: String] = [
    .invalidProposal: "Invalid proposal",
    .unknownPack: "Unknown rule pack",
    .noPackInForce: "No pack version in force",
    .unsupportedMediaType: "Unsupported media type",
    .mediaTypeDetail: "send the proposal as application/json or application/yaml, not %@",
    .jsonLinesDetail: "send the decisions as application/jsonl (one JSON object a line), not %@",
    .bodyTooLarge: "Request body too large",
    .bodyTooLargeDetail: "the request is larger than the %@ bytes allowed",
    .unauthorized: "Unauthorized",
    .unauthorizedDetail: "requires the header Authorization: Bearer with the server's token",
    .notFound: "Not found",
    .notFoundDetail: "no page or resource is named %@",
    .unknownRule: "no rule is named '%@'",
    .badParameter: "Invalid parameter",
    .languageDetail: "the parameter lang must be da or en, not '%@'",
    .booleanDetail: "the parameter %@ must be true or false",
    .timeout: "Request timed out",
    .timeoutDetail: "the request was not received within %@ seconds",
    .busy: "Server busy",
    .busyDetail: "too many requests are being judged right now; try again shortly",
    .internalError: "Internal error",
    .internalDetail: "the server could not answer the request; see the server's log",
    .decisionLog: "The decision log cannot be written",
    .decisionLogDetail: "no decision was given, because it could not be logged: %@",
    .methodNotAllowed: "Method not allowed",
    .budgetExceeded: "The rules used too much computation",
    .invalidRequest: "Invalid request",
    .targetDetail: "the parameter target must be compliant or no-violations, not '%@'",
    .countDetail: "the parameter must be a whole number: %@",
  ]

  /// The text of `key` in `language`, with `%@` replaced by `argument`.
  static func text(_ key: Key, _ language: Language, _ argument: String = "") -> String {
    let table = language == .da ? da : en
    return (table[key] ?? key.rawValue).replacingOccurrences(of: "%@", with: argument)
  }
}
