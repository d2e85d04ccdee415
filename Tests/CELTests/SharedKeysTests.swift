@testable import CEL
import Testing

/// Long keys are shared, so that map lookups by compiled field names find them at a glance.
struct SharedKeysTests {
  /// The two words of a string's representation.
  private func representation(_ text: String) -> (UInt64, UInt64) {
    unsafeBitCast(text, to: (UInt64, UInt64).self)
  }

  @Test func equalLongKeysShareOneCopy() {
    let built = String(repeating: "resources_identified", count: 1) + "_with_citizen"
    let other = ["resources", "identified", "with", "citizen"].joined(separator: "_")
    #expect(representation(built) != representation(other))
    let first = CELMap.sharedKey(built)
    let second = CELMap.sharedKey(other)
    #expect(first == "resources_identified_with_citizen")
    #expect(representation(first) == representation(second))
  }

  @Test func shortKeysAreReturnedAsTheyAre() {
    let key = ["kind", "x"].joined(separator: "_")
    #expect(representation(CELMap.sharedKey(key)) == representation(key))
  }

  @Test func aMapWithSharedKeysIsReadByACompiledProgram() throws {
    var builder = CELMap.StringKeyBuilder(capacity: 1)
    let key = CELMap.sharedKey(["transition", "from", "children", "services"].joined(separator: "_"))
    builder.append(distinct: key, hash: CELMap.stringKeyHash(key), .bool(true))
    let program = try CELProgram("citizen.transition_from_children_services")
    guard case .value(.bool(true)) = program.evaluate(["citizen": .map(builder.build())]) else {
      Issue.record("the field was not found")
      return
    }
  }
}
