import AssessmentCore
import AssessmentReports
import Foundation
import Testing

@testable import AssessmentStore

/// Session format 2 and the migration of literal version-1 files (Tests/Fixtures/sessions-v1,
/// copies of the sessions written by format 1; never rewritten).
@Suite struct MigrationTests {
  static let names = ["all-compliant", "mixed", "health-public"]
  let risk = try! QuestionnaireLoader.load(path: fixturePath("risk.yaml"))
  static let asOf = Timestamp.parse("2026-11-30T12:00:00.000Z")!

  func summaryText(_ record: SessionRecord) -> String {
    let wizard = Wizard(questionnaire: risk.questionnaire)
    let state = record.wizardState(wizard)
    return SummaryReport(
      questionnaire: risk.questionnaire,
      summary: RiskEngine(questionnaire: risk.questionnaire).summarize(state, asOf: Self.asOf),
      answers: state.answers, language: .en, digest: risk.digest
    ).text(color: false)
  }

  /// A copy of a version-1 fixture in a fresh directory.
  func copy(_ name: String) throws -> (directory: String, path: String, bytes: Data) {
    let directory = temporaryDirectory()
    let bytes = try Data(contentsOf: URL(fileURLWithPath: fixturePath("sessions-v1/\(name).json")))
    #expect(
      String(decoding: bytes, as: UTF8.self).contains("\"schemaVersion\": 1"),
      "a literal version-1 file")
    let path = directory + "/\(name).json"
    try bytes.write(to: URL(fileURLWithPath: path))
    return (directory, path, bytes)
  }

  @Test(arguments: names)
  func aVersion1FileLoadsSummarisesIdenticallyAndMigratesKeepingTheOriginal(name: String) throws {
    let (directory, path, bytes) = try copy(name)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let store = SessionStore(directory: directory)
    let record = try store.load(path: path)
    #expect(record.previous == nil && record.abstract == nil)
    #expect(record.answers.values.allSatisfy { $0.action == nil && !$0.reverify })
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes, "reading changes nothing")
    let before = summaryText(record)
    // The first write keeps the original bytes beside the file, then writes version 2.
    try store.save(record, to: path)
    let original = directory + "/\(name).v1.json"
    #expect(try Data(contentsOf: URL(fileURLWithPath: original)) == bytes)
    let migrated = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    #expect(migrated.contains("\"schemaVersion\" : 4"))
    let reloaded = try store.load(path: path)
    #expect(reloaded == record)
    #expect(summaryText(reloaded) == before, "the same summary before and after the migration")
    // A second write leaves the original alone; the original is not a session of the list.
    var changed = reloaded
    changed.metadata.provider = "Autre SA"
    try store.save(changed, to: path)
    #expect(try Data(contentsOf: URL(fileURLWithPath: original)) == bytes)
    #expect(store.list().map { ($0.path as NSString).lastPathComponent } == ["\(name).json"])
  }

  @Test func aJournalOverAVersion1FileCarriesTheNewFieldsAndItsFoldingMigrates() throws {
    let (directory, path, bytes) = try copy("mixed")
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let store = SessionStore(directory: directory)
    let record = try store.load(path: path)
    let writer = SessionWriter(path: path, persisted: record)
    var changed = record
    let id = try #require(record.answers.first { $0.value.value?.compliance == .partial }?.key)
    changed.answers[id]?.action = PlanAction(
      owner: "Anne", dueDate: "2027-01-31", status: .riskAccepted, reference: "CR-7",
      acceptedBy: "CISO",
      acceptedOn: "2026-12-01", acceptanceReason: "compensated", acceptedUntil: "2027-12-01")
    changed.answers[id]?.reverify = true
    try writer.save(changed)
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: path)) == bytes,
      "a journal line does not rewrite the file")
    #expect(try store.load(path: path).answers[id] == writer.persisted.answers[id])
    try writer.compact()
    writer.closeJournal()
    #expect(try Data(contentsOf: URL(fileURLWithPath: directory + "/mixed.v1.json")) == bytes)
    #expect(try store.load(path: path).answers[id] == writer.persisted.answers[id])
  }

  /// `list` reads a session whole from the day a piece of evidence expires, even one that had
  /// expired before its last change: the abstract does not count expired evidence.
  @Test func theAbstractIsNotTrustedOnceEvidenceHasExpired() throws {
    let (directory, path, _) = try copy("mixed")
    defer { try? FileManager.default.removeItem(atPath: directory) }
    var record = try SessionStore(directory: directory).load(path: path)
    let plain = record.makeAbstract(risk.questionnaire).recheckFrom
    let id = try #require(record.answers.keys.sorted().first)
    record.answers[id]?.evidence = [
      EvidenceRecord(reference: "SOC 2", validUntil: "2001-03-31"), "contrat §14",
    ]
    let abstract = record.makeAbstract(risk.questionnaire)
    #expect(abstract.recheckFrom == "2001-04-01", "before: \(plain ?? "none")")
  }

  /// `new --from` keeps each evidence record whole: its days and its file.
  @Test func aReassessmentKeepsTheEvidenceRecords() throws {
    let (directory, path, _) = try copy("mixed")
    defer { try? FileManager.default.removeItem(atPath: directory) }
    var record = try SessionStore(directory: directory).load(path: path)
    let id = try #require(record.answers.keys.sorted().first)
    let soc2 = EvidenceRecord(
      reference: "SOC 2", issuedOn: "2026-01-15", validUntil: "2027-03-31",
      file: EvidenceFile(path: "/x/soc2.pdf", sha256: String(repeating: "0", count: 64)))
    record.answers[id]?.evidence = [soc2]
    let next = SessionRecord.carried(
      from: record, sourcePath: path, id: "next", questionnaire: risk, at: t1
    ).record
    #expect(next.answers[id]?.evidence == [soc2])
  }

  @Test func theAbstractIsReadAloneAndIgnoredOnceAJournalHoldsLaterChanges() throws {
    let (directory, path, _) = try copy("mixed")
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let store = SessionStore(directory: directory)
    #expect(SessionFile.readAbstract(path: path) == nil, "a version-1 file has none")
    var record = try store.load(path: path)
    record.abstract = record.makeAbstract(risk.questionnaire)
    try store.save(record, to: path)
    let abstract = try #require(SessionFile.readAbstract(path: path))
    #expect(abstract == record.abstract)
    #expect(abstract.provider == record.metadata.provider)
    #expect(
      abstract.verdict
        == RiskEngine(questionnaire: risk.questionnaire)
        .summarize(
          record.wizardState(Wizard(questionnaire: risk.questionnaire)),
          asOf: record.metadata.updated
        )
        .verdict.rawValue)
    // Loading with a journal: the abstract is out of date.
    let writer = SessionWriter(path: path, persisted: record)
    var changed = record
    changed.metadata.provider = "Nouveau"
    try writer.save(changed)
    writer.closeJournal()
    #expect(try store.load(path: path).abstract == nil)
  }

  @Test func anActionWithAnUnknownStatusIsDamageNamedWithItsPlace() throws {
    let (directory, path, bytes) = try copy("mixed")
    defer { try? FileManager.default.removeItem(atPath: directory) }
    var text = String(decoding: bytes, as: UTF8.self)
    text = text.replacingOccurrences(of: "\"schemaVersion\": 1", with: "\"schemaVersion\": 2")
    text = text.replacingOccurrences(
      of: "\"flagged\": false,", with: "\"action\": {\"status\": \"later\"}, \"flagged\": false,",
      options: [], range: text.range(of: "\"flagged\": false,"))
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    #expect {
      try SessionStore(directory: directory).load(path: path)
    } throws: { error in
      guard case .sessionCorrupt(_, let reason) = error as? StoreError else { return false }
      return reason.contains("action.status") && reason.contains("'later' is not an action status")
    }
  }
}

