import Foundation

/// Display width of text in terminal cells, as wcwidth counts it: combining marks take none,
/// East Asian wide characters and emoji take two, the rest one.
public enum DisplayWidth {
  public static func of(_ character: Character) -> Int {
    // Printable ASCII and Latin-1 (nearly every character of the questionnaires): one cell,
    // without looking up Unicode properties, which dominated the cost of drawing a screen.
    if let ascii = character.asciiValue {
      return ascii >= 0x20 && ascii < 0x7F ? 1 : 0
    }
    guard let first = character.unicodeScalars.first else { return 0 }
    if first.value >= 0xA0, first.value <= 0xFF, first.value != 0xAD,
      character.unicodeScalars.count == 1
    {
      return 1
    }
    if character.unicodeScalars.count > 1,
      character.unicodeScalars.contains(where: {
        $0.value == 0xFE0F || $0.properties.isEmojiPresentation
      })
    {
      return 2
    }
    return of(first)
  }

  public static func of(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value == 0 { return 0 }
    if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    if value == 0x200B { return 0 }
    if isWide(value) || (scalar.properties.isEmojiPresentation && value >= 0x2300) { return 2 }
    return 1
  }

  public static func of(_ text: String) -> Int {
    // All printable ASCII: one cell per byte.
    if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
    return text.reduce(0) { $0 + of($1) }
  }

  private static func isWide(_ value: UInt32) -> Bool {
    switch value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
      return true
    default:
      return false
    }
  }

  /// The longest prefix of `text` that fits in `width` cells; with `ellipsis`, a cut text ends
  /// in "…".
  public static func truncate(_ text: String, to width: Int, ellipsis: Bool = true) -> String {
    guard width > 0 else { return "" }
    if of(text) <= width { return text }
    let limit = ellipsis ? width - 1 : width
    var result = ""
    var used = 0
    for character in text {
      let cells = of(character)
      if used + cells > limit { break }
      result.append(character)
      used += cells
    }
    return ellipsis ? result + "…" : result
  }

  /// Pads `text` with spaces to `width` cells (truncating it when longer).
  public static func pad(_ text: String, to width: Int) -> String {
    let cut = truncate(text, to: width)
    return cut + String(repeating: " ", count: max(0, width - of(cut)))
  }

  /// Wraps text to lines of at most `width` cells, at spaces where possible; newlines start
  /// new lines and blank lines are kept. French puts a space before « : ; ! ? » and after «:
  /// the mark stays with its word, as a no-break space would keep it (the texts, many of them
  /// typed by people, use plain spaces), unless the two do not fit on one line.
  public static func wrap(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = ""
      var lineWidth = 0
      for word in unbreakable(paragraph, width: width) {
        var word = word
        var wordWidth = of(word)
        if lineWidth > 0, lineWidth + 1 + wordWidth <= width {
          line += " " + word
          lineWidth += 1 + wordWidth
          continue
        }
        if lineWidth > 0 {
          lines.append(line)
          line = ""
          lineWidth = 0
        }
        while wordWidth > width {
          let head = truncate(word, to: width, ellipsis: false)
          lines.append(head)
          word = String(word.dropFirst(head.count))
          wordWidth = of(word)
        }
        line = word
        lineWidth = wordWidth
      }
      lines.append(line)
    }
    return lines
  }

  private static let markAfterSpace: Set<Character> = [":", ";", "!", "?", "»"]

  /// The words of `paragraph`, a French mark joined to the word before it and « to the word
  /// after it, when the two fit in `width`.
  private static func unbreakable(_ paragraph: Substring, width: Int) -> [String] {
    var units: [String] = []
    var openQuote = false
    for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
      if let last = units.last, openQuote || word.first.map(markAfterSpace.contains) == true,
        of(last) + 1 + of(String(word)) <= width
      {
        units[units.count - 1] = last + " " + word
      } else {
        units.append(String(word))
      }
      openQuote = word.last == "«"
    }
    return units
  }
}
