import AssessmentCore
import AssessmentFrontEnd
import Foundation

/// The review: what is left before finishing; each entry jumps to its question.
struct ReviewScreen {
  let screen: Screen

  func draw(_ state: AppState, _ canvas: inout Canvas) {
    let language = state.language
    screen.header(state, &canvas, section: nil)
    canvas.text(row: 2, column: 2, Phrase.reviewTitle.text(language), .bold)
    let entries = screen.app.reviewEntries(state)
    if entries.isEmpty {
      for (index, line) in DisplayWidth.wrap(
        Phrase.reviewEmpty.text(language), width: canvas.width - 4
      ).enumerated() {
        canvas.text(row: 4 + index, column: 2, line, TextStyle(bold: true, color: .good))
      }
      screen.footer(state, &canvas, keysText: App.reviewKeys.keyBar(state.language))
      return
    }
    var lines: [(String, TextStyle)] = []
    var target = 0
    var focus = 0
    for entry in entries {
      if entry.position == nil {
        lines.append((entry.text, TextStyle(bold: true, color: .accent)))
      } else {
        let selected = target == state.listSelection
        if selected { focus = lines.count }
        lines.append(
          (
            DisplayWidth.truncate("\(selected ? "›" : " ") \(entry.text)", to: canvas.width - 4),
            selected ? .reverse : .plain
          ))
        target += 1
      }
    }
    let offset = Viewport.settle(
      state.listOffset, focus: focus, total: lines.count, rows: canvas.height - 7)
    screen.scrolled(
      lines, offset: offset, top: 3, bottom: canvas.height - 4, &canvas, language: language,
      cursorOn: focus)
    screen.footer(state, &canvas, keysText: App.reviewKeys.keyBar(state.language))
  }
}
