import AssessmentCore
import Foundation
import SystemSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

// Format 4: the file of format 3 with the answers' histories taken out of the answers and
// written after everything else, followed by where they start and the version:
//
//   {
//     "abstract" : …,            the head: format 3's members but the version, keys sorted,
//     …                          no answer holding its own "history"
//     "signoffs" : […],
//     "histories" : {            by question id, oldest change first (absent when none)
//       "q1" : [ … ]
//     },
//     "histories_at" : 5297402,  the offset of "histories" in the file, in bytes
//     "schemaVersion" : 4
//   }
//
// Histories grow with every change and are most of a long-used session's bytes (docs/
// performance.md); a summary, a list or a comparison does not show them. Reading such a session
// reads the end of the file, then the head only (`readHead`), never the histories. Anything
// that shows, merges or extends them reads the whole file, which is also what judges it.

extension SessionFile {
  /// The record at hand has no histories (read with `.skipped`): written, it would lose them.
  struct HistoriesOmitted: Error, CustomStringConvertible {
    var id: String
    var description: String {
      "the session \(id) was read without its histories; it must be read whole to be written"
    }
  }

  /// The file of format 4 (see above), ending in a newline. `encode` writes each part as a
  /// pretty-printed object with sorted keys (the tests give `JSONEncoder` to compare); without
  /// it, the head is written directly (SessionFile+Writing.swift) and the rest by
  /// `SortedJSONEncoder`.
  static func encodeFormat4(
    _ record: SessionRecord, encode: ((any Encodable) throws -> [UInt8])? = nil
  ) throws -> Data {
    guard !record.historiesOmitted else { throw HistoriesOmitted(id: record.id) }
    // The head's object (`members(of:)` checks it is one, pretty-printed), opened up at its end:
    // the rest of the file is written into it rather than the whole copied.
    var bytes = try encode.map { try $0(FileFormat3(head: record)) } ?? headText(record)
    let encode = encode ?? { try SortedJSONEncoder(pretty: true).encode($0) }
    _ = try members(of: bytes)
    bytes.removeLast(2)  // "\n}"
    bytes.append(contentsOf: ",\n  ".utf8)
    var histories: [String: [ChangeFormat3]] = [:]
    for (id, answer) in record.answers where !answer.history.isEmpty {
      histories[id] = answer.history.map(ChangeFormat3.init)
    }
    if !histories.isEmpty {
      let start = bytes.count
      bytes.append(contentsOf: try members(of: encode(["histories": histories])))
      bytes.append(contentsOf: ",\n  \"histories_at\" : \(start),\n  ".utf8)
    }
    bytes.append(contentsOf: "\"schemaVersion\" : 4\n}\n".utf8)
    return Data(bytes)
  }

  /// The file as `JSONEncoder` writes it: what ``encode(_:)`` must write, byte for byte (the
  /// tests and the session fuzzer compare them).
  @_spi(Fuzzing)
  public static func encodeWithJSONEncoder(_ record: SessionRecord) throws -> Data {
    let encoder = SortedJSONEncoder.reference(pretty: true)
    return try encodeFormat4(record) { [UInt8](try encoder.encode($0)) }
  }

  /// The members of a pretty-printed object, without its braces: `  "a" : 1,\n  "b" : 2`
  /// becomes `"a" : 1,\n  "b" : 2` (the first member's indentation is the caller's).
  private static func members(of object: [UInt8]) throws -> ArraySlice<UInt8> {
    let opening = Array("{\n  ".utf8)
    let closing = Array("\n}".utf8)
    guard object.count > opening.count + closing.count, object.starts(with: opening),
      object.suffix(closing.count).elementsEqual(closing)
    else {
      throw EncodingError.invalidValue(
        object,
        EncodingError.Context(codingPath: [], debugDescription: "not a pretty-printed object"))
    }
    return object.dropFirst(opening.count).dropLast(closing.count)
  }

