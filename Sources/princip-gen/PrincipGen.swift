import Foundation
import PrincipEngine

// princip-gen: seeded synthetic decisions for `princip audit`, as JSON Lines.
//
//   princip-gen COUNT [--seed S] [--malformed RATE] [--out FILE] [--rules DIR] [--municipalities a,b]
//
// Decisions name every bundled pack (or those given), dated within 2016–2025 where a
// version of the pack is in force, so every version gets decisions. --malformed gives
// the share of broken records (truncated JSON, wrong types, unknown municipality, a date
// outside every pack, no case id, an unknown intervention kind).

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("princip-gen: \(message)\n".utf8))
  exit(2)
}

/// The option's value as a number, or the default when the option is absent.
func parse<T: LosslessStringConvertible>(_ text: String?, _ name: String, default value: T) -> T {
  guard let text else { return value }
  guard let number = T(text) else { fail("\(name) must be a number, not '\(text)'") }
  return number
}

@main
struct PrincipGen {
  static func main() {
    var arguments = Array(CommandLine.arguments.dropFirst())
    func option(_ name: String) -> String? {
      guard let index = arguments.firstIndex(of: name) else { return nil }
      guard index + 1 < arguments.count else { fail("\(name) needs a value") }
      let value = arguments[index + 1]
      arguments.removeSubrange(index...(index + 1))
      return value
    }
    let seed: UInt64 = parse(option("--seed"), "--seed", default: 20_240_301)
    let rate: Double = parse(option("--malformed"), "--malformed", default: 0)
    let output = option("--out")
    let rulesFolder = option("--rules")
    let only = option("--municipalities").map { Set($0.split(separator: ",").map(String.init)) }
    guard arguments.count == 1, let count = Int(arguments[0]), count >= 0 else {
      fail("usage: princip-gen COUNT [--seed S] [--malformed RATE] [--out FILE] [--rules DIR] [--municipalities a,b]")
    }

    let files: RuleFiles
    do { files = try rulesFolder.map { (path) throws(PrincipError) in try RuleFiles.directory(path) } ?? .bundled } catch { fail(error.message(in: .en)) }
    guard let library = RuleLibrary.load(files).library else { fail("the rules do not load; run princip rules lint") }
    let window = (CivilDate("2016-01-01")?.daysSinceEpoch ?? 0)...(CivilDate("2025-12-31")?.daysSinceEpoch ?? 0)
    let municipalities = library.packNames.filter { only?.contains($0) ?? true }.compactMap { name -> DecisionGenerator.Municipality? in
      let versions = library.versions(of: name)
      guard let first = versions.first else { return nil }
      let from = max(window.lowerBound, first.inForce.from.daysSinceEpoch)
      let until = min(window.upperBound, versions.last?.inForce.until?.daysSinceEpoch ?? window.upperBound)
      guard from <= until else { return nil }
      let prefix = String(name.prefix(3)).uppercased()
      return .init(
        name: name, prefix: prefix, days: from...until,
        teams: ["Team Nord", "Team Syd", "Voksenteam Psykiatri", "Team Unge Voksne", "Handicapteamet"],
        districts: ["Centrum", "Nord", "Syd", "Land"])
    }
    guard !municipalities.isEmpty else { fail("no pack to generate decisions for") }

    var generator = DecisionGenerator(municipalities: municipalities, malformedRate: rate, random: SplitMix64(seed: seed))
    let handle: FileHandle
    if let output {
      guard FileManager.default.createFile(atPath: output, contents: nil), let file = FileHandle(forWritingAtPath: output) else { fail("cannot write \(output)") }
      handle = file
    } else {
      handle = .standardOutput
    }
    var buffer = ""
    buffer.reserveCapacity(1 << 20)
    for number in 0..<count {
      buffer += generator.decision(number)
      buffer += "\n"
      if buffer.utf8.count >= 1 << 20 {
        handle.write(Data(buffer.utf8))
        buffer.removeAll(keepingCapacity: true)
      }
    }
    handle.write(Data(buffer.utf8))
  }
}
