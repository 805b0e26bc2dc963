import Foundation
import Testing

@testable import AssessmentCore
@testable import AssessmentReports

/// Answers that no longer fit a changed questionnaire, optional questions, context answers,
/// impact reasons and matrix abbreviations.
@Suite struct AnswerValidityTests {
  let wizard = Wizard(questionnaire: fixture)

  func resume(_ answers: [String: Answer]) -> WizardState {
    wizard.resume(
      phase: .questions, metadata: SessionMetadata(created: t0, updated: t0), answers: answers,
      cursor: 0)
  }

  @Test func anAnswerWhoseOptionWasRemovedCountsAsUnansweredAndIsNamed() {
    // "hybrid" was an option of an earlier version; "restitution" was once a text question.
    let state = resume([
      "personal_data": Answer(value: .choice("yes")),
      "deployment": Answer(value: .choice("hybrid")),
      "restitution": Answer(value: .text("fine")),
      "sovereignty": Answer(value: .choice("compliant")),
      "encryption": Answer(value: .choice("compliant")),
    ])
    #expect(fixture.invalidAnswerIDs(state.answers) == ["deployment", "restitution"])
    #expect(wizard.progress(state).answered == 3, "personal_data, sovereignty, encryption")
    #expect(wizard.review(state).unanswered.map { fixture.questions[$0].id }.contains("deployment"))
    let summary = RiskEngine(questionnaire: fixture).summarize(state)
    #expect(summary.unanswered.map { fixture.questions[$0].id }.contains("restitution"))
    #expect(summary.findings.first { $0.questionID == "restitution" }?.answer == .unanswered)
    let report = SummaryReport(
      questionnaire: fixture, summary: summary, answers: state.answers, language: .en, digest: "0")
    #expect(report.invalidAnswers.map(\.question.id) == ["deployment", "restitution"])
    let text = report.text(color: false)
    #expect(
      text.contains("Answers that no longer fit the questionnaire, counted as unanswered (2)"))
    #expect(text.contains("deployment: hybrid"))
    // Kept in the state, so a save keeps them in the file.
    #expect(state.answers["deployment"]?.value == .choice("hybrid"))
  }

  @Test func anOptionalQuestionLeftEmptyAffectsNeitherCompletenessNorVerdict() {
    var questionnaire = fixture
    var sections = questionnaire.sections
    sections[2].questions[2].optional = true  // comment (text)
    sections[1].questions.append(
      Question(
        id: "extra", refs: ["x"], type: .compliance, text: text("Extra"), help: text("h"),
        severity: .high, protects: [.integrity], remediation: text("r"), optional: true))
    questionnaire = Questionnaire(
      id: questionnaire.id, version: questionnaire.version, languages: questionnaire.languages,
      title: questionnaire.title, sections: sections)
    let wizard = Wizard(questionnaire: questionnaire)
    let state = wizard.resume(
      phase: .questions, metadata: SessionMetadata(created: t0, updated: t0),
      answers: [
        "personal_data": Answer(value: .choice("yes")),
        "deployment": Answer(value: .choice("private")),
        "restitution": Answer(value: .choice("compliant")),
        "sovereignty": Answer(value: .choice("compliant")),
        "encryption": Answer(value: .choice("compliant")),
      ], cursor: 0)
    let summary = RiskEngine(questionnaire: questionnaire).summarize(state)
    #expect(summary.progress.isComplete)
    #expect(summary.verdict == .acceptable)
    #expect(summary.unanswered.isEmpty)
    #expect(!summary.findings.contains { $0.questionID == "extra" })
    #expect(wizard.progress(state).isComplete)
    #expect(wizard.review(state).isEmpty)
  }

  @Test func contextAnswersAppearInEveryFormat() throws {
    let state = resume([
      "personal_data": Answer(value: .choice("yes")),
      "deployment": Answer(value: .choice("public")),
      "comment": Answer(value: .text("Hosted by <Acme>")),
    ])
    let summary = RiskEngine(questionnaire: fixture).summarize(state)
    let report = SummaryReport(
      questionnaire: fixture, summary: summary, answers: state.answers, language: .fr, digest: "0")
    #expect(report.text(color: false).contains("Contexte et périmètre"))
    #expect(report.text(color: false).contains("Public (fr)"))
    let markdown = report.markdown()
    #expect(markdown.contains("| Comment? (fr) | Hosted by &lt;Acme&gt; |"))
    let json = try report.json()
    #expect(json.contains("\"answer\" : \"Oui\""))
    #expect(json.contains("\"question\" : \"comment\""))
  }

  @Test func aGapSaysItsImpactAndWhy() {
    var model = RiskModel.standard
    model.impactAdjustments = [
      ImpactAdjustment(
        when: try! ConditionParser.parse("personal_data == yes").condition,
        dimensions: [.availability],
        shift: 1, reason: text("Personal data at stake"))
    ]
    let questionnaire = Questionnaire(
      id: "f", version: "1", languages: fixture.languages, title: fixture.title,
      sections: fixture.sections,
      riskModel: model)
    let state = Wizard(questionnaire: questionnaire).resume(
      phase: .questions, metadata: SessionMetadata(created: t0, updated: t0),
      answers: [
        "personal_data": Answer(value: .choice("yes")),
        "restitution": Answer(value: .choice("partial")),
      ],
      cursor: 0)
    let summary = RiskEngine(questionnaire: questionnaire).summarize(state)
    let report = SummaryReport(
      questionnaire: questionnaire, summary: summary, answers: state.answers, language: .en,
      digest: "0")
    #expect(report.text(color: false).contains("Impact: critical (Personal data at stake)"))
  }

  /// The matrix abbreviations of levels labelled `labels` (the same label in every language).
  func abbreviations(_ labels: [(id: String, label: String)], language: InterfaceLanguage)
    -> [String: String]
  {
    var model = RiskModel.standard
    model.levels = labels.map {
      ScaleLevel(id: $0.id, label: LocalizedText(["fr": $0.label, "en": $0.label, "nl": $0.label]))
    }
    let questionnaire = Questionnaire(
      id: "f", version: "1", languages: fixture.languages, title: fixture.title,
      sections: fixture.sections,
      riskModel: model)
    let state = Wizard(questionnaire: questionnaire).start(at: t0)
    let report = SummaryReport(
      questionnaire: questionnaire,
      summary: RiskEngine(questionnaire: questionnaire).summarize(state),
      answers: [:], language: language, digest: "0")
    return report.levelAbbreviations
  }

  @Test func matrixAbbreviationsAreUniqueIgnoringCaseAndAccents() {
    let abbreviations = self.abbreviations(
      [("a", "À surveiller"), ("b", "Acceptable"), ("c", "Onbeduidend"), ("d", "Ondraaglijk")],
      language: .en)
    #expect(Set(abbreviations.values).count == 4, "\(abbreviations)")
    #expect(abbreviations["c"] != abbreviations["d"])
  }

  @Test func abbreviationLettersAreTakenWithoutTheirAccents() {
    let letters = SummaryReport.baseLetters
    // An accented capital, or the letter followed by a combining accent, is the letter.
    #expect(letters("É") == letters("E"))
    #expect(letters("E\u{301}") == letters("E"))
    #expect(letters("À S") == letters("A S"))
    #expect(letters("Ά") == letters("Α"))  // Greek alpha with tonos, alpha
    // Different letters stay different, and so do ligatures and lengths.
    #expect(letters("E") != letters("F"))
    #expect(letters("Œ") != letters("O"))
    #expect(letters("EE") != letters("E"))
  }

  @Test func levelsSharingALetterOnceAccentsAreSetAsideGetTwo() {
    // "Élevé" and "Extrême" share their first letter once accents are set aside.
    #expect(
      abbreviations([("a", "Faible"), ("b", "Élevé"), ("c", "Extrême")], language: .fr) == [
        "a": "FA", "b": "ÉL", "c": "EX",
      ])
    #expect(
      abbreviations([("a", "Faible"), ("b", "Élevé"), ("c", "Critique")], language: .fr) == [
        "a": "F", "b": "É", "c": "C",
      ])
  }
}
