import Foundation
import Testing

/// `history`, `sign-off`, `--as` on the command line.
@Suite struct TeamCommandTests {
  let questionnaire = repositoryRoot + "/Tests/Fixtures/risk.yaml"
  let small = repositoryRoot + "/Tests/Fixtures/small.yaml"

  /// A copy of a fixture session in a directory of its own.
  func copy(_ name: String, into directory: String) throws -> String {
    let path = directory + "/\(name).json"
    try FileManager.default.copyItem(
      atPath: repositoryRoot + "/Tests/Fixtures/sessions/\(name).json", toPath: path)
    return path
  }

  @Test func anAcceptanceContradictingTheVerdictIsRefusedAndTheFileLeftAlone() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = try copy("health-public", into: directory)
    var before: Data?
    let expected: [(String, String)] = [
      ("fr", "contredit le verdict « non acceptable »"),
      ("en", "contradicts the assessment's verdict 'not acceptable'"),
      ("nl", "in strijd met het oordeel ‘niet aanvaardbaar’"),
    ]
    for (language, words) in expected {
      let result = try runCLI([
        "sign-off", path, "--by", "Comité de direction", "--role", "Administrateur général",
        "--decision", "accept", "--reference", "PV-2026-12", "--on", "2026-11-30",
        "--questionnaire", questionnaire, "--lang", language,
      ])
      #expect(result.status == 1)
      // The first opening records where the questionnaire now is (as `resume` does); a refusal
      // writes nothing.
      if before == nil { before = FileManager.default.contents(atPath: path) }
      #expect(result.stderr.contains(words), "\(result.stderr)")
      #expect(result.stderr.contains("[2."), "the blocking findings are named: \(result.stderr)")
    }
    #expect(FileManager.default.contents(atPath: path) == before, "the session is untouched")
    #expect(!FileManager.default.fileExists(atPath: path.dropLast(5) + ".lock"))
  }

  @Test func aDecisionInTheFutureOrWithoutItsConditionsIsRefused() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = try copy("all-compliant", into: directory)
    let base = [
      "sign-off", path, "--by", "CSI", "--role", "Comité", "--reference", "PV-1",
      "--questionnaire", questionnaire, "--lang", "en",
    ]
    let future = try runCLI(base + ["--decision", "refuse", "--on", "2999-01-01"])
    #expect(future.status == 1)
    #expect(future.stderr.contains("is in the future"), "\(future.stderr)")
    let conditions = try runCLI(base + ["--decision", "accept-with-conditions"])
    #expect(conditions.status == 1)
    #expect(conditions.stderr.contains("must state its conditions"), "\(conditions.stderr)")
    let recorded = try runCLI(base + ["--decision", "refuse", "--as", "Dana"])
    #expect(recorded.status == 0, "\(recorded.stderr)")
    #expect(recorded.stdout.hasPrefix("Decision recorded: Refused on "), "\(recorded.stdout)")
  }

  @Test func historyWithoutChangesAndForAQuestionWithoutAnAnswer() throws {
    let path = repositoryRoot + "/Tests/Fixtures/sessions/mixed.json"
    let all = try runCLI(["history", path, "--questionnaire", questionnaire, "--lang", "fr"])
    #expect(all.status == 0, "\(all.stderr)")
    #expect(all.stdout.hasPrefix("Historique des modifications — "), "\(all.stdout)")
    let missing = try runCLI([
      "history", path, "no_such_question", "--questionnaire", questionnaire, "--lang", "en",
    ])
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("no answer to the question 'no_such_question'"))
    let json = try runCLI([
      "history", path, "--questionnaire", questionnaire, "--format", "json",
    ])
    #expect(json.status == 0)
    let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    #expect(object?["questions"] is [Any])
  }

  @Test func plainModeSaysWhoTheChangesAreRecordedFor() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let given = try runCLI(
      ["new", "--plain", "--questionnaire", small, "--lang", "en", "--as", "Dana Peeters"],
      environment: ["CLOUD_ASSESS_SESSIONS": directory, "CLOUD_ASSESS_USER": "Env"],
      input: "quit\n")
    #expect(given.stdout.contains("Changes are recorded as made by: Dana Peeters"))
    let fromVariable = try runCLI(
      ["new", "--plain", "--questionnaire", small, "--lang", "nl"],
      environment: ["CLOUD_ASSESS_SESSIONS": directory, "CLOUD_ASSESS_USER": "Jan"],
      input: "quit\n")
    #expect(fromVariable.stdout.contains("Wijzigingen worden geregistreerd op naam van: Jan"))
  }
}

/// Through the session files (format 3): two people change a session, management decides, a
/// later change makes the decision out of date, and history, summary and list say so.
@Suite struct TeamEndToEndTests {
  let small = repositoryRoot + "/Tests/Fixtures/small.yaml"

