import ArgumentParser
import Foundation
import PrincipEngine

/// `princip rules show ID`
struct RulesShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show one rule or principle: its quote, conditions, messages and examples."
  )

  @Argument(help: "A rule id (halsnaes.local-before-external) or a principle id (local-before-external).")
  var id: String

  @OptionGroup var packs: PackFilterOptions

  @OptionGroup var options: LanguageOption

  func run() throws {
    let library = try packs.library(language: options.language)
    var shown: [String] = []
    for pack in library.packs {
      let description = PackDescription(pack: pack, language: options.language)
      for rule in pack.rules where rule.id == id {
        shown.append(description.header + "\n\n" + ruleText(rule, in: pack))
      }
      if let principle = pack.principle(id) {
        shown.append(description.header + "\n\n" + description.principleText(principle))
      }
    }
    guard !shown.isEmpty else {
      let known = library.packs.flatMap { $0.rules.map(\.id) + $0.principles.map(\.id) }
      let hint = Suggestion.closest(to: id, among: known)
      printError(options.language == .da
        ? "ingen regel eller princip hedder '\(id)'" + (hint.map { " (mente du '\($0)'?)" } ?? "")
        : "no rule or principle is named '\(id)'" + (hint.map { " (did you mean '\($0)'?)" } ?? ""))
      throw ExitStatus.invalid
    }
    try writeOutput(shown.joined(separator: "\n\n") + "\n", language: options.language)
  }

  private func ruleText(_ rule: Rule, in pack: RulePack) -> String {
    let da = options.language == .da
    var lines = ["\(rule.id)  (\(rule.location))"]
    if let principle = pack.principle(rule.principleID) {
      lines.append("\(da ? "Princip" : "Principle"): \(principle.title[options.language])")
      lines.append("  «\(principle.quote)»")
      lines.append("  — \(principle.source)")
    }
    lines.append("\(da ? "Alvor" : "Severity"): \(rule.severity.rawValue); scope: \(rule.scope.rawValue); "
      + (rule.justifiable ? (da ? "kan begrundes" : "justifiable") : (da ? "kan ikke begrundes" : "not justifiable")))
    if !rule.description.isEmpty { lines.append(rule.description.trimmingCharacters(in: .whitespacesAndNewlines)) }
    if let when = rule.when { lines.append("when:    \(when.source)") }
    lines.append("require: \(rule.require.source)")
    lines.append("\(da ? "Besked" : "Message"): \(Self.text(rule.message[options.language]))")
    lines.append("\(da ? "Afhjælpning" : "Remedy"): \(Self.text(rule.remedy[options.language]))")
    lines.append(da ? "Eksempler:" : "Examples:")
    for example in rule.examples {
      lines.append("  - \(example.name) → \(example.expected.map(\.rawValue).joined(separator: ", "))")
    }
    return lines.joined(separator: "\n")
  }

  private static func text(_ segments: [MessageTemplate.Segment]) -> String {
    segments.map { segment in
      switch segment {
      case .text(let text): text
      case .fact(let expression): "{{\(expression.source)}}"
      }
    }.joined()
  }
}
