import AssessmentCore
import Foundation
import Testing

@testable import AssessmentReports

/// A comparison with a re-assessment (`new --from`) with nothing confirmed yet: carried answers
/// are neither regressions nor new questions but "not yet re-verified" (issue 21, part 3).
@Suite struct CarriedComparisonTests {
  let wizard = Wizard(questionnaire: fixture)

  let lastYear = CarriedFixture.lastYear
  var carried: [String: Answer] { CarriedFixture.carried }
  func state(_ answers: [String: Answer]) -> WizardState { CarriedFixture.state(answers) }

  @Test func aComparisonWithACarriedAssessmentListsItsAnswersAsNotYetReverified() {
    let old = ComparedAssessment(
      id: "old", questionnaire: fixture, state: state(lastYear), asOf: t1)
    let new = ComparedAssessment(id: "new", questionnaire: fixture, state: state(carried), asOf: t1)
    let comparison = Comparison(old: old, new: new, language: .en)
    #expect(comparison.regressed.isEmpty, "\(comparison.regressed)")
    #expect(comparison.added.isEmpty, "\(comparison.added)")
    #expect(comparison.improved.isEmpty)
    #expect(comparison.removed.isEmpty)
    #expect(
      comparison.notReverified.map(\.id) == ["restitution", "sovereignty", "encryption", "network"])
    #expect(comparison.notReverified.allSatisfy { $0.then == $0.now })
    // Once confirmed, an answer is compared again.
    var confirmed = carried
    confirmed["encryption"] = Answer(value: .choice("noncompliant"), answeredAt: t1)
    let later = ComparedAssessment(
      id: "new", questionnaire: fixture, state: state(confirmed), asOf: t1)
    let again = Comparison(old: old, new: later, language: .en)
    #expect(again.regressed.map(\.id) == ["encryption"])
    #expect(again.notReverified.count == 3)
  }
}
