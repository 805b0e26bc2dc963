import Foundation

/// A text being edited: characters (grapheme clusters, so backspace removes one character, not
/// one byte) and a cursor. Pure; the screens lay it out.
public struct TextEditor: Equatable, Sendable {
  public private(set) var characters: [Character]
  /// Index in `characters` before which the cursor stands.
  public private(set) var cursor: Int
  public let multiline: Bool
  public let limit: Int

  public init(_ text: String = "", multiline: Bool = false, limit: Int = 100_000) {
    characters = Array(text.prefix(limit))
    cursor = characters.count
    self.multiline = multiline
    self.limit = limit
  }

  public var text: String { String(characters) }

  public mutating func insert(_ character: Character) {
    guard characters.count < limit else { return }
    if character == "\n" && !multiline { return }
    characters.insert(character, at: cursor)
    cursor += 1
  }

  public mutating func insert(_ text: String) {
    for character in text { insert(character) }
  }

  public mutating func backspace() {
    guard cursor > 0 else { return }
    characters.remove(at: cursor - 1)
    cursor -= 1
  }

  public mutating func deleteForward() {
    guard cursor < characters.count else { return }
    characters.remove(at: cursor)
  }

  public mutating func moveLeft() { cursor = max(0, cursor - 1) }
  public mutating func moveRight() { cursor = min(characters.count, cursor + 1) }

  public mutating func moveHome() {
    while cursor > 0, characters[cursor - 1] != "\n" { cursor -= 1 }
  }

  public mutating func moveEnd() {
    while cursor < characters.count, characters[cursor] != "\n" { cursor += 1 }
  }

  /// Moves to the same column of the previous or next logical line.
  public mutating func moveVertically(_ delta: Int) {
    var lineStart = cursor
    while lineStart > 0, characters[lineStart - 1] != "\n" { lineStart -= 1 }
    let column = cursor - lineStart
    if delta < 0 {
      guard lineStart > 0 else { return }
      var previousStart = lineStart - 1
      while previousStart > 0, characters[previousStart - 1] != "\n" { previousStart -= 1 }
      cursor = min(previousStart + column, lineStart - 1)
    } else {
      var nextStart = cursor
      while nextStart < characters.count, characters[nextStart] != "\n" { nextStart += 1 }
      guard nextStart < characters.count else { return }
      nextStart += 1
      var nextEnd = nextStart
      while nextEnd < characters.count, characters[nextEnd] != "\n" { nextEnd += 1 }
      cursor = min(nextStart + column, nextEnd)
    }
  }

  /// The text wrapped to `width` cells, and the cursor's (row, column) in that layout.
  public func layout(width: Int) -> (lines: [String], cursorRow: Int, cursorColumn: Int) {
    let width = max(width, 2)
    var lines: [String] = [""]
    var lineWidth = 0
    var cursorRow = 0
    var cursorColumn = 0
    for (index, character) in characters.enumerated() {
      if index == cursor {
        cursorRow = lines.count - 1
        cursorColumn = lineWidth
      }
      if character == "\n" {
        lines.append("")
        lineWidth = 0
        continue
      }
      let cells = DisplayWidth.of(character)
      if lineWidth + cells > width - 1 {
        lines.append("")
        lineWidth = 0
        if index == cursor {
          cursorRow = lines.count - 1
          cursorColumn = 0
        }
      }
      lines[lines.count - 1].append(character)
      lineWidth += cells
    }
    if cursor == characters.count {
      cursorRow = lines.count - 1
      cursorColumn = lineWidth
    }
    return (lines, cursorRow, cursorColumn)
  }
}
