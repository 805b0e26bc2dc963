import Foundation
import Testing

@testable import AssessmentCore

/// A re-assessment (`new --from`) with nothing confirmed yet: carried answers are neither
/// verified, regressed nor new, and the assessment is not complete (issue 21, part 3).
@Suite struct ReassessmentTruthTests {
  let wizard = Wizard(questionnaire: fixture)

  let lastYear = CarriedFixture.lastYear
  var carried: [String: Answer] { CarriedFixture.carried }
  func state(_ answers: [String: Answer]) -> WizardState { CarriedFixture.state(answers) }

  @Test func carriedAnswersAreCountedApartAndTheAssessmentIsNotComplete() {
    let summary = RiskEngine(questionnaire: fixture).summarize(state(carried), asOf: t1)
    #expect(summary.progress.applicable == 7)
    #expect(summary.progress.answered == 7)
    #expect(summary.progress.toReverify == 7)
    #expect(summary.progress.verified == 0)
    #expect(!summary.progress.isComplete, "not complete before the carried answers are confirmed")
    #expect(summary.progress.fraction == 0)
    // The wizard's progress says the same, counted afresh and kept as answers change.
    var walked = state(carried)
    #expect(wizard.progress(walked) == summary.progress)
    walked.cursor = fixture.index(of: "restitution") ?? 0
    _ = wizard.reduce(&walked, .answerConfirmed(at: t1))
    let after = RiskEngine(questionnaire: fixture).summarize(walked, asOf: t1)
    #expect(after.progress.toReverify == 6)
    #expect(wizard.progress(walked) == after.progress)
    #expect(
      wizard.progress(walked, section: 1) == Progress(answered: 2, applicable: 2, toReverify: 1))
  }

  @Test func anUnjustifiedNotApplicableLeavesTheAssessmentIncompleteForTheWizardToo() {
    var answers = lastYear
    answers["sovereignty"]?.note = ""
    let summary = RiskEngine(questionnaire: fixture).summarize(state(answers), asOf: t1)
    #expect(summary.progress.answered == summary.progress.applicable)
    #expect(summary.progress.unjustifiedNotApplicable == 1)
    #expect(!summary.progress.isComplete)
    var walked = state(answers)
    #expect(wizard.progress(walked) == summary.progress)
    walked.cursor = fixture.index(of: "sovereignty") ?? 0
    _ = wizard.reduce(&walked, .noteEdited("Out of scope.", at: t1))
    #expect(wizard.progress(walked).isComplete)
    #expect(RiskEngine(questionnaire: fixture).summarize(walked, asOf: t1).progress.isComplete)
    #expect(lastYearIsComplete)
  }

  var lastYearIsComplete: Bool {
    RiskEngine(questionnaire: fixture).summarize(state(lastYear), asOf: t1).progress.isComplete
  }
}
