import AssessmentFrontEnd
import Foundation

/// A terminal in memory: a grid of cells, for tests and benchmarks.
public final class MemoryTerminal: Terminal {
  public struct Cell: Equatable, Sendable {
    /// The character drawn here; "" for the second cell of a wide character.
    public var text: String
    public var style: TextStyle
  }

  public private(set) var size: (width: Int, height: Int)
  public var usesColor: Bool
  public private(set) var cells: [[Cell]]
  public private(set) var cursor: (row: Int, column: Int)?
  /// Keys to hand out, in order.
  public var pendingKeys: [Key] = []
  public private(set) var presentCount = 0

  public init(width: Int = 80, height: Int = 24, usesColor: Bool = false) {
    size = (width, height)
    self.usesColor = usesColor
    cells = Self.blank(width: width, height: height)
  }

  private static func blank(width: Int, height: Int) -> [[Cell]] {
    Array(
      repeating: Array(repeating: Cell(text: " ", style: .plain), count: max(width, 0)),
      count: max(height, 0))
  }

  public func resize(width: Int, height: Int) {
    size = (width, height)
    cells = Self.blank(width: width, height: height)
    pendingKeys.insert(.resize, at: 0)
  }

  public func clear() {
    // In place: a redraw per keystroke should not reallocate the grid.
    let blank = Cell(text: " ", style: .plain)
    for row in cells.indices {
      for column in cells[row].indices where cells[row][column] != blank {
        cells[row][column] = blank
      }
    }
  }

  public func draw(row: Int, column: Int, _ text: String, style: TextStyle) {
    guard row >= 0, row < size.height else { return }
    var position = column
    for character in text {
      let width = DisplayWidth.of(character)
      if width == 0 {
        if position > 0, position - 1 < size.width, position - 1 >= 0 {
          cells[row][position - 1].text.append(character)
        }
        continue
      }
      guard position + width <= size.width else { break }
      if position >= 0 {
        cells[row][position] = Cell(text: String(character), style: style)
        if width == 2 { cells[row][position + 1] = Cell(text: "", style: style) }
      }
      position += width
    }
  }

  public func placeCursor(row: Int, column: Int) { cursor = (row, column) }
  public func hideCursor() { cursor = nil }
  public func present() { presentCount += 1 }

  public func readKey(timeoutMilliseconds: Int) -> Key? {
    pendingKeys.isEmpty ? nil : pendingKeys.removeFirst()
  }

  /// The screen as text, one string per row, trailing spaces removed.
  public var lines: [String] {
    cells.map { row in
      var line = row.map(\.text).joined()
      while line.hasSuffix(" ") { line.removeLast() }
      return line
    }
  }

  /// The screen as one text, rows joined by newlines.
  public var snapshot: String { lines.joined(separator: "\n") }

  /// The character at a cell.
  public func text(row: Int, column: Int) -> String { cells[row][column].text }

  public func style(row: Int, column: Int) -> TextStyle { cells[row][column].style }
}