/// The JSON forms of a session with a plan, carried answers and accepted risks match their schemas.
@Suite struct PlanSchemaTests {
  @Test func aSummaryAndASessionWithAPlanMatchTheirSchemas() throws {
    let risk = try QuestionnaireLoader.load(path: fixturePath("risk.yaml"))
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let bytes = try Data(contentsOf: URL(fileURLWithPath: fixturePath("sessions-v1/mixed.json")))
    try bytes.write(to: URL(fileURLWithPath: directory + "/mixed.json"))
    let store = SessionStore(directory: directory)
    var record = try store.load(path: directory + "/mixed.json")
    record.answers["ctr_restitution"]?.action = PlanAction(
      owner: "Anne", dueDate: "2026-01-31", status: .riskAccepted, reference: "CR-1",
      acceptedBy: "CISO",
      acceptedOn: "2026-01-02", acceptanceReason: "compensated", acceptedUntil: "2027-12-31")
    record.answers["ctr_sovereignty"]?.action = PlanAction(owner: "Bob", dueDate: "2026-01-31")
    record.answers["priv_encryption_rest"]?.reverify = true
    record.previous = PreviousAssessment(id: "old", path: "/nowhere/old.json")
    record.abstract = record.makeAbstract(risk.questionnaire)
    try store.save(record, to: directory + "/mixed.json")
    let sessionSchema = try JSONSchema(path: repositoryRoot + "/docs/session.schema.json")
    #expect(
      try sessionSchema.validate(
        try Data(contentsOf: URL(fileURLWithPath: directory + "/mixed.json"))
      ).isEmpty)
    let wizard = Wizard(questionnaire: risk.questionnaire)
    let state = record.wizardState(wizard)
    var report = SummaryReport(
      questionnaire: risk.questionnaire,
      summary: RiskEngine(questionnaire: risk.questionnaire).summarize(
        state, asOf: Timestamp.parse("2026-11-30T12:00:00.000Z")),
      answers: state.answers, language: .fr, digest: risk.digest)
    report.changesSince = ChangesSince(title: "old", lines: ["Verdict : …"])
    #expect(report.summary.plan.overdue.map(\.questionID) == ["ctr_sovereignty"])
    #expect(report.summary.plan.accepted.first?.acceptance == .valid)
    #expect(report.summary.register.contains { $0.accepted == ["ctr_restitution"] })
    let json = try report.json()
    #expect(
      json.contains("\"plan\"") && json.contains("\"toReverify\"")
        && json.contains("\"changesSince\""))
    let summarySchema = try JSONSchema(path: repositoryRoot + "/docs/summary.schema.json")
    #expect(try summarySchema.validate(Data(json.utf8)).isEmpty)
    #expect(report.markdown().contains("## Plan d'action"))
    #expect(report.text(color: false).contains("Risques acceptés (1)"))
  }
}
