import ArgumentParser
import PrincipEngine

/// `princip rules list`
struct RulesListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List each pack's principles with their quotes and the rules that enforce them."
  )

  @OptionGroup var packs: PackFilterOptions

  @OptionGroup var options: LanguageOption

  func run() throws {
    let library = try packs.library(language: options.language)
    let text = library.packs.map { PackDescription(pack: $0, language: options.language).text }.joined(separator: "\n")
    try writeOutput(text + "\n", language: options.language)
  }
}

/// A pack as `rules list` and `rules show` print it.
struct PackDescription {
  let pack: RulePack
  let language: Language

  var header: String {
    let da = language == .da
    let inForce = "\(pack.inForce.from) – \(pack.inForce.until?.description ?? (da ? "i dag" : "today"))"
    return """
      \(pack.municipality[language]) — \(pack.policy.title)
      \(da ? "pakke" : "pack") \(pack.label), \(da ? "i kraft" : "in force") \(inForce), \(da ? "fingeraftryk" : "fingerprint") \(pack.fingerprint.prefix(12))
      """
  }

  var text: String {
    var lines = [header, ""]
    for principle in pack.principles {
      lines.append(principleText(principle))
      lines.append("")
    }
    return lines.joined(separator: "\n")
  }

  func principleText(_ principle: Principle) -> String {
    let da = language == .da
    var lines = ["\(principle.id): \(principle.title[language])" + (principle.themes.isEmpty ? "" : "  [\(principle.themes.joined(separator: ", "))]")]
    lines.append("  «\(principle.quote)»")
    lines.append("  — \(principle.source)")
    if let reason = principle.notCheckableReason {
      lines.append((da ? "  Kan ikke kontrolleres: " : "  Not checkable: ") + reason[language])
    }
    for rule in pack.rules where rule.principleID == principle.id {
      let justifiable = rule.justifiable ? (da ? ", kan begrundes" : ", justifiable") : ""
      lines.append("  • \(rule.id) (\(rule.severity.rawValue), \(rule.scope.rawValue)\(justifiable))")
    }
    return lines.joined(separator: "\n")
  }
}
