import AssessmentCore
import AssessmentFrontEnd
import AssessmentReports
import Foundation

/// The risk summary, scrollable; a line about a question jumps to it.
struct SummaryScreen {
  let screen: Screen

  func draw(_ state: AppState, _ canvas: inout Canvas) {
    var sized = state
    sized.width = canvas.width
    sized.height = canvas.height
    let lines = screen.app.summaryLines(sized)
    let levels = screen.app.wizard.questionnaire.riskModel.levels.map(\.id)
    screen.header(state, &canvas, section: nil)
    canvas.text(row: 2, column: 2, Phrase.summaryTitle.text(state.language), .bold)
    let selection = min(state.listSelection, max(lines.count - 1, 0))
    let styled: [(String, TextStyle)] = lines.enumerated().map { index, line in
      var style = Self.style(line.emphasis, levels: levels)
      if index == selection { style.reverse = true }
      return (line.text, style)
    }
    let offset = Viewport.settle(
      state.listOffset, focus: selection, total: styled.count, rows: canvas.height - 7)
    screen.scrolled(
      styled, offset: offset, top: 3, bottom: canvas.height - 4, &canvas, language: state.language,
      cursorOn: selection)
    let keys = state.wizard.phase == .finished ? App.finishedSummaryKeys : App.summaryKeys
    screen.footer(state, &canvas, keysText: keys.keyBar(state.language))
  }

  static func style(_ emphasis: SummaryLine.Emphasis, levels: [String]) -> TextStyle {
    switch emphasis {
    case .plain: return .plain
    case .title, .heading: return .bold
    case .dim: return .dim
    case .verdict(.acceptable): return TextStyle(bold: true, color: .good)
    case .verdict(.acceptableWithConditions): return TextStyle(bold: true, color: .warning)
    case .verdict(.notAcceptable): return TextStyle(bold: true, underline: true, color: .danger)
    case .level(let id):
      let rank = levels.firstIndex(of: id) ?? 0
      let top = max(levels.count - 1, 1)
      if rank >= top { return TextStyle(bold: true, color: .critical) }
      if rank == top - 1 { return TextStyle(bold: true, color: .danger) }
      return TextStyle(color: rank == 0 ? .good : .warning)
    }
  }
}
