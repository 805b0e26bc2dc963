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

  /// The text wrapped at words to `width` cells (a word longer than a line is cut), and the
  /// cursor's (row, column) in that layout. One cell is kept free at the end of a line for the
  /// cursor; a space may take it.
  public func layout(width: Int) -> (lines: [String], cursorRow: Int, cursorColumn: Int) {
    let width = max(width, 2)
    let room = width - 1
    // Each row as indices into `characters`; a line break ends its row.
    var rows: [[Int]] = [[]]
    var rowWidth = 0
    func cells(_ row: ArraySlice<Int>) -> Int {
      row.reduce(0) { $0 + (characters[$1] == "\n" ? 0 : DisplayWidth.of(characters[$1])) }
    }
    for (index, character) in characters.enumerated() {
      if character == "\n" {
        rows[rows.count - 1].append(index)
        rows.append([])
        rowWidth = 0
        continue
      }
      let width = DisplayWidth.of(character)
      let current = rows[rows.count - 1]
      let fits = rowWidth + width <= room || (character == " " && rowWidth < room + 1)
      if fits || current.isEmpty {
        rows[rows.count - 1].append(index)
        rowWidth += width
        continue
      }
      // Break after the row's last space, carrying the word under way to the next row.
      if let space = current.lastIndex(where: { characters[$0] == " " }), space < current.count - 1
      {
        rows[rows.count - 1] = Array(current[...space])
        let carried = current[(space + 1)...]
        rows.append(Array(carried) + [index])
        rowWidth = cells(carried) + width
      } else {
        rows.append([index])
        rowWidth = width
      }
    }
    var cursorRow = rows.count - 1
    var cursorColumn = cells(rows[rows.count - 1][...])
    for (number, row) in rows.enumerated() {
      guard let position = row.firstIndex(of: cursor) else { continue }
      cursorRow = number
      cursorColumn = cells(row[..<position])
      break
    }
    let lines = rows.map { row in
      String(row.compactMap { characters[$0] == "\n" ? nil : characters[$0] })
    }
    return (lines, cursorRow, cursorColumn)
  }
}

extension TextEditor {
  /// Applies an editing key; other keys change nothing.
  mutating func apply(_ key: Key) {
    switch key {
    case .character(let character): insert(character)
    case .backspace: backspace()
    case .delete: deleteForward()
    case .left: moveLeft()
    case .right: moveRight()
    case .home, .control("a"): moveHome()
    case .end, .control("e"): moveEnd()
    case .up: moveVertically(-1)
    case .down: moveVertically(1)
    case .enter where multiline: insert("\n")
    case .paste(let text): insert(multiline ? text : text.replacingOccurrences(of: "\n", with: " "))
    default: break
    }
  }
}
