import AssessmentCore
import Foundation
import Testing

@testable import AssessmentFrontEnd
@testable import AssessmentTUI

@Suite struct AppTests {
  @Test func identificationFormNeedsEveryFieldThenStarts() throws {
    var harness = Harness(try fixture("small.yaml"), identified: false)
    harness.type("ONSS")
    harness.press(.enter)
    #expect(harness.state.formField == 1)
    #expect(harness.state.wizard.metadata.organisation == "ONSS")
    harness.press(.enter)
    #expect(harness.state.notice == "Still to fill in: Assessor, Provider, Service assessed")
    harness.type("Anne")
    harness.press(.tab)
    harness.type("Nuage")
    harness.press(.tab)
    harness.type("Archivage")
    harness.press(.enter)
    #expect(harness.state.wizard.phase == .questions)
    #expect(harness.state.wizard.metadata.service == "Archivage")
  }

  @Test func notesEditByCharacterOverSeveralLines() throws {
    var harness = Harness(try fixture("small.yaml"))
    harness.press(.tab)
    harness.type("été «x» 📦")
    harness.press(.backspace, .backspace)
    harness.type("y")
    harness.press(.enter)
    harness.type("ligne 2")
    harness.press(.up, .end)
    harness.type("!")
    harness.press(.escape)
    #expect(harness.state.wizard.answers["personal_data"]?.note == "été «x»y!\nligne 2")
    #expect(harness.effects.last == .save)
  }

  @Test func notesAreHandedOverWhileTypingEveryFewSeconds() throws {
    var harness = Harness(try fixture("small.yaml"))
    _ = harness.app.handle(&harness.state, .tab, now: t0)
    _ = harness.app.handle(&harness.state, .character("a"), now: t0)
    #expect(harness.app.tick(&harness.state, now: t0.addingTimeInterval(1)).isEmpty)
    #expect(harness.app.tick(&harness.state, now: t0.addingTimeInterval(3)) == [.save])
    #expect(harness.state.wizard.answers["personal_data"]?.note == "a")
    #expect(harness.app.tick(&harness.state, now: t0.addingTimeInterval(9)).isEmpty, "nothing new")
  }

  @Test func notApplicableAsksForAJustification() throws {
    var harness = Harness(try fixture("small.yaml"))
    harness.press(.character("1"), .enter, .character("1"), .enter)  // yes, public
    harness.press(.character("4"))
    #expect(
      harness.state.notice == "Not applicable needs a justification: write it in the note (Tab).")
    guard case .editingNote = harness.state.mode else {
      Issue.record("the note should open")
      return
    }
    harness.type("Pas de données archivées")
    harness.press(.tab)
    #expect(harness.state.wizard.answers["restitution"]?.isUnjustifiedNotApplicable == false)
  }

  @Test func multipleChoiceTogglesAndTextAnswersAreEdited() throws {
    var harness = Harness(try fixture("small.yaml"))
    for _ in 0..<6 { harness.press(.character("1"), .enter) }
    #expect(harness.app.wizard.current(harness.state.wizard)?.id == "comment")
    harness.press(.enter)
    harness.type("RAS")
    harness.press(.enter)
    #expect(harness.state.wizard.answers["comment"]?.value == .text("RAS"))
    #expect(harness.state.wizard.phase == .review, "the last answer opens the review")
  }

  @Test func searchJumpsAndReportsMatches() throws {
    var harness = Harness(try fixture("small.yaml"))
    harness.press(.character("/"))
    harness.type("2.2.7")
    harness.press(.enter)
    #expect(harness.app.wizard.current(harness.state.wizard)?.id == "sovereignty")
    #expect(harness.state.notice == "Match 1/1 for “2.2.7” — n: next")
    harness.press(.character("u"))
    #expect(harness.app.wizard.current(harness.state.wizard)?.id == "personal_data")
  }

  @Test func reviewJumpsToItsEntriesAndFinishesWithConfirmation() throws {
    var harness = Harness(try fixture("small.yaml"))
    harness.press(.character("r"), .down, .enter)
    #expect(harness.app.wizard.current(harness.state.wizard)?.id == "deployment_model")
    harness.press(.character("r"), .character("F"))
    #expect(harness.state.mode == .confirmingFinish)
    harness.press(.character("n"))
    #expect(harness.state.wizard.phase == .questions)
    harness.press(.character("F"), .character("y"))
    #expect(harness.state.wizard.phase == .finished)
  }

  @Test func keysAreIgnoredWhileTheTerminalIsTooSmallExceptQuit() throws {
    var harness = Harness(try fixture("small.yaml"))
    harness.state.width = 60
    harness.press(.enter, .character("2"))
    #expect(harness.state.wizard.answers.isEmpty)
    harness.press(.character("q"))
    #expect(harness.effects == [.save, .exit])
  }

  @Test func summaryLinesJumpToTheirQuestion() throws {
    var harness = Harness(try fixture("small.yaml"))
    harness.press(.character("S"))
    let lines = harness.app.summaryLines(harness.state)
    let target = try #require(lines.firstIndex { $0.questionID == "sovereignty" })
    harness.state.listSelection = target
    harness.press(.enter)
    #expect(harness.state.wizard.phase == .questions)
    #expect(harness.app.wizard.current(harness.state.wizard)?.id == "sovereignty")
  }
}
