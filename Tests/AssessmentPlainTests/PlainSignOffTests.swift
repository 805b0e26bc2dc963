import AssessmentCore
import AssessmentFrontEnd
import AssessmentReports
import AssessmentStore
import Foundation
import Testing

@testable import AssessmentPlain

/// Management's decision in plain mode: `decision` from the summary, the fields asked in turn.
@Suite struct PlainSignOffTests {
  func onTheSummary(_ language: InterfaceLanguage) throws -> PlainSession {
    let loaded = try QuestionnaireLoader.load(path: fixturePath("small.yaml"))
    let app = App(questionnaire: loaded.questionnaire, fileDigest: EvidenceFiles.digest(ofFileAt:))
    var wizard = app.wizard.start(at: t0)
    wizard.metadata.organisation = "ONSS"
    wizard.metadata.assessor = "Anne"
    wizard.metadata.provider = "Nuage"
    wizard.metadata.service = "Archivage"
    wizard.phase = .summary
    return PlainSession(app: app, state: app.makeState(wizard, language: language))
  }

  @Test(arguments: InterfaceLanguage.allCases)
  func anAcceptanceOfANotAcceptableVerdictIsRefusedAndARefusalIsRecorded(
    language: InterfaceLanguage
  ) throws {
    var plain = try onTheSummary(language)
    let command = PlainCommand.decision.names(language)[0]
    var reply = plain.handle(command, now: t0)
    #expect(reply.lines.first == TeamPhrase.signOffTitle.text(language))
    #expect(plain.next().prompt.hasPrefix(SignOff.Field.decision.label(language)))
    for line in ["1", "Comité de direction", "Administrateur général", "PV-2026-12"] {
      reply = plain.handle(line, now: t0)
      #expect(reply.refused == nil, "\(line)")
    }
    #expect(plain.next().prompt.hasPrefix(SignOff.Field.on.label(language)))
    reply = plain.handle("", now: t0)
    #expect(reply.signOff == nil)
    #expect(reply.refused == TeamPhrase.problemNotAcceptable.format(language, "accept"))
    // Again, refusing: it is checked and handed to the runner, after a save.
    reply = plain.handle(command, now: t0)
    for line in ["3", "", "", "", ""] { reply = plain.handle(line, now: t0) }
    #expect(reply.refused == nil)
    #expect(reply.effects == [.save])
    #expect(reply.signOff?.decision == .refuse)
    #expect(reply.signOff?.by == "Comité de direction", "the fields typed before are kept")
    #expect(reply.signOff?.on == "2027-01-15")
  }

  @Test func theDecisionIsNotAskedWhileAnswering() throws {
    var plain = try onTheSummary(.en)
    _ = plain.handle("back", now: t0)
    let reply = plain.handle("decision", now: t0)
    #expect(reply.refused != nil)
  }
}
