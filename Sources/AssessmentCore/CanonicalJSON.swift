/// The canonical JSON text the project's digests hash: the questionnaire's digest
/// (docs/questionnaire-format.md, "Digest") and the digest of an assessment's content a decision
/// is taken on (docs/team.md, "Management's decision").
///
/// Python's `json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))`: no
/// whitespace, strings escaping `"`, `\` and the control characters (`\n`, `\r`, `\t`, `\b`,
/// `\f`, else `\u00xx`) and nothing else, objects' keys in the order of their UTF-8 bytes. The
/// writer appends UTF-8 bytes; the caller gives each object's keys already in that order.
public struct CanonicalJSON {
  public private(set) var bytes: [UInt8] = []
  /// For each open object or array, how many members or elements it has so far.
  private var counts: [Int] = []
  private var inArray: [Bool] = []

  public init() {}

  /// The text written so far.
  public var text: String { String(decoding: bytes, as: UTF8.self) }

  public mutating func openObject() {
    beforeValue()
    bytes.append(UInt8(ascii: "{"))
    counts.append(0)
    inArray.append(false)
  }

  public mutating func closeObject() {
    counts.removeLast()
    inArray.removeLast()
    bytes.append(UInt8(ascii: "}"))
  }

  public mutating func openArray() {
    beforeValue()
    bytes.append(UInt8(ascii: "["))
    counts.append(0)
    inArray.append(true)
  }

  public mutating func closeArray() {
    counts.removeLast()
    inArray.removeLast()
    bytes.append(UInt8(ascii: "]"))
  }

  /// A member's key in the open object; its value is written next.
  public mutating func key(_ name: String) {
    if counts[counts.count - 1] > 0 { bytes.append(UInt8(ascii: ",")) }
    counts[counts.count - 1] += 1
    Self.appendString(name, to: &bytes)
    bytes.append(UInt8(ascii: ":"))
  }

  public mutating func string(_ text: String) {
    beforeValue()
    Self.appendString(text, to: &bytes)
  }

  public mutating func bool(_ value: Bool) {
    beforeValue()
    bytes.append(contentsOf: (value ? "true" : "false").utf8)
  }

  /// In an array, the comma before every element but the first (an object's values follow
  /// their key).
  private mutating func beforeValue() {
    guard let last = inArray.last, last else { return }
    if counts[counts.count - 1] > 0 { bytes.append(UInt8(ascii: ",")) }
    counts[counts.count - 1] += 1
  }

  /// Appends `text` as a canonical JSON string. Runs of bytes that need no escape are copied
  /// whole.
  public static func appendString(_ text: String, to buffer: inout [UInt8]) {
    buffer.append(UInt8(ascii: "\""))
    var text = text
    text.withUTF8 { bytes in
      var clean = 0
      for (index, byte) in bytes.enumerated()
      where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
        buffer.append(contentsOf: bytes[clean..<index])
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
      buffer.append(contentsOf: bytes[clean...])
    }
    buffer.append(UInt8(ascii: "\""))
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
