import AssessmentCore
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
    screen.footer(state, &canvas, keys: .footerForm)
  }
}

/// Help for the current question: why, evidence, remediation, mappings, the condition.
struct HelpScreen {
  let screen: Screen

  /// `keys`: whether to end with the keys of the full-screen wizard.
  func lines(_ state: AppState, width: Int, keys: Bool = true) -> [(String, TextStyle)] {
    let wizard = screen.app.wizard
    let questionnaire = wizard.questionnaire
    let language = state.language
    guard let question = wizard.current(state.wizard) else { return [] }
    var lines: [(String, TextStyle)] = []
    func wrap(_ text: String, _ style: TextStyle) {
      for line in DisplayWidth.wrap(text, width: width) { lines.append((line, style)) }
    }
    let refs = question.refs.isEmpty ? question.id : questionnaire.citations(question.refs, language.rawValue)
    wrap(Phrase.helpTitle.text(language) + " — " + refs, TextStyle(bold: true, color: .accent))
    lines.append(("", .plain))
    wrap(questionnaire.text(question.text, language.rawValue), .bold)
    lines.append(("", .plain))
    lines.append((Phrase.whyAndEvidence.text(language), .underline))
    wrap(questionnaire.text(question.help, language.rawValue), .plain)
    if let remediation = question.remediation {
      lines.append(("", .plain))
      lines.append((SummaryReport.actionLabel(question, questionnaire, language), .underline))
      wrap(questionnaire.text(remediation, language.rawValue), .plain)
    }
    if !question.mappings.isEmpty {
      lines.append(("", .plain))
      lines.append((Phrase.mappings.text(language), .underline))
      if !question.mappings.iso27002.isEmpty { wrap("ISO/IEC 27002:2013 — " + question.mappings.iso27002.joined(separator: ", "), .plain) }
      if !question.mappings.nis2.isEmpty { wrap("NIS2 Art. 21(2) — " + question.mappings.nis2.joined(separator: ", "), .plain) }
      if !question.mappings.gdpr.isEmpty {
        let name = language == .fr ? "RGPD" : language == .nl ? "AVG" : "GDPR"
        wrap("\(name) — art. " + question.mappings.gdpr.joined(separator: ", "), .plain)
      }
    }
    let section = questionnaire.sections[questionnaire.sectionIndexOfQuestion[state.wizard.cursor]]
    let conditions = [section.when, question.when].compactMap { $0 }
    if !conditions.isEmpty {
      lines.append(("", .plain))
      let words = ConditionWords(questionnaire: questionnaire, language: language)
      wrap(Phrase.conditionShown.format(language, words.describe(all: conditions)), .dim)
    }
    guard keys else { return lines }
    lines.append(("", .plain))
    lines.append((Phrase.keysTitle.text(language), .underline))
    for line in Phrase.helpKeys.text(language).split(separator: "\n") { wrap(String(line), .plain) }
    return lines
  }

  func draw(_ state: AppState, scroll: Int, _ canvas: inout Canvas) {
    screen.header(state, &canvas, section: screen.app.wizard.questionnaire.sectionIndexOfQuestion[state.wizard.cursor])
    screen.scrolled(
      lines(state, width: canvas.width - 4), offset: scroll, top: 3, bottom: canvas.height - 4, &canvas,
      language: state.language)
    screen.footer(state, &canvas, keys: .footerHelp)
  }
}

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
      let count = "\(progress.answered)/\(progress.applicable)"
      let title = questionnaire.text(questionnaire.sections[section].title, state.language.rawValue)
      let room = canvas.width - 8 - DisplayWidth.of(count)
      var style: TextStyle = progress.isComplete ? TextStyle(color: .good) : .plain
      if index == selection { style.reverse = true }
      lines.append((DisplayWidth.pad("\(index == selection ? "›" : " ") " + title, to: room) + " " + count, style))
    }
    let rows = canvas.height - 7
    let offset = Viewport.settle(state.listOffset, focus: selection, total: lines.count, rows: rows)
    screen.scrolled(lines, offset: offset, top: 3, bottom: canvas.height - 4, &canvas, language: state.language)
    screen.footer(state, &canvas, keys: .footerList)
  }
}

/// The evidence references of the current question, and a field to add one.
struct EvidenceScreen {
  let screen: Screen

