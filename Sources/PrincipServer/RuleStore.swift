import Foundation
import NIOConcurrencyHelpers
import PrincipEngine

/// Holds the rules in force; a reload swaps them whole. Readers take the current
/// ``ServedRules`` and keep it for the whole request.
public final class RuleStore: Sendable {
  private let box: NIOLockedValueBox<ServedRules>

  public init(_ rules: ServedRules) {
    box = NIOLockedValueBox(rules)
  }

  /// The rules in force now.
  public var current: ServedRules { box.withLockedValue { $0 } }

  /// Puts `rules` in force for every request that starts from now on.
  public func swap(to rules: ServedRules) {
    box.withLockedValue { $0 = rules }
  }
}
