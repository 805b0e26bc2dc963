import Foundation

/// A line (or lines) of Markdown being written. Interpolating a `String` escapes it:
/// HTML is escaped (`<script>` stays text), as are the characters that make tables, emphasis,
/// code, links and headings (`\ | * _ ` [ ] # ~`), and line breaks become spaces. Interpolating
/// `Markdown` appends it as it is; a literal is markup written here. So every text, the
/// questionnaire's, the assessor's or the interface's, reaches the summary escaped.
struct Markdown: Equatable, Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
  private(set) var description: String

  init(stringLiteral markup: String) {
    description = markup
  }

  init(stringInterpolation: StringInterpolation) {
    description = stringInterpolation.markup
  }

  static func + (markdown: Markdown, more: Markdown) -> Markdown {
    Markdown(stringLiteral: markdown.description + more.description)
  }

  static func += (markdown: inout Markdown, more: Markdown) {
    markdown.description += more.description
  }

  /// Lines joined with line breaks, a last one after them.
  static func document(_ lines: [Markdown]) -> String {
    var out = ""
    for line in lines {
      out += line.description
      out += "\n"
    }
    return out
  }

  struct StringInterpolation: StringInterpolationProtocol {
    fileprivate var markup = ""

    init(literalCapacity: Int, interpolationCount: Int) {
      markup.reserveCapacity(literalCapacity + 16 * interpolationCount)
    }

    mutating func appendLiteral(_ literal: String) {
      markup += literal
    }

    /// Any text: escaped.
    mutating func appendInterpolation(_ text: String) {
      markup.appendMarkdownEscaped(text)
    }

    mutating func appendInterpolation(_ markdown: Markdown) {
      markup += markdown.description
    }

    mutating func appendInterpolation(_ number: Int) {
      markup += String(number)
    }
  }
}

extension String {
  fileprivate mutating func appendMarkdownEscaped(_ text: String) {
    reserveCapacity(utf8.count + text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": self += "&amp;"
      case "<": self += "&lt;"
      case ">": self += "&gt;"
      case "\n", "\r": self += " "
      case "\\", "|", "*", "_", "`", "[", "]", "#", "~":
        self += "\\"
        unicodeScalars.append(scalar)
      default: unicodeScalars.append(scalar)
      }
    }
  }
}
