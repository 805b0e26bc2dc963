import AssessmentCore
import Foundation
import Testing

@_spi(Fuzzing) @testable import AssessmentStore

/// Session format 3: evidence records, provider claims, histories, conflicts, the
/// identification's history and sign-offs, through the file and the journal; the migration of
/// format-2 files; strict decoding of the new fields.
@Suite struct Format3Tests {
  // Times in binary fractions of a second: they come back from the file exactly.
  static let t0 = Date(timeIntervalSince1970: 1_800_000_000.125)
  static let digest = String(repeating: "0123456789abcdef", count: 4)

  /// Every new field with every kind of content it takes.
  static func rich() -> SessionRecord {
    let t0 = Self.t0
    let certificate = EvidenceRecord(
      reference: "ISO/IEC 27001 certificate «Nuage SA»", issuedOn: "2025-03-01",
      validUntil: "2028-02-29",
      file: EvidenceFile(path: "/home/anne/preuves/iso 27001.pdf", sha256: digest))
    let soc2 = EvidenceRecord(reference: "SOC 2 type II, 2026", validUntil: "2027-03-31")
    let claim = ProviderClaim(
      value: .choice("partial"), explanation: "Chiffrement au repos ; clés gérées par nous.",
      evidence: [soc2], remarks: "voir annexe\nB", importedAt: t0.addingTimeInterval(10.5),
      workbookSHA256: digest, cell: "Questions!F12")
    let bare = ProviderClaim(
      value: nil, explanation: "no answer, only words", importedAt: t0.addingTimeInterval(20),
      workbookSHA256: String(repeating: "f", count: 64), cell: "Questions!F13")
    let action = PlanAction(
      owner: "DSI", dueDate: "2027-01-31", status: .riskAccepted, reference: "CR-1",
      acceptedBy: "RSSI", acceptedOn: "2026-12-01", acceptanceReason: "compensé",
      acceptedUntil: "2027-12-31")
    let history = [
      AnswerChange(
        at: t0, by: "Anne Dupont", origin: .edited, parts: [.value(.choice("unknown"))]),
      AnswerChange(at: t0.addingTimeInterval(1), by: "Anne Dupont", parts: [.value(nil)]),
      AnswerChange(
        at: t0.addingTimeInterval(2), by: "", origin: .claimImported,
        parts: [.evidence([soc2]), .claim(nil)]),
      AnswerChange(
        at: t0.addingTimeInterval(3), by: "Jan Peeters", origin: .claimTaken,
        parts: [
          .value(.choice("partial")), .note("Clause 14 «x»"), .evidence([certificate, soc2]),
          .action(action), .flagged(true), .claim(.choice("partial")),
        ]),
      AnswerChange(
        at: t0.addingTimeInterval(4), by: "DPO", origin: .conflictResolved,
        parts: [.note(""), .action(nil), .flagged(false)]),
      AnswerChange(at: t0.addingTimeInterval(5), by: "x", origin: .carried, parts: []),
      AnswerChange(
        at: t0.addingTimeInterval(6), by: "x", origin: .migrated,
        parts: [.value(.derogation(DerogationRecord(reference: "D-1", grantedOn: "2026-01-01")))]
      ),
    ]
    let conflict = AnswerConflict(
      ours: AnswerConflict.Side(
        value: .choice("compliant"), note: "ours", evidence: [certificate], flagged: true,
        action: action, by: "Anne", at: t0.addingTimeInterval(7)),
      theirs: AnswerConflict.Side(value: nil))
    var answers: [String: Answer] = [:]
    answers["enc"] = Answer(
      value: .choice("partial"), note: "note", evidence: [certificate, soc2, "contrat §14"],
      flagged: true, answeredAt: t0, action: action, reverify: true, claims: [bare, claim],
      history: history, conflict: conflict)
    answers["plain"] = Answer(value: .number(3), answeredAt: t0)
    answers["claimed-only"] = Answer(claims: [claim])
    answers["choices"] = Answer(
      value: .choices(["a", "b"]),
      conflict: AnswerConflict(
        ours: AnswerConflict.Side(value: .choices([])),
        theirs: AnswerConflict.Side(value: .text("t"), note: "n", by: "B", at: t0)))
    return SessionRecord(
      id: "20261130-101500-f3f3",
      questionnaire: QuestionnaireReference(
        id: "be-socsec-cloud", version: "2.0.0", digest: digest),
      metadata: SessionMetadata(
        organisation: "ONSS", assessor: "Anne Dupont", provider: "Nuage SA",
        service: "Archivage", created: t0, updated: t0.addingTimeInterval(3600)),
      phase: .questions, cursorQuestionID: "enc", answers: answers,
      identificationHistory: [
        IdentificationChange(
          at: t0, by: "Anne Dupont",
          fields: [.organisation: "ONSS", .assessor: "Anne Dupont", .provider: "", .service: "S"]),
        IdentificationChange(at: t0.addingTimeInterval(9), by: "Jan", fields: [.provider: "Nuage"]),
        IdentificationChange(at: t0.addingTimeInterval(10), by: "Jan", fields: [:]),
      ],
      signOffs: [
        SignOff(
          by: "Comité de direction", role: "management", decision: .refuse, reference: "PV-12",
          on: "2026-12-10", contentDigest: digest, recordedAt: t0, recordedBy: "Anne"),
        SignOff(
          by: "Comité de direction", role: "management", decision: .acceptWithConditions,
          reference: "PV-13", on: "2027-01-15", conditions: "chiffrement\nd'ici mars",
          contentDigest: String(repeating: "a", count: 64), recordedAt: t0.addingTimeInterval(60),
          recordedBy: "Anne"),
        SignOff(
          by: "CEO", role: "", decision: .accept, reference: "", on: "2027-02-01",
          contentDigest: digest, recordedAt: t0, recordedBy: ""),
      ])
  }

