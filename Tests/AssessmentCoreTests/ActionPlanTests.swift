import Foundation
import Testing

@testable import AssessmentCore

/// The action plan of gaps, risk acceptance and carried answers to re-verify.
@Suite struct ActionPlanTests {
  let wizard = Wizard(questionnaire: fixture)
  static let asOf = Timestamp.parse("2027-03-15T12:00:00.000Z")!

  /// A session on the question `id`, with `answers` given.
  func session(_ answers: [String: Answer], on id: String) -> WizardState {
    wizard.resume(
      phase: .questions, metadata: SessionMetadata(created: t0, updated: t0), answers: answers,
      cursor: fixture.index(of: id) ?? 0)
  }

  @Test func anActionIsRecordedOnTheCurrentQuestionAndABlankOneRemovesIt() {
    var state = session(["restitution": Answer(value: .choice("partial"))], on: "restitution")
    let action = PlanAction(
      owner: "DPO", dueDate: "2027-03-31", status: .inProgress, reference: "JIRA-12")
    #expect(wizard.reduce(&state, .actionEdited(action, at: t1)) == [.save])
    #expect(state.answers["restitution"]?.action == action)
    #expect(state.answers["restitution"]?.value == .choice("partial"), "the answer is untouched")
    #expect(state.answers["restitution"]?.answeredAt == nil, "planning is not answering")
    #expect(wizard.reduce(&state, .actionEdited(action, at: t1)) == [], "no change, no save")
    #expect(wizard.reduce(&state, .actionEdited(PlanAction(), at: t1)) == [.save])
    #expect(state.answers["restitution"]?.action == nil)
  }

