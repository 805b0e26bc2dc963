import AssessmentCore
import AssessmentReports
import Foundation
import Testing

@testable import AssessmentFrontEnd
@testable import AssessmentTUI

/// Management's decision from the wizard's summary (`D`): the form, the refusal of a decision
/// that contradicts the verdict, the decision recorded and shown.
@Suite struct SignOffFormTests {
  /// The summary of the small questionnaire, nothing answered: "not acceptable".
  func onTheSummary(_ language: InterfaceLanguage) throws -> Harness {
    var harness = Harness(try fixture("small.yaml"), language: language)
    harness.press(.character("S"))
    #expect(harness.state.wizard.phase == .summary)
    return harness
  }

  @Test(arguments: InterfaceLanguage.allCases)
  func theFormOpensFromTheSummaryAndRefusesAnAcceptanceOfANotAcceptableVerdict(
    language: InterfaceLanguage
  ) throws {
    var harness = try onTheSummary(language)
    harness.press(.character("D"))
    #expect(harness.state.mode == .signOff(selection: 0))
    #expect(harness.state.signOffDraft.decision == .refuse, "the verdict allows a refusal only")
    let screen = harness.render().snapshot
    #expect(screen.contains(TeamPhrase.signOffTitle.text(language)))
    #expect(screen.contains(TeamPhrase.signOffRecord.text(language)))
    // Accept, then the fields in turn: Enter on a field edits it, Enter hands it over.
    harness.press(.character("1"), .down, .enter)
    harness.type("Comité de direction")
    harness.press(.enter)
    harness.type("Comité")
    harness.press(.enter)
    harness.type("PV-2026-12")
    harness.press(.enter, .enter, .enter)
    #expect(harness.state.signOffDraft.by == "Comité de direction")
    #expect(harness.state.signOffDraft.reference == "PV-2026-12")
    #expect(harness.state.mode == .signOff(selection: App.signOffRows - 1))
    harness.effects = []
    harness.press(.enter)
    #expect(harness.effects.isEmpty, "nothing recorded")
    let problem = harness.state.signOffProblem
    #expect(problem.first == TeamPhrase.problemNotAcceptable.format(language, "accept"))
    #expect(harness.render(height: 40).snapshot.contains(String(problem[0].prefix(30))))
  }

  @Test func aRefusalIsRecordedAndTheSummaryShowsIt() throws {
    var harness = try onTheSummary(.en)
    harness.press(.character("D"), .down, .enter)
    harness.type("Comité")
    harness.press(.enter)
    harness.type("CSI")
    harness.press(.enter)
    harness.type("PV-7")
    harness.press(.enter)
    harness.type("2026-13-01")
    harness.press(.enter)
    #expect(harness.state.notice?.contains("2026-13-01") == true, "not a day: refused")
    harness.press(.escape, .down, .down, .down)
    harness.effects = []
    harness.press(.enter)
    guard case .recordSignOff(let draft)? = harness.effects.last else {
      Issue.record("no decision to record: \(harness.state.signOffProblem)")
      return
    }
    #expect(harness.effects.first == .save, "what is on screen is saved first")
    #expect(draft.decision == .refuse)
    #expect(draft.on == "2027-01-15", "the day defaults to today")
    let signOff = SignOff(
      by: draft.by, role: draft.role, decision: draft.decision, reference: draft.reference,
      on: draft.on, contentDigest: ContentDigest.hex(of: harness.state.wizard.answers),
      recordedAt: t0, recordedBy: "Anne")
    harness.app.signOffFinished(&harness.state, .recorded([signOff]))
    #expect(harness.state.mode == .browsing)
    #expect(harness.state.notice?.hasPrefix("Decision recorded: Refused on 2027-01-15") == true)
    let lines = harness.app.summaryLines(harness.state).map(\.text)
    #expect(lines.contains("  Refused on 2027-01-15 by Comité (CSI), reference PV-7"))
    #expect(lines.contains("  The content has not changed since the decision."))
  }

  @Test func theHeaderShowsWhoTheChangesAreRecordedFor() throws {
    var harness = Harness(try fixture("small.yaml"))
    harness.state.person = "Anne Dupont"
    let top = harness.render().snapshot.split(separator: "\n").first.map(String.init) ?? ""
    #expect(top.hasSuffix("Anne Dupont"))
  }
}
