import AssessmentCore
import Foundation
import Testing

@testable import AssessmentStore

#if canImport(Glibc)
  import Glibc
#endif

/// `cloud-assess merge`: two copies of a session merged question by question against their
/// common copy.
@Suite struct SessionMergeTests {
  let compliant = AnswerValue.choice("compliant")

  func session(_ answers: [String: Answer], id: String = "20270115-080000-beef") -> SessionRecord {
    SessionRecord(
      id: id,
      questionnaire: QuestionnaireReference(id: "be-socsec-cloud", version: "1", digest: "d"),
      metadata: SessionMetadata(
        organisation: "ONSS", assessor: "Alice", provider: "Provider SA", service: "Mail",
        created: t0, updated: t0),
      phase: .questions, cursorQuestionID: nil, answers: answers)
  }

  @Test func twoPeopleAnsweringDifferentSectionsGetBoth() throws {
    let base = session(["ctr_backups": Answer(value: compliant)])
    var ciso = base
    ciso.answers["ctr_restitution"] = Answer(
      value: .choice("partial"), history: [AnswerChange(at: t0, by: "Alice", parts: [])])
    ciso.metadata.updated = t0.addingTimeInterval(60)
    var dpo = base
    dpo.answers["priv_dpa"] = Answer(
      value: compliant, history: [AnswerChange(at: t1, by: "Bob", parts: [])])
    dpo.metadata.updated = t1.addingTimeInterval(60)
    let result = try SessionMerge.merge(base: base, ours: ciso, theirs: dpo)
    #expect(!result.needsResolution)
    #expect(result.record.answers.keys.sorted() == ["ctr_backups", "ctr_restitution", "priv_dpa"])
    #expect(result.record.answers["ctr_restitution"]?.history.map(\.by) == ["Alice"])
    #expect(result.record.answers["priv_dpa"]?.history.map(\.by) == ["Bob"])
    #expect(result.record.metadata.updated == t1.addingTimeInterval(60))
  }

  @Test func differentAnswersAreAConflictAndFinishedReopens() throws {
    var base = session(["ctr_backups": Answer(value: compliant)])
    base.phase = .finished
    var ours = base
    ours.answers["ctr_backups"]?.value = .choice("partial")
    var theirs = base
    theirs.answers["ctr_backups"]?.value = .choice("noncompliant")
    let result = try SessionMerge.merge(base: base, ours: ours, theirs: theirs)
    #expect(result.conflicts == ["ctr_backups"])
    #expect(result.needsResolution)
    #expect(result.record.answers["ctr_backups"]?.conflict?.theirs.value == .choice("noncompliant"))
    #expect(result.record.phase == .questions)
    // Merging the result again with the same other side adds no conflict.
    let again = try SessionMerge.merge(base: theirs, ours: result.record, theirs: theirs)
    #expect(again.conflicts.isEmpty)
  }

  @Test func identificationHistoryAndSignOffsAreTheUnion() throws {
    let base = session([:])
    var ours = base
    ours.identificationHistory = [IdentificationChange(at: t1, by: "Alice", fields: [:])]
    let decision = SignOff(
      by: "Board", role: "management", decision: .accept, reference: "PV 12", on: "2027-01-20",
      contentDigest: "x", recordedAt: t1, recordedBy: "Carol")
    var theirs = base
    theirs.identificationHistory = [IdentificationChange(at: t0, by: "Bob", fields: [:])]
    theirs.signOffs = [decision]
    let result = try SessionMerge.merge(base: base, ours: ours, theirs: theirs)
    #expect(result.record.identificationHistory.map(\.by) == ["Bob", "Alice"])
    #expect(result.record.signOffs == [decision])
  }

