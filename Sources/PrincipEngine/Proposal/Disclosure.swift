/// How much of a proposal's own text an output may show: the one rule that decides, for
/// every output, whether free text (titles, wishes, reasons, justifications — the fields the
/// schema marks `x-free-text`) and the values that failed the schema may appear.
///
/// `check` shows one proposal to the caseworker who wrote it, on her screen: ``full``.
/// Batch outputs (the audit's results file, terminal and report) go to others and are kept:
/// ``withheld`` — records are named by case id and place only, free text in messages is
/// replaced by a neutral reference (`indsats 2`), and errors never repeat the offending value.
public enum Disclosure: Sendable, Hashable {
  /// Everything, for the proposal's own author.
  case full
  /// No free text and no offending value, for batch outputs.
  case withheld
}