  /// A session of the small questionnaire made in plain mode by Anne Dupont, one answer given;
  /// its id.
  func newSession(_ environment: [String: String]) throws -> String {
    let created = try runCLI(
      ["new", "--plain", "--questionnaire", small, "--lang", "en", "--as", "Anne Dupont"],
      environment: environment, input: "ONSS\nAnne Dupont\nNuage SA\nArchivage\n1\nquit\n")
    #expect(created.status == 0, "\(created.stderr)")
    let line = try #require(
      created.stdout.split(separator: "\n").first { $0.contains("cloud-assess resume ") })
    return String(try #require(line.split(separator: " ").last))
  }

  @Test func aDecisionGoesOutOfDateWhenAnAnswerChangesAndTheHistoryNamesWho() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let environment = ["CLOUD_ASSESS_SESSIONS": directory]
    let id = try newSession(environment)
    let signed = try runCLI(
      [
        "sign-off", id, "--by", "Comité de direction", "--role", "CSI", "--decision", "refuse",
        "--reference", "PV-2026-12", "--as", "Chloé", "--lang", "en",
      ], environment: environment)
    #expect(signed.status == 0, "\(signed.stderr)")
    let current = try runCLI(["summary", id, "--lang", "en"], environment: environment)
    #expect(current.stdout.contains("by Comité de direction (CSI), reference PV-2026-12"))
    #expect(current.stdout.contains("The content has not changed since the decision."))
    // Another person changes the first answer.
    let resumed = try runCLI(
      ["resume", id, "--plain", "--lang", "en"],
      environment: environment.merging(["CLOUD_ASSESS_USER": "Bart Peeters"]) { $1 },
      input: "goto personal_data\n2\nquit\n")
    #expect(resumed.status == 0, "\(resumed.stderr)\n\(resumed.stdout)")
    #expect(resumed.stdout.contains("Changes are recorded as made by: Bart Peeters"))
    let stale = try runCLI(["summary", id, "--lang", "en"], environment: environment)
    #expect(
      stale.stdout.contains("by Comité de direction; 1 answer(s) changed since"),
      "\(stale.stdout)")
    let list = try runCLI(
      ["list"], environment: environment.merging(["LANG": "en_GB.UTF-8"]) { $1 },
      unsetting: ["LC_ALL", "LC_MESSAGES"])
    #expect(list.stdout.contains("DECISION OUT OF DATE \(id): "), "\(list.stdout)")
    let french = try runCLI(["list", "--lang", "fr"], environment: environment)
    #expect(french.stdout.contains(" \(id) : "), "\(french.stdout)")
    let history = try runCLI(["history", id, "--lang", "en"], environment: environment)
    #expect(history.stdout.contains("Anne Dupont · edited"), "\(history.stdout)")
    #expect(history.stdout.contains("Bart Peeters · edited"), "\(history.stdout)")
    #expect(history.stdout.contains("Organisation: ONSS"))
    let json = try runCLI(
      ["summary", id, "--format", "json"], environment: environment)
    #expect(json.stdout.contains("\"recordedBy\" : \"Chloé\""), "\(json.stdout)")
  }

  /// Session format 4: a summary in text, `list` and `compare` do not read the histories; the
  /// HTML report (each answer's last change) and `history` do, and judge them.
  @Test func onlyWhatShowsTheHistoriesReadsThem() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let environment = ["CLOUD_ASSESS_SESSIONS": directory]
    let id = try newSession(environment)
    let html = try runCLI(["summary", id, "--format", "html"], environment: environment)
    #expect(html.stdout.contains("by Anne Dupont"), "\(html.stdout)")
    // A history damaged in place, without moving a byte.
    let path = directory + "/\(id).json"
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let start = try #require(text.range(of: "\"histories\" : {"))
    let by = try #require(
      text.range(of: "\"origin\" : \"edited\"", range: start.upperBound..<text.endIndex))
    try Data(text.replacingCharacters(in: by, with: "\"origin\" : \"EDITED\"").utf8)
      .write(to: URL(fileURLWithPath: path))
    let summary = try runCLI(["summary", id, "--lang", "en"], environment: environment)
    #expect(summary.status == 0, "\(summary.stderr)")
    let list = try runCLI(["list"], environment: environment)
    #expect(list.status == 0 && list.stdout.contains(id), "\(list.stderr)\n\(list.stdout)")
    for arguments in [["summary", id, "--format", "html"], ["history", id]] {
      let refused = try runCLI(arguments + ["--lang", "en"], environment: environment)
      #expect(refused.status != 0, "\(arguments)")
      #expect(refused.stderr.contains("'EDITED' is not an origin"), "\(refused.stderr)")
    }
  }
}
