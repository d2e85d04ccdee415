import CEL

/// Fills in a message's `{{ expression }}` placeholders with facts from the proposal.
enum MessageRenderer {
  /// - Parameter subject: what the finding is about, to name a fact the proposal does not
  ///   state in words ("indsats 2 (uden titel)") instead of leaving a hole in the sentence.
  static func render(_ template: MessageTemplate, _ activation: CELActivation, subject: Subject) -> LocalizedText {
    LocalizedText(
      da: render(template.da, activation, .da, subject), en: render(template.en, activation, .en, subject))
  }

  private static func render(
    _ segments: [MessageTemplate.Segment], _ activation: CELActivation, _ language: Language, _ subject: Subject
  ) -> String {
    var text = ""
    for segment in segments {
      switch segment {
      case .text(let literal):
        text += literal
      case .fact(let expression):
        switch expression.program.evaluate(activation) {
        case .value(let value): text += ValueText.plain(value, language)
        case .unknown(let unknown): text += notStated(unknown.paths, subject, ReportWords(language))
        case .error: text += ReportWords(language).notStated("–")
        }
      }
    }
    return text
  }
}

extension MessageRenderer {
  /// A fact the proposal does not state, in words: the subject intervention when its
  /// title is what is missing, otherwise the field named as not stated.
  static func notStated(_ paths: [String], _ subject: Subject, _ words: ReportWords) -> String {
    let fields = paths.compactMap { $0.split(separator: ".").last.map(String.init) }
    if case .intervention(let index) = subject, !fields.isEmpty, fields.allSatisfy({ $0 == "title" }) {
      return words.untitledIntervention(index)
    }
    return words.notStated(fields.isEmpty ? "–" : fields.joined(separator: ", "))
  }
}

/// Values as a caseworker reads them: text without quotes, lists joined, dates as dates.
public enum ValueText {
  public static func plain(_ value: CELValue, _ language: Language) -> String {
    switch value {
    case .null: return "–"
    case .bool(let flag): return language == .da ? (flag ? "ja" : "nej") : (flag ? "yes" : "no")
    case .string(let text): return text
    case .int(let number): return String(number)
    case .uint(let number): return String(number)
    case .double(let number): return number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    case .timestamp(let time):
      let text = time.description
      return text.hasSuffix("T00:00:00Z") ? String(text.prefix(10)) : text
    case .list(let elements): return elements.isEmpty ? "[]" : elements.map { plain($0, language) }.joined(separator: ", ")
    default: return value.description
    }
  }
}
