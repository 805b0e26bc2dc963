import AssessmentCore
import Foundation
import QuestionnaireFormat
import SystemSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension SessionFile {
  /// The file keeping the original bytes of a session file of an older format, beside it:
  /// `ID.v1.json` for `ID.json` of version 1. Its name is not a session id, so it is never listed.
  public static func originalPath(for sessionPath: String, version: Int) -> String {
    (sessionPath.hasSuffix(".json") ? String(sessionPath.dropLast(5)) : sessionPath)
      + ".v\(version).json"
  }

  /// The `schemaVersion` of the file at `path`, nil when there is no readable file. Keys are
  /// sorted, so the version is the file's last key: its tail is read first, and the whole file
  /// only when the tail does not say.
  static func storedVersion(at path: String) -> Int? {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    let size = (try? handle.seekToEnd()) ?? 0
    let tailLength: UInt64 = 256
    try? handle.seek(toOffset: size > tailLength ? size - tailLength : 0)
    let tail = (try? handle.readToEnd()) ?? Data()
    if let version = versionNumber(in: tail) { return version }
    try? handle.seek(toOffset: 0)
    guard let data = try? handle.readToEnd() else { return nil }
    struct Probe: Decodable { var schemaVersion: Int }
    return try? JSONDecoder().decode(Probe.self, from: data).schemaVersion
  }

  /// The number after the last `"schemaVersion"` key in `data`.
  private static func versionNumber(in data: Data) -> Int? {
    guard
      let text = String(data: data, encoding: .utf8)
        ?? String(data: data.dropFirst(3), encoding: .utf8),
      let key = text.range(of: "\"schemaVersion\"", options: .backwards)
    else { return nil }
    var rest = text[key.upperBound...].drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    guard rest.first == ":" else { return nil }
    rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    let digits = rest.prefix { $0.isASCII && $0.isNumber }
    return Int(digits)
  }

  /// Before a file of an older format is replaced, its original bytes are kept beside it
  /// (`ID.v1.json`), atomically and durably, so that going back to an older cloud-assess loses
  /// nothing. An original already kept is never overwritten.
  static func keepOriginalIfOlder(_ path: String) throws(StoreError) {
    guard let version = storedVersion(at: path), version < schemaVersion else { return }
    let original = originalPath(for: path, version: version)
    var info = stat()
    if lstat(original, &info) == 0 { return }
    let data: Data
    do {
      data = try FileContents.read(path)
    } catch {
      throw .writeFailed(path: original, reason: error.reason)
    }
    try SessionStore.writeAtomically(data, to: original)
  }

  // MARK: - The abstract, read alone

  /// One decoder for every abstract of a listing, not one per file.
  private static let abstractDecoder: JSONDecoder = {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .custom { decoder in
      let container = try decoder.singleValueContainer()
      let text = try container.decode(String.self)
      guard let date = Timestamp.parse(text) else {
        throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a date")
      }
      return date
    }
    return decoder
  }()

  /// The abstract at the top of a session file, reading only its first kilobytes; nil when the
  /// file has none (written before version 2, by hand, or without its questionnaire at hand),
  /// when it is of another format, or when anything about it is unexpected. The caller then
  /// reads the whole file.
  public static func readAbstract(path: String) -> SessionAbstract? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var buffer = [UInt8](repeating: 0, count: 8192)
    let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, 8192) }
    guard count > 0 else { return nil }
    let bytes = buffer[..<count]
    // `{`, blanks, `"abstract"`, blanks, `:`, blanks, then the object.
    var index = bytes.startIndex
    func skipBlanks() {
      while index < bytes.endIndex, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
    }
    skipBlanks()
    guard index < bytes.endIndex, bytes[index] == UInt8(ascii: "{") else { return nil }
    index += 1
    skipBlanks()
    let key = Array("\"abstract\"".utf8)
    guard bytes.count - (index - bytes.startIndex) > key.count,
      Array(bytes[index..<(index + key.count)]) == key
    else { return nil }
    index += key.count
    skipBlanks()
    guard index < bytes.endIndex, bytes[index] == UInt8(ascii: ":") else { return nil }
    index += 1
    skipBlanks()
    guard index < bytes.endIndex, bytes[index] == UInt8(ascii: "{") else { return nil }
    // The object ends at its matching brace, outside strings.
    let start = index
    var depth = 0
    var inString = false
    var escaped = false
    var end: Int?
    while index < bytes.endIndex {
      let byte = bytes[index]
      if inString {
        if escaped {
          escaped = false
        } else if byte == UInt8(ascii: "\\") {
          escaped = true
        } else if byte == UInt8(ascii: "\"") {
          inString = false
        }
      } else if byte == UInt8(ascii: "\"") {
        inString = true
      } else if byte == UInt8(ascii: "{") {
        depth += 1
      } else if byte == UInt8(ascii: "}") {
        depth -= 1
        if depth == 0 {
          end = index
          break
        }
      }
      index += 1
    }
    guard let end else { return nil }
    guard
      let abstract = try? abstractDecoder.decode(
        SessionAbstract.self, from: Data(bytes[start...end])),
      abstract.format == schemaVersion
    else { return nil }
    return abstract
  }
}
