import Foundation

/// Whether bytes are UTF-8, and where they stop being: questionnaire and session files are
/// checked before they are decoded, so that an error names the line and column.
public enum UTF8Check {
  /// Whether `data` is UTF-8, checked in place (the standard library's validation), without
  /// making a string of it: `String(data:encoding:)` copies the whole file into a string that is
  /// then thrown away, and goes through Foundation.
  public static func isValid(_ data: Data) -> Bool {
    data.withUnsafeBytes { raw in isValid(raw.bindMemory(to: UInt8.self)) }
  }

  public static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    // UTF8Span is in the standard library from Swift 6.2; Apple's systems ship it from their
    // 26 releases, Linux with the toolchain.
    if #available(macOS 26.0, iOS 26.0, tvOS 26.0, watchOS 26.0, visionOS 26.0, *) {
      return (try? UTF8Span(validating: bytes.span)) != nil
    }
    return String(bytes: bytes, encoding: .utf8) != nil
  }

  /// The line and column (1-based) of the first byte that is not valid UTF-8.
  public static func firstInvalid(_ data: Data) -> (line: Int, column: Int) {
    var line = 1
    var lineStart = 0
    var index = 0
    let bytes = [UInt8](data)
    while index < bytes.count {
      let byte = bytes[index]
      let length: Int
      switch byte {
      case 0x00...0x7F: length = 1
      case 0xC2...0xDF: length = 2
      case 0xE0...0xEF: length = 3
      case 0xF0...0xF4: length = 4
      default: return (line, index - lineStart + 1)
      }
      guard index + length <= bytes.count,
        bytes[(index + 1)..<(index + length)].allSatisfy({ $0 & 0xC0 == 0x80 }),
        String(bytes: bytes[index..<(index + length)], encoding: .utf8) != nil
      else { return (line, index - lineStart + 1) }
      if byte == UInt8(ascii: "\n") {
        line += 1
        lineStart = index + 1
      }
      index += length
    }
    return (line, 1)
  }
}
