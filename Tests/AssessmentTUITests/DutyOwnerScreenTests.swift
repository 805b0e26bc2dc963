import AssessmentCore
import Foundation
import Testing

@testable import AssessmentTUI

/// Who must act on a point (the questionnaire's `owner`) is shown where the assessor works: on
/// the question screen, in the review, and in the plan form while the action names no owner.
@Suite struct DutyOwnerScreenTests {
  @Test(arguments: InterfaceLanguage.allCases)
  func theQuestionScreenAndTheReviewSayWhoMustAct(language: InterfaceLanguage) throws {
    let expected = DutyOwner.provider.labelled(language)
    var harness = Harness(try fixture("small.yaml"), language: language)
    let question = harness.render(width: 120, height: 40).snapshot
    #expect(question.contains(expected), "\(question)")
    harness.press(.character("r"))
    let review = harness.render(width: 120, height: 40).snapshot
    let restitution = review.split(separator: "\n").first { $0.contains("2.2.3.b — ") } ?? ""
    #expect(restitution.hasSuffix(". · " + DutyOwner.provider.name(language)), "\(review)")
  }

  @Test func thePlanFormShowsThePointsOwnerWhileNoneIsNamed() throws {
    var harness = Harness(try fixture("small.yaml"), language: .en)
    harness.go(to: "restitution")
    harness.press(.character("a"))
    let form = harness.render(width: 120, height: 40).snapshot
    #expect(form.contains("Provider (by default)"), "\(form)")
  }
}