  /// The file at `path` without its histories, made a whole file of version 4 again; nil when it
  /// is not a file of version 4 with histories as cloud-assess writes it (no `histories_at`, an
  /// offset that does not fall on `"histories"`): it is then read whole.
  ///
  /// Only the end of the file and its head are read.
  static func readHead(path: String) -> Data? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
    let size = Int(info.st_size)
    guard size <= maximumFileSize else { return nil }
    return head(size: size) { read(descriptor, at: $0, count: $1) }
  }

  /// The record of `data` read as a reading that skips the histories reads a file (for the
  /// session fuzzer, which compares it with the whole reading); nil when that reading would
  /// read the whole file.
  @_spi(Fuzzing)
  public static func decodeSkippingHistories(_ data: Data) -> SessionRecord? {
    let bytes = [UInt8](data)
    return head(size: bytes.count) { offset, count in Data(bytes[offset..<(offset + count)]) }
      .flatMap(record(ofHead:))
  }

  /// The record of a head (``readHead(path:)``), marked as read without its histories; nil when
  /// the direct reading does not take it (left to the whole reading, which judges it) or when it
  /// holds a decision (the answers changed since it are counted from the histories).
  static func record(ofHead head: Data) -> SessionRecord? {
    guard var record = PlainSessionReader.record(head), record.signOffs.isEmpty else { return nil }
    record.historiesOmitted = true
    return record
  }

  /// Whether the direct reading of plain files takes `data` whole (for the session fuzzer).
  @_spi(Fuzzing)
  public static func isReadDirectly(_ data: Data) -> Bool {
    PlainSessionReader.record(data) != nil
  }

  /// The head of a file of `size` bytes that `read(offset, count)` reads, with the version
  /// appended; nil unless its end is exactly the one written above.
  private static func head(size: Int, read: (Int, Int) -> Data?) -> Data? {
    let footerLength = min(size, 96)
    guard let footer = read(size - footerLength, footerLength),
      let start = historiesStart(footer: footer), start >= 4, start < size - footerLength
    else { return nil }
    let key = Array("\"histories\" : {".utf8)
    guard let found = read(start, key.count), found.elementsEqual(key),
      var head = read(0, start),
      head.suffix(4).elementsEqual(Array(",\n  ".utf8))
    else { return nil }
    head.append(contentsOf: Array("\"schemaVersion\" : 4\n}\n".utf8))
    return head
  }

  /// The number in a file's end `,\n  "histories_at" : N,\n  "schemaVersion" : 4\n}\n`.
  static func historiesStart(footer: Data) -> Int? {
    let ending = Array(",\n  \"schemaVersion\" : 4\n}\n".utf8)
    let key = Array("\"histories_at\" : ".utf8)
    let bytes = Array(footer)
    guard bytes.count > ending.count + key.count,
      bytes.suffix(ending.count).elementsEqual(ending)
    else { return nil }
    let end = bytes.count - ending.count
    var digits = end
    while digits > 0, bytes[digits - 1] >= 0x30, bytes[digits - 1] <= 0x39 { digits -= 1 }
    guard end - digits > 0, end - digits <= 10, digits >= key.count,
      bytes[(digits - key.count)..<digits].elementsEqual(key)
    else { return nil }
    return Int(String(decoding: bytes[digits..<end], as: UTF8.self))
  }

  private static func read(_ descriptor: Int32, at offset: Int, count: Int) -> Data? {
    var data = Data(count: count)
    var done = 0
    let complete = data.withUnsafeMutableBytes { buffer -> Bool in
      guard let base = buffer.baseAddress else { return count == 0 }
      while done < count {
        let result = pread(descriptor, base + done, count - done, off_t(offset + done))
        if result < 0, errno == EINTR { continue }
        guard result > 0 else { return false }
        done += result
      }
      return true
    }
    return complete ? data : nil
  }
}
