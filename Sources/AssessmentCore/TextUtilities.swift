import Foundation

/// Small text operations used per answer and per line of a summary. Foundation's trimming and
/// replacing go through a bridged copy of the whole string; on 10,000 notes they cost more than
/// the risk computation itself.
extension Unicode.Scalar {
  /// Unicode's White_Space, answered without a look-up in the property tables for ASCII (every
  /// blank check and trim of a summary's thousands of fields starts with an ASCII letter).
  public var isWhitespace: Bool {
    value < 0x80 ? value == 0x20 || (value >= 0x09 && value <= 0x0D) : properties.isWhitespace
  }
}

extension String {
  /// Whether the text holds nothing but white space (spaces, tabs, line breaks).
  public var isBlank: Bool { unicodeScalars.allSatisfy(\.isWhitespace) }

  /// The text without leading and trailing white space.
  public var trimmed: String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.isWhitespace })
    else { return "" }
    return String(scalars[first...last])
  }

  /// `%1` … `%9` replaced by the arguments; other text, including a `%` before anything else,
  /// kept as it is.
  public func substituting(_ arguments: [String]) -> String {
    var text = self
    return text.withUTF8 { bytes in
      // Placeholders are read on the UTF-8 bytes when every `%` stands between ASCII bytes: then
      // each is a character of its own, as is the digit after it, and the result is the same as
      // reading characters (which the general case below does).
      guard bytes.contains(0x25) else { return self }
      var result = ""
      var copied = 0
      var index = 0
      while index < bytes.count {
        guard bytes[index] == 0x25 else {
          index += 1
          continue
        }
        let before = index > 0 ? bytes[index - 1] : 0
        let next = index + 1 < bytes.count ? bytes[index + 1] : 0
        let after = index + 2 < bytes.count ? bytes[index + 2] : 0
        guard before < 0x80, next < 0x80, after < 0x80 else {
          return substitutingCharacters(arguments)
        }
        if next >= 0x31, next <= 0x39, Int(next - 0x30) <= arguments.count {
          result += String(
            decoding: UnsafeBufferPointer(rebasing: bytes[copied..<index]), as: UTF8.self)
          result += arguments[Int(next - 0x31)]
          index += 2
          copied = index
        } else {
          index += 1
        }
      }
      result += String(decoding: UnsafeBufferPointer(rebasing: bytes[copied...]), as: UTF8.self)
      return result
    }
  }

  /// ``substituting(_:)`` on characters.
  private func substitutingCharacters(_ arguments: [String]) -> String {
    var result = ""
    var iterator = makeIterator()
    var pending: Character?
    while let character = pending ?? iterator.next() {
      pending = nil
      guard character == "%" else {
        result.append(character)
        continue
      }
      guard let next = iterator.next() else {
        result.append(character)
        break
      }
      if let digit = next.wholeNumberValue, next.isASCII, digit >= 1, digit <= arguments.count {
        result += arguments[digit - 1]
      } else {
        result.append(character)
        pending = next
      }
    }
    return result
  }

  /// Every occurrence of one scalar replaced by a text (by scalar, so that the `\n` of a `\r\n`
  /// is found too).
  public func replacingScalar(_ scalar: Unicode.Scalar, with replacement: String) -> String {
    if scalar.isASCII {
      let byte = UInt8(scalar.value)
      guard utf8.contains(byte) else { return self }
    } else {
      guard unicodeScalars.contains(scalar) else { return self }
    }
    var result = String.UnicodeScalarView()
    for each in unicodeScalars {
      if each == scalar {
        result.append(contentsOf: replacement.unicodeScalars)
      } else {
        result.append(each)
      }
    }
    return String(result)
  }
}
