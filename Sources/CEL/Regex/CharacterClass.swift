/// A set of code points: ranges, possibly negated and case-folded.
struct CharacterClass: Sendable {
  var ranges: [ClosedRange<UInt32>] = []
  /// General categories, for `\pL`-style items.
  var categories: [Unicode.GeneralCategory] = []
  var negatedCategories: [Unicode.GeneralCategory] = []
  var negated = false
  var foldCase = false

  mutating func add(_ lo: UInt32, _ hi: UInt32) { ranges.append(lo...hi) }

  /// Adds every code point of another class (which must not be negated).
  mutating func add(contentsOf other: CharacterClass) {
    if other.negated {
      // Complement of the other's ranges (categories cannot be complemented here).
      var start: UInt32 = 0
      for r in other.ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
        if r.lowerBound > start { ranges.append(start...(r.lowerBound - 1)) }
        start = max(start, r.upperBound &+ 1)
      }
      if start <= 0x10FFFF { ranges.append(start...0x10FFFF) }
      negatedCategories += other.categories
    } else {
      ranges += other.ranges
      categories += other.categories
    }
  }

  func contains(_ c: Unicode.Scalar) -> Bool {
    var hit = containsExactly(c.value, c)
    if !hit && foldCase {
      for v in CharacterClass.caseVariants(c) where v != c && containsExactly(v.value, v) {
        hit = true
        break
      }
    }
    return hit != negated
  }

  private func containsExactly(_ v: UInt32, _ c: Unicode.Scalar) -> Bool {
    for r in ranges where r.contains(v) { return true }
    if !categories.isEmpty && categories.contains(c.properties.generalCategory) { return true }
    if !negatedCategories.isEmpty && !negatedCategories.contains(c.properties.generalCategory) { return true }
    return false
  }

  /// The scalar and its simple upper- and lowercase forms.
  static func caseVariants(_ c: Unicode.Scalar) -> [Unicode.Scalar] {
    if c.isASCII {
      let v = c.value
      if v >= 0x41 && v <= 0x5A { return [c, Unicode.Scalar(UInt8(v + 32))] }
      if v >= 0x61 && v <= 0x7A { return [c, Unicode.Scalar(UInt8(v - 32))] }
      return [c]
    }
    var out = [c]
    for mapped in [c.properties.lowercaseMapping, c.properties.uppercaseMapping] {
      let scalars = mapped.unicodeScalars
      if scalars.count == 1, let s = scalars.first, !out.contains(s) { out.append(s) }
    }
    return out
  }

  static let digits = CharacterClass(ranges: [0x30...0x39])
  static let word = CharacterClass(ranges: [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A])
  static let space = CharacterClass(ranges: [0x09...0x0A, 0x0C...0x0D, 0x20...0x20])
}
