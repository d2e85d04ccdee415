import Foundation

/// `--token-file`: the bearer token every endpoint but health requires, compared in
/// constant time (the time taken does not depend on how much of a guess is right).
struct BearerToken: Sendable {
  private let expected: [UInt8]

  /// Why a token file cannot be used.
  struct FileError: Error, Sendable {
    var message: String
  }

  init(_ token: String) {
    expected = Array(token.utf8)
  }

  /// Reads the token from a file: its first line, trimmed; it must not be empty.
  static func read(file path: String) throws(FileError) -> String {
    guard let data = FileManager.default.contents(atPath: path) else { throw FileError(message: "\(path): cannot be read") }
    guard let text = String(data: data, encoding: .utf8) else { throw FileError(message: "\(path): not UTF-8 text") }
    let token = text.split(whereSeparator: \.isNewline).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
    guard !token.isEmpty else { throw FileError(message: "\(path): the token file is empty") }
    return token
  }

  /// Whether an `Authorization` header value carries the token.
  func accepts(authorization header: String?) -> Bool {
    guard let header, header.count > 7, header.prefix(7).lowercased() == "bearer " else { return false }
    return Self.constantTimeEquals(Array(header.utf8.dropFirst(7)), expected)
  }

  /// Compares every byte of `expected` whatever `given` holds, so the time taken depends
  /// only on the token's length.
  static func constantTimeEquals(_ given: [UInt8], _ expected: [UInt8]) -> Bool {
    var difference: UInt8 = given.count == expected.count ? 0 : 1
    for index in expected.indices {
      difference |= expected[index] ^ (index < given.count ? given[index] : 0)
    }
    return difference == 0
  }
}
