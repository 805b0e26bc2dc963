import AssessmentCore
import AssessmentReports
import Foundation
import SystemSupport
import Testing

@testable import AssessmentStore

/// Who changed what, recorded by the store when it saves, whatever front end or command saves.
@Suite struct HistoryRecordingTests {
  let created = Date(timeIntervalSince1970: 1_800_000_000)

  func record() -> SessionRecord {
    SessionRecord(
      id: "s1",
      questionnaire: QuestionnaireReference(
        id: "small", version: "1.0.0", digest: String(repeating: "a", count: 64)),
      metadata: SessionMetadata(
        organisation: "ONSS", assessor: "Anne", provider: "Nuage SA", service: "Archivage",
        created: created, updated: created),
      phase: .questions, cursorQuestionID: nil,
      answers: ["restitution": Answer(value: .choice("partial"), note: "Clause 14.")])
  }

  func writer(_ directory: String, person: String) throws -> SessionWriter {
    let path = directory + "/s1.json"
    try SessionStore(directory: directory).save(record(), to: path)
    let writer = SessionWriter(path: path, persisted: record())
    writer.person = person
    return writer
  }

  @Test func eachSaveRecordsWhoChangedWhichAnswerAndTheIdentification() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let writer = try writer(directory, person: "Anne Dupont")
    var next = record()
    next.answers["restitution"]?.value = .choice("compliant")
    next.answers["sovereignty"] = Answer(value: .choice("noncompliant"))
    next.metadata.provider = "Nuage SRL"
    next.metadata.updated = created.addingTimeInterval(30)
    try writer.save(next)
    let saved = writer.persisted
    #expect(
      saved.answers["restitution"]?.history == [
        AnswerChange(
          at: created.addingTimeInterval(30), by: "Anne Dupont",
          parts: [.value(.choice("compliant"))])
      ])
    #expect(saved.answers["sovereignty"]?.history.first?.by == "Anne Dupont")
    #expect(
      saved.identificationHistory == [
        IdentificationChange(
          at: created.addingTimeInterval(30), by: "Anne Dupont", fields: [.provider: "Nuage SRL"])
      ])
  }

  @Test func theStoresHistoryIsKeptWhenTheCallersRecordHoldsAnOlderCopy() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let writer = try writer(directory, person: "Anne")
    // What the wizard does: its state never holds the entries the store adds.
    var state = record()
    state.answers["restitution"]?.value = .choice("compliant")
    state.metadata.updated = created.addingTimeInterval(10)
    try writer.save(state, changed: ["restitution"])
    state.answers["sovereignty"] = Answer(value: .choice("compliant"))
    state.metadata.updated = created.addingTimeInterval(20)
    try writer.save(state, changed: ["sovereignty"])
    #expect(writer.persisted.answers["restitution"]?.history.count == 1)
    #expect(writer.persisted.answers["sovereignty"]?.history.count == 1)
    // Another person later: a second entry, the first kept.
    writer.person = "Bart"
    state.answers["restitution"]?.value = .choice("partial")
    state.metadata.updated = created.addingTimeInterval(1000)
    try writer.save(state, changed: ["restitution"])
    #expect(writer.persisted.answers["restitution"]?.history.map(\.by) == ["Anne", "Bart"])
  }

  @Test func anOriginGivenWithTheSaveIsRecorded() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let writer = try writer(directory, person: "Anne")
    var next = record()
    next.answers["restitution"]?.value = .choice("compliant")
    try writer.save(next, changed: ["restitution"], origins: ["restitution": .claimTaken])
    #expect(writer.persisted.answers["restitution"]?.history.last?.origin == .claimTaken)
  }

  @Test func theWizardsClaimOriginReachesTheStoreThroughTheOpenSession() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let loaded = try BuiltinQuestionnaires.resolve(nil)
    let store = SessionStore(directory: directory, asPerson: "Chloé")
    let session = try store.create(loaded, at: created)
    #expect(session.person == Person(name: "Chloé", source: .option))
    let wizard = Wizard(questionnaire: loaded.questionnaire)
    var state = session.wizardState(wizard)
    _ = wizard.reduce(&state, .identificationEdited(.organisation, "ONSS", at: created + 1))
    try session.save(state)
    #expect(session.record.identificationHistory.first?.by == "Chloé")
    #expect(session.record.identificationHistory.first?.fields == [.organisation: "ONSS"])
    session.close(final: state, lastSaveFailed: false)
  }

  @Test func theNameIsTheOptionThenTheVariableThenGitThenTheLogin() {
    let git: (String) -> String? = { _ in "Git Name" }
    let login: () -> String? = { "login" }
    let variable: (String) -> String? = { $0 == "CLOUD_ASSESS_USER" ? "Env Name" : nil }
    let none: (String) -> String? = { _ in nil }
    #expect(
      Person.resolve(
        explicit: " Opt ", folder: "/x", variable: variable, gitUserName: git, loginName: login)
        == Person(name: "Opt", source: .option))
    #expect(
      Person.resolve(
        explicit: nil, folder: "/x", variable: variable, gitUserName: git, loginName: login)
        == Person(name: "Env Name", source: .environment))
    #expect(
      Person.resolve(
        explicit: "", folder: "/x", variable: none, gitUserName: git, loginName: login)
        == Person(name: "Git Name", source: .git))
    #expect(
      Person.resolve(
        explicit: nil, folder: "/x", variable: none, gitUserName: { _ in nil }, loginName: login)
        == Person(name: "login", source: .login))
  }

  @Test(.enabled(if: which("git") != nil))
  func gitsUserNameIsReadOnlyInsideAWorkTree() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    #expect(Person.gitUserName(directory + "/sessions") == nil, "not a repository")
    let repository = directory + "/repo"
    try FileManager.default.createDirectory(
      atPath: repository + "/sessions", withIntermediateDirectories: true)
    let initialised = ChildProcessRun.run(["git", "init", "-q", repository])
    #expect(initialised == 0)
    #expect(
      ChildProcessRun.run(["git", "-C", repository, "config", "user.name", "Dana Git"]) == 0)
    #expect(Person.gitUserName(repository + "/sessions") == "Dana Git")
    // A sessions folder not created yet: its parent in the work tree decides.
    #expect(Person.gitUserName(repository + "/sessions/new/deeper") == "Dana Git")
  }

  @Test func aReassessmentStartsItsOwnHistoryWithOneCarriedEntryPerAnswer() throws {
    let loaded = try BuiltinQuestionnaires.resolve(nil)
    var source = record()
    source.questionnaire.id = loaded.questionnaire.id
    source.answers = [
      "priv_encryption_rest": Answer(
        value: .choice("compliant"), note: "AES",
        history: [AnswerChange(at: created, by: "Anne", parts: [.value(.choice("partial"))])])
    ]
    let later = created.addingTimeInterval(86_400 * 365)
    let carried = SessionRecord.carried(
      from: source, sourcePath: "/s/old.json", id: "new", questionnaire: loaded, at: later,
      by: "Bart")
    #expect(
      carried.record.answers["priv_encryption_rest"]?.history == [
        AnswerChange(
          at: later, by: "Bart", origin: .carried,
          parts: [.value(.choice("compliant")), .note("AES")])
      ])
    #expect(carried.record.previous == PreviousAssessment(id: "s1", path: "/s/old.json"))
  }
}

/// Runs a program and gives its exit status (the tests' git set-up).
enum ChildProcessRun {
  static func run(_ arguments: [String]) -> Int32 {
    guard let pid = try? ChildProcess.spawn(arguments[0], arguments: arguments, searchPath: true)
    else { return -1 }
    return ChildProcess.wait(pid)
  }
}
