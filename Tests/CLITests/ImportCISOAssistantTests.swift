import Foundation
import Testing

/// `cloud-assess import ciso-assistant`: a framework library (written for the tests, in CISO
/// Assistant's format) imported, validated, walked in plain mode and on the full screen, and
/// summarised with its owner's notice; bad input writes nothing.
@Suite(.serialized) struct ImportCISOAssistantTests {
  let library = repositoryRoot + "/Tests/Fixtures/ciso-assistant/small-framework.yaml"
  static let notice = "© Auteurs des essais de cloud-assess"

  func importLibrary(_ output: String, _ extra: [String] = [], library: String? = nil) throws
    -> CLIResult
  {
    try runCLI(
      ["import", "ciso-assistant", library ?? self.library, "--output", output] + extra,
      environment: ["LANG": "en_US.UTF-8"], unsetting: ["LC_ALL", "LC_MESSAGES"])
  }

  func sessionID(_ directory: String) throws -> String {
    let name = try #require(
      try FileManager.default.contentsOfDirectory(atPath: directory).first {
        $0.hasSuffix(".json") && !$0.hasPrefix(".")
      })
    return String(name.dropLast(5))
  }

  @Test func importValidateWalkInPlainModeAndSummariseWithTheOwnersNotice() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let output = directory + "/cyfun-like"
    let imported = try importLibrary(output)
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stdout.contains("questionnaire small-framework 3 written to \(output)"))
    #expect(FileManager.default.fileExists(atPath: output + "/questionnaire.yaml"))
    let validated = try runCLI(["validate", output])
    #expect(validated.status == 0, "\(validated.stderr)")
    #expect(validated.stdout.contains("valid"))

    let sessions = directory + "/sessions"
    // Scope B; the policy approved (which selects group A), on a day; compliant, level 2;
    // roles both, who else, non-compliant, no level; 12 accounts, MFA yes, partial, no level.
    let input = """
      ONSS
      Anne Dupont
      Nuage SA
      Archivage
      1
      1
      2027-03-31
      1
      2
      1,2
      Le comité de sécurité
      3

      12
      1
      2


      """
    let walked = try runCLI(
      ["new", "--plain", "--questionnaire", output, "--lang", "fr"],
      environment: ["CLOUD_ASSESS_SESSIONS": sessions], input: input)
    #expect(walked.status == 0, "\(walked.stderr)\n\(walked.stdout)")
    #expect(walked.stdout.contains("Date AAAA-MM-JJ"))
    #expect(walked.stdout.contains("Toutes les questions applicables ont une réponse."))
    let id = try sessionID(sessions)
    let saved = try #require(
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: sessions + "/" + id + ".json")))
        as? [String: Any])
    let answers = try #require(saved["answers"] as? [String: [String: Any]])
    #expect((answers["gv_po_1_q2"]?["value"] as? [String: Any])?["date"] as? String == "2027-03-31")
    #expect(
      (answers["gv_po_2"]?["value"] as? [String: Any])?["choice"] as? String == "noncompliant")

    let summary = try runCLI(
      ["summary", id, "--lang", "fr"], environment: ["CLOUD_ASSESS_SESSIONS": sessions])
    #expect(summary.status == 0, "\(summary.stderr)")
    #expect(summary.stdout.contains("Propriétaire du contenu : Contenu : " + Self.notice))
    #expect(summary.stdout.contains("ACCEPTABLE SOUS CONDITIONS"))
    for format in ["markdown", "html", "json", "oscal"] {
      let report = try runCLI(
        ["summary", id, "--lang", "nl", "--format", format],
        environment: ["CLOUD_ASSESS_SESSIONS": sessions])
      #expect(report.status == 0, "\(format): \(report.stderr)")
      #expect(report.stdout.contains("Auteurs des essais de cloud-assess"), "\(format)")
    }
  }

  @Test func aDateThatIsNotOneStopsAScriptAtItsLineWithTheFrenchMessage() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let output = directory + "/q"
    #expect(try importLibrary(output).status == 0)
    let walked = try runCLI(
      ["new", "--plain", "--questionnaire", output, "--lang", "fr"],
      environment: ["CLOUD_ASSESS_SESSIONS": directory + "/s"],
      input: "ONSS\nAnne\nNuage\nArchivage\n1\n1\n31/03/2027\n")
    #expect(walked.status != 0)
    #expect(
      walked.stderr.contains(
        "« 31/03/2027 » n'est pas une date : écrivez-la AAAA-MM-JJ, p. ex. 2027-03-31"),
      "\(walked.stderr)")
  }

  @Test(.enabled(if: RequiredTool.tmux, "needs tmux (.ci/run installs it)"))
  func theImportedQuestionnaireOnTheFullScreenTakesADayAndRefusesAnythingElse() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let output = directory + "/q"
    #expect(try importLibrary(output).status == 0)
    let sessions = directory + "/sessions"
    let tmux = try Tmux(
      ["new", "--questionnaire", output, "--lang", "en"],
      environment: ["CLOUD_ASSESS_SESSIONS": sessions])
    try tmux.wait(for: "Organisation")
    for value in ["ONSS", "Anne Dupont", "Nuage SA", "Archivage"] {
      try tmux.type(value)
      try tmux.keys("Enter")
    }
    // The questionnaire speaks French and Dutch: an English interface shows its French.
    try tmux.wait(for: "Quels groupes de mise en œuvre cette évaluation couvre-t-elle ?")
    try tmux.keys("1", "Enter")
    try tmux.wait(for: "La politique est-elle approuvée ?")
    try tmux.keys("1", "Enter")
    let date = try tmux.wait(for: "Date de la dernière approbation")
    #expect(date.contains("Enter type the date (YYYY-MM-DD)"), "\(date)")
    try tmux.keys("Enter")
    try tmux.type("2027-02-30")
    try tmux.keys("Enter")
    try tmux.wait(for: "is not a date: write it as YYYY-MM-DD")
    for _ in 0..<10 { try tmux.keys("BSpace") }
    try tmux.type("2027-03-31")
    try tmux.keys("Enter")
    try tmux.wait(for: "Une politique de sécurité est approuvée par la direction.")
    try tmux.keys("q")
    try tmux.waitForExit()
    let id = try sessionID(sessions)
    let saved = try #require(
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: sessions + "/" + id + ".json")))
        as? [String: Any])
    let answers = try #require(saved["answers"] as? [String: [String: Any]])
    #expect((answers["gv_po_1_q2"]?["value"] as? [String: Any])?["date"] as? String == "2027-03-31")
  }

  // MARK: - Bad input: exit 1, nothing written

  func write(_ text: String, in directory: String) throws -> String {
    let path = directory + "/library.yaml"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test(arguments: [
    ("format: 1\nid: x\n", "this is not a CISO Assistant library"),
    ("urn: u\nobjects:\n  risk_matrix:\n    - urn: m\n", "holds no framework but: risk_matrix"),
    (
      "urn: u\nobjects:\n  framework:\n    urn: f\n    requirement_nodes:\n    - urn: a\n      parent_urn: b\n",
      "library.yaml:7:19: error: parent_urn of a: no requirement b"
    ),
    (
      "urn: u\nobjects:\n  framework:\n    urn: f\n    requirement_nodes:\n    - urn: a\n    - urn: a\n",
      "library.yaml:7:7: error: the urn a is already used (line 6)"
    ),
    ("urn: [\n", "YAML"),
  ])
  func badInputSaysWhereAndWritesNothing(text: String, words: String) throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let library = try write(text, in: directory)
    let output = directory + "/out"
    let result = try importLibrary(output, library: library)
    #expect(result.status == 1)
    #expect(result.stderr.contains(words), "\(result.stderr)")
    #expect(result.stderr.contains("nothing was written"))
    #expect(!FileManager.default.fileExists(atPath: output))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory)
    #expect(leftovers == ["library.yaml"])
  }

  @Test func anExistingFolderIsReplacedOnlyWithForceAndNeverByABadLibrary() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let output = directory + "/out"
    try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
    try "mine".write(toFile: output + "/notes.txt", atomically: true, encoding: .utf8)
    let refused = try importLibrary(output)
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("already exists: choose another --output, or add --force"))
    #expect(FileManager.default.fileExists(atPath: output + "/notes.txt"))
    // A bad library with --force: the folder stays as it was.
    let bad = try write("urn: u\nobjects:\n  threats: []\n", in: directory)
    let failed = try importLibrary(output, ["--force"], library: bad)
    #expect(failed.status == 1)
    #expect(FileManager.default.fileExists(atPath: output + "/notes.txt"))
    let replaced = try importLibrary(output, ["--force"])
    #expect(replaced.status == 0, "\(replaced.stderr)")
    #expect(!FileManager.default.fileExists(atPath: output + "/notes.txt"))
    #expect(FileManager.default.fileExists(atPath: output + "/questionnaire.yaml"))
    let names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    #expect(names == ["library.yaml", "out"], "no temporary or replaced folder left")
  }

  @Test func theMessagesFollowTheInterfaceLanguage() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let library = try write("urn: u\nobjects:\n  risk_matrix: []\n", in: directory)
    let dutch = try runCLI(
      ["import", "ciso-assistant", library, "--output", directory + "/o"],
      environment: ["LANG": "nl_BE.UTF-8"], unsetting: ["LC_ALL", "LC_MESSAGES"])
    #expect(dutch.stderr.contains("deze bibliotheek bevat geen referentiekader"), "\(dutch.stderr)")
    #expect(dutch.stderr.contains("er werd niets weggeschreven"))
    let french = try runCLI(
      ["import", "ciso-assistant", library, "--output", directory + "/o"],
      environment: ["LANG": "fr_BE.UTF-8"], unsetting: ["LC_ALL", "LC_MESSAGES"])
    #expect(french.stderr.contains("rien n'a été écrit"), "\(french.stderr)")
  }
}
