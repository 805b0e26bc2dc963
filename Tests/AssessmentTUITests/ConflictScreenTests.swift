import AssessmentCore
import AssessmentStore
import Foundation
import Testing

@testable import AssessmentFrontEnd
@testable import AssessmentTUI

/// A merged session's conflicts, settled where answers are given: shown first, o / t / a new
/// answer.
@Suite struct ConflictScreenTests {
  /// A session of small.yaml with two answers in conflict, opened in the wizard.
  func harness(language: InterfaceLanguage = .en) throws -> Harness {
    let loaded = try fixture("small.yaml")
    let app = App(questionnaire: loaded.questionnaire, fileDigest: EvidenceFiles.digest(ofFileAt:))
    var answers: [String: Answer] = [:]
    for id in ["restitution", "sovereignty"] {
      answers[id] = Answer(
        value: .choice("partial"), note: "clause 14",
        conflict: AnswerConflict(
          ours: .init(value: .choice("partial"), note: "clause 14", by: "Bruno", at: t0),
          theirs: .init(value: .choice("noncompliant"), note: "no time limit", by: "Anne", at: t1)
        ))
    }
    let wizard = app.wizard.resume(
      phase: .questions,
      metadata: SessionMetadata(
        organisation: "ONSS", assessor: "Anne", provider: "Nuage", service: "Archivage",
        created: t0, updated: t0), answers: answers, cursor: 0)
    return Harness(app: app, state: app.makeState(wizard, language: language))
  }

  @Test func theSessionOpensOnTheFirstConflictWithBothSides() throws {
    let harness = try harness()
    #expect(harness.app.wizard.current(harness.state.wizard)?.id == "restitution")
    #expect(harness.state.notice?.contains("2 questions in conflict after a merge") == true)
    let screen = harness.render(width: 80, height: 30).snapshot
    #expect(screen.contains("Conflict: two merged copies of the session disagree"))
    #expect(screen.contains("o ours: Partially compliant — by Bruno, 2027-01-15 08:00 UTC"))
    #expect(screen.contains("t theirs: Non-compliant — by Anne, 2027-01-15 08:01 UTC"))
    #expect(screen.contains("note: no time limit"))
    #expect(screen.contains("o take ours  t take theirs  Enter/1-9 answer anew"))
  }

  /// At 80×24, on a question whose introduction, help and choices fill the screen, both sides
  /// and the provider's claim stay in view with the highlighted choice: pressing o or t without
  /// seeing the other person's answer would be a guess.
  @Test func bothSidesAndTheClaimShowWithTheChoicesAt80x24() throws {
    for id in ["ctr_port_migration_assistance", "ctr_sub_sole_responsibility"] {
      var harness = Harness(try BuiltinQuestionnaires.resolve(nil), language: .fr)
      harness.go(to: id)
      harness.state.wizard.answers[id] = Answer(
        value: .choice("partial"),
        claims: [
          ProviderClaim(
            value: .choice("compliant"), explanation: "clause 12", evidence: [], remarks: "",
            importedAt: t0, workbookSHA256: "ab", cell: "Questions!F3")
        ],
        conflict: AnswerConflict(
          ours: .init(value: .choice("partial"), note: "", by: "Bruno", at: t0),
          theirs: .init(value: .choice("noncompliant"), note: "", by: "Anne", at: t1)))
      let screen = harness.render(width: 80, height: 24).snapshot
      #expect(screen.contains("o la nôtre : Partiellement conforme"), "\(id)\n\(screen)")
      #expect(screen.contains("t la leur : Non conforme"), "\(id)\n\(screen)")
      #expect(screen.contains("Fournisseur"), "\(id)\n\(screen)")
      #expect(screen.contains("(•)"), "\(id)\n\(screen)")
    }
  }

  @Test func takingTheirsThenOursSettlesBothAndSaysSo() throws {
    var harness = try harness()
    harness.press(.character("t"))
    #expect(harness.state.wizard.answers["restitution"]?.value == .choice("noncompliant"))
    #expect(harness.state.wizard.answers["restitution"]?.note == "no time limit")
    #expect(harness.state.wizard.answers["restitution"]?.conflict == nil)
    #expect(harness.effects.contains(.save))
    // On to the next conflict.
    #expect(harness.app.wizard.current(harness.state.wizard)?.id == "sovereignty")
    harness.press(.character("o"))
    #expect(harness.state.wizard.answers["sovereignty"]?.value == .choice("partial"))
    #expect(harness.state.wizard.answers["sovereignty"]?.conflict == nil)
    #expect(harness.state.notice?.contains("no conflict left") == true)
    // Nothing left to settle: o says so and changes nothing.
    let before = harness.state.wizard
    harness.press(.character("o"))
    #expect(harness.state.wizard == before)
    #expect(harness.state.notice == "this answer is not in conflict")
  }

  @Test func answeringAnewSettlesItAndTheReviewListsConflictsFirst() throws {
    var harness = try harness(language: .fr)
    harness.press(.character("r"))
    let review = harness.app.reviewEntries(harness.state).map(\.text)
    #expect(review.first == "En conflit (2)")
    harness.press(.escape, .character("1"))
    #expect(harness.state.wizard.answers["restitution"]?.value == .choice("compliant"))
    #expect(harness.state.wizard.answers["restitution"]?.conflict == nil)
  }
}
