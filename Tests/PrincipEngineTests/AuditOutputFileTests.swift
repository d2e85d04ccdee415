import Foundation
@testable import PrincipEngine
import Testing

/// An interrupted run leaves no file under the name the user asked for.
struct AuditOutputFileTests {
  @Test func theFileAppearsOnlyWhenCommitted() throws {
    let folder = FileManager.default.temporaryDirectory.appending(path: "princip-atomic-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let target = folder.appending(path: "results.jsonl").path
    let file = try AtomicOutputFile(path: target)
    try file.write(Array("{\"half\":".utf8))
    #expect(!FileManager.default.fileExists(atPath: target))
    #expect(FileManager.default.fileExists(atPath: file.temporaryPath))
    #expect(file.temporaryPath.hasSuffix(".tmp"))
    try file.commit()
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "{\"half\":")
    #expect(!FileManager.default.fileExists(atPath: file.temporaryPath))
  }

  @Test func aDiscardedOrInterruptedFileLeavesNothing() throws {
    let folder = FileManager.default.temporaryDirectory.appending(path: "princip-atomic-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let target = folder.appending(path: "results.jsonl").path
    let first = try AtomicOutputFile(path: target)
    try first.write(Array("partial".utf8))
    first.discard()
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    let second = try AtomicOutputFile(path: target)
    try second.write(Array("partial".utf8))
    TemporaryFiles.removeAll()  // what the signal handler does on Ctrl-C
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    second.discard()
  }
}
