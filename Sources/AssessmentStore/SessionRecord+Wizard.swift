import AssessmentCore
import Foundation

extension SessionRecord {
  /// A new session record for a questionnaire.
  public init(id: String, questionnaire loaded: LoadedQuestionnaire, state: WizardState) {
    self.init(
      id: id,
      questionnaire: QuestionnaireReference(
        id: loaded.questionnaire.id, version: loaded.questionnaire.version, digest: loaded.digest),
      metadata: state.metadata, phase: state.phase, cursorQuestionID: nil, answers: [:])
    update(from: state, questionnaire: loaded.questionnaire)
  }

  /// Copies what a session file keeps from the wizard state.
  public mutating func update(from state: WizardState, questionnaire: Questionnaire) {
    metadata = state.metadata
    phase = state.phase
    answers = state.answers
    cursorQuestionID =
      questionnaire.questions.indices.contains(state.cursor)
      ? questionnaire.questions[state.cursor].id : nil
  }

  /// The wizard state this record reopens into.
  public func wizardState(_ wizard: Wizard) -> WizardState {
    let cursor = cursorQuestionID.flatMap { wizard.questionnaire.index(of: $0) } ?? 0
    return wizard.resume(phase: phase, metadata: metadata, answers: answers, cursor: cursor)
  }

  /// What to tell the assessor when reopening this record with `loaded`.
  public func warnings(against loaded: LoadedQuestionnaire) -> [String] {
    var warnings: [String] = []
    if questionnaire.digest != loaded.digest {
      warnings.append(
        "the questionnaire '\(loaded.questionnaire.id)' changed since this session was saved (version \(questionnaire.version) → \(loaded.questionnaire.version)); answers are kept by question id"
      )
    }
    let orphans = answers.keys.filter { loaded.questionnaire.index(of: $0) == nil }.sorted()
    if !orphans.isEmpty {
      warnings.append(
        "\(orphans.count) answer(s) concern questions this questionnaire no longer has; they are kept in the file: \(orphans.joined(separator: ", "))"
      )
    }
    return warnings
  }
}
