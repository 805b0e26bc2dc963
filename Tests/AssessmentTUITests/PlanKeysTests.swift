import AssessmentStore
import Foundation
import Testing

@testable import AssessmentCore
@testable import AssessmentFrontEnd
@testable import AssessmentReports
@testable import AssessmentTUI

/// The action plan (`a`) and the confirmation of a carried answer (`c`) are listed where the
/// keys are: the question screen's key bar at 80 columns and the help's Keys section; the
/// wizard's summary of a re-assessment has the changes since the previous assessment.
@Suite struct PlanKeysTests {
  /// The key bar's lines as drawn at 80×24.
  func keyBar(_ harness: Harness) -> String {
    let rows = harness.render().snapshot.split(separator: "\n", omittingEmptySubsequences: false)
    return rows.suffix(3).joined(separator: "\n")
  }

  @Test(arguments: InterfaceLanguage.allCases)
  func theKeyBarListsThePlanAndQuitAt80Columns(language: InterfaceLanguage) throws {
    var harness = Harness(try fixture("small.yaml"), language: language)
    let quit = ["q quitter", "q quit", "q stoppen"][
      InterfaceLanguage.allCases.firstIndex(of: language)!]
    #expect(keyBar(harness).contains("a plan"), "\(keyBar(harness))")
    #expect(keyBar(harness).contains(quit), "\(keyBar(harness))")
    #expect(!keyBar(harness).contains("c "), "c only on a carried answer")
    // A carried answer: c is listed first.
    harness.state.wizard.answers["personal_data"] = Answer(value: .choice("yes"))
    harness.state.wizard.answers["personal_data"]?.reverify = true
    let carried = keyBar(harness)
    let confirm = ["c confirmer", "c confirm", "c bevestigen"][
      InterfaceLanguage.allCases.firstIndex(of: language)!]
    #expect(carried.contains(confirm), "\(carried)")
    #expect(carried.contains("a plan") && carried.contains(quit), "\(carried)")
    // Multiple choice and derogation questions keep q too.
    harness.state.wizard.answers["personal_data"]?.reverify = false
  }

  @Test(arguments: InterfaceLanguage.allCases)
  func theHelpListsThePlanAndTheConfirmation(language: InterfaceLanguage) throws {
    var harness = Harness(try fixture("small.yaml"), language: language)
    harness.press(.character("?"))
    let lines = harness.app.helpLines(harness.state, width: 1000).map(\.0)
    #expect(lines.contains { $0.contains("a:") || $0.contains("a :") }, "\(lines)")
    #expect(lines.contains { $0.contains("c:") || $0.contains("c :") }, "\(lines)")
  }

  @Test func thePlanFormAsksTheAcceptanceOnlyForAnAcceptedRisk() throws {
    var harness = Harness(try fixture("small.yaml"))
    // restitution partial
    harness.press(.character("1"), .enter, .character("1"), .enter, .character("2"))
    harness.press(.character("a"), .down, .enter)
    harness.type("Anne")
    harness.press(.enter)
    harness.type("2027-01-31")
    harness.press(.enter)
    harness.type("TICKET-9")
    harness.press(.enter)
    #expect(harness.state.field == nil, "an open action asks nothing about an acceptance")
    #expect(harness.state.mode == .plan(selection: 3))
    #expect(harness.state.wizard.answers["restitution"]?.action?.reference == "TICKET-9")
    harness.press(.character("4"), .enter)  // risk accepted; Enter on the reference row
    harness.press(.enter)
    guard case .action(let field)? = harness.state.field?.target else {
      Issue.record("the acceptance should be asked once the risk is accepted")
      return
    }
    #expect(field == .acceptedBy)
  }

  @Test func cOnAnAnswerThatWasNotCarriedSaysWhyNothingHappens() throws {
    var harness = Harness(try fixture("small.yaml"))
    harness.press(.character("1"), .left, .character("c"))
    #expect(
      harness.state.notice?.contains("not carried from the previous assessment") == true,
      "\(harness.state.notice ?? "")")
  }

  @Test func theWizardSummaryOfAReassessmentShowsTheChangesSince() throws {
    let loaded = try fixture("small.yaml")
    var harness = Harness(loaded)
    // Last year: restitution was non-compliant; this year it is compliant.
    var old = harness.state.wizard
    old.answers["restitution"] = Answer(value: .choice("noncompliant"))
    harness.state.wizard.answers["restitution"] = Answer(value: .choice("compliant"))
    var app = harness.app
    app.previous = .read(
      ComparedAssessment(id: "last-year", questionnaire: loaded.questionnaire, state: old, asOf: t0)
    )
    harness = Harness(app: app, state: harness.state)
    harness.press(.character("S"))
    let shown = harness.app.summaryLines(harness.state).map(\.text)
    #expect(
      shown.contains { $0.contains("Changes since the previous assessment (last-year") }, "\(shown)"
    )
    #expect(shown.contains { $0.contains("1 improved") }, "\(shown)")
    // Unreadable: said, not hidden.
    app.previous = .unreadable(id: "gone", path: "/nowhere/gone.json")
    harness = Harness(app: app, state: harness.state)
    let missing = harness.app.summaryLines(harness.state).map(\.text)
    #expect(
      missing.contains {
        $0.contains("the previous assessment (gone) is not found at /nowhere/gone.json")
      }, "\(missing)")
  }
}
