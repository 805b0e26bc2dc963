import AssessmentCore
import Foundation

extension SessionRecord {
  /// Next year's assessment of the same service, from `source` (which is not changed): the
  /// identification, the scoping and every answer whose question the questionnaire still has,
  /// with notes, evidence, derogations and the action plan. Each carried value stays "to
  /// re-verify" until confirmed or changed (derogation records are decisions with their own
  /// dates: they come across as they are). Answers map by question id; `removed` names the
  /// questions the questionnaire no longer has (their answers are not carried) and those whose
  /// value no longer fits (the note and plan come across, the value does not).
  ///
  /// The new assessment starts its own history: each carried answer has one `carried` entry
  /// (at `date`, by `person`, with what came across); the previous assessment's history stays
  /// in its file, which ``previous`` links.
  public static func carried(
    from source: SessionRecord, sourcePath: String, id: String,
    questionnaire loaded: LoadedQuestionnaire,
    at date: Date, by person: String = ""
  ) -> (record: SessionRecord, removed: [String]) {
    let questionnaire = loaded.questionnaire
    var answers: [String: Answer] = [:]
    var removed: [String] = []
    for (questionID, answer) in source.answers {
      guard let question = questionnaire.question(questionID) else {
        removed.append(questionID)
        continue
      }
      var carried = answer
      carried.reverify = false
      if let value = answer.value {
        if questionnaire.fits(value, question) {
          carried.reverify = question.type != .derogation
        } else {
          carried.value = nil
          carried.answeredAt = nil
          removed.append(questionID)
        }
      }
      carried.history = []
      carried.conflict = nil
      let parts = AnswerChange.parts(from: nil, to: carried)
      if !parts.isEmpty {
        carried.history = [AnswerChange(at: date, by: person, origin: .carried, parts: parts)]
      }
      if !carried.isEmpty { answers[questionID] = carried }
    }
    var metadata = source.metadata
    metadata.created = date
    metadata.updated = date
    var record = SessionRecord(
      id: id,
      questionnaire: QuestionnaireReference(
        id: questionnaire.id, version: questionnaire.version, digest: loaded.digest,
        path: loaded.file),
      metadata: metadata, phase: .questions, cursorQuestionID: nil, answers: answers,
      previous: PreviousAssessment(id: source.id, path: sourcePath))
    let wizard = Wizard(questionnaire: questionnaire)
    let state = record.wizardState(wizard)
    record.cursorQuestionID =
      questionnaire.questions.indices.contains(state.cursor)
      ? questionnaire.questions[state.cursor].id : nil
    record.abstract = record.makeAbstract(questionnaire)
    return (record, removed.sorted())
  }
}
