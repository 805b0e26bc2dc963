/// Writes JSON text as UTF-8 bytes, one value after the other, in one of the two layouts the
/// project writes: compact (no whitespace: the canonical JSON a digest hashes, ``CanonicalJSON``)
/// or pretty as `JSONEncoder` lays it out with `.prettyPrinted` (two spaces a level, `" : "`
/// after a key, an empty object or array written with its two line breaks).
///
/// The one description of both layouts: ``SortedJSONEncoder`` renders its tree through it, and a
/// writer that knows its shape (a session file's answers, SessionFile+Writing.swift) writes
/// through it directly. The caller gives an object's members in the order of their keys' UTF-8
/// bytes; strings are escaped as ``CanonicalJSON/appendString(_:to:)`` escapes them.
public struct JSONTextWriter {
  public private(set) var bytes: [UInt8] = []
  public let pretty: Bool
  /// For each open object or array, how many members or elements it has so far.
  private var counts: [Int] = []
  private var inArray: [Bool] = []

  /// `capacity`: the bytes to reserve, when the caller knows about how many it writes (the
  /// buffer is not copied as it grows).
  public init(pretty: Bool = false, capacity: Int = 0) {
    self.pretty = pretty
    bytes.reserveCapacity(capacity)
  }

  /// The text written so far.
  public var text: String { String(decoding: bytes, as: UTF8.self) }

  public mutating func openObject() { open(UInt8(ascii: "{"), array: false) }
  public mutating func closeObject() { close(UInt8(ascii: "}")) }
  public mutating func openArray() { open(UInt8(ascii: "["), array: true) }
  public mutating func closeArray() { close(UInt8(ascii: "]")) }

  /// A member's key in the open object; its value is written next.
  public mutating func key(_ name: String) {
    separate()
    CanonicalJSON.appendString(name, to: &bytes)
    if pretty {
      bytes.append(contentsOf: Self.prettySeparator)
    } else {
      bytes.append(UInt8(ascii: ":"))
    }
  }

  public mutating func string(_ text: String) {
    beforeValue()
    CanonicalJSON.appendString(text, to: &bytes)
  }

  public mutating func bool(_ value: Bool) {
    beforeValue()
    bytes.append(contentsOf: (value ? "true" : "false").utf8)
  }

  public mutating func null() {
    beforeValue()
    bytes.append(contentsOf: "null".utf8)
  }

  /// A number, as the text the caller formatted.
  public mutating func number(_ text: String) {
    beforeValue()
    bytes.append(contentsOf: text.utf8)
  }

  private static let prettySeparator = Array(" : ".utf8)

  private mutating func open(_ bracket: UInt8, array: Bool) {
    beforeValue()
    bytes.append(bracket)
    if pretty { bytes.append(0x0A) }
    counts.append(0)
    inArray.append(array)
  }

  private mutating func close(_ bracket: UInt8) {
    counts.removeLast()
    inArray.removeLast()
    if pretty {
      bytes.append(0x0A)
      indent()
    }
    bytes.append(bracket)
  }

  /// In an array, the separator before an element (an object's values follow their key).
  private mutating func beforeValue() {
    guard let last = inArray.last, last else { return }
    separate()
  }

  /// The comma after the previous member or element, and when pretty the line break and the
  /// indentation of the next.
  private mutating func separate() {
    let last = counts.count - 1
    if counts[last] > 0 {
      bytes.append(UInt8(ascii: ","))
      if pretty { bytes.append(0x0A) }
    }
    counts[last] += 1
    if pretty { indent() }
  }

  /// Two spaces for each open object or array.
  private mutating func indent() {
    bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * counts.count))
  }
}
