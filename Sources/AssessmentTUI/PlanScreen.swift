import AssessmentCore
import AssessmentFrontEnd
import AssessmentReports
import Foundation

/// The action plan of the current question's gap: status, owner, due date, reference, and the
/// risk acceptance decision (who, when, why, until when), with whether it counts.
struct PlanScreen {
  let screen: Screen

  func draw(_ state: AppState, selection: Int, _ canvas: inout Canvas) {
    let wizard = screen.app.wizard
    let questionnaire = wizard.questionnaire
    let language = state.language
    guard let question = wizard.current(state.wizard) else { return }
    screen.header(
      state, &canvas, section: questionnaire.sectionIndexOfQuestion[state.wizard.cursor])
    let width = canvas.width - 4
    let answer = state.wizard.answers[question.id]
    let action = answer?.action ?? PlanAction()
    let colon = language.colon
    var lines: [(String, TextStyle)] = []
    func wrap(_ text: String, _ style: TextStyle) {
      for line in DisplayWidth.wrap(text, width: width) { lines.append((line, style)) }
    }
    wrap(PlanPhrase.planTitle.text(language), .bold)
    let refs =
      question.refs.isEmpty
      ? question.id : questionnaire.citations(question.refs, language.rawValue)
    wrap(
      "§ \(refs) — " + questionnaire.text(question.text, language.rawValue),
      TextStyle(color: .accent))
    if let value = questionnaire.value(answer, question) {
      wrap(
        labelled(.answer, language) + " " + value.display(question, language, questionnaire), .plain
      )
    }
    wrap(PlanPhrase.planHelp.text(language), .dim)
    lines.append(("", .plain))
    let labels =
      [PlanPhrase.status.text(language)]
      + PlanAction.Field.allCases.map { $0.phrase.text(language) }
    let labelWidth = (labels.map { DisplayWidth.of($0) }.max() ?? 10) + DisplayWidth.of(colon)
    var cursorAt: (Int, Int)?
    // The line of the highlighted row, so that the screen scrolls to it.
    var selectedLine = 0
    for row in 0..<App.planRows {
      if row == 1 + (PlanAction.Field.allCases.firstIndex(of: .acceptedBy) ?? 3) {
        lines.append(("", .plain))
        lines.append((PlanPhrase.acceptanceSection.text(language), .bold))
      }
      let label = labels[row] + colon
      let padded =
        label + String(repeating: " ", count: max(0, labelWidth - DisplayWidth.of(label)))
      let highlighted = row == selection
      let pointer = highlighted ? "› " : "  "
      if highlighted { selectedLine = lines.count }
      if row == 0 {
        let choices = ActionStatus.allCases.enumerated().map { index, status in
          (status == action.status ? "(•) " : "( ) ") + "\(index + 1). "
            + status.phrase.text(language)
        }
        var style = TextStyle(bold: true)
        style.reverse = highlighted && state.field == nil
        // The four statuses on as many lines as the width needs (French ones do not fit on one
        // at 80 columns), the next lines under the first status.
        var rows = [""]
        for choice in choices {
          let candidate =
            rows[rows.count - 1].isEmpty ? choice : rows[rows.count - 1] + "  " + choice
          if rows[rows.count - 1].isEmpty || DisplayWidth.of(candidate) <= width - labelWidth - 2 {
            rows[rows.count - 1] = candidate
          } else {
            rows.append(choice)
          }
        }
        for (index, piece) in rows.enumerated() {
          lines.append(
            (
              (index == 0 ? pointer + padded : String(repeating: " ", count: labelWidth + 2))
                + piece, style
            ))
        }
        continue
      }
      let field = PlanAction.Field.allCases[row - 1]
      if case .action(field)? = state.field?.target, let editor = state.field?.editor {
        let layout = editor.layout(width: width - labelWidth - 2)
        for (index, line) in layout.lines.enumerated() {
          lines.append(
            (
              (index == 0 ? "› " + padded : String(repeating: " ", count: labelWidth + 2)) + line,
              .underline
            ))
        }
        cursorAt = (
          lines.count - layout.lines.count + layout.cursorRow, labelWidth + 2 + layout.cursorColumn
        )
        continue
      }
      // An owner left empty: whoever must act on the point carries the action.
      let empty =
        field == .owner
        ? questionnaire.owner(at: state.wizard.cursor).byDefault(language) : "—"
      let value = action[field].isEmpty ? empty : action[field]
      var style = TextStyle(bold: !action[field].isEmpty)
      style.reverse = highlighted
      for (index, piece) in DisplayWidth.wrap(value, width: width - labelWidth - 2).enumerated() {
        lines.append(
          (
            (index == 0 ? pointer + padded : String(repeating: " ", count: labelWidth + 2)) + piece,
            style
          ))
      }
    }
    // Whether the acceptance counts, and whether the action is overdue, today.
    let day = String(Timestamp.format(state.now ?? state.wizard.metadata.updated).prefix(10))
    lines.append(("", .plain))
    if action.status == .riskAccepted {
      var status = action.acceptance(on: day)
      let rules = wizard.blockingRules(holdingFor: question.id, state.wizard)
      if !rules.isEmpty { status = .blocking(rules.map(\.id)) }
      let text = SummaryReport.acceptanceText(
        status, action: action, questionnaire: questionnaire, language: language)
      wrap(
        PlanPhrase.acceptanceSection.text(language) + colon + text,
        TextStyle(bold: true, color: status.counts ? .accent : .warning))
    } else if action.isOverdue(on: day) {
      wrap(PlanPhrase.overdue.text(language), TextStyle(bold: true, color: .warning))
    }
    let top = 3
    let bottom = canvas.height - 4
    // The field being typed; else the highlighted row, with the title above it in view, and
    // the acceptance's standing below when an acceptance field is highlighted.
    let firstAcceptanceRow = 1 + (PlanAction.Field.allCases.firstIndex { $0.isAcceptance } ?? 3)
    let focus = cursorAt?.0 ?? (selection >= firstAcceptanceRow ? lines.count - 1 : selectedLine)
    let window = Viewport(
      offset: Viewport.settle(0, focus: focus, total: lines.count, rows: bottom - top),
      total: lines.count,
      rows: bottom - top)
    let first = screen.scrolled(
      lines, offset: window.offset, top: top, bottom: bottom, &canvas, language: language,
      cursorOn: selectedLine)
    if let (row, column) = cursorAt, window.shown.contains(row) {
      canvas.terminal.placeCursor(row: first + row - window.offset, column: 2 + column)
    }
    screen.footer(state, &canvas, keysText: App.planFormKeys.keyBar(state.language))
  }
}
