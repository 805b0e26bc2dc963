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
    for (row, line) in DisplayWidth.wrap(
      Phrase.identificationHelp.text(language), width: canvas.width - 4
    ).prefix(2).enumerated() {
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
      let editor =
        focused ? state.field?.editor ?? TextEditor() : TextEditor(state.wizard.metadata[field])
      let layout = editor.layout(width: 10_000)
      var shown = layout.lines.first ?? ""
      var cursorColumn = focused ? layout.cursorColumn : 0
      if DisplayWidth.of(shown) >= fieldWidth {
        let cut = max(0, cursorColumn - fieldWidth + 2)
        shown = String(shown.dropFirst(cut))
        cursorColumn -= cut
      }
      canvas.text(
        row: row, column: labelWidth + 4, DisplayWidth.pad(shown, to: fieldWidth),
        focused ? .underline : .plain)
      if focused { canvas.terminal.placeCursor(row: row, column: labelWidth + 4 + cursorColumn) }
    }
    canvas.text(row: 16, column: 2, Phrase.identificationNext.text(language), .dim)
    // What the questionnaire is about, in the rows left above the footer.
    let questionnaire = screen.questionnaire
    if questionnaire.description != nil, canvas.height > 21 {
      let width = canvas.width - 4
      var lines = DisplayWidth.wrap(screen.app.aboutText(language), width: width)
      let room = canvas.height - 21
      if lines.count > room {
        // Cut: the last row says so and how to read the rest (F1).
        lines = Array(lines.prefix(room))
        let hint = Phrase.descriptionMore.text(language)
        let space = width - DisplayWidth.of(hint) - 1
        let last = lines[lines.count - 1]
        let cut =
          DisplayWidth.of(last) < space ? last + "…" : DisplayWidth.truncate(last, to: space)
        lines[lines.count - 1] = cut + " " + hint
      }
      for (row, line) in lines.enumerated() {
        canvas.text(row: 18 + row, column: 2, line, .dim)
      }
    }
    screen.footer(state, &canvas, keysText: App.formKeys.keyBar(state.language))
  }

  func drawAbout(_ state: AppState, scroll: Int, _ canvas: inout Canvas) {
    screen.header(state, &canvas, section: nil)
    screen.scrolled(
      screen.app.aboutLines(state, width: canvas.width - 4), offset: scroll, top: 3,
      bottom: canvas.height - 4, &canvas,
      language: state.language)
    screen.footer(state, &canvas, keysText: App.aboutKeys.keyBar(state.language))
  }
}
