import AssessmentCore
import AssessmentFrontEnd
import AssessmentReports
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
    // The reference being typed shows in the field only, even once handed over; the record
    // whose day or file is being typed is marked.
    var typing: Int?
    var marked: Int? = selection
    switch state.field?.target {
    case .evidence(let index)?: typing = index
    case .evidenceDay(let index, _)?, .evidenceFile(let index)?: marked = index
    default: break
    }
    let items = (state.wizard.answers[question.id]?.evidence ?? []).enumerated().filter {
      $0.offset != typing
    }
    if items.isEmpty { canvas.text(row: 6, column: 4, Phrase.evidenceNone.text(language), .dim) }
    for (row, (index, item)) in items.enumerated().prefix(canvas.height - 12) {
      if index == selection { canvas.terminal.placeCursor(row: 6 + row, column: 2) }
      let words = EvidencePhrase.describe(item, language, asOf: state.wizard.day)
      canvas.text(
        row: 6 + row, column: 2,
        DisplayWidth.truncate(
          "\(index == marked ? "›" : " ") \(index + 1). \(words)", to: canvas.width - 4),
        index == marked ? .reverse : .plain)
    }
    let row = canvas.height - 5
    var prompt = Phrase.evidenceAdd.text(language)
    switch state.field?.target {
    case .evidenceDay(let index, let part)?:
      prompt = (part == .issuedOn ? FieldPrompt.issuedOn : .validUntil).format(language, index + 1)
    case .evidenceFile(let index)?: prompt = FieldPrompt.file.format(language, index + 1)
    default: break
    }
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

/// The prompts of a record's parts.
enum FieldPrompt: TranslatedText {
  case issuedOn, validUntil, file

  var translations: (String, String, String) {
    switch self {
    case .issuedOn:
      return (
        "Preuve %1, délivrée le (AAAA-MM-JJ) : ", "Evidence %1, issued on (YYYY-MM-DD): ",
        "Bewijsstuk %1, uitgereikt op (JJJJ-MM-DD): "
      )
    case .validUntil:
      return (
        "Preuve %1, valable jusqu'au (AAAA-MM-JJ) : ", "Evidence %1, valid until (YYYY-MM-DD): ",
        "Bewijsstuk %1, geldig tot (JJJJ-MM-DD): "
      )
    case .file:
      return (
        "Preuve %1, fichier à joindre : ", "Evidence %1, file to attach: ",
        "Bewijsstuk %1, bij te voegen bestand: "
      )
    }
  }
}
