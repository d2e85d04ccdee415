import Foundation

/// Readable names of the shared theme tags (`Rules/README.md`, "Themes") for the rows of
/// the comparison matrix.
///
/// The tags themselves are data in the packs; these are only their display names. A tag
/// not listed here is shown with its underscores as spaces, so a new tag in a pack
/// never breaks a report.
public enum ThemeTitles {
  static let titles: [String: LocalizedText] = [
    "local_first": .init(da: "Lokale tilbud først", en: "Local offers first"),
    "group_before_individual": .init(da: "Gruppe før individuelt", en: "Group before individual"),
    "home_before_residential": .init(da: "Eget hjem før botilbud", en: "Own home before residential"),
    "general_before_specialised": .init(da: "Generelt før specialiseret", en: "General before specialised"),
    "least_intrusive": .init(da: "Mindst indgribende", en: "Least intrusive"),
    "time_limited_first": .init(da: "Tidsafgrænset først", en: "Time-limited first"),
    "phase_out": .init(da: "Nedtrapning og udfasning", en: "Tapering and phase-out"),
    "volunteers_first": .init(da: "Frivillige først", en: "Volunteers first"),
    "network": .init(da: "Netværk", en: "Network"),
    "welfare_technology": .init(da: "Velfærdsteknologi", en: "Welfare technology"),
    "citizen_wishes": .init(da: "Borgerens ønsker", en: "The citizen's wishes"),
    "resources": .init(da: "Borgerens ressourcer", en: "The citizen's resources"),
    "recovery": .init(da: "Recovery og rehabilitering", en: "Recovery and rehabilitation"),
    "follow_up": .init(da: "Opfølgning", en: "Follow-up"),
    "cost_proportionate": .init(da: "Proportionale udgifter", en: "Proportionate cost"),
    "employment": .init(da: "Beskæftigelse og uddannelse", en: "Employment and education"),
    "involvement": .init(da: "Inddragelse", en: "Involvement"),
    "relatives": .init(da: "Pårørende", en: "Relatives"),
    "transparency": .init(da: "Åbenhed", en: "Transparency"),
    "coherence": .init(da: "Sammenhæng", en: "Coherence"),
    "transitions": .init(da: "Overgange", en: "Transitions"),
    "knowledge": .init(da: "Bedste viden", en: "Best knowledge"),
    "communities": .init(da: "Fællesskaber", en: "Communities"),
    "inclusion": .init(da: "Inklusion i civilsamfundet", en: "Inclusion in civil society"),
    "mastery": .init(da: "Mestring", en: "Mastery"),
  ]

  /// The theme's display name.
  public static func title(of theme: String) -> LocalizedText {
    if let title = titles[theme] { return title }
    let words = theme.replacingOccurrences(of: "_", with: " ")
    let title = words.prefix(1).uppercased() + words.dropFirst()
    return LocalizedText(da: title, en: title)
  }
}
