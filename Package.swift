// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "princip",
  platforms: [.macOS(.v14)],
  products: [
    .library(name: "CEL", targets: ["CEL"]),
    .library(name: "PrincipEngine", targets: ["PrincipEngine"]),
    .library(name: "PrincipTrainer", targets: ["PrincipTrainer"]),
    .executable(name: "princip", targets: ["princip"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    // The Common Expression Language: knows nothing of rules or social services.
    .target(name: "CEL", exclude: ["README.md"]),
    // Rule packs, loading, linting, evaluation, scoring and reports.
    .target(
      name: "PrincipEngine",
      dependencies: ["CEL", .product(name: "Yams", package: "Yams")],
      plugins: ["EmbedRules"]
    ),
    // The trainer's tools on the judging core: what-if, mend, trade-offs, explain, decks.
    .target(name: "PrincipTrainer", dependencies: ["PrincipEngine", "CEL"]),
    // Builds Rules/ into the engine, so the binary works when copied on its own.
    .plugin(name: "EmbedRules", capability: .buildTool(), dependencies: ["embed-rules"]),
    .executableTarget(
      name: "embed-rules", dependencies: ["CEL", .product(name: "Yams", package: "Yams")], path: "Sources/embed-rules"),
    // The command-line tool: parses arguments, calls the engine, prints.
    .executableTarget(
      name: "princip",
      dependencies: [
        "PrincipEngine", "PrincipTrainer", "CEL",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Prints the check benchmarks: evaluation in the library, and the whole process.
    .executableTarget(name: "princip-bench", dependencies: ["PrincipEngine", "CEL"]),
    // Seeded synthetic decisions for `princip audit` and its benchmark (Benchmarks/).
    .executableTarget(name: "princip-gen", dependencies: ["PrincipEngine", "CEL"]),
    // Test data is read from beside the test files (#filePath), not bundled.
    .testTarget(name: "CELTests", dependencies: ["CEL"], exclude: ["Resources"]),
    .testTarget(name: "PrincipEngineTests", dependencies: ["PrincipEngine", "CEL"], exclude: ["Snapshots"]),
    .testTarget(name: "PrincipTrainerTests", dependencies: ["PrincipTrainer", "PrincipEngine", "CEL"]),
  ]
)
