import AssessmentCore
import AssessmentFrontEnd
import Foundation

/// The evidence references of the current question, and a field to add one.
struct EvidenceScreen {
  let screen: Screen

  func draw(_ state: AppState, editor: TextEditor, selection: Int?, _ canvas: inout Canvas) {
    let wizard = screen.app.wizard
    let questionnaire = wizard.questionnaire
    let language = state.language
    guard let question = wizard.current(state.wizard) else { return }
    screen.header(
      state, &canvas, section: questionnaire.sectionIndexOfQuestion[state.wizard.cursor])
    canvas.text(row: 3, column: 2, Phrase.evidenceTitle.text(language), .bold)
    canvas.text(
      row: 4, column: 2,
      DisplayWidth.truncate(
        questionnaire.text(question.text, language.rawValue), to: canvas.width - 4), .dim)
    // The reference being typed shows in the field only, even once handed over.
    var typing: Int?
    if case .evidence(let index)? = state.field?.target { typing = index }
    let items = (state.wizard.answers[question.id]?.evidence ?? []).enumerated().filter {
      $0.offset != typing
    }
    if items.isEmpty { canvas.text(row: 6, column: 4, Phrase.evidenceNone.text(language), .dim) }
    for (row, (index, item)) in items.enumerated().prefix(canvas.height - 12) {
      if index == selection { canvas.terminal.placeCursor(row: 6 + row, column: 2) }
      canvas.text(
        row: 6 + row, column: 2,
        DisplayWidth.truncate(
          "\(index == selection ? "›" : " ") \(index + 1). \(item.reference)", to: canvas.width - 4),
        index == selection ? .reverse : .plain)
    }
    let row = canvas.height - 5
    let prompt = Phrase.evidenceAdd.text(language)
    let layout = editor.layout(width: 10_000)
    let shown = DisplayWidth.truncate(
      layout.lines.first ?? "", to: canvas.width - DisplayWidth.of(prompt) - 6, ellipsis: false)
    canvas.text(row: row, column: 2, prompt, .bold)
    canvas.text(
      row: row, column: 2 + DisplayWidth.of(prompt),
      DisplayWidth.pad(shown, to: canvas.width - DisplayWidth.of(prompt) - 5), .underline)
    if selection == nil {
      canvas.terminal.placeCursor(
        row: row,
        column: 2 + DisplayWidth.of(prompt) + min(layout.cursorColumn, DisplayWidth.of(shown)))
    }
    screen.footer(state, &canvas, keysText: App.evidenceKeys.keyBar(state.language))
  }
}
