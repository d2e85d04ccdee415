import Foundation
@testable import PrincipEngine
import Testing

/// An interrupted run leaves no file under the name the user asked for.
/// Serialized: one test removes every registered temporary file, as the signal handler does.
@Suite(.serialized)
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

  @Test func smallAndLargeWritesArriveInOrder() throws {
    // Small pieces are buffered, large ones written straight through: the order holds.
    let folder = FileManager.default.temporaryDirectory.appending(path: "princip-atomic-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let target = folder.appending(path: "results.jsonl").path
    let file = try AtomicOutputFile(path: target)
    let pieces = [Array("first\n".utf8), [UInt8](repeating: UInt8(ascii: "a"), count: 3 << 20), Array("middle\n".utf8),
      [UInt8](repeating: UInt8(ascii: "b"), count: 700 << 10), [UInt8](repeating: UInt8(ascii: "c"), count: 700 << 10), Array("last".utf8)]
    for piece in pieces { try file.write(piece) }
    try file.commit()
    #expect(try Data(contentsOf: URL(filePath: target)) == Data(pieces.joined()))
    try FileManager.default.removeItem(at: folder)
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

  @Test func anEarlierFileIsRemovedAsTheRunStartsUnlessItIsAnInput() throws {
    let folder = FileManager.default.temporaryDirectory.appending(path: "princip-atomic-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let target = folder.appending(path: "results.jsonl").path
    try "earlier run".write(toFile: target, atomically: false, encoding: .utf8)
    // The same file under another name is still to be read: it stays until the rename.
    let reading = try AtomicOutputFile(path: target)
    reading.removeEarlier(unlessAnyOf: ["-", folder.path + "/./results.jsonl"])
    reading.discard()
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "earlier run")
    // Otherwise it is gone as the run starts: an interrupted run leaves nothing to mistake.
    let interrupted = try AtomicOutputFile(path: target)
    interrupted.removeEarlier(unlessAnyOf: ["-"])
    interrupted.discard()
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    try "earlier run".write(toFile: target, atomically: false, encoding: .utf8)
    let completed = try AtomicOutputFile(path: target)
    completed.removeEarlier(unlessAnyOf: [])
    try completed.write(Array("this run".utf8))
    try completed.commit()
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "this run")
    try FileManager.default.removeItem(at: folder)
  }
}
