// Prints the check benchmarks of issue 2 (release build):
//   swift run -c release princip-bench [PROPOSAL]
// 1. evaluating one proposal against its loaded pack in the library (median µs);
// 2. `princip check PROPOSAL` as a whole process (median ms), using the princip binary
//    next to this one.
import Foundation
import CEL
import PrincipEngine

let arguments = CommandLine.arguments.dropFirst()
let proposalPath = arguments.first ?? "Examples/proposals/halsnaes-psychiatric-botilbud-violated.yaml"

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data((message + "\n").utf8))
  exit(2)
}

func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  return sorted[sorted.count / 2]
}

let (loaded, _) = RuleLibrary.load(.bundled)
guard let library = loaded else { fail("the bundled rules do not load; run princip rules lint Rules") }
let proposal: CELValue
do {
  proposal = try ProposalReader(schema: library.schema).read(path: proposalPath)
} catch {
  fail(error.message(in: .en))
}
guard let (packName, date) = ProposalReader.packAndDate(of: proposal) else { fail("no municipality or date") }
let pack: RulePack
do { pack = try library.pack(named: packName, on: date) } catch { fail(error.message(in: .en)) }
let evaluator = library.sharingKeys { Evaluator(pack: pack, ladder: library.ladder, resultsByKind: true) }

// 1. In the library: batches of 1,000 evaluations, median per evaluation; outcomes and
// score only (the scorecard an audit judges into), findings without their explanations,
// and fully explained (messages, evidence, remedies).
var checksum = 0
let ways: [(name: String, target: String, score: () -> Int)] = [
  ("outcomes and score", "   [target ≤ 20 µs]", { (try? evaluator.scorecard(proposal))?.score ?? -1 }),
  ("findings, unexplained", "", { (try? evaluator.assess(proposal, explain: false))?.score ?? -1 }),
  ("explained", "", { (try? evaluator.assess(proposal, explain: true))?.score ?? -1 }),
]
for way in ways {
  var perEvaluation: [Double] = []
  for _ in 0..<30 {
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<1_000 { checksum &+= way.score() }
    perEvaluation.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000 / 1_000)
  }
  print(String(format: "evaluate one proposal (%@, %d rules, %@): median %.2f µs%@",
    pack.label, pack.rules.count, way.name, median(perEvaluation), way.target))
}

// 2. The whole process, as a caseworker runs it.
let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appending(path: "princip").path
guard FileManager.default.isExecutableFile(atPath: binary) else { fail("build princip first: swift build -c release") }
// posix_spawn and waitpid directly: Foundation's Process adds milliseconds of its own.
var wallTimes: [Double] = []
let argv = [binary, "check", proposalPath]
for _ in 0..<41 {
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
  var cArguments = argv.map { strdup($0) } + [nil]
  var pid: pid_t = 0
  let start = DispatchTime.now().uptimeNanoseconds
  let spawned = posix_spawn(&pid, binary, &actions, nil, &cArguments, environ)
  var status: Int32 = 0
  if spawned == 0 { waitpid(pid, &status, 0) }
  wallTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
  cArguments.forEach { free($0) }
  posix_spawn_file_actions_destroy(&actions)
  if spawned != 0 { fail("cannot run \(binary): error \(spawned)") }
}
print(String(format: "princip check %@ (whole process): median %.1f ms   [target ≤ 25 ms]", proposalPath, median(wallTimes)))
if checksum == 42 { print("") }  // keeps the evaluations from being optimised away

