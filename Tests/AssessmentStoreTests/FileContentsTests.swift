import Foundation
import QuestionnaireFormat
import SystemSupport
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

/// The UTF-8 check of session files and journals, made in place: the same answer as decoding.
struct UTF8CheckTests {
  @Test func agreesWithDecodingOnValidAndInvalidBytes() {
    let cases: [[UInt8]] = [
      [], Array("plain".utf8), Array("é « » — ✅ 𝔘".utf8),
      [0xFF], [0xC3], [0xC3, 0x28], [0xE2, 0x82], [0xC0, 0xAF],  // lone, truncated, overlong
      [0xED, 0xA0, 0x80],  // a surrogate
      [0xF4, 0x90, 0x80, 0x80],  // beyond U+10FFFF
      Array("note".utf8) + [0x80] + Array("end".utf8),
    ]
    for bytes in cases {
      let data = Data(bytes)
      #expect(UTF8Check.isValid(data) == (String(data: data, encoding: .utf8) != nil), "\(bytes)")
    }
    var random = SystemRandomNumberGenerator()
    for _ in 0..<2_000 {
      let data = Data(
        (0..<Int.random(in: 0...12, using: &random)).map { _ in
          UInt8.random(in: 0...255, using: &random)
        })
      #expect(
        UTF8Check.isValid(data) == (String(data: data, encoding: .utf8) != nil), "\([UInt8](data))")
    }
  }
}
