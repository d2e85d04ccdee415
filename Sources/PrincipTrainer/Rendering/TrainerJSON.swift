import Foundation

/// The JSON form of the trainer's results: keys in snake_case and sorted, two-space
/// indentation, UTF-8 as it is (æ, ø, å unescaped), a final newline.
public enum TrainerJSON {
  public static func render(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    guard let data = try? encoder.encode(value), let text = String(data: data, encoding: .utf8) else {
      // Every result is made of strings, numbers and enums, which always encode.
      return "{}\n"
    }
    return text + "\n"
  }
}
