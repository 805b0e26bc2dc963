import AssessmentCore
import AssessmentFrontEnd
import AssessmentReports
import Foundation

/// The screen of one question: reference, question, explanation, choices, note, evidence, flag.
struct QuestionScreen {
  let screen: Screen

  func draw(_ state: AppState, _ canvas: inout Canvas) {
    let wizard = screen.app.wizard
    let questionnaire = wizard.questionnaire
    let language = state.language
    guard let question = wizard.current(state.wizard) else {
      screen.header(state, &canvas, section: nil)
      canvas.text(row: 4, column: 2, Phrase.allAnswered.text(language), .bold)
      screen.footer(state, &canvas, keysText: App.questionKeyBar(.choice, state.language))
      return
    }
    let section = questionnaire.sectionIndexOfQuestion[state.wizard.cursor]
    screen.header(state, &canvas, section: section)
    let width = canvas.width - 4
    let answer = state.wizard.answers[question.id]
    var cursorAt: (Int, Int)?
    var lines: [(String, TextStyle)] = []
    var focus: Int?
    func wrap(_ text: String, _ style: TextStyle, indent: String = "") {
      for line in DisplayWidth.wrap(text, width: width - DisplayWidth.of(indent)) {
        lines.append((indent + line, style))
      }
    }
    // The section's introduction and references, on its first question (either may be absent).
    let firstOfSection = questionnaire.sectionRanges[section].first { state.wizard.visibility[$0] }
    let model = questionnaire.sections[section]
    if firstOfSection == state.wizard.cursor, model.introduction != nil || !model.refs.isEmpty {
      if let introduction = model.introduction {
        wrap(questionnaire.text(introduction, language.rawValue), .dim)
      }
      if !model.refs.isEmpty {
        wrap("§ " + questionnaire.citations(model.refs, language.rawValue), .dim)
      }
      lines.append(("", .plain))
    }
    // Citations as a reader finds them in the published text, not the questionnaire's ids.
    var reference =
      question.refs.isEmpty ? "" : "§ " + questionnaire.citations(question.refs, language.rawValue)
    if let severity = question.severity {
      reference +=
        (reference.isEmpty ? "" : " · ") + labelled(.severity, language) + " "
        + severity.phrase.text(language)
    }
    if !question.protects.isEmpty {
      reference +=
        " · " + question.protects.map { $0.phrase.text(language) }.joined(separator: ", ")
    }
    // Who must act on the point; on a line of its own rather than split after its heading.
    let owner = questionnaire.owner(at: state.wizard.cursor).labelled(language)
    if !reference.isEmpty, DisplayWidth.of(reference + " · " + owner) > width {
      wrap(reference, TextStyle(color: .accent))
      reference = ""
    }
    reference += (reference.isEmpty ? "" : " · ") + owner
    if !reference.isEmpty { wrap(reference, TextStyle(color: .accent)) }
    // A point the reference text does not demand says so, for when a provider objects.
    if let basis = SummaryReport.basisText(question, language) {
      wrap("(" + basis + ")", TextStyle(bold: true, color: .warning))
    }
    // The cursor's line when nothing is highlighted: the question itself.
    let questionLine = lines.count
    wrap(questionnaire.text(question.text, language.rawValue), .bold)
    lines.append(("", .plain))
    wrap(questionnaire.text(question.help, language.rawValue), .plain)
    lines.append(("", .plain))
    let choices = question.choices(language, questionnaire)
    let highlight = state.mode == .browsing ? state.optionCursor : nil
    switch question.type {
    case .derogation:
      var record = DerogationRecord()
      if case .derogation(let recorded)? = answer?.value { record = recorded }
      // Whether the record counts today, above its fields so that both are in view.
      if let standing = DerogationStanding.of(question, in: state, questionnaire: questionnaire) {
        wrap(
          labelled(.derogationStatus, language) + " " + standing.text,
          TextStyle(bold: true, color: standing.counts ? .accent : .warning))
        lines.append(("", .plain))
      }
      let fields = DerogationRecord.Field.allCases
      // The fields a derogation needs to count are marked, the mark explained under the form.
      let labels = fields.map {
        SummaryReport.derogationFieldLabel($0, language) + ($0.isRequired ? " *" : "")
          + language.colon
      }
      let labelWidth = labels.map { DisplayWidth.of($0) }.max() ?? 10
      for (index, field) in fields.enumerated() {
        let label =
          labels[index] + String(repeating: " ", count: labelWidth - DisplayWidth.of(labels[index]))
        let blank = String(repeating: " ", count: labelWidth + 2)
        if state.mode == .editingAnswer, case .derogation(field)? = state.field?.target,
          let editor = state.field?.editor
        {
          let layout = editor.layout(width: width - labelWidth - 2)
          focus = lines.count + layout.cursorRow
          for (row, line) in layout.lines.enumerated() {
            lines.append(((row == 0 ? "› " + label : blank) + line, .underline))
          }
          cursorAt = (
            lines.count - layout.lines.count + layout.cursorRow,
            labelWidth + 2 + layout.cursorColumn
          )
          continue
        }
        let highlighted = index == highlight
        // The highlighted field in view, else the first one (with the question above it).
        if highlighted || (highlight == nil && index == 0) { focus = lines.count }
        if highlighted { cursorAt = (lines.count, 0) }
        var style = TextStyle(bold: !record[field].isEmpty)
        if highlighted { style.reverse = true }
        let value = record[field].isEmpty ? "—" : record[field]
        for (row, line) in DisplayWidth.wrap(value, width: width - labelWidth - 2).enumerated() {
          lines.append(((row == 0 ? (highlighted ? "› " : "  ") + label : blank) + line, style))
        }
      }
      wrap(Phrase.derogationRequiredFields.text(language), TextStyle(dim: true))
    case .text, .number, .date:
      let label: String
      switch question.type {
      case .number: label = Phrase.numberHere.text(language)
      case .date: label = Phrase.dateHere.text(language)
      default: label = Phrase.answerHere.text(language)
      }
      let labelWidth = DisplayWidth.of(label)
      let blank = String(repeating: " ", count: labelWidth)
      if state.mode == .editingAnswer, let editor = state.field?.editor {
        let layout = editor.layout(width: width - labelWidth - 2)
        focus = lines.count + layout.cursorRow
        for (index, line) in layout.lines.enumerated() {
          lines.append(((index == 0 ? label : blank) + line, .underline))
        }
        cursorAt = (
          lines.count - layout.lines.count + layout.cursorRow, labelWidth + layout.cursorColumn
        )
      } else {
        let value = answer?.value.map { $0.display(question, language, questionnaire) } ?? "—"
        focus = lines.count
        cursorAt = (lines.count, 0)
        // Wrapped at words under the label, never cut.
        let wrapped = value.split(separator: "\n", omittingEmptySubsequences: false).flatMap {
          DisplayWidth.wrap(String($0), width: width - labelWidth - 2)
        }
        for (index, line) in wrapped.enumerated() {
          lines.append(((index == 0 ? "› " + label : "  " + blank) + line, TextStyle(bold: true)))
        }
      }
    default:
      for (index, choice) in choices.enumerated() {
        let selected: Bool
        switch answer?.value {
        case .choice(let id)?: selected = id == choice.id
        case .choices(let ids)?: selected = ids.contains(choice.id)
        default: selected = false
        }
        let mark =
          question.type == .multiple ? (selected ? "[x]" : "[ ]") : (selected ? "(•)" : "( )")
        let highlighted = index == highlight
        let pointer = highlighted ? "›" : " "
        let number = index < 9 ? "\(index + 1)." : "  "
        if highlighted || (highlight == nil && selected && focus == nil) { focus = lines.count }
        if highlighted { cursorAt = (lines.count, 0) }
        var style = TextStyle.plain
        if highlighted { style.reverse = true }
        if selected { style.bold = true }
        // A long label wraps at words, its continuation lines under the label itself.
        let prefix = "\(pointer) \(mark) \(number) "
        let indent = String(repeating: " ", count: DisplayWidth.of(prefix))
        for (row, piece) in DisplayWidth.wrap(choice.label, width: width - indent.count)
          .enumerated()
        {
          lines.append(((row == 0 ? prefix : indent) + piece, style))
        }
      }
    }
    lines.append(("", .plain))
    // What the assessor decides between, right under the answer so that both are in view: a
    // merge conflict's two sides, the provider's current claim (its imported workbook).
    let decisionStart = lines.count
    let conflict = screen.app.conflictLines(state, question)
    for (index, line) in conflict.enumerated() {
      wrap(line, index == 0 ? TextStyle(bold: true, color: .warning) : .plain)
    }
    if let claim = answer?.claim {
      wrap(claim.line(question, language, questionnaire) + " (p)", TextStyle(color: .accent))
    }
    let decision = decisionStart..<lines.count
    if !decision.isEmpty { lines.append(("", .plain)) }
    // The note.
    let noteLabel = labelled(.note, language)
    if state.mode == .editingNote, let editor = state.field?.editor {
      lines.append((noteLabel, TextStyle(bold: true, color: .accent)))
      let layout = editor.layout(width: width - 2)
      let start = lines.count
      for line in layout.lines { lines.append(("  " + line, .underline)) }
      focus = start + layout.cursorRow
      cursorAt = (start + layout.cursorRow, 2 + layout.cursorColumn)
    } else if let note = answer?.note, !note.isEmpty {
      lines.append((noteLabel, .bold))
      for line in note.split(separator: "\n", omittingEmptySubsequences: false) {
        wrap(String(line), .plain, indent: "  ")
      }
    } else {
      let needs = answer?.isUnjustifiedNotApplicable == true
      lines.append(
        (
          noteLabel + " " + Phrase.noNote.text(language),
          needs ? TextStyle(bold: true, color: .warning) : .dim
        ))
      if needs {
        wrap(Phrase.justificationRequired.text(language), TextStyle(bold: true, color: .warning))
      }
    }
    if let evidence = answer?.evidence, !evidence.isEmpty {
      wrap(
        labelled(.evidence, language) + " "
          + evidence.map { EvidencePhrase.describe($0, language, asOf: state.wizard.day) }
          .joined(separator: " · "),
        .plain)
    }
    if answer?.flagged == true {
      lines.append((Phrase.flagged.text(language), TextStyle(bold: true, color: .warning)))
    }
    // Carried from last year and not re-verified; the action plan of the gap.
    if answer?.reverify == true {
      wrap(PlanPhrase.reverifyMark.text(language), TextStyle(bold: true, color: .warning))
    }
    if let action = answer?.action {
      let colon = language.colon
      var text = PlanPhrase.plan.text(language) + colon + action.status.phrase.text(language)
      text += " · " + action.owner(default: questionnaire.owner(at: state.wizard.cursor), language)
      if !action.dueDate.isEmpty { text += " · " + action.dueDate }
      if !action.reference.isEmpty { text += " · " + action.reference }
      wrap(text + " (a)", TextStyle(color: .accent))
    }

    let top = 3
    let bottom = canvas.height - 4
    let settled = Viewport.settle(0, focus: focus, total: lines.count, rows: bottom - top)
    let window = Viewport(
      offset: Viewport.reveal(
        decision, keeping: focus ?? questionLine, offset: settled, total: lines.count,
        rows: bottom - top),
      total: lines.count,
      rows: bottom - top)
    let first = screen.scrolled(
      lines, offset: window.offset, top: top, bottom: bottom, &canvas, language: language)
    let (row, column) = cursorAt ?? (questionLine, 0)
    if window.shown.contains(row) {
      canvas.terminal.placeCursor(row: first + row - window.offset, column: 2 + column)
    }
    if case .searching(let editor) = state.mode {
      let prompt = FrontEndText.searchPrompt.text(language)
      let row = canvas.height - 4
      canvas.text(row: row, column: 1, prompt + editor.text, TextStyle(bold: true))
      let layout = editor.layout(width: canvas.width)
      canvas.terminal.placeCursor(
        row: row, column: 1 + DisplayWidth.of(prompt) + layout.cursorColumn)
      screen.footer(
        stateWithoutNotice(state), &canvas, keysText: App.searchKeys.keyBar(language))
      return
    }
    if state.mode == .confirmingFinish {
      let unanswered = wizard.review(state.wizard).unanswered.count
      var confirm = state
      confirm.notice = Phrase.finishConfirm.format(
        language, CountedNoun.question.format(unanswered, language))
      screen.footer(confirm, &canvas, keysText: App.questionKeyBar(.choice, language))
      return
    }
    switch state.mode {
    case .editingNote: screen.footer(state, &canvas, keysText: App.noteKeys.keyBar(language))
    case .editingAnswer:
      // Esc keeps a number or a day only when it parses: the key bar says so.
      let keys: [KeyBinding<FieldAction>]
      switch state.field?.target {
      case .answer(.number)?: keys = App.numberFieldKeys
      case .answer(.date)?: keys = App.dateFieldKeys
      default: keys = App.textFieldKeys
      }
      screen.footer(state, &canvas, keysText: keys.keyBar(language))
    default:
      let bar: QuestionBar
      switch question.type {
      case _ where answer?.conflict != nil: bar = .conflict
      // An answer carried from last year: c (confirm it) comes first.
      case _ where answer?.reverify == true && question.type != .derogation: bar = .reverify
      case .multiple: bar = .multiple
      case .derogation: bar = .derogation
      case .number: bar = .number
      case .text: bar = .text
      case .date: bar = .date
      default: bar = .choice
      }
      screen.footer(state, &canvas, keysText: App.questionKeyBar(bar, language))
    }
  }

  private func stateWithoutNotice(_ state: AppState) -> AppState {
    var copy = state
    copy.notice = nil
    return copy
  }
}

/// "Label :" in French, "Label:" otherwise.
func labelled(_ phrase: Phrase, _ language: InterfaceLanguage) -> String {
  phrase.text(language) + (language == .fr ? " :" : ":")
}
