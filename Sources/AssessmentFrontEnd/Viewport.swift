import Foundation

/// Which lines of a long list show in a number of rows. The marks "more above" and "more below"
/// take a row of their own, so no line is ever hidden under one: paging by ``page(rows:)``
/// shows every line (with one line of overlap).
public struct Viewport: Equatable {
  /// The first line shown, clamped.
  public let offset: Int
  public let total: Int
  public let rows: Int

  public init(offset: Int, total: Int, rows: Int) {
    self.total = total
    self.rows = max(rows, 3)
    self.offset = min(max(0, offset), Self.maxOffset(total: total, rows: rows))
  }

  public var showsAbove: Bool { offset > 0 }
  public var showsBelow: Bool { total - offset > rows - (showsAbove ? 1 : 0) }
  /// The lines shown, in order.
  public var shown: Range<Int> {
    let count = min(total - offset, rows - (showsAbove ? 1 : 0) - (showsBelow ? 1 : 0))
    return offset..<(offset + max(0, count))
  }

  /// The largest useful offset: the last line shows on the last row.
  public static func maxOffset(total: Int, rows: Int) -> Int {
    let rows = max(rows, 3)
    return total <= rows ? 0 : total - (rows - 1)
  }

  /// How far a page moves: what shows between both marks, less one line of overlap.
  public static func page(rows: Int) -> Int { max(1, max(rows, 3) - 3) }

  /// `offset` moved as little as needed for line `focus` to show.
  public static func settle(_ offset: Int, focus: Int?, total: Int, rows: Int) -> Int {
    var offset = Viewport(offset: offset, total: total, rows: rows).offset
    guard let focus, focus >= 0, focus < total else { return offset }
    if focus < offset { offset = focus }
    if !Viewport(offset: offset, total: total, rows: rows).shown.contains(focus) {
      offset =
        focus <= rows - 2 ? 0 : min(maxOffset(total: total, rows: rows), focus - (max(rows, 3) - 3))
    }
    return offset
  }

  /// `offset` moved as little as possible so that the lines of `range` show, as long as line
  /// `anchor` (the cursor's) still shows; when both cannot, as many of `range`'s lines as fit
  /// beside the anchor.
  public static func reveal(
    _ range: Range<Int>, keeping anchor: Int?, offset: Int, total: Int, rows: Int
  ) -> Int {
    let current = Viewport(offset: offset, total: total, rows: rows).offset
    guard !range.isEmpty else { return current }
    var best = current
    var bestCount = -1
    var bestDistance = Int.max
    for candidate in 0...maxOffset(total: total, rows: rows) {
      let shown = Viewport(offset: candidate, total: total, rows: rows).shown
      if let anchor, anchor >= 0, anchor < total, !shown.contains(anchor) { continue }
      let count = range.clamped(to: shown).count
      let distance = abs(candidate - current)
      if count > bestCount || (count == bestCount && distance < bestDistance) {
        (best, bestCount, bestDistance) = (candidate, count, distance)
      }
    }
    return best
  }

  /// The offset a page further or back.
  public static func paged(_ offset: Int, forward: Bool, total: Int, rows: Int) -> Int {
    let current = Viewport(offset: offset, total: total, rows: rows).offset
    return Viewport(
      offset: current + (forward ? 1 : -1) * page(rows: rows), total: total, rows: rows
    ).offset
  }
}