  func draw(_ state: AppState, editor: TextEditor, selection: Int?, _ canvas: inout Canvas) {
    let wizard = screen.app.wizard
    let questionnaire = wizard.questionnaire
    let language = state.language
    guard let question = wizard.current(state.wizard) else { return }
    screen.header(state, &canvas, section: questionnaire.sectionIndexOfQuestion[state.wizard.cursor])
    canvas.text(row: 3, column: 2, Phrase.evidenceTitle.text(language), .bold)
    canvas.text(row: 4, column: 2, DisplayWidth.truncate(questionnaire.text(question.text, language.rawValue), to: canvas.width - 4), .dim)
    // The reference being typed shows in the field only, even once handed over.
    var typing: Int?
    if case .evidence(let index)? = state.field?.target { typing = index }
    let items = (state.wizard.answers[question.id]?.evidence ?? []).enumerated().filter { $0.offset != typing }
    if items.isEmpty { canvas.text(row: 6, column: 4, Phrase.evidenceNone.text(language), .dim) }
    for (row, (index, item)) in items.enumerated().prefix(canvas.height - 12) {
      canvas.text(row: 6 + row, column: 2, DisplayWidth.truncate("\(index == selection ? "›" : " ") \(index + 1). \(item)", to: canvas.width - 4), index == selection ? .reverse : .plain)
    }
    let row = canvas.height - 5
    let prompt = Phrase.evidenceAdd.text(language)
    let layout = editor.layout(width: 10_000)
    let shown = DisplayWidth.truncate(layout.lines.first ?? "", to: canvas.width - DisplayWidth.of(prompt) - 6, ellipsis: false)
    canvas.text(row: row, column: 2, prompt, .bold)
    canvas.text(row: row, column: 2 + DisplayWidth.of(prompt), DisplayWidth.pad(shown, to: canvas.width - DisplayWidth.of(prompt) - 5), .underline)
    if selection == nil {
      canvas.terminal.placeCursor(row: row, column: 2 + DisplayWidth.of(prompt) + min(layout.cursorColumn, DisplayWidth.of(shown)))
    }
    screen.footer(state, &canvas, keys: .footerEvidence)
  }
}

/// The review: what is left before finishing; each entry jumps to its question.
struct ReviewScreen {
  let screen: Screen

  func draw(_ state: AppState, _ canvas: inout Canvas) {
    let language = state.language
    screen.header(state, &canvas, section: nil)
    canvas.text(row: 2, column: 2, Phrase.reviewTitle.text(language), .bold)
    let entries = screen.app.reviewEntries(state)
    if entries.isEmpty {
      for (index, line) in DisplayWidth.wrap(Phrase.reviewEmpty.text(language), width: canvas.width - 4).enumerated() {
        canvas.text(row: 4 + index, column: 2, line, TextStyle(bold: true, color: .good))
      }
      screen.footer(state, &canvas, keys: .footerReview)
      return
    }
    var lines: [(String, TextStyle)] = []
    var target = 0
    var focus = 0
    for entry in entries {
      if entry.position == nil {
        lines.append((entry.text, TextStyle(bold: true, color: .accent)))
      } else {
        let selected = target == state.listSelection
        if selected { focus = lines.count }
        lines.append((DisplayWidth.truncate("\(selected ? "›" : " ") \(entry.text)", to: canvas.width - 4), selected ? .reverse : .plain))
        target += 1
      }
    }
    let offset = Viewport.settle(state.listOffset, focus: focus, total: lines.count, rows: canvas.height - 7)
    screen.scrolled(lines, offset: offset, top: 3, bottom: canvas.height - 4, &canvas, language: language)
    screen.footer(state, &canvas, keys: .footerReview)
  }
}

/// The risk summary, scrollable; a line about a question jumps to it.
struct SummaryScreen {
  let screen: Screen

  /// The summary's lines wrapped to the width the screen draws them at.
  static func lines(app: App, state: AppState) -> [SummaryLine] {
    let report = app.summaryReport(state)
    let width = max(20, state.width - 4)
    var result: [SummaryLine] = []
    for line in report.lines() {
      // A line that fits is kept as it is (its spacing may align columns); a table row is never
      // wrapped, only cut.
      if DisplayWidth.of(line.text) <= width || line.isTableRow {
        var kept = line
        kept.text = DisplayWidth.truncate(line.text, to: width)
        result.append(kept)
        continue
      }
      let indent = String(line.text.prefix { $0 == " " })
      let wrapped = DisplayWidth.wrap(String(line.text.dropFirst(indent.count)), width: width - indent.count)
      for (index, piece) in wrapped.enumerated() {
        result.append(SummaryLine((index == 0 ? indent : indent + "  ") + piece, line.emphasis, questionID: line.questionID))
      }
    }
    return result
  }

  func draw(_ state: AppState, _ canvas: inout Canvas) {
    var sized = state
    sized.width = canvas.width
    sized.height = canvas.height
    let lines = Self.lines(app: screen.app, state: sized)
    let levels = screen.app.wizard.questionnaire.riskModel.levels.map(\.id)
    screen.header(state, &canvas, section: nil)
    canvas.text(row: 2, column: 2, Phrase.summaryTitle.text(state.language), .bold)
    let selection = min(state.listSelection, max(lines.count - 1, 0))
    let styled: [(String, TextStyle)] = lines.enumerated().map { index, line in
      var style = Self.style(line.emphasis, levels: levels)
      if index == selection { style.reverse = true }
      return (line.text, style)
    }
    let offset = Viewport.settle(state.listOffset, focus: selection, total: styled.count, rows: canvas.height - 7)
    screen.scrolled(styled, offset: offset, top: 3, bottom: canvas.height - 4, &canvas, language: state.language)
    screen.footer(state, &canvas, keys: state.wizard.phase == .finished ? .footerFinished : .footerSummary)
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
