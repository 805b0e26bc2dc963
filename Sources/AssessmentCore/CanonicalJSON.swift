/// The canonical JSON text the project's digests hash: the questionnaire's digest
/// (docs/questionnaire-format.md, "Digest") and the digest of an assessment's content a decision
/// is taken on (docs/team.md, "Management's decision").
///
/// Python's `json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))`: no
/// whitespace, strings escaping `"`, `\` and the control characters (`\n`, `\r`, `\t`, `\b`,
/// `\f`, else `\u00xx`) and nothing else, objects' keys in the order of their UTF-8 bytes. The
/// text is written by ``JSONTextWriter`` (compact); the caller gives each object's keys already
/// in that order.
public enum CanonicalJSON {
  /// A writer of the canonical text: compact, the caller giving each object's keys in order.
  public static func writer() -> JSONTextWriter { JSONTextWriter(pretty: false) }

  /// Appends `text` as a canonical JSON string. Runs of bytes that need no escape are copied
  /// whole.
  public static func appendString(_ text: String, to buffer: inout [UInt8]) {
    buffer.append(UInt8(ascii: "\""))
    // A native string's bytes are read where they are (`withUTF8` would copy the string first).
    if text.utf8.withContiguousStorageIfAvailable({ appendEscaped($0, to: &buffer) }) == nil {
      var text = text
      text.withUTF8 { appendEscaped($0, to: &buffer) }
    }
    buffer.append(UInt8(ascii: "\""))
  }

  private static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to buffer: inout [UInt8]) {
    var clean = 0
    for index in bytes.indices {
      let byte = bytes[index]
      guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
        continue
      }
      buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[clean..<index]))
      clean = index + 1
      buffer.append(UInt8(ascii: "\\"))
      switch byte {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"): buffer.append(byte)
      case 0x0A: buffer.append(UInt8(ascii: "n"))
      case 0x0D: buffer.append(UInt8(ascii: "r"))
      case 0x09: buffer.append(UInt8(ascii: "t"))
      case 0x08: buffer.append(UInt8(ascii: "b"))
      case 0x0C: buffer.append(UInt8(ascii: "f"))
      default:
        buffer.append(contentsOf: "u00".utf8)
        buffer.append(hexDigits[Int(byte >> 4)])
        buffer.append(hexDigits[Int(byte & 0x0F)])
      }
    }
    buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[clean...]))
  }

  fileprivate static let hexDigits = Array("0123456789abcdef".utf8)
}

extension Sequence where Element == UInt8 {
  /// The bytes in lowercase hexadecimal, as digests are written in sessions and reports.
  public var lowercaseHex: String {
    var text: [UInt8] = []
    text.reserveCapacity(underestimatedCount * 2)
    for byte in self {
      text.append(CanonicalJSON.hexDigits[Int(byte >> 4)])
      text.append(CanonicalJSON.hexDigits[Int(byte & 0x0F)])
    }
    return String(decoding: text, as: UTF8.self)
  }
}
