import AssessmentCore
import AssessmentFrontEnd
import Foundation

/// The identification form: organisation, assessor, provider, service.
struct IdentificationScreen {
  let screen: Screen

  func draw(_ state: AppState, _ canvas: inout Canvas) {
    let language = state.language
    screen.header(state, &canvas, section: nil)
    canvas.text(row: 3, column: 2, Phrase.identificationTitle.text(language), .bold)
    for (row, line) in DisplayWidth.wrap(Phrase.identificationHelp.text(language), width: canvas.width - 4).prefix(2).enumerated() {
      canvas.text(row: 4 + row, column: 2, line, .dim)
    }
    let fields = SessionMetadata.Field.allCases
    // The questionnaire's own wording for its fields (the built-in one: "Cloud service provider").
    func label(_ field: SessionMetadata.Field) -> String {
      screen.questionnaire.identificationLabel(field, language) + (language == .fr ? " :" : ":")
    }
    let labelWidth = fields.map { DisplayWidth.of(label($0)) }.max() ?? 10
    let fieldWidth = canvas.width - labelWidth - 8
    for (index, field) in fields.enumerated() {
      let row = 7 + index * 2
      let focused = index == state.formField
      canvas.text(row: row, column: 2, label(field), focused ? .bold : .plain)
      let editor = focused ? state.field?.editor ?? TextEditor() : TextEditor(state.wizard.metadata[field])
      let layout = editor.layout(width: 10_000)
      var shown = layout.lines.first ?? ""
      var cursorColumn = focused ? layout.cursorColumn : 0
      if DisplayWidth.of(shown) >= fieldWidth {
        let cut = max(0, cursorColumn - fieldWidth + 2)
        shown = String(shown.dropFirst(cut))
        cursorColumn -= cut
      }
      canvas.text(row: row, column: labelWidth + 4, DisplayWidth.pad(shown, to: fieldWidth), focused ? .underline : .plain)
      if focused { canvas.terminal.placeCursor(row: row, column: labelWidth + 4 + cursorColumn) }
    }
    canvas.text(row: 16, column: 2, Phrase.identificationNext.text(language), .dim)
    // What the questionnaire is about, in the rows left above the footer.
    let questionnaire = screen.questionnaire
    if let description = questionnaire.description, canvas.height > 21 {
      let text = questionnaire.text(questionnaire.title, language.rawValue) + " — "
        + questionnaire.text(description, language.rawValue)
      for (row, line) in DisplayWidth.wrap(text, width: canvas.width - 4).prefix(canvas.height - 21).enumerated() {
        canvas.text(row: 18 + row, column: 2, line, .dim)
      }
    }
    screen.footer(state, &canvas, keys: .form)
  }
}
