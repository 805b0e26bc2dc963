import AssessmentCore
import AssessmentReports
import Foundation

/// Whether a derogation question's record counts today, in words: what the question screen and
/// plain mode both show above the record's fields.
public struct DerogationStanding {
  /// The record as answered (blank when not yet).
  public var record: DerogationRecord
  /// Whether it counts on the day the screen is shown.
  public var counts: Bool
  /// "Counts", or why not, in the interface language.
  public var text: String

  /// The standing of `question`'s record as of `state`'s moment; nil while the record is blank.
  public static func of(
    _ question: Question, in state: AppState, questionnaire: Questionnaire
  ) -> DerogationStanding? {
    var record = DerogationRecord()
    if case .derogation(let recorded)? = state.wizard.answers[question.id]?.value {
      record = recorded
    }
    guard !record.isBlank else { return nil }
    let language = state.language
    let day = String(Timestamp.format(state.now ?? state.wizard.metadata.updated).prefix(10))
    let status = record.status(on: day)
    let use = DerogationUse(questionID: question.id, record: record, status: status, waives: [])
    let text =
      status.counts
      ? Phrase.derogationCounts.text(language)
      : SummaryReport.derogationStatusText(use, language, questionnaire)
    return DerogationStanding(record: record, counts: status.counts, text: text)
  }
}
