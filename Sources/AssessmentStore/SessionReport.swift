import AssessmentCore
import AssessmentReports
import Foundation

/// A session read for a report or a comparison: its record, its questionnaire resolved, its
/// wizard state, and the day its summary is judged as of.
public struct LoadedAssessment: Sendable {
  public let path: String
  public let record: SessionRecord
  public let questionnaire: LoadedQuestionnaire
  public let state: WizardState
  /// The day derogations, due dates and acceptances are judged against.
  public let asOf: Date

  /// The questionnaire version the session was answered under, when it is not the one loaded.
  public var answeredUnderVersion: String? {
    record.questionnaire.version == questionnaire.questionnaire.version
      ? nil : record.questionnaire.version
  }

  /// The assessment with its summary as of ``asOf``, for a comparison.
  public var compared: ComparedAssessment {
    ComparedAssessment(
      id: record.id, questionnaire: questionnaire.questionnaire, state: state, asOf: asOf)
  }
}

extension SessionStore {
  /// Loads the session at `path` and resolves its questionnaire (`explicit`, a path or built-in
  /// id, overrides where the session says it is; of `preferred`, questionnaires already loaded,
  /// the one with the session's questionnaire id is used when it is the session's).
  public func loadAssessment(
    path: String, questionnaire explicit: String? = nil, preferred: [LoadedQuestionnaire] = [],
    asOf: Date, histories: HistoryReading = .read
  ) throws(StoreError) -> LoadedAssessment {
    let record = try load(path: path, histories: histories)
    let loaded = try SessionQuestionnaire.resolve(
      record, sessionPath: path, explicit: explicit,
      preferred: preferred.first { $0.questionnaire.id == record.questionnaire.id })
    let state = record.wizardState(Wizard(questionnaire: loaded.questionnaire))
    return LoadedAssessment(
      path: path, record: record, questionnaire: loaded, state: state, asOf: asOf)
  }

  /// The summary report of the session at `path` as of a day, in a language: loaded, its
  /// questionnaire resolved, summarised, with the changes since the previous assessment of a
  /// re-assessment (read from its file, ``previousSession(_:asOf:)``).
  /// `histories`: `.skipped` unless the report shows them (the HTML report's last change of
  /// each answer).
  public func summaryReport(
    path: String, questionnaire explicit: String? = nil, asOf: Date, language: InterfaceLanguage,
    histories: HistoryReading = .read
  ) throws(StoreError) -> (assessment: LoadedAssessment, report: SummaryReport) {
    let assessment = try loadAssessment(
      path: path, questionnaire: explicit, asOf: asOf, histories: histories)
    let report = SummaryReport.assemble(
      questionnaire: assessment.questionnaire.questionnaire,
      digest: assessment.questionnaire.digest, state: assessment.state, asOf: asOf,
      answeredUnderVersion: assessment.answeredUnderVersion,
      previous: assessment.record.previous.map { previousSession($0, asOf: asOf) },
      language: language, signOffs: assessment.record.signOffs)
    return (assessment, report)
  }
}
