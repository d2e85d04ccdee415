import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import PrincipEngine

/// Reads a request's body within the server's limits: the size limit (413), the request
/// timeout (408) and the media types a proposal may come in (415).
struct ProposalBody: Sendable {
  let limit: Int
  let timeout: Duration

  /// The media types read as a proposal. JSON is read by the same reader as YAML, of
  /// which it is a subset, exactly as `princip check` reads a `.json` file.
  static let proposalTypes: Set<String> = [
    "application/json", "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml",
  ]

  /// The media type without parameters, lower-cased; `nil` when the request names none.
  static func mediaType(of request: Request) -> String? {
    request.headers[.contentType].map { $0.split(separator: ";")[0].trimmingCharacters(in: .whitespaces).lowercased() }
  }

  /// Refuses a body that is not a proposal (or JSON, for `accepting` just JSON).
  func requireMediaType(
    _ request: Request, among types: Set<String>, language: Language, detail: ServerWords.Key = .mediaTypeDetail
  ) throws(Problem) {
    guard let type = Self.mediaType(of: request) else { return }
    guard types.contains(type) else {
      throw Problem("unsupported-media-type", .unsupportedMediaType, .unsupportedMediaType,
        detail: ServerWords.text(detail, language, type))
    }
  }

  /// The whole body as text, checked the way the CLI checks a proposal file (not empty,
  /// not binary, UTF-8), named `file` in errors.
  func text(of request: Request, file: String, language: Language) async throws -> String {
    let buffer = try await bytes(of: request, language: language)
    do {
      return try InputText.decode(Data(buffer.readableBytesView), file: file, limit: limit)
    } catch {
      throw Problem(error, in: language)
    }
  }

  /// The whole body, at most `limit` bytes, received within `timeout`.
  func bytes(of request: Request, language: Language) async throws -> ByteBuffer {
    if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit { throw tooLarge(language) }
    let limit = self.limit
    do {
      return try await Deadline.within(timeout) { try await request.body.collect(upTo: limit) }
    } catch let error as HTTPError where error.status == .contentTooLarge {
      throw tooLarge(language)
    } catch is Deadline.Expired {
      throw Problem("timeout", .requestTimeout, .timeout, detail: ServerWords.text(.timeoutDetail, language, "\(timeout.components.seconds)"))
    }
  }

  private func tooLarge(_ language: Language) -> Problem {
    Problem("body-too-large", .contentTooLarge, .bodyTooLarge, detail: ServerWords.text(.bodyTooLargeDetail, language, "\(limit)"))
  }
}

/// Runs work against a deadline.
enum Deadline {
  /// The deadline passed first.
  struct Expired: Error {}

  /// `body`'s result, or ``Expired`` if it takes longer than `duration` (it is then cancelled).
  static func within<Result: Sendable>(_ duration: Duration, _ body: @escaping @Sendable () async throws -> Result) async throws -> Result {
    try await withThrowingTaskGroup(of: Result?.self) { group in
      group.addTask { try await body() }
      group.addTask {
        try await Task.sleep(for: duration)
        return nil
      }
      defer { group.cancelAll() }
      guard let first = try await group.next(), let result = first else { throw Expired() }
      return result
    }
  }
}
