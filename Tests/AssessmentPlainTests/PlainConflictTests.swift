import AssessmentCore
import AssessmentFrontEnd
import AssessmentStore
import Foundation
import Testing

@testable import AssessmentPlain

/// Plain mode settles a merged session's conflicts like the wizard: shown first, `ours`,
/// `theirs` or a new answer.
@Suite struct PlainConflictTests {
  func session(language: InterfaceLanguage = .en) throws -> PlainSession {
    let loaded = try QuestionnaireLoader.load(path: fixturePath("small.yaml"))
    let app = App(questionnaire: loaded.questionnaire, fileDigest: EvidenceFiles.digest(ofFileAt:))
    let answers = [
      "sovereignty": Answer(
        value: .choice("compliant"),
        conflict: AnswerConflict(
          ours: .init(value: .choice("compliant"), by: "Bruno", at: t0),
          theirs: .init(value: .choice("unknown"), by: "Anne", at: t1)))
    ]
    let wizard = app.wizard.resume(
      phase: .questions,
      metadata: SessionMetadata(
        organisation: "ONSS", assessor: "Anne", provider: "Nuage", service: "Archivage",
        created: t0, updated: t0), answers: answers, cursor: 0)
    return PlainSession(app: app, state: app.makeState(wizard, language: language))
  }

  @Test func theConflictIsShownFirstAndTheirsTakesIt() throws {
    var plain = try session()
    #expect(plain.state.notice?.contains("1 question in conflict after a merge") == true)
    let shown = plain.next().lines
    #expect(shown.contains("Conflict: two merged copies of the session disagree"))
    #expect(shown.contains { $0.hasPrefix("  t theirs: Unknown (to verify) — by Anne") })
    let reply = plain.handle("theirs", now: t1)
    #expect(reply.refused == nil)
    #expect(reply.effects.contains(.save))
    #expect(plain.state.wizard.answers["sovereignty"]?.value == .choice("unknown"))
    #expect(plain.state.wizard.answers["sovereignty"]?.conflict == nil)
    #expect(reply.lines.contains { $0.contains("no conflict left") })
    #expect(plain.handle("ours", now: t1).refused == "this answer is not in conflict")
  }

  @Test func theCommandsHaveTheirNamesInEachLanguage() throws {
    #expect(PlainCommand.parse("nôtre", .fr)?.0 == .takeOurs)
    #expect(PlainCommand.parse("LEUR", .fr)?.0 == .takeTheirs)
    #expect(PlainCommand.parse("onze", .nl)?.0 == .takeOurs)
    #expect(PlainCommand.parse("theirs", .nl)?.0 == .takeTheirs)
  }
}
