import Foundation
import Testing

/// A questionnaire of one's own is first-class: a session remembers where its questionnaire is,
/// and every command finds it there.
@Suite struct OwnQuestionnaireTests {
  let small = repositoryRoot + "/Tests/Fixtures/small.yaml"
  let english = ["LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""]

  /// A session of the `small` questionnaire, recording `path` when given.
  func writeSession(
    _ directory: String, id: String = "s1", path: String?, digest: String = "00"
  ) throws {
    let pathField = path.map { ", \"path\": \"\($0)\"" } ?? ""
    let session = """
      {
        "schemaVersion": 1, "id": "\(id)",
        "questionnaire": {"id": "small", "version": "1.0.0", "digest": "\(digest)"\(pathField)},
        "metadata": {"organisation": "ONSS", "assessor": "A", "provider": "Nuage SA",
          "service": "Archivage", "created": "2026-11-20T10:00:00Z", "updated": "2026-11-21T10:00:00.5Z"},
        "phase": "questions", "cursor": {"question": null},
        "answers": {"personal_data": {"value": {"choice": "yes"}, "note": "", "evidence": [], "flagged": false}}
      }
      """
    try session.write(toFile: directory + "/\(id).json", atomically: true, encoding: .utf8)
  }

  func copySmall(to directory: String) throws -> String {
    let copy = directory + "/q/small.yaml"
    try FileManager.default.createDirectory(
      atPath: directory + "/q", withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: small, toPath: copy)
    return copy
  }

  @Test func summaryFindsTheQuestionnaireFileTheSessionRecords() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let file = try copySmall(to: directory)
    try writeSession(directory, path: file)
    let result = try runCLI(
      ["summary", "s1", "--format", "json", "--sessions-dir", directory], environment: english)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("\"small\""))
    #expect(
      result.stderr.contains(
        "the questionnaire 'small' (\(file)) changed since this session was saved"))
  }

  @Test func anOldSessionOfAnOwnQuestionnaireSaysWhatToPass() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try writeSession(directory, path: nil)
    let before = try Data(contentsOf: URL(fileURLWithPath: directory + "/s1.json"))
    let result = try runCLI(["summary", "s1", "--sessions-dir", directory], environment: english)
    #expect(result.status == 1)
    #expect(result.stderr.contains("made with the questionnaire 'small', which is not built in"))
    #expect(result.stderr.contains("--questionnaire PATH"))
    let given = try runCLI(
      ["summary", "s1", "--questionnaire", small, "--sessions-dir", directory], environment: english
    )
    #expect(given.status == 0, "\(given.stderr)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: directory + "/s1.json")) == before)
  }

  @Test func theMismatchHintSuggestsAValueThatWorks() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let file = try copySmall(to: directory)
    try writeSession(directory, path: file)
    let wrong = try runCLI(
      ["summary", "s1", "--questionnaire", "be-socsec-cloud", "--sessions-dir", directory],
      environment: english)
    #expect(wrong.status == 1)
    #expect(wrong.stderr.contains("made with the questionnaire 'small', not 'be-socsec-cloud'"))
    #expect(wrong.stderr.contains("--questionnaire \(file)"))
    let suggested = try runCLI(
      ["summary", "s1", "--questionnaire", file, "--sessions-dir", directory], environment: english)
    #expect(suggested.status == 0, "\(suggested.stderr)")
  }

  @Test func aMovedQuestionnaireNamesThePathExpectedAndWhatToPass() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let gone = directory + "/moved-away/small.yaml"
    try writeSession(directory, path: gone)
    let result = try runCLI(["summary", "s1", "--sessions-dir", directory], environment: english)
    #expect(result.status == 1)
    #expect(result.stderr.contains("from \(gone), which no longer exists"))
    #expect(result.stderr.contains("--questionnaire NEW-PATH"))
    let french = try runCLI(
      ["summary", "s1", "--sessions-dir", directory],
      environment: ["LANG": "fr_BE.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
    #expect(french.status == 1)
    #expect(french.stderr.contains("\(gone), qui n'existe plus"))
    let dutch = try runCLI(
      ["summary", "s1", "--lang", "nl", "--sessions-dir", directory], environment: english)
    #expect(dutch.stderr.contains("\(gone), dat niet meer bestaat"))
    let given = try runCLI(
      ["summary", "s1", "--questionnaire", small, "--sessions-dir", directory], environment: english
    )
    #expect(given.status == 0, "\(given.stderr)")
  }

  @Test func listCountsProgressWithTheRecordedFileAndGivesISODates() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let file = try copySmall(to: directory)
    try writeSession(directory, path: file)
    try writeSession(directory, id: "s2", path: nil)
    let json = try runCLI(
      ["list", "--format", "json", "--sessions-dir", directory], environment: english)
    #expect(json.status == 0, "\(json.stderr)")
    let rows = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    let first = try #require(rows.first { $0["id"] as? String == "s1" })
    #expect(first["applicable"] as? Int != nil, "progress counted with the recorded file")
    #expect(first["updated"] as? String == "2026-11-21T10:00:00.500Z")
    #expect(first["created"] as? String == "2026-11-20T10:00:00.000Z")
    let second = try #require(rows.first { $0["id"] as? String == "s2" })
    #expect(second["applicable"] == nil || second["applicable"] is NSNull)
    let given = try runCLI(
      ["list", "--format", "json", "--questionnaire", small, "--sessions-dir", directory],
      environment: english)
    let rowsGiven = try #require(
      try JSONSerialization.jsonObject(with: Data(given.stdout.utf8)) as? [[String: Any]])
    #expect(
      rowsGiven.allSatisfy { $0["applicable"] as? Int != nil },
      "--questionnaire counts the old session too")
  }

  @Test func storeErrorsFollowTheInterfaceLanguage() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let french = try runCLI(
      ["summary", "nope", "--lang", "fr", "--sessions-dir", directory], environment: english)
    #expect(french.status == 1)
    #expect(french.stderr.contains("aucune session « nope »"))
    let dutch = try runCLI(
      ["validate", "/nonexistent/q.yaml"],
      environment: ["LANG": "nl_BE.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
    #expect(dutch.stderr.contains("kan de vragenlijst /nonexistent/q.yaml niet lezen"))
  }

  /// The summary JSON keeps every question of a blocking rule, not only the one to jump to.
  @Test func summaryJSONKeepsEveryQuestionOfABlockingRule() throws {
    let result = try runCLI([
      "summary", repositoryRoot + "/Tests/Fixtures/sessions/health-public.json", "--questionnaire",
      repositoryRoot + "/Tests/Fixtures/risk.yaml", "--format", "json", "--lang", "en",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let summary = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let blocking = try #require(summary["blocking"] as? [[String: Any]])
    let publicCloud = try #require(
      blocking.first { $0["id"] as? String == "personal_data_public_cloud" })
    #expect(publicCloud["question"] as? String == "priv_cloud_type_allowed")
    #expect(
      publicCloud["questions"] as? [String] == [
        "priv_cloud_type_allowed", "deployment_model", "derogation_public_cloud",
      ])
  }

  /// `resume` given the new place of a moved questionnaire writes it into the session, so the
  /// next commands need nothing.
  @Test func resumeRemembersTheNewPlaceOfAMovedQuestionnaire() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try writeSession(directory, path: directory + "/moved-away/small.yaml")
    let resume = try runCLI(
      ["resume", "s1", "--questionnaire", small, "--sessions-dir", directory], environment: english)
    // Without a terminal the wizard runs in plain mode, which the empty input leaves at once.
    #expect(resume.status == 0, "\(resume.stderr)")
    #expect(
      resume.stdout.contains("Session saved:"),
      "opened in plain mode, then left at the end of the input")
    let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/s1.json"))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect((json["questionnaire"] as? [String: Any])?["path"] as? String == small)
    #expect((json["answers"] as? [String: Any])?["personal_data"] != nil, "nothing lost")
    let summary = try runCLI(["summary", "s1", "--sessions-dir", directory], environment: english)
    #expect(summary.status == 0, "\(summary.stderr)")
  }
}
