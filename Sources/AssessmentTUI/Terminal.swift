import AssessmentFrontEnd
import Foundation

/// What the screens draw on: the real terminal (ncurses) or an in-memory one for tests.
public protocol Terminal: AnyObject {
  /// Columns and rows.
  var size: (width: Int, height: Int) { get }
  /// Whether colours may be used (false with `NO_COLOR` or a monochrome terminal).
  var usesColor: Bool { get }
  func clear()
  /// Draws `text` from (row, column), cut at the right edge. Columns count display cells.
  func draw(row: Int, column: Int, _ text: String, style: TextStyle)
  /// Where the text cursor shows, or nil to hide it.
  func placeCursor(row: Int, column: Int)
  func hideCursor()
  /// Shows what was drawn.
  func present()
  /// The next key, or nil after `timeoutMilliseconds` without one (negative: wait).
  func readKey(timeoutMilliseconds: Int) -> Key?
}