  func decode(_ data: Data) throws -> SessionRecord {
    try SessionFile.decode(data, path: "f.json")
  }

  func text(_ record: SessionRecord) throws -> String {
    String(decoding: try SessionFile.encode(record), as: UTF8.self)
  }

  @Test func everyNewFieldRoundTripsThroughTheFile() throws {
    let record = Self.rich()
    let data = try SessionFile.encode(record)
    #expect(try decode(data) == record)
    // Both readers, each on its own.
    #expect(PlainSessionReader.record(data) == record)
    #expect(try SessionFile.decode(data, path: "f", readingPlainFilesDirectly: false) == record)
    let text = try text(record)
    #expect(text.hasSuffix(",\n  \"schemaVersion\" : 4\n}\n"))
    #expect(text.contains("\"identification_history\" : ["))
    // Format 4: the histories out of the answers, after everything else, and where they start.
    #expect(!text.contains("\"history\" :"))
    let start = try #require(text.utf8.firstRange(of: Array("\"histories\" : {".utf8)))
    let offset = text.utf8.distance(from: text.utf8.startIndex, to: start.lowerBound)
    #expect(text.contains(",\n  \"histories_at\" : \(offset),\n  \"schemaVersion\" : 4\n}"))
    #expect(text.contains("\"signoffs\" : ["))
    #expect(text.contains("\"workbook_sha256\" : \"\(Self.digest)\""))
    #expect(text.contains("\"valid_until\" : \"2027-03-31\""))
  }

  @Test func aClearedValueIsNullAndAnUnchangedOneAbsent() throws {
    var record = Self.rich()
    record.answers = [
      "cleared": Answer(history: [AnswerChange(at: Self.t0, by: "A", parts: [.value(nil)])]),
      "noted": Answer(history: [AnswerChange(at: Self.t0, by: "A", parts: [.note("n")])]),
    ]
    let text = try text(record)
    #expect(text.contains("\"changes\" : {\n          \"value\" : null\n        }"))
    #expect(text.contains("\"changes\" : {\n          \"note\" : \"n\"\n        }"))
    let decoded = try decode(Data(text.utf8))
    #expect(decoded.answers["cleared"]?.history.first?.parts == [.value(nil)])
    #expect(decoded.answers["noted"]?.history.first?.parts == [.note("n")])
  }

