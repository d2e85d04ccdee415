import Foundation
@testable import PrincipEngine
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// An output appears under its name only when complete; special files are written in
/// place; an interrupted run leaves no file under the name the user asked for.
/// Serialized: one test removes every registered temporary file, as the signal handler does.
@Suite(.serialized)
struct OutputFileTests {
  private func scratch() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appending(path: "princip-output-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  @Test func theFileAppearsOnlyWhenCommitted() throws {
    let folder = try scratch()
    let target = folder.appending(path: "results.jsonl").path
    let file = try OutputFile(path: target)
    try file.write(Array("{\"half\":".utf8))
    let temporary = try #require(file.temporaryPath)
    #expect(!FileManager.default.fileExists(atPath: target))
    #expect(FileManager.default.fileExists(atPath: temporary))
    #expect(temporary == folder.path + "/.results.jsonl.princip-\(getpid()).tmp")
    try file.commit()
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "{\"half\":")
    #expect(!FileManager.default.fileExists(atPath: temporary))
    try FileManager.default.removeItem(at: folder)
  }

  @Test func smallAndLargeWritesArriveInOrder() throws {
    // Small pieces are buffered, large ones written straight through: the order holds.
    let folder = try scratch()
    let target = folder.appending(path: "results.jsonl").path
    let file = try OutputFile(path: target)
    let pieces = [Array("first\n".utf8), [UInt8](repeating: UInt8(ascii: "a"), count: 3 << 20), Array("middle\n".utf8),
      [UInt8](repeating: UInt8(ascii: "b"), count: 700 << 10), [UInt8](repeating: UInt8(ascii: "c"), count: 700 << 10), Array("last".utf8)]
    for piece in pieces { try file.write(piece) }
    try file.commit()
    #expect(try Data(contentsOf: URL(filePath: target)) == Data(pieces.joined()))
    try FileManager.default.removeItem(at: folder)
  }

  @Test func aDiscardedOrInterruptedFileLeavesNothing() throws {
    let folder = try scratch()
    let target = folder.appending(path: "results.jsonl").path
    let first = try OutputFile(path: target)
    try first.write(Array("partial".utf8))
    first.discard()
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    let second = try OutputFile(path: target)
    try second.write(Array("partial".utf8))
    TemporaryFiles.removeAll()  // what the signal handler does on Ctrl-C
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    second.discard()
  }

  @Test func anEarlierFileIsRemovedAsTheRunStarts() throws {
    let folder = try scratch()
    let target = folder.appending(path: "results.jsonl").path
    try "earlier run".write(toFile: target, atomically: false, encoding: .utf8)
    let interrupted = try OutputFile(path: target)
    interrupted.removeEarlier()
    interrupted.discard()
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    try "earlier run".write(toFile: target, atomically: false, encoding: .utf8)
    let completed = try OutputFile(path: target)
    completed.removeEarlier()
    try completed.write(Array("this run".utf8))
    try completed.commit()
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "this run")
    try FileManager.default.removeItem(at: folder)
  }

  @Test func aFullDeviceIsAnErrorNamingTheFile() throws {
    let file = try OutputFile(path: "/dev/full")
    #expect(file.temporaryPath == nil)
    #expect(throws: OutputError.unwritable(file: "/dev/full", WriteFailure(code: ENOSPC))) {
      try file.write([UInt8](repeating: 1, count: 1 << 20))
      try file.commit()
    }
    #expect(OutputError.unwritable(file: nil, WriteFailure(code: ENOSPC)).message(in: .da)
      == "standardoutput: kan ikke skrives: der er ikke mere plads på enheden")
  }

  @Test func aFolderIsRefused() throws {
    let folder = try scratch()
    #expect(throws: OutputError.unwritable(file: folder.path, WriteFailure(code: EISDIR))) { try OutputFile(path: folder.path) }
  }

  @Test func aDanglingLinkNamesTheNewFile() throws {
    let folder = try scratch()
    let link = folder.appending(path: "link.html").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "new.html")
    let file = try OutputFile(path: link)
    try file.write("report")
    try file.commit()
    #expect(try String(contentsOfFile: folder.appending(path: "new.html").path, encoding: .utf8) == "report")
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "new.html")
  }

  @Test func abandonedTemporaryFilesAreRemovedButNotThoseOfARunningProcess() throws {
    let folder = try scratch()
    // A process id that is not running: above the kernel's limit.
    let dead = folder.appending(path: ".r.jsonl.princip-99999999.tmp").path
    let alive = folder.appending(path: ".r.jsonl.princip-1.tmp").path
    let other = folder.appending(path: ".other.jsonl.princip-99999999.tmp").path
    for path in [dead, alive, other] { try "half".write(toFile: path, atomically: false, encoding: .utf8) }
    let file = try OutputFile(path: folder.appending(path: "r.jsonl").path)
    file.discard()
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
      == [".other.jsonl.princip-99999999.tmp", ".r.jsonl.princip-1.tmp"])
  }

  @Test func overlappingOutputsAreRefused() throws {
    let folder = try scratch()
    let input = folder.appending(path: "d.jsonl").path
    try "{}\n".write(toFile: input, atomically: false, encoding: .utf8)
    #expect(throws: OutputError.isAnInput(file: folder.path + "/./d.jsonl", input: input)) {
      try OutputFile.refuseOverlaps(outputs: [folder.path + "/./d.jsonl"], inputs: ["other.jsonl", input])
    }
    let new = folder.appending(path: "new.jsonl").path
    #expect(throws: OutputError.sameFileTwice(file: folder.path + "//new.jsonl", other: new)) {
      try OutputFile.refuseOverlaps(outputs: [new, folder.path + "//new.jsonl"], inputs: [input])
    }
    // A device may be named as often as one likes.
    try OutputFile.refuseOverlaps(outputs: ["/dev/null", "/dev/null"], inputs: ["/dev/null", input])
  }
}
