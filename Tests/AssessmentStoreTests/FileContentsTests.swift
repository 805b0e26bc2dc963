import Foundation
import QuestionnaireFormat
import Testing

/// `FileContents.read`, which reads the questionnaire files, the session files and the files a
/// report is made from: the same bytes as Foundation, the system's reason when it cannot.
struct FileContentsTests {
  @Test func readsEveryByteOfFilesOfEverySize() throws {
    let directory = temporaryDirectory()
    // Empty, one byte, around the sizes of a read, and larger than one read.
    for size in [0, 1, 4095, 4096, 4097, 65_536, 1_000_003] {
      let path = directory + "/file-\(size)"
      let bytes = Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
      try bytes.write(to: URL(fileURLWithPath: path))
      let read = try FileContents.read(path)
      #expect(read == bytes, "\(size) bytes")
    }
  }

  @Test func readsFilesWhoseSizeIsNotKnownInAdvance() throws {
    // /proc files say 0 bytes and have more: the reader reads until the end, not the size.
    let read = try FileContents.read("/proc/self/status")
    #expect(String(decoding: read, as: UTF8.self).contains("Name:"))
  }

  @Test func saysWhyAFileCannotBeRead() {
    let directory = temporaryDirectory()
    #expect(throws: FileContents.Failure.self) { try FileContents.read(directory + "/missing") }
    do {
      _ = try FileContents.read(directory + "/missing")
    } catch {
      #expect(error.reason == String(cString: strerror(ENOENT)))
      #expect(error.errorNumber == ENOENT)
    }
    do {
      _ = try FileContents.read(directory)
      Issue.record("a directory was read as a file")
    } catch {
      #expect(error.errorNumber == EISDIR, "\(error.reason)")
    }
  }
}
