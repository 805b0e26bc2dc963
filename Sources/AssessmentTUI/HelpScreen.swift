import AssessmentCore
import AssessmentReports
import Foundation

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
    let lines = lines(state, width: canvas.width - 4)
    // The cursor on the first line shown: a reader follows the help as it scrolls.
    let shown = Viewport(offset: scroll, total: lines.count, rows: canvas.height - 7).offset
    screen.scrolled(
      lines, offset: scroll, top: 3, bottom: canvas.height - 4, &canvas, language: state.language,
      cursorOn: shown)
    screen.footer(state, &canvas, keys: .footerHelp)
  }
}
