import AssessmentCore
import AssessmentFrontEnd
import Foundation

/// The start screen drawn on a terminal, and its loop.
extension StartMenu {
  public func draw(on terminal: Terminal) {
    terminal.clear()
    terminal.hideCursor()
    let (width, height) = terminal.size
    if width < AppState.minimumWidth || height < AppState.minimumHeight {
      terminal.draw(
        row: height / 2, column: 0, FrontEndText.tooSmall.format(language, width, height),
        style: .bold)
      terminal.present()
      return
    }
    terminal.draw(row: 0, column: 0, String(repeating: " ", count: width), style: .reverse)
    terminal.draw(
      row: 0, column: 1,
      DisplayWidth.truncate(FrontEndText.startTitle.text(language), to: width - 2),
      style: TextStyle(bold: true, reverse: true))
    var row = 2
    let items = self.items
    let visible = height - 6
    let offset = selection >= visible ? selection - visible + 1 : 0
    if entries.isEmpty && offersNew {
      terminal.draw(
        row: height - 4, column: 2, FrontEndText.startNoSessions.text(language), style: .dim)
    }
    for (index, item) in items.enumerated().dropFirst(offset).prefix(visible) {
      let selected = index == selection
      let detailWidth = DisplayWidth.of(item.1)
      let title = DisplayWidth.pad((selected ? "› " : "  ") + item.0, to: width - 6 - detailWidth)
      terminal.draw(
        row: row, column: 2, title + "  " + item.1,
        style: selected ? .reverse : (index == 0 && offersNew ? .bold : .plain))
      if selected { terminal.placeCursor(row: row, column: 2) }
      row += 1
    }
    let keys = StartMenu.keys.keyBar(language)
    terminal.draw(row: height - 1, column: 0, String(repeating: " ", count: width), style: .reverse)
    terminal.draw(
      row: height - 1, column: 1, DisplayWidth.truncate(keys, to: width - 2), style: .reverse)
    terminal.present()
  }

  /// Shows the menu until a choice is made.
  public mutating func run(on terminal: Terminal, signal: () -> Int32? = { nil }) -> Choice {
    draw(on: terminal)
    while true {
      if signal() != nil { return .quit }
      guard let key = terminal.readKey(timeoutMilliseconds: 250) else { continue }
      if let choice = handle(key) { return choice }
      draw(on: terminal)
    }
  }
}
