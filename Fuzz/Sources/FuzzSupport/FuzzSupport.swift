import CEL
import Foundation
import FuzzDriver
import PrincipEngine

/// What the fuzz targets share: the rules built into princip, and the repository's files.
public enum FuzzSupport {
  /// The repository root, found from this file's path (`Fuzz/Sources/FuzzSupport/…`).
  public static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The rules built into princip, loaded as `check` loads them (without the examples).
  public static let library: RuleLibrary = {
    guard let library = RuleLibrary.load(.bundled, examples: false).library else {
      fatalError("the bundled rules do not load")
    }
    return library
  }()

  /// The text of a file of the repository, by its path from the root.
  public static func text(_ path: String) -> String {
    guard let text = try? String(contentsOf: root.appending(path: path), encoding: .utf8) else {
      fatalError("cannot read \(path) under \(root.path)")
    }
    return text
  }

  /// A fuzz target's test: called with each input libFuzzer makes.
  public typealias Test = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32

  /// Runs libFuzzer on `test` with the command line's flags; for a target's `<Target>_main`.
  public static func run(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ test: Test) -> Int32 {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, test)
  }

  /// Makes a target's long-lived state (rules, readers, activations) before fuzzing starts,
  /// from `LLVMFuzzerInitialize`, out of LeakSanitizer's sight.
  ///
  /// LeakSanitizer finds a block by scanning memory for its address, but Swift keeps the
  /// case of a multi-payload or indirect enum in the spare bits of the pointer it holds
  /// (CEL syntax trees, schema nodes): the address it scans for is not there, and a
  /// library held for the whole run looks leaked. What each input allocates and frees is
  /// still checked.
  public static func prepare(_ make: () -> Void) {
    __lsan_disable()
    make()
    __lsan_enable()
  }

  /// The fuzzer's input as a buffer (empty when libFuzzer gives no address).
  public static func buffer(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(start: bytes, count: bytes == nil ? 0 : count)
  }

  /// Stops the run as a crash, for libFuzzer to record the input: an invariant of
  /// princip was broken (an unreadable input must be an error, never a wrong answer).
  public static func broken(_ what: @autoclosure () -> String) -> Never {
    FileHandle.standardError.write(Data("invariant broken: \(what())\n".utf8))
    abort()
  }
}
