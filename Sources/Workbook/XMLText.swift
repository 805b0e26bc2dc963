/// The one way text goes into the workbook's XML.
enum XMLText {
  enum Place {
    /// The text of a string (shared or inline): characters XML 1.0 forbids are written as
    /// Office's `_xHHHH_` escapes (ST_Xstring), which `WorkbookReader` and spreadsheets decode;
    /// a `_xHHHH_` already in the text gets its underscore escaped so that it reads back as typed.
    case string
    /// An attribute's value, or markup text that is not a string (a formula): characters XML 1.0
    /// forbids become U+FFFD, there being no escape for them.
    case attribute
  }

  /// `text` escaped for `place`: `&`, `<`, `>`, `"`, and tabs, line feeds and carriage returns as
  /// character references where a parser would otherwise normalise them.
  static func escaped(_ text: String, _ place: Place) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count + 8)
    let scalars = Array(text.unicodeScalars)
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "\r": out += "&#13;"
      case "\n": out += place == .attribute ? "&#10;" : "\n"
      case "\t": out += place == .attribute ? "&#9;" : "\t"
      case "_" where place == .string && isEscape(scalars, at: index):
        out += "_x005F_"
      default:
        if isForbidden(scalar) {
          if place == .string {
            out += "_x" + hex4(scalar.value) + "_"
          } else {
            out += "\u{FFFD}"
          }
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
      index += 1
    }
    return out
  }

  /// Characters outside XML 1.0's Char production (Swift strings hold no surrogates).
  static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x20 { return value != 0x9 && value != 0xA && value != 0xD }
    return value == 0xFFFE || value == 0xFFFF
  }

  /// Whether `_xHHHH_` (four hexadecimal digits) starts at `index`.
  static func isEscape(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
    guard index + 6 < scalars.count, scalars[index] == "_", scalars[index + 1] == "x",
      scalars[index + 6] == "_"
    else { return false }
    return scalars[(index + 2)...(index + 5)].allSatisfy { $0.properties.isASCIIHexDigit }
  }

  static func hex4(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }

  /// A string's `_xHHHH_` escapes decoded (the reading side of `.string`).
  static func unescapedString(_ text: String) -> String {
    guard text.contains("_x") else { return text }
    let scalars = Array(text.unicodeScalars)
    var out = String.UnicodeScalarView()
    var index = 0
    while index < scalars.count {
      if isEscape(scalars, at: index),
        let value = UInt32(
          String(String.UnicodeScalarView(scalars[(index + 2)...(index + 5)])), radix: 16),
        let decoded = Unicode.Scalar(value)
      {
        out.append(decoded)
        index += 7
      } else {
        out.append(scalars[index])
        index += 1
      }
    }
    return String(out)
  }
}
