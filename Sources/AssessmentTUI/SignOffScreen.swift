import AssessmentCore
import AssessmentFrontEnd
import AssessmentReports
import Foundation

/// Management's decision form: the verdict it is taken on, the decision, who, role, reference,
/// day, conditions, and the row that records it; why it cannot be recorded, when it cannot.
struct SignOffScreen {
  let screen: Screen

  func draw(_ state: AppState, selection: Int, _ canvas: inout Canvas) {
    let language = state.language
    screen.header(state, &canvas, section: nil)
    let width = canvas.width - 4
    let report = screen.app.summaryReport(state)
    let colon = language.colon
    var lines: [(String, TextStyle)] = []
    func wrap(_ text: String, _ style: TextStyle) {
      for line in DisplayWidth.wrap(text, width: width) { lines.append((line, style)) }
    }
    wrap(TeamPhrase.signOffTitle.text(language), .bold)
    wrap(
      Phrase.verdict.text(language) + colon + report.verdictText(report.summary.verdict),
      TextStyle(bold: true, color: report.summary.verdict == .notAcceptable ? .warning : .accent))
    if let current = state.signOffs.last {
      wrap(report.decisionSentence(current), .dim)
    }
    wrap(TeamPhrase.signOffHint.text(language), .dim)
    lines.append(("", .plain))
    let fields = SignOffDraft.textFields
    let labels = ([SignOff.Field.decision] + fields).map { $0.label(language) }
    let labelWidth = (labels.map { DisplayWidth.of($0) }.max() ?? 10) + DisplayWidth.of(colon)
    func padded(_ label: String) -> String {
      let text = label + colon
      return text + String(repeating: " ", count: max(0, labelWidth - DisplayWidth.of(text)))
    }
    let draft = state.signOffDraft
    var cursorAt: (Int, Int)?
    var selectedLine = 0
    for row in 0..<App.signOffRows {
      let highlighted = row == selection
      let pointer = highlighted ? "› " : "  "
      if highlighted { selectedLine = lines.count }
      if row == 0 {
        let choices = SignOff.Decision.allCases.enumerated().map { index, decision in
          (decision == draft.decision ? "(•) " : "( ) ") + "\(index + 1). "
            + decision.words(language)
        }
        var style = TextStyle(bold: true)
        style.reverse = highlighted && state.field == nil
        for (index, choice) in choices.enumerated() {
          lines.append(
            (
              (index == 0
                ? pointer + padded(labels[0]) : String(repeating: " ", count: labelWidth + 2))
                + choice, style
            ))
        }
        continue
      }
      if row == App.signOffRows - 1 {
        lines.append(("", .plain))
        var style = TextStyle(bold: true)
        style.reverse = highlighted
        lines.append((pointer + "[ " + TeamPhrase.signOffRecord.text(language) + " ]", style))
        continue
      }
      let field = fields[row - 1]
      if case .signOff(field)? = state.field?.target, let editor = state.field?.editor {
        let layout = editor.layout(width: width - labelWidth - 2)
        for (index, line) in layout.lines.enumerated() {
          lines.append(
            (
              (index == 0
                ? "› " + padded(labels[row]) : String(repeating: " ", count: labelWidth + 2))
                + line, .underline
            ))
        }
        cursorAt = (
          lines.count - layout.lines.count + layout.cursorRow, labelWidth + 2 + layout.cursorColumn
        )
        continue
      }
      let today = String(Timestamp.format(state.now ?? state.wizard.metadata.updated).prefix(10))
      let value = field == .on && draft.on.isEmpty ? draft.day(today: today) : draft[field]
      var style = TextStyle(bold: !draft[field].isEmpty)
      style.reverse = highlighted
      let shown = value.isEmpty ? "—" : value
      for (index, piece) in DisplayWidth.wrap(shown, width: width - labelWidth - 2).enumerated() {
        lines.append(
          (
            (index == 0
              ? pointer + padded(labels[row]) : String(repeating: " ", count: labelWidth + 2))
              + piece, style
          ))
      }
    }
    if !state.signOffProblem.isEmpty {
      lines.append(("", .plain))
      for line in state.signOffProblem {
        wrap(line, TextStyle(bold: true, color: .warning))
      }
    }
    let top = 3
    let bottom = canvas.height - 4
    let focus = cursorAt?.0 ?? (state.signOffProblem.isEmpty ? selectedLine : lines.count - 1)
    let window = Viewport(
      offset: Viewport.settle(0, focus: focus, total: lines.count, rows: bottom - top),
      total: lines.count, rows: bottom - top)
    let first = screen.scrolled(
      lines, offset: window.offset, top: top, bottom: bottom, &canvas, language: language,
      cursorOn: selectedLine)
    if let (row, column) = cursorAt, window.shown.contains(row) {
      canvas.terminal.placeCursor(row: first + row - window.offset, column: 2 + column)
    }
    let keys =
      state.field == nil
      ? App.signOffFormKeys.keyBar(language) : App.textFieldKeys.keyBar(language)
    screen.footer(state, &canvas, keysText: keys)
  }
}
