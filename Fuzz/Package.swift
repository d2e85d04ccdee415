// swift-tools-version: 6.1
// Coverage-guided fuzz targets for princip (libFuzzer). A package of its own, so that the
// project's `swift build` and `swift test` never build them; see README.md.
import PackageDescription

let engine = Target.Dependency.product(name: "PrincipEngine", package: "princip")
let cel = Target.Dependency.product(name: "CEL", package: "princip")

/// A fuzz target: an executable whose `main` comes from libFuzzer. Only these link it:
/// `Fuzz/run` instruments every module (address sanitizer and coverage, `-Xswiftc`), and
/// the build-time tool of princip's EmbedRules plugin must keep its own `main`.
func fuzzTarget(_ name: String) -> Target {
  .executableTarget(
    name: name, dependencies: ["FuzzSupport", engine, cel],
    // No top-level code: `main` is libFuzzer's, or (where SwiftPM renames an executable's
    // entry point for testing) the target's `<Target>_main`, which calls libFuzzer's driver.
    swiftSettings: [.unsafeFlags(["-parse-as-library"])],
    linkerSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])])
}

let package = Package(
  name: "princip-fuzz",
  platforms: [.macOS(.v14)],
  dependencies: [.package(name: "princip", path: "..")],
  targets: [
    // libFuzzer's driver, declared for Swift.
    .target(name: "FuzzDriver"),
    // What the targets share: the bundled rules, paths, the repository's example files.
    .target(name: "FuzzSupport", dependencies: ["FuzzDriver", engine, cel]),
    fuzzTarget("FuzzProposal"),
    fuzzTarget("FuzzCEL"),
    fuzzTarget("FuzzRules"),
    fuzzTarget("FuzzDecision"),
  ]
)