  @Test func theActionPlanOfAFinishedAssessmentIsFollowedUpWithoutReopeningIt() {
    var state = session(
      [
        "restitution": Answer(value: .choice("partial")),
        "sovereignty": Answer(value: .choice("noncompliant")),
      ],
      on: "sovereignty")
    state.phase = .finished
    #expect(wizard.reduce(&state, .questionJumped("restitution")) == [.save])
    #expect(wizard.current(state)?.id == "restitution")
    let action = PlanAction(owner: "DPO", dueDate: "2027-03-31", status: .inProgress)
    #expect(wizard.reduce(&state, .actionEdited(action, at: t1)) == [.save])
    #expect(state.answers["restitution"]?.action == action)
    #expect(state.phase == .finished, "still finished")
    #expect(
      wizard.reduce(&state, .answerChosen(.choice("compliant"), at: t1)) == [], "no answering")
  }

  @Test func thePlanListsPendingActionsByDueDateTheOverdueOnesAcceptedRisksAndDone() {
    let state = session(
      [
        "personal_data": Answer(value: .choice("no")),
        "restitution": Answer(
          value: .choice("partial"), action: PlanAction(owner: "A", dueDate: "2027-06-30")),
        "sovereignty": Answer(
          value: .choice("noncompliant"),
          action: PlanAction(owner: "B", dueDate: "2027-01-31", status: .inProgress)),
      ], on: "restitution")
    let plan = RiskEngine(questionnaire: fixture).summarize(state, asOf: Self.asOf).plan
    #expect(plan.pending.map(\.questionID) == ["sovereignty", "restitution"], "by due date")
    #expect(plan.overdue.map(\.questionID) == ["sovereignty"], "due before 2027-03-15")
    #expect(plan.pending.first?.level != nil, "a gap's level is given")
    #expect(plan.accepted.isEmpty && plan.done.isEmpty)
  }

  @Test func anAcceptanceCountsWithWhoAndWhyUntilItsExpiry() {
    var action = PlanAction(status: .riskAccepted)
    #expect(action.acceptance(on: "2027-03-15") == .incomplete)
    action.acceptedBy = "Comité sécurité"
    action.acceptanceReason = "Compensé par la supervision"
    #expect(action.acceptance(on: "2027-03-15") == .valid)
    action.acceptedUntil = "2027-03-14"
    #expect(action.acceptance(on: "2027-03-15") == .expired("2027-03-14"))
    action.acceptedUntil = "mars"
    #expect(action.acceptance(on: "2027-03-15") == .badExpiry("mars"))
    let state = session(
      ["restitution": Answer(value: .choice("partial"), action: action)], on: "restitution")
    let summary = RiskEngine(questionnaire: fixture).summarize(state, asOf: Self.asOf)
    #expect(
      summary.plan.accepted.map(\.questionID) == ["restitution"], "shown as accepted, never dropped"
    )
    #expect(
      summary.gaps.contains { $0.questionID == "restitution" }, "the gap stays in the summary")
  }

  @Test func aCarriedAnswerIsNotVerifiedUntilConfirmedOrChanged() {
    let carried = Answer(value: .choice("compliant"), reverify: true)
    var state = session(["restitution": carried, "sovereignty": carried], on: "restitution")
    let engine = RiskEngine(questionnaire: fixture)
    var summary = engine.summarize(state, asOf: Self.asOf)
    let restitution = summary.findings.first { $0.questionID == "restitution" }
    #expect(restitution?.answer == .unknown, "not counted as compliant")
    #expect(restitution?.toReverify == true)
    #expect(summary.toReverify.count == 2)
    #expect(summary.verdict != .acceptable)
    // One key confirms it.
    #expect(wizard.reduce(&state, .answerConfirmed(at: t1)) == [.save])
    #expect(state.answers["restitution"]?.reverify == false)
    #expect(state.answers["restitution"]?.value == .choice("compliant"))
    #expect(state.answers["restitution"]?.answeredAt == t1)
    // Changing one re-verifies it too.
    _ = wizard.reduce(&state, .nextPressed)
    #expect(wizard.current(state)?.id == "sovereignty")
    _ = wizard.reduce(&state, .answerChosen(.choice("partial"), at: t1))
    #expect(state.answers["sovereignty"]?.reverify == false)
    summary = engine.summarize(state, asOf: Self.asOf)
    #expect(summary.toReverify.isEmpty)
    #expect(summary.findings.first { $0.questionID == "restitution" }?.answer == .compliant)
  }

  /// An action whose owner is left blank is carried by whoever must act on the point: the plan
  /// names the point's owner until someone is named.
  @Test func anActionWithoutOwnerFallsToThePointsOwner() {
    var sections = fixture.sections
    sections[1].owner = .organisation
    sections[1].questions[1].owner = .shared
    let questionnaire = Questionnaire(
      id: fixture.id, version: fixture.version, languages: fixture.languages, title: fixture.title,
      sections: sections)
    let wizard = Wizard(questionnaire: questionnaire)
    let state = wizard.resume(
      phase: .questions, metadata: SessionMetadata(created: t0, updated: t0),
      answers: [
        "restitution": Answer(value: .choice("partial"), action: PlanAction(dueDate: "2027-06-30")),
        "sovereignty": Answer(value: .choice("partial"), action: PlanAction(dueDate: "2027-07-31")),
        "encryption": Answer(
          value: .choice("partial"), action: PlanAction(owner: "DPO", dueDate: "2027-08-31")),
      ], cursor: 0)
    let plan = RiskEngine(questionnaire: questionnaire).summarize(state, asOf: Self.asOf).plan
    #expect(plan.pending.map(\.responsibility) == [.organisation, .shared, .provider])
    #expect(
      plan.pending.map { $0.owner(.fr) } == [
        "Organisation", "Partagée (organisation et fournisseur)", "DPO",
      ])
    #expect(
      plan.pending.map { $0.owner(.en) } == [
        "Organisation", "Shared (organisation and provider)", "DPO",
      ])
    #expect(
      plan.pending.map { $0.owner(.nl) } == [
        "Organisatie", "Gedeeld (organisatie en leverancier)", "DPO",
      ])
    #expect(PlanAction(owner: "  ").owner(default: .provider, .en) == "Provider")
  }

  @Test func aCarriedNonComplianceStaysNonCompliant() {
    let state = session(
      ["restitution": Answer(value: .choice("noncompliant"), reverify: true)], on: "restitution")
    let finding = RiskEngine(questionnaire: fixture).summarize(state, asOf: Self.asOf).findings
      .first {
        $0.questionID == "restitution"
      }
    #expect(finding?.answer == .noncompliant)
  }
}

@Suite struct PlanLocalizationTests {
  @Test func everyPlanPhraseExistsInEveryLanguage() {
    for phrase in PlanPhrase.allCases {
      for language in InterfaceLanguage.allCases {
        #expect(!phrase.text(language).isEmpty, "\(phrase) in \(language)")
      }
    }
  }
}
