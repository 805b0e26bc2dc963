import Foundation

/// A fragment of HTML being written. Interpolating a `String` escapes it (`&`, `<`, `>`, `"`,
/// `'`); interpolating `HTML` appends it as it is; a literal is markup written here. So user
/// text cannot reach the report unescaped by forgetting a call: there is no way to append a
/// `String` as markup.
struct HTML: Equatable, Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
  /// The markup.
  private(set) var description: String

  init(stringLiteral markup: String) {
    description = markup
  }

  init(stringInterpolation: StringInterpolation) {
    description = stringInterpolation.markup
  }

  /// `text` trimmed and escaped, its line breaks (CR, LF, CRLF) as `<br>`.
  static func lines(_ text: String) -> HTML {
    var html: HTML = ""
    html.appendLines(text)
    return html
  }

  static func += (html: inout HTML, more: HTML) {
    html.description += more.description
  }

  static func + (html: HTML, more: HTML) -> HTML {
    HTML(stringLiteral: html.description + more.description)
  }

  /// Appends `text`, escaped.
  mutating func append(_ text: String) {
    description.appendHTMLEscaped(text)
  }

  /// Appends `text` trimmed and escaped, its line breaks as `<br>`.
  mutating func appendLines(_ text: String) {
    description.appendHTMLLines(text)
  }

  mutating func reserveCapacity(_ bytes: Int) {
    description.reserveCapacity(bytes)
  }

  struct StringInterpolation: StringInterpolationProtocol {
    fileprivate var markup = ""

    init(literalCapacity: Int, interpolationCount: Int) {
      markup.reserveCapacity(literalCapacity + 16 * interpolationCount)
    }

    mutating func appendLiteral(_ literal: String) {
      markup += literal
    }

    /// User or interface text: escaped.
    mutating func appendInterpolation(_ text: String) {
      markup.appendHTMLEscaped(text)
    }

    /// User text over several lines: trimmed, escaped, line breaks as `<br>`.
    mutating func appendInterpolation(lines text: String) {
      markup.appendHTMLLines(text)
    }

    mutating func appendInterpolation(_ html: HTML) {
      markup += html.description
    }

    mutating func appendInterpolation(_ number: Int) {
      markup += String(number)
    }
  }
}

/// Markup a report repeats (a level's badge, an answer's words), each made once and then looked
/// up: a large report writes a handful of them thousands of times.
struct HTMLWordCache {
  private var words: [String: HTML] = [:]

  mutating func callAsFunction(_ key: String, _ make: () -> HTML) -> HTML {
    if let known = words[key] { return known }
    let made = make()
    words[key] = made
    return made
  }
}

extension String {
  /// Appends `text` escaped for HTML content and attribute values (`&`, `<`, `>`, `"`, `'`);
  /// with `lineBreaks`, CR, LF and CRLF become `<br>`. A report of 10,000 notes of 500
  /// characters escapes megabytes, so the text is read on its UTF-8 bytes and each run without
  /// a special character is appended whole, without a string of its own.
  fileprivate mutating func appendHTMLEscaped(_ text: String, lineBreaks: Bool = false) {
    let utf8 = text.utf8
    var run = utf8.startIndex
    var index = run
    while index != utf8.endIndex {
      var next = utf8.index(after: index)
      let replacement: String
      switch utf8[index] {
      case 0x26: replacement = "&amp;"
      case 0x3C: replacement = "&lt;"
      case 0x3E: replacement = "&gt;"
      case 0x22: replacement = "&quot;"
      case 0x27: replacement = "&#39;"
      case 0x0D where lineBreaks:
        replacement = "<br>"
        if next != utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
      case 0x0A where lineBreaks: replacement = "<br>"
      case 0x20 where Self.isFrenchMarkSpace(utf8, at: index): replacement = "\u{A0}"
      default:
        index = next
        continue
      }
      // The special characters are ASCII, so these bounds fall between scalars: the run is
      // sliced on scalars, exactly (a slice of the string itself would round to characters).
      if run != index { self += Substring(text.unicodeScalars[run..<index]) }
      self += replacement
      run = next
      index = next
    }
    if run == utf8.startIndex {
      self += text
    } else if run != utf8.endIndex {
      self += Substring(text.unicodeScalars[run...])
    }
  }

  /// Whether the space at `index` is French typography's before « : ; ! ? » or after «: the
  /// texts, many typed by people, use plain spaces, at which a browser would start a line with
  /// the mark; written as a no-break space, the mark stays with its word.
  private static func isFrenchMarkSpace(_ utf8: String.UTF8View, at index: String.Index) -> Bool {
    let next = utf8.index(after: index)
    if next != utf8.endIndex {
      switch utf8[next] {
      case UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "?"):
        return true
      case 0xC2:  // » is C2 BB
        let after = utf8.index(after: next)
        if after != utf8.endIndex, utf8[after] == 0xBB { return true }
      default: break
      }
    }
    guard index != utf8.startIndex else { return false }
    let previous = utf8.index(before: index)
    guard previous != utf8.startIndex, utf8[previous] == 0xAB else { return false }
    return utf8[utf8.index(before: previous)] == 0xC2  // « is C2 AB
  }

  /// Appends `text` trimmed and escaped, line breaks as `<br>`.
  fileprivate mutating func appendHTMLLines(_ text: String) {
    let scalars = text.unicodeScalars
    // Most texts have no white space at either end: escaped whole, without a trimmed copy.
    if let first = scalars.first, let last = scalars.last, !first.isWhitespace, !last.isWhitespace {
      appendHTMLEscaped(text, lineBreaks: true)
    } else {
      appendHTMLEscaped(text.trimmed, lineBreaks: true)
    }
  }
}
