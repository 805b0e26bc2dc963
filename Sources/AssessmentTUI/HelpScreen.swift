import AssessmentCore
import AssessmentFrontEnd
import AssessmentReports
import Foundation

/// Help for the current question: why, evidence, remediation, mappings, the condition.
struct HelpScreen {
  let screen: Screen

  func draw(_ state: AppState, scroll: Int, _ canvas: inout Canvas) {
    screen.header(
      state, &canvas,
      section: screen.app.wizard.questionnaire.sectionIndexOfQuestion[state.wizard.cursor])
    let lines = screen.app.helpLines(state, width: canvas.width - 4)
    // The cursor on the first line shown: a reader follows the help as it scrolls.
    let shown = Viewport(offset: scroll, total: lines.count, rows: canvas.height - 7).offset
    screen.scrolled(
      lines, offset: scroll, top: 3, bottom: canvas.height - 4, &canvas, language: state.language,
      cursorOn: shown)
    screen.footer(state, &canvas, keysText: App.helpScreenKeys.keyBar(state.language))
  }
}