  @Test func copiesOfOtherSessionsOrQuestionnairesAreRefused() {
    let ours = session([:])
    #expect(throws: SessionMerge.Refusal.differentSessions(ours: ours.id, theirs: "other")) {
      try SessionMerge.merge(base: nil, ours: ours, theirs: session([:], id: "other"))
    }
    var other = ours
    other.questionnaire.id = "mine"
    #expect(
      throws: SessionMerge.Refusal.differentQuestionnaires(ours: "be-socsec-cloud", theirs: "mine")
    ) {
      try SessionMerge.merge(base: ours, ours: ours, theirs: other)
    }
  }

  // MARK: - Files

  func write(_ record: SessionRecord, _ path: String) throws {
    try SessionFile.encode(record).write(to: URL(fileURLWithPath: path))
  }

  @Test func theResultIsWrittenOverOursWithItsAbstract() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let base = session(["ctr_backups": Answer(value: compliant)])
    var ours = base
    ours.answers["ctr_restitution"] = Answer(value: .choice("partial"))
    var theirs = base
    theirs.answers["priv_dpa"] = Answer(value: compliant)
    try write(base, directory + "/base")
    try write(ours, directory + "/ours")
    try write(theirs, directory + "/theirs")
    let result = try SessionMerge.mergeFiles(
      base: directory + "/base", ours: directory + "/ours", theirs: directory + "/theirs",
      path: directory + "/s.json")
    let written = try SessionStore(directory: directory).load(path: directory + "/ours")
    #expect(written.answers == result.record.answers)
    #expect(written.answers.count == 3)
    // The abstract is recomputed from the merged answers, not taken from either side.
    #expect(written.abstract?.answered == result.record.abstract?.answered)
    #expect(written.abstract != nil)
    // Nothing beside the session in the working tree: no lock file, no kept original.
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == [
        "base", "ours", "theirs",
      ])
  }

  @Test func theConflictAndBothHistoriesAreInTheFileWritten() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let base = session(["ctr_backups": Answer(value: compliant)])
    var ours = base
    ours.answers["ctr_backups"]?.value = .choice("partial")
    ours.answers["ctr_backups"]?.history = [
      AnswerChange(at: t0, by: "Bruno", parts: [.value(.choice("partial"))])
    ]
    var theirs = base
    theirs.answers["ctr_backups"]?.value = .choice("noncompliant")
    theirs.answers["ctr_backups"]?.history = [
      AnswerChange(at: t1, by: "Anne", parts: [.value(.choice("noncompliant"))])
    ]
    try write(base, directory + "/base")
    try write(ours, directory + "/ours")
    try write(theirs, directory + "/theirs")
    let result = try SessionMerge.mergeFiles(
      base: directory + "/base", ours: directory + "/ours", theirs: directory + "/theirs",
      path: nil)
    #expect(result.conflicts == ["ctr_backups"])
    let written = try SessionStore(directory: directory).load(path: directory + "/ours")
    let answer = try #require(written.answers["ctr_backups"])
    #expect(answer.conflict?.ours.by == "Bruno" && answer.conflict?.theirs.by == "Anne")
    #expect(answer.conflict?.theirs.value == .choice("noncompliant"))
    #expect(answer.history.map(\.by) == ["Bruno", "Anne"])
  }

  @Test func anEmptyBaseIsTwoAdditions() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    _ = FileManager.default.createFile(atPath: directory + "/base", contents: Data())
    try write(session(["ctr_backups": Answer(value: compliant)]), directory + "/ours")
    try write(session(["priv_dpa": Answer(value: compliant)]), directory + "/theirs")
    let result = try SessionMerge.mergeFiles(
      base: directory + "/base", ours: directory + "/ours", theirs: directory + "/theirs",
      path: nil)
    #expect(result.record.answers.keys.sorted() == ["ctr_backups", "priv_dpa"])
  }

  @Test func aSessionOpenInTheWizardOrWithAJournalIsNotMerged() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let base = session([:])
    var theirs = base
    theirs.answers["priv_dpa"] = Answer(value: compliant)
    for name in ["base", "ours", "theirs"] {
      try write(name == "theirs" ? theirs : base, directory + "/" + name)
    }
    let before = try Data(contentsOf: URL(fileURLWithPath: directory + "/ours"))
    let path = directory + "/s.json"
    let lock = try SessionLock.acquire(sessionPath: path)
    do {
      _ = try SessionMerge.mergeFiles(
        base: directory + "/base", ours: directory + "/ours", theirs: directory + "/theirs",
        path: path)
      Issue.record("merged under the wizard's lock")
    } catch {
      guard case .locked(let lockedPath, _) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(lockedPath == path)
      #expect(error.message(.en).contains("git checkout -m \(path)"))
    }
    lock.release()
    _ = FileManager.default.createFile(
      atPath: directory + "/s.journal", contents: Data("{}\n".utf8))
    #expect(
      throws: SessionMerge.Failure.journalPending(path: path, journal: directory + "/s.journal")
    ) {
      try SessionMerge.mergeFiles(
        base: directory + "/base", ours: directory + "/ours", theirs: directory + "/theirs",
        path: path)
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: directory + "/ours")) == before)
  }

  /// The copies are read at once; of several that cannot be read, the one reported is the first
  /// in the order ours, theirs, base, and OURS is left as it was.
  @Test func theFirstCopyThatCannotBeReadIsTheOneReported() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let good = session(["ctr_backups": Answer(value: compliant)])
    let garbage = Data("not a session".utf8)
    for (broken, named) in [
      (["ours", "theirs", "base"], "ours"), (["theirs", "base"], "theirs"), (["base"], "base"),
    ] {
      for copy in ["base", "ours", "theirs"] {
        if broken.contains(copy) {
          try garbage.write(to: URL(fileURLWithPath: directory + "/" + copy))
        } else {
          try write(good, directory + "/" + copy)
        }
      }
      let before = try Data(contentsOf: URL(fileURLWithPath: directory + "/ours"))
      #expect {
        try SessionMerge.mergeFiles(
          base: directory + "/base", ours: directory + "/ours", theirs: directory + "/theirs",
          path: nil)
      } throws: { error in
        guard case .store(let store) = error as? SessionMerge.Failure else { return false }
        return store.message(.en).contains("(\(named): \(directory)/\(named))")
      }
      #expect(try Data(contentsOf: URL(fileURLWithPath: directory + "/ours")) == before)
    }
    // A base that is not there is reported after ours and theirs, which are read.
    try write(good, directory + "/ours")
    try write(good, directory + "/theirs")
    #expect(throws: SessionMerge.Failure.self) {
      try SessionMerge.mergeFiles(
        base: directory + "/absent", ours: directory + "/ours", theirs: directory + "/theirs",
        path: nil)
    }
  }

  @Test func gitsConflictMarkersAreNamedWithTheRepair() throws {
    let text = """
      {
      <<<<<<< HEAD
        "answers": {},
      =======
        "answers": {"a": {}},
      >>>>>>> theirs
      }
      """
    #expect(throws: StoreError.sessionHasConflictMarkers(path: "s.json")) {
      try SessionFile.decode(Data(text.utf8), path: "s.json")
    }
    let message = StoreError.sessionHasConflictMarkers(path: "s.json").message(.fr)
    #expect(message.contains("cloud-assess git-setup"))
    #expect(message.contains("git checkout -m s.json"))
  }
}
