import AssessmentCore
import Foundation
import Testing

@testable import AssessmentStore

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct SessionStoreTests {
  let created = Date(timeIntervalSince1970: 1_800_000_000.123)

  func record(id: String = "s1") -> SessionRecord {
    SessionRecord(
      id: id,
      questionnaire: QuestionnaireReference(
        id: "small", version: "1.0.0", digest: String(repeating: "a", count: 64)),
      metadata: SessionMetadata(
        organisation: "ONSS", assessor: "Anne Dupont", provider: "Nuage «Souverain» SA",
        service: "Archivage 📦", created: created, updated: created.addingTimeInterval(60)),
      phase: .questions, cursorQuestionID: "restitution",
      answers: [
        "restitution": Answer(
          value: .choice("partial"), note: "Clause 14 : délai non précisé.\nÀ revoir.",
          evidence: ["contrat.pdf §14", "https://example.org/sla"], flagged: true,
          answeredAt: created.addingTimeInterval(30)),
        "deployment_model": Answer(value: .choice("public")),
        "multi": Answer(value: .choices(["a", "b"])),
        "count": Answer(value: .number(12.5)),
        "comment": Answer(value: .text("ok")),
        "retired_question": Answer(value: .choice("compliant")),
      ])
  }

  @Test func roundTripsEveryField() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let store = SessionStore(directory: directory + "/sessions")
    try store.ensureDirectory()
    let path = try store.path(for: "s1")
    try store.save(record(), to: path)
    #expect(try store.load(path: path) == record())
  }

  @Test func filesAre0600AndTheDirectory0700() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let store = SessionStore(directory: directory + "/a/b")
    try store.ensureDirectory()
    let path = try store.path(for: "s1")
    try store.save(record(), to: path)
    let fileMode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    let directoryMode =
      try FileManager.default.attributesOfItem(atPath: store.directory)[.posixPermissions] as? Int
    #expect(fileMode == 0o600)
    #expect(directoryMode == 0o700)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: store.directory)
    #expect(leftovers == ["s1.json"], "no temporary file is left behind")
  }

  @Test func outputIsDeterministicWithSortedKeys() throws {
    let first = try SessionFile.encode(record())
    let second = try SessionFile.encode(record())
    #expect(first == second)
    let text = String(decoding: first, as: UTF8.self)
    #expect(text.contains("\"schemaVersion\" : 4"))
    #expect(text.contains("\"created\" : \"2027-01-15T08:00:00.123Z\""))
  }

  @Test func refusesANewerSchemaVersionAndLeavesTheFile() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/future.json"
    let bytes = Data(#"{"schemaVersion": 7, "whatever": true}"#.utf8)
    try bytes.write(to: URL(fileURLWithPath: path))
    #expect(throws: StoreError.sessionFromTheFuture(path: path, version: 7, supported: 4)) {
      try SessionStore(directory: directory).load(path: path)
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
  }

  @Test(arguments: [
    (#"{"schemaVersion": 1, "id": "x""#, "not valid JSON"),
    (#"{"id": "x"}"#, "schemaVersion is missing"),
    (#"{"schemaVersion": "one"}"#, "schemaVersion has the wrong type"),
    (#"[1, 2]"#, "the top level has the wrong type"),
  ])
  func corruptFilesAreNamedWithTheProblem(json: String, expected: String) throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/bad.json"
    try Data(json.utf8).write(to: URL(fileURLWithPath: path))
    do {
      _ = try SessionStore(directory: directory).load(path: path)
      Issue.record("loaded a corrupt file")
    } catch .sessionCorrupt(let where_, let reason) {
      #expect(where_ == path)
      #expect(reason.contains(expected), "\(reason)")
    } catch {
      Issue.record("unexpected \(error)")
    }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == json, "left untouched")
  }

  @Test func missingFieldsAreNamedByPath() throws {
    var text = String(decoding: try SessionFile.encode(record()), as: UTF8.self)
    text = text.replacingOccurrences(of: "\"provider\" : \"Nuage «Souverain» SA\",", with: "")
    #expect(throws: StoreError.sessionCorrupt(path: "p", reason: "metadata.provider is missing")) {
      try SessionFile.decode(Data(text.utf8), path: "p")
    }
  }

  @Test func refusesSymlinksAndDirectoriesWithoutFollowingThem() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let store = SessionStore(directory: directory)
    let target = directory + "/elsewhere.txt"
    try Data("precious".utf8).write(to: URL(fileURLWithPath: target))
    let link = directory + "/linked.json"
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
    #expect(throws: StoreError.notARegularFile(path: link)) { try store.load(path: link) }
    #expect(throws: StoreError.notARegularFile(path: link)) { try store.save(record(), to: link) }
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "precious")
    let folder = directory + "/folder.json"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
    #expect(throws: StoreError.notARegularFile(path: folder)) { try store.load(path: folder) }
  }

  @Test func sessionIDsCannotEscapeTheDirectory() throws {
    let store = SessionStore(directory: "/sessions")
    #expect(try store.path(for: "20261123-101500-4f2a") == "/sessions/20261123-101500-4f2a.json")
    for bad in ["..", "../etc/passwd", "a b", "", "é", String(repeating: "a", count: 65)] {
      if bad.contains("/") {
        #expect(try store.path(for: bad) == bad, "a path is taken as a path")
      } else {
        #expect(throws: StoreError.invalidSessionID(bad)) { try store.path(for: bad) }
      }
    }
    #expect(SessionStore.isValidID(SessionStore.newID(at: created)))
    // UTC, to the second (cut, not rounded).
    let id = SessionStore.newID(at: Date(timeIntervalSince1970: 1_795_000_000.9))
    #expect(id.hasPrefix("20261118-110640-") && id.count == 20, "\(id)")
  }

  @Test func aSecondLockIsRefusedAndNamesTheHolder() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/s1.json"
    let first = try SessionLock.acquire(sessionPath: path)
    do {
      _ = try SessionLock.acquire(sessionPath: path)
      Issue.record("a second lock was granted")
    } catch .sessionLocked(let lockedPath, let holder) {
      #expect(lockedPath == path)
      #expect(holder.hasPrefix("process \(getpid()) on "))
    } catch {
      Issue.record("unexpected \(error)")
    }
    first.release()
    let again = try SessionLock.acquire(sessionPath: path)
    again.release()
  }

  @Test func defaultDirectoryFollowsFlagVariableXDGThenHome() {
    let environment = [
      "CLOUD_ASSESS_SESSIONS": "/v", "XDG_DATA_HOME": "/xdg", "HOME": "/home/a",
    ]
    #expect(
      SessionStore.defaultDirectory(override: "/flag", variable: { environment[$0] }) == "/flag")
    #expect(SessionStore.defaultDirectory(override: nil, variable: { environment[$0] }) == "/v")
    var rest = environment
    rest["CLOUD_ASSESS_SESSIONS"] = nil
    #expect(
      SessionStore.defaultDirectory(override: nil, variable: { rest[$0] })
        == "/xdg/cloud-assess/sessions")
    rest["XDG_DATA_HOME"] = "relative"
    #expect(
      SessionStore.defaultDirectory(override: nil, variable: { rest[$0] })
        == "/home/a/.local/share/cloud-assess/sessions")
  }

  @Test func listsNewestFirstAndReportsBrokenFiles() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let store = SessionStore(directory: directory)
    var older = record(id: "older")
    older.metadata.updated = created
    var newer = record(id: "newer")
    newer.metadata.updated = created.addingTimeInterval(3600)
    try store.save(older, to: try store.path(for: "older"))
    try store.save(newer, to: try store.path(for: "newer"))
    try Data("{".utf8).write(to: URL(fileURLWithPath: directory + "/broken.json"))
    let entries = store.list()
    #expect(entries.count == 3)
    #expect(try entries[0].result.get().id == "newer")
    #expect(try entries[1].result.get().id == "older")
    #expect(entries[2].path.hasSuffix("broken.json"))
  }

  @Test func recordsReopenIntoTheWizardWithWarnings() throws {
    let loaded = try QuestionnaireLoader.load(path: fixturePath("small.yaml"))
    let wizard = Wizard(questionnaire: loaded.questionnaire)
    let saved = record()
    let state = saved.wizardState(wizard)
    #expect(wizard.current(state)?.id == "restitution")
    #expect(state.answers == saved.answers)
    var copy = saved
    copy.update(from: state, questionnaire: loaded.questionnaire)
    #expect(copy == saved)
    let warnings = saved.warnings(against: loaded)
    #expect(warnings.count == 2)
    #expect(warnings[0].contains("changed since this session was saved"))
    // The content changed under the same version number: not "version 1.0.0 → 1.0.0".
    #expect(warnings[0].contains("same version number 1.0.0, different content"), "\(warnings[0])")
    #expect(
      saved.warnings(against: loaded, language: .nl)[0].contains(
        "zelfde versienummer 1.0.0, andere inhoud"))
    var older = saved
    older.questionnaire.version = "0.9.0"
    #expect(older.warnings(against: loaded)[0].contains("(version 0.9.0 → 1.0.0)"))
    #expect(warnings[1].contains("count, multi, retired_question"))
  }
}
