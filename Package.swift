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
    // `princip serve` only (PrincipServer): see README, "Dependencies".
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
    .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
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
    // The HTTP API and the browser playground (`princip serve`): routes, limits and
    // metrics around the engine; no judging of its own.
    .target(
      name: "PrincipServer",
      dependencies: [
        "PrincipEngine", "PrincipTrainer", "CEL",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Metrics", package: "swift-metrics"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
        .product(name: "Prometheus", package: "swift-prometheus"),
      ],
      exclude: ["Assets"],
      plugins: ["EmbedAssets"]
    ),
    // Builds the playground, the OpenAPI document and the example proposals into the server.
    .plugin(name: "EmbedAssets", capability: .buildTool(), dependencies: ["embed-assets"]),
    .executableTarget(name: "embed-assets", path: "Sources/embed-assets"),
    // The command-line tool: parses arguments, calls the engine, prints.
    .executableTarget(
      name: "princip",
      dependencies: [
        "PrincipEngine", "PrincipTrainer", "CEL", "PrincipServer",
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
    .testTarget(
      name: "PrincipServerTests",
      dependencies: [
        "PrincipServer", "PrincipEngine", "CEL",
        .product(name: "HummingbirdTesting", package: "hummingbird"),
      ]
    ),
    .testTarget(name: "PrincipTrainerTests", dependencies: ["PrincipTrainer", "PrincipEngine", "CEL"]),
  ]
)
