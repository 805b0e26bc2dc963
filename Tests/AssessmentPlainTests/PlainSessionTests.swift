import AssessmentCore
import AssessmentFrontEnd
import AssessmentStore
import Foundation
@_exported import TestSupport
import Testing

@testable import AssessmentPlain

/// Plain mode's lines, without I/O.
@Suite struct PlainSessionTests {
  func session(_ name: String = "small.yaml", language: InterfaceLanguage = .en) throws
    -> PlainSession
  {
    let loaded = try QuestionnaireLoader.load(path: fixturePath(name))
    let app = App(questionnaire: loaded.questionnaire, fileDigest: EvidenceFiles.digest(ofFileAt:))
    var wizard = app.wizard.start(at: t0)
    wizard.metadata.organisation = "ONSS"
    wizard.metadata.assessor = "Anne"
    wizard.metadata.provider = "Nuage"
    wizard.metadata.service = "Archivage"
    wizard.phase = .questions
    return PlainSession(app: app, state: app.makeState(wizard, language: language))
  }

  @Test func aCommandWithoutArgumentIsRecognisedOnlyAlone() {
    #expect(PlainCommand.parse("next", .en)?.0 == .next)
    #expect(PlainCommand.parse("next steps are planned", .en) == nil)
    #expect(PlainCommand.parse("note steps are planned", .en)?.1 == "steps are planned")
    #expect(PlainCommand.parse("RESUME", .fr)?.0 == .summary, "case and accents do not matter")
    #expect(
      PlainCommand.parse("summary", .fr)?.0 == .summary, "English names work in every language")
    #expect(PlainCommand.parse("samenvatting", .en) == nil, "another language's names do not")
  }

  @Test func theQuestionIsShownOnceAsLinesWithItsPlaceAndChoices() throws {
    var plain = try session()
    let first = plain.next()
    #expect(first.lines.contains("Section 1 of 3, question 1 of 6: Scope"))
    #expect(first.lines.contains("  1. Yes"))
    #expect(first.prompt.hasPrefix("Choice 1-2"))
    #expect(plain.next().lines.isEmpty, "shown again only when it changes")
    #expect(first.lines.allSatisfy { !$0.contains("\u{1B}") })
  }

  @Test func theQuestionTheReviewAndThePlanSayWhoMustAct() throws {
    var plain = try session()
    #expect(plain.next().lines.contains { $0.hasSuffix("Responsibility: Provider") })
    var french = try session(language: .fr)
    #expect(french.next().lines.contains { $0.hasSuffix("Responsabilité : Fournisseur") })
    _ = plain.handle("review", now: t0)
    #expect(plain.next().lines.contains { $0.contains("— Data restitution. · Provider") })
    // The plan's owner, left empty, is the point's: the prompt offers it, Enter keeps it empty.
    _ = plain.handle("goto restitution", now: t0)
    _ = plain.handle("plan", now: t0)
    _ = plain.handle("", now: t0)
    #expect(plain.prompt().contains("[Provider (by default)]"), "\(plain.prompt())")
  }

  @Test func theEvidenceListShowsEachReferenceAsTyped() throws {
    var plain = try session()
    _ = plain.next()
    _ = plain.handle("evidence Contrat-cadre §14", now: t0)
    let listed = plain.handle("evidence", now: t0)
    #expect(listed.lines.contains("  1. Contrat-cadre §14"), "\(listed.lines)")
  }

  /// `evidence N issued DAY`, `evidence N valid DAY` date a record through the one field
  /// mechanism; a day that is not one is refused, in the interface's language, and nothing
  /// changes; `evidence N file PATH` records the file's SHA-256.
  @Test func anEvidenceRecordIsDatedAndAFileAttached() throws {
    var plain = try session()
    _ = plain.next()
    _ = plain.handle("evidence SOC 2 type II", now: t0)
    _ = plain.handle("evidence 1 issued 2026-01-15", now: t0)
    let valid = plain.handle("evidence 1 valid 2026-12-31", now: t0)
    #expect(valid.refused == nil)
    #expect(valid.effects.contains(.save))
    let refused = plain.handle("evidence 1 valid 31/12/2026", now: t0)
    #expect(refused.refused?.contains("'31/12/2026' is not a date") == true, "\(refused)")
    let listed = plain.handle("evidence", now: t0)
    #expect(
      listed.lines.contains(
        "  1. SOC 2 type II — issued 2026-01-15, valid until 2026-12-31 — expired"
      ), "the session's day, 2027-01-15, is after its validity: \(listed.lines)")
    #expect(plain.handle("evidence 2 valid 2027-01-01", now: t0).refused == "No evidence 2.")
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let missing = plain.handle("evidence 1 file \(directory)/none.pdf", now: t0)
    #expect(missing.refused?.hasPrefix("Cannot read '\(directory)/none.pdf'") == true)
    try Data("abc".utf8).write(to: URL(fileURLWithPath: directory + "/soc2.pdf"))
    // Recorded as an absolute, standardised path: the session is reopened from anywhere.
    try FileManager.default.createDirectory(
      atPath: directory + "/sub", withIntermediateDirectories: true)
    let attached = plain.handle("evidence 1 file \(directory)/sub/../soc2.pdf", now: t0)
    #expect(
      plain.state.wizard.answers.values.compactMap(\.evidence.first?.file?.path)
        == [directory + "/soc2.pdf"])
    #expect(
      attached.lines == [
        "File attached to evidence 1 (SHA-256 "
          + "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad)."
      ])
    var french = try session(language: .fr)
    _ = french.next()
    _ = french.handle("preuve ISO 27001", now: t0)
    _ = french.handle("preuve 1 délivrée 2025-06-01", now: t0)
    _ = french.handle("preuve 1 valable 2028-05-31", now: t0)
    #expect(
      french.handle("preuve", now: t0).lines
        == ["  1. ISO 27001 — délivrée le 2025-06-01, valable jusqu'au 2028-05-31"])
  }

  /// A file larger than a read is hashed whole; a device, a named pipe or a directory is
  /// refused at once, nothing attached: `/dev/zero` never ends, and a pipe's opening waits for a
  /// writer.
  @Test(.timeLimit(.minutes(1))) func onlyARegularFileIsAttachedAndHashedWhole() throws {
    var plain = try session()
    _ = plain.next()
    _ = plain.handle("evidence SOC 2 type II", now: t0)
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let pipe = directory + "/pipe"
    #expect(mkfifo(pipe, 0o600) == 0)
    for path in ["/dev/zero", pipe, directory] {
      let refused = plain.handle("evidence 1 file \(path)", now: t0)
      #expect(
        refused.refused == "'\(path)' is not a file (a device, a pipe or a folder): "
          + "nothing was attached. Give the path of a document.",
        "\(path): \(refused)")
    }
    #expect(plain.state.wizard.answers.values.allSatisfy { $0.evidence.first?.file == nil })
    // Three megabytes: three reads, one digest.
    let big = directory + "/audit.pdf"
    try Data((0..<3_000_000).map { UInt8($0 % 251) }).write(to: URL(fileURLWithPath: big))
    _ = plain.handle("evidence 1 file \(big)", now: t0)
    #expect(
      plain.state.wizard.answers.values.compactMap(\.evidence.first?.file?.sha256)
        == ["4d3870d4655ed773027a713ea136507d22e076248e0e9cc920a996039653b76f"])
  }

  @Test func aChoiceIsRecordedAndTheNextQuestionFollows() throws {
    var plain = try session()
    _ = plain.next()
    let reply = plain.handle("2", now: t0)
    #expect(reply.refused == nil)
    #expect(reply.effects.contains(.save))
    #expect(plain.state.wizard.answers["personal_data"]?.value == .choice("no"))
    #expect(plain.next().lines.contains { $0.contains("Deployment model?") })
  }

  /// A section's references are shown on its first question, introduction or not (issue 21).
  @Test func theReferencesOfASectionWithoutIntroductionAreShownOnItsFirstQuestion() throws {
    var plain = try session()
    _ = plain.next()
    _ = plain.handle("1", now: t0)
    _ = plain.next()
    _ = plain.handle("1", now: t0)
    let first = plain.next()
    #expect(first.lines.contains { $0.contains("Data restitution.") }, "\(first.lines)")
    #expect(first.lines.contains("§ 2.2"), "\(first.lines)")
  }

  @Test func aChoiceOutOfRangeIsRefusedAndChangesNothing() throws {
    var plain = try session()
    let before = plain.state
    let reply = plain.handle("3", now: t0)
    #expect(reply.refused?.contains("“3” is not a choice") == true)
    #expect(reply.effects.isEmpty)
    #expect(plain.state.wizard == before.wizard)
  }

  /// A text answer is stored as typed, `=` included; one that reads like a command is typed
  /// after `answer`, as the command list says.
  @Test func aTextAnswerIsStoredAsTypedAndAnswerTypesOneThatReadsLikeACommand() throws {
    var plain = try session()
    _ = plain.handle("goto comment", now: t0)
    #expect(plain.handle("=SUM(A1:A3) and more", now: t0).refused == nil)
    #expect(plain.state.wizard.answers["comment"]?.value == .text("=SUM(A1:A3) and more"))
    _ = plain.handle("goto comment", now: t0)
    #expect(plain.handle("answer next", now: t0).refused == nil)
    #expect(plain.state.wizard.answers["comment"]?.value == .text("next"))
    let list = plain.handle("?", now: t0).lines
    #expect(list.contains { $0.contains("answer TEXT") })
    #expect(list.contains { $0.contains("an = at the start included") })
  }

  /// `plan ID` on a finished assessment follows up the gap's plan without reopening it.
  @Test func thePlanOfAGapIsFollowedUpOnAFinishedAssessment() throws {
    var plain = try session()
    _ = plain.handle("goto restitution", now: t0)
    _ = plain.handle("3", now: t0)
    _ = plain.handle("finish", now: t0)
    _ = plain.handle("y", now: t0)
    #expect(plain.state.wizard.phase == .finished)
    #expect(plain.next().lines.contains { $0.contains("“plan ID” follows up") })
    #expect(plain.handle("plan", now: t0).refused?.contains("which gap?") == true)
    #expect(plain.handle("plan restitution", now: t0).refused == nil)
    #expect(plain.handle("2", now: t0).refused == nil)
    #expect(plain.handle("Anne", now: t0).refused == nil)
    #expect(plain.state.wizard.answers["restitution"]?.action?.status == .inProgress)
    #expect(plain.state.wizard.answers["restitution"]?.action?.owner == "Anne")
    #expect(plain.state.wizard.phase == .finished)
    #expect(plain.state.wizard.answers["restitution"]?.value == .choice("noncompliant"))
  }

  /// Plain mode's finish question names the answers a line can give (the full-screen wizard's
  /// names keys, Esc among them, which a line cannot be).
  @Test func theFinishQuestionSaysWhatALineAnswers() throws {
    var plain = try session()
    _ = plain.handle("finish", now: t0)
    let prompt = plain.next().prompt
    #expect(prompt.contains("y: yes, any other answer: no"), "\(prompt)")
    #expect(!prompt.contains("Esc"))
  }

  @Test func theEndOfTheInputSavesAndLeaves() throws {
    var plain = try session()
    #expect(plain.endOfInput(now: t0) == [.save, .exit])
  }

  @Test func theProvidersClaimIsShownAndTakeMakesItTheAnswer() throws {
    var plain = try session(language: .fr)
    _ = plain.next()
    let evidence = EvidenceRecord(reference: "SOC 2 type II", validUntil: "2027-03-31")
    let claim = ProviderClaim(
      value: .choice("yes"), explanation: "", evidence: [evidence], remarks: "Voir le contrat",
      importedAt: t0, workbookSHA256: "ab", cell: "Questions!F3")
    let id = try #require(plain.app.wizard.current(plain.state.wizard)?.id)
    plain.state.wizard.answers[id] = Answer(claims: [claim])
    _ = plain.handle("répéter", now: t0)
    let shown = plain.next()
    let line =
      "Fournisseur : Oui — preuve : SOC 2 type II, valable jusqu'au 2027-03-31 — Voir le contrat"
      + " (« prendre » en fait votre réponse)"
    #expect(shown.lines.contains(line), "\(shown.lines)")
    let taken = plain.handle("prendre", now: t0)
    #expect(taken.lines.contains("Réponse du fournisseur reprise comme votre réponse : « Oui »."))
    #expect(plain.state.wizard.answers[id]?.value == .choice("yes"))
    // The store records the change as the provider's claim taken, not as typed.
    #expect(plain.state.wizard.unsaved.origins[id] == .claimTaken)
    // Its evidence comes with it, once.
    #expect(plain.state.wizard.answers[id]?.evidence == [evidence])
    _ = plain.handle("prendre", now: t0)
    #expect(plain.state.wizard.answers[id]?.evidence == [evidence])
    #expect(PlainCommand.parse("take", .nl)?.0 == .take)
  }
}
