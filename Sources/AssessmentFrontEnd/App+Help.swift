import AssessmentCore
import AssessmentReports
import Foundation

/// Help for the current question: why, evidence, remediation, mappings, the condition; the
/// help screen draws it, plain mode prints it (without the keys).
extension App {
  /// `keys`: whether to end with the keys of the full-screen wizard.
  public func helpLines(_ state: AppState, width: Int, keys: Bool = true) -> [(String, TextStyle)] {
    let wizard = self.wizard
    let questionnaire = wizard.questionnaire
    let language = state.language
    guard let question = wizard.current(state.wizard) else { return [] }
    var lines: [(String, TextStyle)] = []
    func wrap(_ text: String, _ style: TextStyle) {
      for line in DisplayWidth.wrap(text, width: width) { lines.append((line, style)) }
    }
    // A person reads the citation; a question without one is titled by the help alone (its id
    // is for the questionnaire's author, not for the reader).
    let title =
      question.refs.isEmpty
      ? Phrase.helpTitle.text(language)
      : Phrase.helpTitle.text(language) + " — "
        + questionnaire.citations(question.refs, language.rawValue)
    wrap(title, TextStyle(bold: true, color: .accent))
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
      if !question.mappings.iso27002.isEmpty {
        wrap("ISO/IEC 27002:2013 — " + question.mappings.iso27002.joined(separator: ", "), .plain)
      }
      if !question.mappings.nis2.isEmpty {
        wrap("NIS2 Art. 21(2) — " + question.mappings.nis2.joined(separator: ", "), .plain)
      }
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
    lines.append((KeyText.keysTitle.text(language), .underline))
    for (title, keyLines) in Self.keyHelp(language) {
      wrap(title, .bold)
      for line in keyLines { wrap(line, .plain) }
    }
    return lines
  }
}
