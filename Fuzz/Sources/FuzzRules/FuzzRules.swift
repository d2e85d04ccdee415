import CEL
import Foundation
import FuzzSupport
import PrincipEngine

// Loads the input as a rule pack's file, from memory (``RuleFiles`` holds the texts, as a
// rules folder read from disk does), twice: as a rules file beside Ishøj's pack.yaml, and
// as the pack.yaml beside one of Ishøj's rules files, with the shared schema, ladder and
// themes built into princip. Then what `rules lint` and `rules test` do: lint the files
// and, if the library loads, run the rules' examples; and every diagnostic is rendered.
// Every input must end in a library or in diagnostics; never a crash.

/// The bundled files without the packs: schema, ladder, themes.
private let shared: RuleFiles = {
  var files = RuleFiles.bundled
  files.texts = files.texts.filter { !$0.key.contains("/") || $0.key.hasPrefix("schema/") }
  return files
}()

private let bundled = RuleFiles.bundled
private let companionPack = "ishoj/pack.yaml"
private let companionRules = "ishoj/rules/communities.yaml"

/// The shared files plus `texts`; the compiled JSON of the bundled companions is kept,
/// so that only the input is parsed as YAML.
private func files(_ texts: [String: String]) -> RuleFiles {
  var files = shared
  files.origin = "fuzz"
  for (path, text) in texts {
    files.texts[path] = text
    if let compiled = bundled.compiled[path], bundled.texts[path] == text { files.compiled[path] = compiled }
  }
  return files
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRules(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
  let input = FuzzSupport.buffer(bytes, count)
  let text: String
  do {
    text = try InputText.decode(Data(buffer: input), file: "fuzz.yaml")
  } catch {
    _ = error.message(in: .en)
    return 0
  }
  guard let pack = bundled.texts[companionPack], let rules = bundled.texts[companionRules] else {
    fatalError("the bundled rules have no \(companionPack) or \(companionRules)")
  }
  for candidate in [files([companionPack: pack, "ishoj/rules/fuzz.yaml": text]), files(["ishoj/pack.yaml": text, companionRules: rules])] {
    let (library, diagnostics) = RuleLibrary.load(candidate)
    for diagnostic in diagnostics + Linter.lint(candidate) {
      _ = diagnostic.rendered(in: .da)
      _ = diagnostic.rendered(in: .en)
    }
    if let library {
      for result in ExampleRunner(library: library).run() { _ = result.detail }
    }
  }
  return 0
}

/// Called by libFuzzer before the first input.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzRulesInitialize(_ argc: UnsafeMutablePointer<Int32>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> Int32 {
  FuzzSupport.prepare { _ = shared; _ = bundled }
  return 0
}

/// The entry point where SwiftPM renames an executable's `main` (debug builds, for testing).
@_cdecl("FuzzRules_main")
public func fuzzRulesMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
  FuzzSupport.run(argc, argv, fuzzRules)
}
