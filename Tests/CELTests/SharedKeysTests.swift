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

  @Test func eachPoolHasItsOwnCopies() {
    let text = ["previous", "interventions", "pooled"].joined(separator: "_")
    let first = CELKeyPool()
    let second = CELKeyPool()
    let a = first.sharing { CELMap.sharedKey(text) }
    let again = first.sharing { CELMap.sharedKey(String(text.utf8.map { Character(UnicodeScalar($0)) })) }
    let b = second.sharing { CELMap.sharedKey(String(text.utf8.map { Character(UnicodeScalar($0)) })) }
    #expect(representation(a) == representation(again))
    #expect(representation(a) != representation(b))
    #expect(a == b)
  }

  @Test func sharingRestoresThePoolInUseBefore() {
    let text = ["wants", "relatives", "involved", "nested"].joined(separator: "_")
    let outer = CELKeyPool()
    let inner = CELKeyPool()
    let (beforeInner, inInner, afterInner) = outer.sharing {
      let before = CELMap.sharedKey(text)
      let within = inner.sharing { CELMap.sharedKey(String(text.utf8.map { Character(UnicodeScalar($0)) })) }
      let after = CELMap.sharedKey(String(text.utf8.map { Character(UnicodeScalar($0)) }))
      return (before, within, after)
    }
    #expect(representation(beforeInner) == representation(afterInner))
    #expect(representation(beforeInner) != representation(inInner))
    // Outside every pool, the process's pool: not the outer one.
    let outside = CELMap.sharedKey(String(text.utf8.map { Character(UnicodeScalar($0)) }))
    #expect(representation(outside) != representation(beforeInner))
  }
}
