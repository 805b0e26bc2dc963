import AssessmentCore
import AssessmentFrontEnd
import Foundation

/// The table of contents: sections that apply, with their progress.
struct ContentsScreen {
  let screen: Screen

  func draw(_ state: AppState, selection: Int, _ canvas: inout Canvas) {
    let wizard = screen.app.wizard
    let questionnaire = wizard.questionnaire
    screen.header(state, &canvas, section: nil)
    canvas.text(row: 2, column: 2, Phrase.contentsTitle.text(state.language), .bold)
    let sections = wizard.visibleSections(state.wizard)
    var lines: [(String, TextStyle)] = []
    for (index, section) in sections.enumerated() {
      let progress = wizard.progress(state.wizard, section: section)
      var count = "\(progress.verified)/\(progress.applicable)"
      if progress.toReverify > 0 {
        count =
          PlanPhrase.progressToReverify.format(state.language, progress.toReverify) + "  " + count
      }
      let title = questionnaire.text(questionnaire.sections[section].title, state.language.rawValue)
      let room = canvas.width - 8 - DisplayWidth.of(count)
      var style: TextStyle = progress.isComplete ? TextStyle(color: .good) : .plain
      if index == selection { style.reverse = true }
      lines.append(
        (
          DisplayWidth.pad("\(index == selection ? "›" : " ") " + title, to: room) + " " + count,
          style
        ))
    }
    let rows = canvas.height - 7
    let offset = Viewport.settle(state.listOffset, focus: selection, total: lines.count, rows: rows)
    screen.scrolled(
      lines, offset: offset, top: 3, bottom: canvas.height - 4, &canvas, language: state.language,
      cursorOn: selection)
    screen.footer(state, &canvas, keysText: App.contentsKeys.keyBar(state.language))
  }
}