  @Test func emptyOptionalKeysAreLeftOut() throws {
    let record = SessionRecord(
      id: "small", questionnaire: QuestionnaireReference(id: "q", version: "1", digest: "d"),
      metadata: SessionMetadata(created: Self.t0, updated: Self.t0), phase: .questions,
      cursorQuestionID: nil,
      answers: ["a": Answer(value: .choice("yes"), evidence: ["contrat §14"])])
    let text = try text(record)
    for key in [
      "identification_history", "signoffs", "claims", "history", "conflict", "issued_on",
      "valid_until", "file",
    ] {
      #expect(!text.contains("\"\(key)\""), "\(key)")
    }
    #expect(text.contains("\"evidence\" : [\n        {\n          \"reference\" : \"contrat §14\""))
    #expect(try decode(Data(text.utf8)) == record)
  }

  @Test func everyNewFieldRoundTripsThroughTheJournal() throws {
    let rich = Self.rich()
    var old = rich
    old.answers = [:]
    old.identificationHistory = []
    old.signOffs = []
    let line = try SessionFile.journalEntry(from: old, to: rich)
    let text = String(decoding: line, as: UTF8.self)
    #expect(text.contains("\"journal\":3"))
    #expect(text.contains("\"identification_history\":[") && text.contains("\"signoffs\":["))
    #expect(try SessionFile.applyJournal(line, to: old, path: "j") == rich)
    // Given the changed ids, the same.
    let named = try SessionFile.journalEntry(
      from: old, to: rich, changed: Set(rich.answers.keys))
    #expect(try SessionFile.applyJournal(named, to: old, path: "j") == rich)
    // Unchanged session-level lists are not repeated; a line without them keeps them.
    var later = rich
    later.answers["plain"]?.history.append(
      AnswerChange(at: Self.t0, by: "B", parts: [.value(.number(4))]))
    later.answers["plain"]?.value = .number(4)
    let second = try SessionFile.journalEntry(from: rich, to: later)
    let secondText = String(decoding: second, as: UTF8.self)
    #expect(!secondText.contains("identification_history") && !secondText.contains("signoffs"))
    #expect(try SessionFile.applyJournal(line + second, to: old, path: "j") == later)
    // Lists emptied are written empty, and replayed so.
    var emptied = later
    emptied.signOffs = []
    let third = try SessionFile.journalEntry(from: later, to: emptied)
    #expect(String(decoding: third, as: UTF8.self).contains("\"signoffs\":[]"))
    #expect(try SessionFile.applyJournal(line + second + third, to: old, path: "j") == emptied)
  }

