import Foundation
import PackagePlugin

/// Builds the server's assets into it — the playground page, the OpenAPI document
/// (`docs/openapi.yaml`) and the example proposals the playground offers — so the
/// binary serves them when copied on its own.
@main
struct EmbedAssets: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let package = context.package.directoryURL
    let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedAssets.swift")
    var inputs: [(name: String, url: URL)] = [("openapi.yaml", package.appending(path: "docs/openapi.yaml"))]
    let assets = target.directoryURL.appending(path: "Assets")
    for name in (try? FileManager.default.contentsOfDirectory(atPath: assets.path))?.sorted() ?? [] where !name.hasPrefix(".") {
      inputs.append((name, assets.appending(path: name)))
    }
    for folder in ["Examples/proposals", "Examples/training"] {
      let url = package.appending(path: folder)
      for name in (try? FileManager.default.contentsOfDirectory(atPath: url.path))?.sorted() ?? []
      where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
        inputs.append(("\(folder)/\(name)", url.appending(path: name)))
      }
    }
    return [
      .buildCommand(
        displayName: "Embedding the server's assets",
        executable: try context.tool(named: "embed-assets").url,
        arguments: [output.path] + inputs.map { "\($0.name)=\($0.url.path)" },
        inputFiles: inputs.map(\.url),
        outputFiles: [output])
    ]
  }
}
