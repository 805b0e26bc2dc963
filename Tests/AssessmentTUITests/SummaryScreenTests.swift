import AssessmentStore
import Foundation
import Testing

@testable import AssessmentCore
@testable import AssessmentFrontEnd
@testable import AssessmentReports
@testable import AssessmentTUI

@Suite struct SummaryScreenTests {
  /// The risk matrix keeps its columns at 80 columns: its rows are never wrapped nor squeezed.
  @Test(arguments: InterfaceLanguage.allCases)
  func theRiskMatrixStaysAligned(language: InterfaceLanguage) throws {
    var harness = Harness(try BuiltinQuestionnaires.resolve(nil), language: language)
    harness.press(.character("S"))
    let report = harness.app.summaryReport(harness.state)
    let shown = harness.app.summaryLines(harness.state).map(\.text)
    for row in report.matrixLines().map(\.text) {
      #expect(shown.contains(row), "matrix row changed on screen: “\(row)”")
    }
  }

  /// Leaving the summary of a finished assessment does not reopen it; `o` does.
  @Test func escapeOnAFinishedSummaryDoesNotReopen() throws {
    var harness = Harness(try fixture("small.yaml"))
    harness.press(.character("F"), .character("y"))
    #expect(harness.state.wizard.phase == .finished)
    harness.press(.escape)
    #expect(harness.state.wizard.phase == .finished)
    harness.press(.enter)
    #expect(harness.state.wizard.phase == .finished, "Enter on a gap does not reopen either")
    #expect(harness.state.notice?.contains("o reopens") == true)
    harness.press(.character("o"))
    #expect(harness.state.wizard.phase == .questions)
  }

  /// `a` on a gap of a finished summary opens its action plan (follow-up, not answering); Esc
  /// comes back to the summary, on the same line, and the assessment stays finished.
  @Test func theActionPlanOfAGapOnAFinishedSummary() throws {
    var harness = Harness(try fixture("small.yaml"))
    harness.go(to: "restitution")
    harness.press(.character("3"))
    harness.press(.character("F"), .character("y"))
    #expect(harness.state.wizard.phase == .finished)
    let lines = harness.app.summaryLines(harness.state)
    let gap = try #require(lines.firstIndex { $0.questionID == "restitution" })
    harness.state.listSelection = gap
    harness.press(.character("a"))
    #expect(harness.state.mode == .plan(selection: 0))
    #expect(harness.render().snapshot.contains("Data restitution."), "the plan form is drawn")
    harness.press(.character("2"))
    #expect(harness.state.wizard.answers["restitution"]?.action?.status == .inProgress)
    harness.press(.escape)
    #expect(harness.state.wizard.phase == .finished)
    #expect(harness.state.listSelection == gap)
    #expect(harness.state.wizard.answers["restitution"]?.value == .choice("noncompliant"))
  }

  /// “Assessment complete” is not claimed while a “not applicable” lacks its justification.
  @Test func completeIsNotClaimedWithAnUnjustifiedNotApplicable() throws {
    var harness = Harness(try fixture("small.yaml"))
    harness.press(.character("1"), .right, .character("1"), .right, .character("4"), .escape)
    harness.press(.right, .character("1"), .right, .character("1"), .right, .character("1"), .right)
    harness.press(.enter)
    harness.type("ok")
    harness.press(.enter)
    #expect(harness.app.wizard.review(harness.state.wizard).unanswered.isEmpty)
    #expect(harness.state.wizard.answers["restitution"]?.isUnjustifiedNotApplicable == true)
    harness.press(.character("S"))
    let text = harness.app.summaryLines(harness.state).map(\.text).joined(separator: "\n")
    #expect(!text.contains("Assessment complete"), "\(text)")
  }
}
