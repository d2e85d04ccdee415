import CEL

/// Fills in a message's `{{ expression }}` placeholders with facts from the proposal.
enum MessageRenderer {
  /// - Parameters:
  ///   - subject: what the finding is about, to name a fact the proposal does not state
  ///     in words ("indsats 2 (uden titel)") instead of leaving a hole in the sentence.
  ///   - withholding: for batch outputs (``Disclosure/withheld``): a placeholder that
  ///     reads free text is rendered as a neutral reference to the subject (`indsats 2`,
  ///     `indstillingen`) instead of the text.
  static func render(_ template: MessageTemplate, _ activation: CELActivation, subject: Subject, withholding: FreeTextFields? = nil)
    -> LocalizedText
  {
    LocalizedText(
      da: render(template.da, activation, .da, subject, withholding), en: render(template.en, activation, .en, subject, withholding))
  }

  private static func render(
    _ segments: [MessageTemplate.Segment], _ activation: CELActivation, _ language: Language, _ subject: Subject,
    _ withholding: FreeTextFields?
  ) -> String {
    var text = ""
    for segment in segments {
      switch segment {
      case .text(let literal):
        text += literal
      case .fact(let expression):
        if let withholding, withholding.isRead(by: expression.program.expression) {
          let reference = reference(to: subject, language)
          // At the start of the message, it starts a sentence.
          text += text.isEmpty ? reference.prefix(1).uppercased() + reference.dropFirst() : reference
          continue
        }
        switch expression.program.evaluate(activation) {
        case .value(let value): text += ValueText.plain(value, language)
        case .unknown(let unknown): text += notStated(unknown.paths, subject, ReportWords(language))
        case .error: text += ReportWords(language).notStated("–")
        }
      }
    }
    return text
  }

  /// How a withheld placeholder names what it was about: `indsats 2` / `intervention 2`,
  /// or `indstillingen` / `the proposal`.
  static func reference(to subject: Subject, _ language: Language) -> String {
    switch subject {
    case .intervention(let index): language == .da ? "indsats \(index + 1)" : "intervention \(index + 1)"
    case .proposal: language == .da ? "indstillingen" : "the proposal"
    }
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
      return date(time)
    case .list(let elements): return elements.isEmpty ? "[]" : elements.map { plain($0, language) }.joined(separator: ", ")
    default: return value.description
    }
  }

  /// A timestamp as a caseworker reads it: `2024-03-01` for a date (midnight UTC, as
  /// proposals hold dates), otherwise its CEL text.
  public static func date(_ time: CELTimestamp) -> String {
    let text = time.description
    return text.hasSuffix("T00:00:00Z") ? String(text.prefix(10)) : text
  }
}
