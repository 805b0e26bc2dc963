import Foundation

/// One assessment as compared: its questionnaire, state and summary.
public struct ComparedAssessment: Sendable {
  public var id: String
  public var questionnaire: Questionnaire
  public var state: WizardState
  public var summary: RiskSummary

  public init(id: String, questionnaire: Questionnaire, state: WizardState, asOf: Date) {
    self.id = id
    self.questionnaire = questionnaire
    self.state = state
    summary = RiskEngine(questionnaire: questionnaire).summarize(state, asOf: asOf)
  }
}

/// The previous assessment of a re-assessment, as read for the "changes since" section of its
/// summary: compared (its summary made once, as of the day given), or why it could not be read.
/// The store reads it (``SessionStore/previousSession(_:asOf:)``); the `summary` command and
/// the wizard's summary screen both make the section from it.
public enum PreviousSession: Sendable {
  case read(ComparedAssessment)
  /// The previous session's file is missing, damaged or of a questionnaire not found.
  case unreadable(id: String, path: String)
}
