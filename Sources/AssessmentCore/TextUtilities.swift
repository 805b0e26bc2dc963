import Foundation

/// Small text operations used per answer and per line of a summary. Foundation's trimming and
/// replacing go through a bridged copy of the whole string; on 10,000 notes they cost more than
/// the risk computation itself.
extension String {
  /// Whether the text holds nothing but white space (spaces, tabs, line breaks).
  var isBlank: Bool { unicodeScalars.allSatisfy { $0.properties.isWhitespace } }

  /// The text without leading and trailing white space.
  var trimmed: String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[first...last])
  }

  /// `%1` … `%9` replaced by the arguments; other text, including a `%` before anything else,
  /// kept as it is.
  func substituting(_ arguments: [String]) -> String {
    guard contains("%") else { return self }
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
  func replacingScalar(_ scalar: Unicode.Scalar, with replacement: String) -> String {
    if scalar.isASCII {
      let byte = UInt8(scalar.value)
      guard utf8.contains(byte) else { return self }
    } else {
      guard unicodeScalars.contains(scalar) else { return self }
    }
    var result = String.UnicodeScalarView()
    for each in unicodeScalars {
      if each == scalar { result.append(contentsOf: replacement.unicodeScalars) } else { result.append(each) }
    }
    return String(result)
  }
}
