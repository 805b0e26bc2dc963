import AssessmentCore
import Foundation
import Testing

@_spi(Fuzzing) @testable import AssessmentStore

/// Session format 4: the histories after everything else, and the reading that skips them
/// (a summary, a list, a comparison).
@Suite struct Format4Tests {
  /// The rich record of format 3 without decisions (a decision makes a reading read whole).
  func undecided() -> SessionRecord {
    var record = Format3Tests.rich()
    record.signOffs = []
    return record
  }

  func withoutHistories(_ record: SessionRecord) -> SessionRecord {
    var record = record
    for id in record.answers.keys { record.answers[id]?.history = [] }
    record.historiesOmitted = true
    return record
  }

  func write(_ record: SessionRecord, in directory: String) throws -> String {
    let path = directory + "/s.json"
    try SessionFile.encode(record).write(to: URL(fileURLWithPath: path))
    return path
  }

  @Test func aSkippingReadNeverLooksAtTheHistories() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let record = undecided()
    #expect(record.answers.values.contains { !$0.history.isEmpty })
    let path = try write(record, in: directory)
    let store = SessionStore(directory: directory)
    #expect(try store.load(path: path) == record)
    #expect(try store.load(path: path, histories: .skipped) == withoutHistories(record))
    // A history damaged without moving a byte: the skipping reading does not see it; the whole
    // reading refuses the file with the place.
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let histories = try #require(text.range(of: "\"histories\" : {"))
    let origin = try #require(
      text.range(of: "\"origin\" : \"edited\"", range: histories.upperBound..<text.endIndex))
    let damaged = text.replacingCharacters(in: origin, with: "\"origin\" : \"EDITED\"")
    try Data(damaged.utf8).write(to: URL(fileURLWithPath: path))
    #expect(try store.load(path: path, histories: .skipped) == withoutHistories(record))
    #expect {
      try store.load(path: path)
    } throws: { error in
      guard case .sessionCorrupt(_, let reason) = error as? StoreError else { return false }
      return reason.contains("histories.") && reason.contains("'EDITED' is not an origin")
    }
  }

  @Test func aRecordReadWithoutItsHistoriesIsNeverWritten() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = try write(undecided(), in: directory)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    let store = SessionStore(directory: directory)
    var skipped = try store.load(path: path, histories: .skipped)
    #expect(skipped.historiesOmitted)
    skipped.metadata.provider = "Autre SA"
    #expect {
      try store.save(skipped, to: path)
    } throws: { error in
      guard case .writeFailed(_, let reason) = error as? StoreError else { return false }
      return reason.contains("without its histories")
    }
    #expect(throws: (any Error).self) {
      try SessionFile.journalEntry(from: skipped, to: skipped)
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes, "the file is untouched")
  }

  @Test func aSessionWithADecisionIsReadWhole() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let record = Format3Tests.rich()
    #expect(!record.signOffs.isEmpty)
    let path = try write(record, in: directory)
    #expect(try SessionStore(directory: directory).load(path: path, histories: .skipped) == record)
  }

  /// A decision recorded by a wizard and still in the journal counts as well.
  @Test func aDecisionInTheJournalMakesTheReadingWhole() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let record = undecided()
    let path = try write(record, in: directory)
    var decided = record
    decided.signOffs = Format3Tests.rich().signOffs
    try SessionFile.journalEntry(from: record, to: decided)
      .write(to: URL(fileURLWithPath: SessionFile.journalPath(for: path)))
    let store = SessionStore(directory: directory)
    #expect(try store.load(path: path, histories: .skipped) == decided)
    #expect(try store.load(path: path) == decided)
  }

  /// Whatever is not exactly as cloud-assess writes it is read whole: the skipping reading
  /// never guesses.
  @Test(arguments: [
    // An edit before the histories: the offset no longer falls on them.
    ("\"phase\" : \"", "\"phase\" :  \""),
    // The offset itself edited.
    ("\"histories_at\" : ", "\"histories_at\" : 1"),
    // Something after the version.
    ("\"schemaVersion\" : 4\n}\n", "\"schemaVersion\" : 4\n}\n\n"),
    // The version not last.
    ("\"schemaVersion\" : 4\n}", "\"schemaVersion\" : 4, \"x\" : 1\n}"),
  ])
  func aFileEditedByHandIsReadWhole(target: String, replacement: String) throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let record = undecided()
    let path = try write(record, in: directory)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let range = try #require(text.range(of: target, options: .backwards))
    try Data(text.replacingCharacters(in: range, with: replacement).utf8)
      .write(to: URL(fileURLWithPath: path))
    #expect(SessionFile.readHead(path: path) == nil)
    let read = try SessionStore(directory: directory).load(path: path, histories: .skipped)
    #expect(read == record)
  }

  @Test func filesOfEarlierVersionsAndWithoutHistoriesAreReadWhole() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let store = SessionStore(directory: directory)
    // Version 2 (no histories at all) and version 3 (in the answers).
    for fixture in [
      fixturePath("sessions/planned.json"),
      repositoryRoot + "/Fuzz/Corpus/session/v3-history.json",
    ] {
      let path = directory + "/old.json"
      try Data(contentsOf: URL(fileURLWithPath: fixture))
        .write(to: URL(fileURLWithPath: path))
      let skipped = try store.load(path: path, histories: .skipped)
      #expect(!skipped.historiesOmitted, "\(fixture)")
      #expect(skipped == (try store.load(path: path)), "\(fixture)")
    }
    // Version 4 without any history: no `histories`, no offset, nothing to skip.
    var record = undecided()
    for id in record.answers.keys { record.answers[id]?.history = [] }
    let path = try write(record, in: directory)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(!text.contains("histories"))
    #expect(text.hasSuffix("\n  \"schemaVersion\" : 4\n}\n"))
    #expect(try store.load(path: path, histories: .skipped) == record)
  }

  @Test func theOffsetIsReadFromTheEndOnly() {
    func start(_ text: String) -> Int? { SessionFile.historiesStart(footer: Data(text.utf8)) }
    #expect(start("},\n  \"histories_at\" : 1234,\n  \"schemaVersion\" : 4\n}\n") == 1234)
    #expect(start("\"histories_at\" : 1234,\n  \"schemaVersion\" : 4\n}\n") == 1234)
    #expect(start("\"histories_at\" : ,\n  \"schemaVersion\" : 4\n}\n") == nil)
    #expect(start("\"histories_at\" : -1,\n  \"schemaVersion\" : 4\n}\n") == nil)
    #expect(start("\"histories_at\" : 12345678901,\n  \"schemaVersion\" : 4\n}\n") == nil)
    #expect(start("\"histories_at\" : 12,\n  \"schemaVersion\" : 3\n}\n") == nil)
    #expect(start("\"histories_at\":12,\n  \"schemaVersion\" : 4\n}\n") == nil)
  }
}
