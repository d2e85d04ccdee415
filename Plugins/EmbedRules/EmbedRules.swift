import Foundation
import PackagePlugin

/// Builds the `Rules/` folder into the engine, so a princip binary copied on its own
/// still checks proposals with the bundled rules.
@main
struct EmbedRules: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let rules = context.package.directoryURL.appending(path: "Rules")
    let output = context.pluginWorkDirectoryURL.appending(path: "BundledRuleFiles.swift")
    var inputs: [URL] = []
    if let walker = FileManager.default.enumerator(at: rules, includingPropertiesForKeys: nil) {
      while let url = walker.nextObject() as? URL {
        if ["yaml", "yml", "json"].contains(url.pathExtension) { inputs.append(url) }
      }
    }
    return [
      .buildCommand(
        displayName: "Embedding the bundled rules",
        executable: try context.tool(named: "embed-rules").url,
        arguments: [rules.path, output.path],
        inputFiles: inputs,
        outputFiles: [output])
    ]
  }
}