  @Test func aJournalThroughTheStoreKeepsEverything() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let store = SessionStore(directory: directory)
    let path = directory + "/s.json"
    var record = Self.rich()
    record.id = "s"
    let first = record
    try store.save(first, to: path)
    let writer = SessionWriter(path: path, persisted: first)
    var changed = first
    changed.answers["enc"]?.conflict = nil
    changed.answers["plain"]?.claims = first.answers["enc"]?.claims ?? []
    changed.signOffs.removeLast()
    changed.identificationHistory.append(
      IdentificationChange(at: Self.t0, by: "Z", fields: [.service: "Nouveau"]))
    try writer.save(changed)
    writer.closeJournal()
    // The histories are the store's (docs/team.md): an entry the caller appended is not taken,
    // and the identification itself did not change.
    #expect(writer.persisted.identificationHistory == first.identificationHistory)
    #expect(try store.load(path: path) == writer.persisted)
  }

  @Test func journalLinesOfVersions1And2StillReplay() throws {
    let record = Self.rich()
    let metadata =
      #""metadata":{"assessor":"A","created":"2026-11-23T10:01:12.000Z","organisation":"O","provider":"P","service":"S","updated":"2026-11-23T10:15:02.120Z"},"phase":"review""#
    let v1 =
      #"{"answers":{"plain":{"evidence":["contrat §14"],"flagged":false,"note":"x","value":{"choice":"yes"}}},"cursor":{"question":"plain"},"journal":1,"#
      + metadata + "}\n"
    let v2 =
      #"{"answers":{"enc":null,"new":{"action":{"status":"open"},"evidence":[],"flagged":true,"note":"","reverify":true}},"cursor":{"question":null},"journal":2,"#
      + metadata + "}\n"
    let replayed = try SessionFile.applyJournal(Data((v1 + v2).utf8), to: record, path: "j")
    #expect(
      replayed.answers["plain"]
        == Answer(value: .choice("yes"), note: "x", evidence: ["contrat §14"]))
    #expect(replayed.answers["enc"] == nil)
    #expect(replayed.answers["new"] == Answer(flagged: true, action: PlanAction(), reverify: true))
    #expect(replayed.phase == .review && replayed.cursorQuestionID == nil)
    #expect(replayed.signOffs == record.signOffs, "lines of older versions leave them alone")
    // A version-2 line holds references alone: a record there is damage, named.
    let bad = v2.replacingOccurrences(
      of: #""evidence":[]"#, with: #""evidence":[{"reference":"x"}]"#)
    #expect(throws: StoreError.self) {
      try SessionFile.applyJournal(Data(bad.utf8), to: record, path: "j")
    }
    // A version-3 line holds records: a reference alone there is damage.
    let v3 = bad.replacingOccurrences(of: #""journal":2"#, with: #""journal":3"#)
    _ = try SessionFile.applyJournal(Data(v3.utf8), to: record, path: "j")
    let alone = v2.replacingOccurrences(of: #""journal":2"#, with: #""journal":3"#)
      .replacingOccurrences(of: #""evidence":[]"#, with: #""evidence":["x"]"#)
    #expect {
      try SessionFile.applyJournal(Data(alone.utf8), to: record, path: "j")
    } throws: { error in
      guard case .sessionCorrupt(_, let reason) = error as? StoreError else { return false }
      return reason.contains("line 1") && reason.contains("answers.new.evidence")
    }
  }

  @Test func aJournalLineOfANewerVersionIsRefusedForItsVersion() throws {
    let line = #"{"journal":4,"whatever":{"new":true}}"# + "\n"
    #expect {
      try SessionFile.applyJournal(Data(line.utf8), to: Self.rich(), path: "j")
    } throws: { error in
      guard case .sessionFromTheFuture(_, let version, let supported) = error as? StoreError
      else { return false }
      return version == 4 && supported == 3
    }
  }

  /// A literal version-2 file (Tests/Fixtures/sessions/planned.json, evidence as references).
  @Test func aVersion2FileLoadsMigratesAndIsKeptByteForByte() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let bytes = try Data(
      contentsOf: URL(fileURLWithPath: fixturePath("sessions/planned.json")))
    #expect(String(decoding: bytes, as: UTF8.self).contains("\"schemaVersion\": 2"))
    let path = directory + "/planned.json"
    try bytes.write(to: URL(fileURLWithPath: path))
    let store = SessionStore(directory: directory)
    let record = try store.load(path: path)
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes, "reading changes nothing")
    let evidence = record.answers.values.flatMap(\.evidence)
    #expect(evidence.contains(EvidenceRecord(reference: "SLA annexe 2")))
    #expect(evidence.contains(EvidenceRecord(reference: "contrat.pdf §14")))
    #expect(record.answers.values.allSatisfy { $0.history.isEmpty && $0.claims.isEmpty })
    #expect(record.answers.values.allSatisfy { $0.conflict == nil })
    #expect(record.identificationHistory.isEmpty && record.signOffs.isEmpty)
    #expect(record.abstract == nil, "an older format's abstract is not trusted")
    try store.save(record, to: path)
    let original = directory + "/planned.v2.json"
    #expect(try Data(contentsOf: URL(fileURLWithPath: original)) == bytes)
    let migrated = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    #expect(migrated.contains("\"schemaVersion\" : 4"))
    #expect(migrated.contains("\"reference\" : \"SLA annexe 2\""))
    #expect(try store.load(path: path) == record)
    // The original stays as it was; it is not a session.
    var changed = record
    changed.metadata.provider = "Autre SA"
    try store.save(changed, to: path)
    #expect(try Data(contentsOf: URL(fileURLWithPath: original)) == bytes)
    #expect(store.list().map { ($0.path as NSString).lastPathComponent } == ["planned.json"])
  }

  @Test func aVersion2FileWithAJournalOfVersion2LinesMigratesWhole() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let bytes = try Data(
      contentsOf: URL(fileURLWithPath: fixturePath("sessions/planned.json")))
    let path = directory + "/planned.json"
    try bytes.write(to: URL(fileURLWithPath: path))
    let line =
      #"{"answers":{"extra":{"evidence":["annexe 3"],"flagged":false,"note":"","value":{"choice":"yes"}}},"cursor":{"question":"extra"},"journal":2,"metadata":{"assessor":"A","created":"2026-11-23T10:01:12.000Z","organisation":"O","provider":"P","service":"S","updated":"2026-11-23T10:15:02.120Z"},"phase":"questions"}"#
      + "\n"
    try Data(line.utf8).write(to: URL(fileURLWithPath: SessionFile.journalPath(for: path)))
    let store = SessionStore(directory: directory)
    let record = try store.load(path: path)
    #expect(record.answers["extra"]?.evidence == ["annexe 3"])
    let writer = SessionWriter(path: path, persisted: record)
    try writer.compact()
    writer.closeJournal()
    #expect(try Data(contentsOf: URL(fileURLWithPath: directory + "/planned.v2.json")) == bytes)
    #expect(try store.load(path: path) == record)
  }

  @Test func aFileOfVersion5IsRefusedUntouched() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/future.json"
    let text = try text(Self.rich()).replacingOccurrences(
      of: "\"schemaVersion\" : 4", with: "\"schemaVersion\" : 5")
    let bytes = Data(text.utf8)
    try bytes.write(to: URL(fileURLWithPath: path))
    let store = SessionStore(directory: directory)
    #expect {
      try store.load(path: path)
    } throws: { error in
      guard case .sessionFromTheFuture(_, let version, let supported) = error as? StoreError
      else { return false }
      return version == 5 && supported == 4
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    #expect(SessionFile.readAbstract(path: path) == nil)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["future.json"])
  }

  /// One fault each in a written file: refused, with the field's place.
  @Test(arguments: [
    (
      #""origin" : "edited""#, #""origin" : "typed""#, "histories.enc.[0].origin",
      "'typed' is not an origin"
    ),
    (
      #""decision" : "refuse""#, #""decision" : "maybe""#, "signoffs.[0].decision",
      "'maybe' is not a decision"
    ),
    (
      #""on" : "2026-12-10""#, #""on" : "2026-02-30""#, "signoffs.[0].on",
      "'2026-02-30' is not a day"
    ),
    (#""on" : "2026-12-10""#, #""on" : """#, "signoffs.[0].on", "'' is not a day"),
    (#""issued_on" : "2025-03-01""#, #""issued_on" : "1 March 2025""#, "issued_on", "is not a day"),
    (
      #""valid_until" : "2027-03-31""#, #""valid_until" : "2027-3-31""#, "valid_until",
      "is not a day"
    ),
    (#""sha256" : "0123"#, #""sha256" : "0123X"#, "file.sha256", "is not a SHA-256 digest"),
    (
      #""workbook_sha256" : "0123"#, #""workbook_sha256" : "ABCD0123"#, "workbook_sha256",
      "is not a SHA-256"
    ),
    (
      #""content_digest" : "aaaa"#, #""content_digest" : "aaa"#, "content_digest",
      "is not a SHA-256"
    ),
    (
      #""fields" : {"#, #""fields" : {"colour" : "red", "#, "identification_history.[0].fields",
      "'colour' is not an identification field"
    ),
    (
      #""imported_at" : ""#, #""imported_at" : "yesterday", "x" : ""#, "imported_at",
      "not an ISO 8601 date"
    ),
    (#""cell" : "Questions!F12""#, #""cell" : 12"#, "cell", "wrong type"),
    (#""theirs" : {"#, #""theirs" : 3, "t" : {"#, "conflict.theirs", "wrong type"),
    (#""changes" : {"#, #""changes" : [], "c" : {"#, "changes", "wrong type"),
    (#""flagged" : true,"#, #""flagged" : "yes","#, "flagged", "wrong type"),
  ])
  func aMalformedNewFieldIsRefusedWithItsPath(
    target: String, replacement: String, place: String, reason: String
  ) throws {
    let written = try text(Self.rich())
    let range = try #require(written.range(of: target), "'\(target)' is in the file")
    let data = Data(written.replacingCharacters(in: range, with: replacement).utf8)
    for directly in [true, false] {
      #expect {
        try SessionFile.decode(data, path: "f.json", readingPlainFilesDirectly: directly)
      } throws: { error in
        guard case .sessionCorrupt(_, let message) = error as? StoreError else { return false }
        return message.contains(place) && message.contains(reason)
      }
    }
  }

  @Test func aReferenceAloneIsFormat2AndARecordFormat3() throws {
    let written = try text(Self.rich())
    let alone = written.replacingOccurrences(
      of: "{\n          \"reference\" : \"contrat §14\"\n        }", with: "\"contrat §14\"")
    #expect(alone != written)
    #expect(throws: StoreError.self) { try decode(Data(alone.utf8)) }
    // In a version-2 file, a record is not evidence, and the format-3 keys mean nothing.
    let v2 = try SortedJSONEncoder.reference(pretty: true).encode(
      SessionFile.FileFormat2(Self.rich()))
    var migrated = Self.rich()
    migrated.abstract = nil
    for (id, answer) in migrated.answers {
      migrated.answers[id] = Answer(
        value: answer.value, note: answer.note,
        evidence: answer.evidence.map { EvidenceRecord(reference: $0.reference) },
        flagged: answer.flagged, answeredAt: answer.answeredAt, action: answer.action,
        reverify: answer.reverify)
    }
    migrated.identificationHistory = []
    migrated.signOffs = []
    #expect(try decode(v2) == migrated)
  }

  @Test func filesWithEveryNewFieldMatchTheSchema() throws {
    let schema = try JSONSchema(path: repositoryRoot + "/docs/session.schema.json")
    var record = Self.rich()
    #expect(try schema.validate(SessionFile.encode(record)).isEmpty)
    record.abstract = SessionAbstract(
      questionnaire: "q", organisation: "o", provider: "p", service: "s", created: Self.t0,
      updated: Self.t0, phase: "questions", answered: 1, applicable: 2, verdict: "acceptable",
      pendingDue: [], recheckFrom: nil)
    let problems = try schema.validate(SessionFile.encode(record))
    #expect(problems.isEmpty, "\(problems)")
    // The fuzzer's files of version 4 that decode match it too (the schema cannot tell a day of
    // the calendar from 2026-02-30, so it does not refuse all that the decoder refuses).
    let corpus = repositoryRoot + "/Fuzz/Corpus/session"
    let names = try FileManager.default.contentsOfDirectory(atPath: corpus).filter {
      $0.hasPrefix("v4-")
    }
    #expect(names.count >= 5)
    for name in names {
      let data = try Data(contentsOf: URL(fileURLWithPath: corpus + "/" + name))
      if (try? decode(data)) != nil { #expect(try schema.validate(data).isEmpty, "\(name)") }
    }
  }

  /// The examples of docs/session-format.md: the file matches the schema and decodes as it says;
  /// the journal line replays.
  @Test func theDocumentedExamplesAreRight() throws {
    let doc = try String(
      contentsOfFile: repositoryRoot + "/docs/session-format.md", encoding: .utf8)
    var blocks: [Data] = []
    var rest = doc[...]
    while let start = rest.range(of: "```json\n"),
      let end = rest.range(of: "\n```", range: start.upperBound..<rest.endIndex)
    {
      blocks.append(Data(rest[start.upperBound..<end.lowerBound].utf8))
      rest = rest[end.upperBound...]
    }
    try #require(blocks.count >= 2)
    let schema = try JSONSchema(path: repositoryRoot + "/docs/session.schema.json")
    let problems = try schema.validate(blocks[0])
    #expect(problems.isEmpty, "\(problems)")
    let record = try decode(blocks[0])
    let restitution = try #require(record.answers["ctr_restitution_all_data"])
    #expect(restitution.claim?.value == .choice("compliant"))
    #expect(restitution.evidence.first?.file?.path == "/home/anne/preuves/contrat-cadre.pdf")
    #expect(
      restitution.history.last?.parts == [
        .value(.choice("partial")), .note("Délai de restitution non précisé."), .flagged(true),
      ])
    let deployment = try #require(record.answers["deployment_model"])
    #expect(deployment.history[1].parts == [.value(nil)])
    #expect(deployment.conflict?.theirs.value == .choice("private") && !deployment.isAnswered)
    #expect(record.signOffs.last?.decision == .acceptWithConditions)
    #expect(record.identificationHistory.first?.fields[.provider] == "Nuage SA")
    let line = blocks[1] + Data("\n".utf8)
    let replayed = try SessionFile.applyJournal(line, to: record, path: "j")
    #expect(replayed.answers["ctr_rest_all_data"]?.history.first?.by == "Anne Dupont")
    #expect(replayed.signOffs == record.signOffs)
  }
}
