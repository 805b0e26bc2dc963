import Foundation
import Testing

@Suite struct CommandTests {
  @Test func helpListsTheCommands() throws {
    let result = try runCLI(["--help"])
    #expect(result.status == 0)
    for command in ["validate", "questionnaires", "list"] {
      #expect(result.stdout.contains(command))
    }
  }

  #if os(Linux)
    /// The curses library is opened when the full-screen wizard starts: the commands that only
    /// print never load it (the dynamic loader lists what it loads under LD_DEBUG=libs).
    @Test func printingCommandsDoNotLoadCurses() throws {
      for arguments in [
        ["--version"], ["questionnaires"],
        ["validate", repositoryRoot + "/examples/saas-vendor-review.yaml"],
      ] {
        let result = try runCLI(arguments, environment: ["LD_DEBUG": "libs"])
        #expect(result.status == 0, "\(arguments)")
        #expect(
          result.stderr.contains("libswiftCore"), "LD_DEBUG lists the libraries: \(arguments)")
        #expect(
          !result.stderr.contains("ncurses") && !result.stderr.contains("libtinfo"), "\(arguments)")
      }
    }
  #endif

  @Test func badUsageExits64() throws {
    let result = try runCLI(["list", "--format", "xml"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("xml"))
  }

  @Test func validatesTheBuiltInQuestionnaireByDefault() throws {
    let result = try runCLI(["validate"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("builtin:be-socsec-cloud: valid — be-socsec-cloud"))
  }

  /// The command's own lines are in the interface language, also when the locale named by LANG
  /// is not installed; the problems themselves are for the questionnaire's author (English).
  @Test func validateSpeaksTheInterfaceLanguage() throws {
    let walk = repositoryRoot + "/Tests/Fixtures/walk.yaml"
    let french = try runCLI(
      ["validate", walk], environment: ["LANG": "fr_BE.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
    #expect(
      french.stdout.contains(": valide — walk 1.0.0, 2 sections, 12 questions, langues fr, en, nl"),
      "\(french.stdout)")
    let dutch = try runCLI(
      ["validate", walk], environment: ["LANG": "nl_BE.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
    #expect(
      dutch.stdout.contains(": geldig — walk 1.0.0, 2 secties, 12 vragen, talen fr, en, nl"),
      "\(dutch.stdout)")
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let bad = directory + "/bad.yaml"
    try String(contentsOfFile: walk, encoding: .utf8).replacingOccurrences(
      of: "format: 1\n", with: "format: 1\nclé: 1\n"
    )
    .write(toFile: bad, atomically: true, encoding: .utf8)
    let refused = try runCLI(
      ["validate", bad], environment: ["LANG": "fr_BE.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
    #expect(refused.status == 1)
    #expect(refused.stderr.hasSuffix("1 problème trouvé\n"), "\(refused.stderr)")
  }

  @Test func validateCountsInTheSingularOrThePlural() throws {
    let walk = try runCLI(["validate", repositoryRoot + "/Tests/Fixtures/walk.yaml"])
    #expect(walk.status == 0, "\(walk.stderr)")
    #expect(walk.stdout.contains("walk 1.0.0, 2 sections, 12 questions, languages fr, en, nl"))
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/one.yaml"
    try """
    format: 1
    id: one
    version: "1"
    languages: [en]
    title: {en: "One"}
    sections:
      - id: only
        title: {en: "Only"}
        questions:
          - {id: q, type: yesno, text: {en: "Q?"}, help: {en: "H."}}
    """.write(toFile: path, atomically: true, encoding: .utf8)
    let one = try runCLI(["validate", path])
    #expect(one.status == 0, "\(one.stderr)")
    #expect(one.stdout.contains("one 1, 1 section, 1 question, languages en"), "\(one.stdout)")
  }

  @Test func validateLocatesEveryProblemAndExits1() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/broken.yaml"
    try """
    format: 1
    id: broken
    version: "1"
    languages: [fr, en]
    title: {fr: "T", en: "T"}
    sections:
      - id: s
        title: {fr: "S", en: "S"}
        questions:
          - id: a
            type: yesno
            text: {fr: "a"}
            help: {fr: "h", en: "h"}
            when: "a == yes"
    """.write(toFile: path, atomically: true, encoding: .utf8)
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    let result = try runCLI(["validate", path])
    #expect(result.status == 1)
    #expect(
      result.stderr.contains(
        "\(path):12:15: error: [a] the question text lacks a translation in en"))
    #expect(
      result.stderr.contains(
        "\(path):14:16: error: [a] condition, column 1: a question's condition cannot refer to the question itself"
      ))
    #expect(result.stderr.contains("2 problems found"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
  }

  @Test func validateOfAMissingFileIsARuntimeError() throws {
    let result = try runCLI(["validate", "/nonexistent/q.yaml"])
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "cloud-assess: error: cannot read the questionnaire /nonexistent/q.yaml: no such file\n")
  }

  /// The word before an error or a warning is in the language of the message it introduces.
  @Test func errorsAndWarningsSayWhatTheyAreInTheirLanguage() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    for (language, word) in [("fr", "erreur :"), ("en", "error:"), ("nl", "fout:")] {
      let result = try runCLI(
        ["summary", "no-such-session", "--lang", language],
        environment: ["CLOUD_ASSESS_SESSIONS": directory])
      #expect(result.status != 0)
      #expect(result.stderr.hasPrefix("cloud-assess: \(word) "), "\(result.stderr)")
    }
    try Data("{".utf8).write(to: URL(fileURLWithPath: directory + "/damaged.json"))
    for (locale, word) in [
      ("fr_BE.UTF-8", "avertissement :"), ("en_GB.UTF-8", "warning:"),
      ("nl_BE.UTF-8", "waarschuwing:"),
    ] {
      let result = try runCLI(
        ["list"], environment: ["CLOUD_ASSESS_SESSIONS": directory, "LANG": locale],
        unsetting: ["LC_ALL", "LC_MESSAGES"])
      #expect(result.stderr.hasPrefix("cloud-assess: \(word) "), "\(locale): \(result.stderr)")
    }
    // `list` takes --lang as every command that writes words does.
    let dutch = try runCLI(
      ["list", "--lang", "nl"], environment: ["CLOUD_ASSESS_SESSIONS": directory, "LANG": "C"],
      unsetting: ["LC_ALL", "LC_MESSAGES"])
    #expect(dutch.stderr.hasPrefix("cloud-assess: waarschuwing: overgeslagen"), "\(dutch.stderr)")
  }

  @Test func questionnairesShowsTheDefault() throws {
    let result = try runCLI(["questionnaires"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("be-socsec-cloud (default)"))
    let json = try runCLI(["questionnaires", "--format", "json"])
    let rows = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: String]]
    #expect(rows?.first?["id"] == "be-socsec-cloud")
    #expect(rows?.first?["languages"] == "fr,en,nl")
  }

  @Test func listIsEmptyThenShowsSessionsAsTextAndJSON() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let empty = try runCLI(["list", "--sessions-dir", directory])
    #expect(empty.status == 0)
    #expect(empty.stdout.hasPrefix("No saved sessions in \(directory)."))
    let session = """
      {
        "schemaVersion": 1, "id": "s1",
        "questionnaire": {"id": "be-socsec-cloud", "version": "1.0.0", "digest": "00"},
        "metadata": {"organisation": "ONSS", "assessor": "A", "provider": "Nuage SA",
          "service": "Archivage", "created": "2026-11-20T10:00:00Z", "updated": "2026-11-21T10:00:00Z"},
        "phase": "questions", "cursor": {"question": null},
        "answers": {"personal_data": {"value": {"choice": "no"}, "note": "", "evidence": [], "flagged": false}}
      }
      """
    try session.write(toFile: directory + "/s1.json", atomically: true, encoding: .utf8)
    try "{".write(toFile: directory + "/broken.json", atomically: true, encoding: .utf8)
    let text = try runCLI(["list"], environment: ["CLOUD_ASSESS_SESSIONS": directory])
    #expect(text.status == 0)
    #expect(text.stdout.contains("s1"))
    #expect(text.stdout.contains("Nuage SA"))
    #expect(text.stdout.contains("2026-11-21"))
    #expect(text.stderr.contains("skipped \(directory)/broken.json"))
    let json = try runCLI(["list", "--format", "json", "--sessions-dir", directory])
    let rows = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
    #expect(rows?.count == 1)
    #expect(rows?.first?["provider"] as? String == "Nuage SA")
    #expect(rows?.first?["answered"] as? Int == 1)
  }
}
