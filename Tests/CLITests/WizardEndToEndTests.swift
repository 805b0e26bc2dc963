import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The real binary in a real terminal (tmux).
@Suite(.serialized, .enabled(if: RequiredTool.tmux, "needs tmux (.ci/run installs it)"))
struct WizardEndToEndTests {
  let small = repositoryRoot + "/Tests/Fixtures/small.yaml"

  /// Fills the identification form.
  func identify(_ tmux: Tmux, waitFor label: String = "Organisation") throws {
    try tmux.wait(for: label)
    for value in ["ONSS", "Anne Dupont", "Nuage SA", "Archivage"] {
      try tmux.type(value)
      try tmux.keys("Enter")
    }
  }

  func sessionFiles(_ directory: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: directory).filter {
      $0.hasSuffix(".json") && !$0.hasPrefix(".")
    }
  }

  func json(_ directory: String) throws -> [String: Any] {
    let name = try #require(try sessionFiles(directory).first)
    let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  func answers(_ directory: String) throws -> [String: [String: Any]] {
    (try json(directory)["answers"] as? [String: [String: Any]]) ?? [:]
  }

  func choice(_ answers: [String: [String: Any]], _ id: String) -> String? {
    (answers[id]?["value"] as? [String: Any])?["choice"] as? String
  }

  @Test func fullWalkThroughASmallQuestionnaire() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let tmux = try Tmux(
      ["new", "--questionnaire", small, "--lang", "en"],
      environment: ["CLOUD_ASSESS_SESSIONS": directory])
    try identify(tmux)
    try tmux.wait(for: "Question 1/6 · Section 1/3")
    try tmux.keys("1", "Enter")  // personal data: yes
    try tmux.wait(for: "Deployment model?")
    try tmux.keys("1", "Enter")  // public
    try tmux.wait(for: "Question 3/7")
    try tmux.keys("1")
    try tmux.keys("Tab")
    try tmux.type("Clause 14 « restitution » ✅")
    try tmux.keys("Tab", "Enter")
    try tmux.wait(for: "Sovereignty.")
    try tmux.keys("3", "Enter")
    try tmux.wait(for: "Encryption at rest.")
    try tmux.keys("2", "Enter")
    try tmux.wait(for: "Shared network.")
    try tmux.keys("1", "Enter")
    try tmux.wait(for: "Comment?")
    try tmux.keys("Enter")
    try tmux.type("Aucun commentaire")
    try tmux.keys("Enter")
    try tmux.wait(for: "Everything is answered")
    try tmux.keys("F")
    try tmux.wait(for: "RISK ASSESSMENT SUMMARY")
    try tmux.wait(for: "Verdict: NOT ACCEPTABLE")
    try tmux.keys("q")
    try tmux.waitForExit()
    let output = try tmux.history()
    #expect(output.contains("Session saved: \(directory)/"))
    #expect(output.contains("To resume: cloud-assess resume "))
    #expect(output.contains("Verdict: NOT ACCEPTABLE"), "the summary stays in the scrollback")
    let saved = try answers(directory)
    #expect(choice(saved, "restitution") == "compliant")
    #expect(saved["restitution"]?["note"] as? String == "Clause 14 « restitution » ✅")
    #expect(choice(saved, "sovereignty") == "noncompliant")
    #expect(try json(directory)["phase"] as? String == "finished")
  }

  @Test func theBuiltInQuestionnaireInFrenchShowsAccents() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let tmux = try Tmux(["new", "--lang", "fr"], environment: ["CLOUD_ASSESS_SESSIONS": directory])
    let form = try tmux.wait(for: "Évaluateur")
    #expect(form.contains("Fournisseur de services cloud"))
    #expect(form.contains("Cloud computing — directives de sécurité"))
    try identify(tmux, waitFor: "Évaluateur")
    let question = try tmux.wait(for: "Question 1/")
    #expect(question.contains("Entrée valider"))
    #expect(question.contains("( ) 1."))
    try tmux.keys("q")
    try tmux.waitForExit()
    #expect(try tmux.history().contains("Session enregistrée"))
  }

  @Test func killNineThenResumeFindsEveryAnswerAndThePosition() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let first = try Tmux(
      ["new", "--questionnaire", small, "--lang", "en"],
      environment: ["CLOUD_ASSESS_SESSIONS": directory])
    try identify(first)
    try first.wait(for: "Personal data?")
    try first.keys("1", "Enter")
    try first.wait(for: "Deployment model?")
    try first.keys("2", "Enter")
    try first.wait(for: "Data restitution.")
    try first.keys("2", "f")
    try first.wait(for: "Flagged for review")
    try first.wait(for: "Saved at")
    kill(try first.pid(), SIGKILL)
    try first.waitForExit()
    let id = try #require(try sessionFiles(directory).first).replacingOccurrences(
      of: ".json", with: "")
    let second = try Tmux(
      ["resume", id, "--questionnaire", small, "--lang", "en"],
      environment: ["CLOUD_ASSESS_SESSIONS": directory])
    let screen = try second.wait(for: "Data restitution.")
    #expect(screen.contains("(•) 2. Partially compliant"))
    #expect(screen.contains("Flagged for review"))
    #expect(screen.contains("Question 3/6"), "the private cloud hides the shared-network question")
    try second.keys("Left")
    try second.wait(for: "(•) 2. Private")
    try second.keys("q")
    try second.waitForExit()
  }

  @Test func resizeBelowTheMinimumAndBackLosesNothing() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let tmux = try Tmux(
      ["new", "--questionnaire", small, "--lang", "en"],
      environment: ["CLOUD_ASSESS_SESSIONS": directory])
    try identify(tmux)
    try tmux.wait(for: "Personal data?")
    try tmux.keys("Tab")
    try tmux.type("en cours")
    try tmux.wait(for: "en cours")
    try tmux.resize(width: 60, height: 20)
    try tmux.wait(for: "terminal too small: 60×20, need 80×24")
    try tmux.resize(width: 80, height: 24)
    try tmux.wait(for: "Personal data?")
    try tmux.type(" de saisie")
    try tmux.keys("Tab")
    try tmux.wait(for: "en cours de saisie")
    try tmux.keys("q")
    try tmux.waitForExit()
    #expect(try answers(directory)["personal_data"]?["note"] as? String == "en cours de saisie")
  }

  /// What is typed while the terminal is too small reaches the note being edited.
  @Test func whatIsTypedWhileTheTerminalIsTooSmallIsKept() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let tmux = try Tmux(
      ["new", "--questionnaire", small, "--lang", "en"],
      environment: ["CLOUD_ASSESS_SESSIONS": directory])
    try identify(tmux)
    try tmux.wait(for: "Personal data?")
    try tmux.keys("Tab")
    try tmux.type("avant")
    try tmux.resize(width: 60, height: 20)
    try tmux.wait(for: "terminal too small: 60×20, need 80×24")
    try tmux.type(" pendant")
    try tmux.resize(width: 80, height: 24)
    try tmux.wait(for: "avant pendant")
    try tmux.keys("Tab", "q")
    try tmux.waitForExit()
    #expect(try answers(directory)["personal_data"]?["note"] as? String == "avant pendant")
  }

  /// Keys whose sequences the terminal description does not list (TERM says xterm-256color,
  /// tmux sends Home as `Esc [ 1 ~`), a mouse report and a bracketed paste neither close a
  /// screen nor record an answer; Home and End still work where they mean something.
  @Test func escapeSequencesTheTerminalDescriptionDoesNotKnowAreIgnored() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let tmux = try Tmux(
      ["new", "--questionnaire", small, "--lang", "en"],
      environment: ["CLOUD_ASSESS_SESSIONS": directory, "TERM": "xterm-256color"])
    try identify(tmux)
    try tmux.wait(for: "Personal data?")
    try tmux.keys("g")
    try tmux.wait(for: "Table of contents")
    try tmux.keys("Home", "End", "F5", "IC")
    try tmux.type("\u{1B}[<0;12;5M\u{1B}[<0;12;5m\u{1B}[M !!\u{1B}[200~1\u{1B}[201~")
    try tmux.keys("End")
    try tmux.wait(for: "› Privacy")
    try tmux.keys("Home", "j")
    try tmux.wait(for: "› Contract")
    #expect(try tmux.screen().contains("Table of contents"), "the contents stay open")
    try tmux.keys("Escape")
    try tmux.wait(for: "Personal data?")
    try tmux.keys("Home", "End", "F5", "IC")
    try tmux.type("\u{1B}[<0;12;5M\u{1B}[200~1\u{1B}[201~\u{1B}[2;5~")
    // A note whose Home and End move in the text.
    try tmux.keys("Tab")
    try tmux.type("milieu")
    try tmux.keys("Home")
    try tmux.type("début ")
    try tmux.keys("End")
    try tmux.type(" fin")
    try tmux.keys("Tab")
    try tmux.wait(for: "début milieu fin")
    try tmux.keys("q")
    try tmux.waitForExit()
    let saved = try answers(directory)
    #expect(choice(saved, "personal_data") == nil, "no answer recorded: \(saved)")
    #expect(saved["personal_data"]?["note"] as? String == "début milieu fin")
  }

  @Test(arguments: [SIGHUP, SIGTERM, SIGINT])
  func aSignalSavesTheNoteBeingTypedAndRestoresTheTerminal(signal: Int32) throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let tmux = try Tmux(
      ["new", "--questionnaire", small, "--lang", "en"],
      environment: ["CLOUD_ASSESS_SESSIONS": directory])
    try identify(tmux)
    try tmux.wait(for: "Personal data?")
    try tmux.keys("Tab")
    try tmux.type("typed, not yet left")
    try tmux.wait(for: "typed, not yet left")
    kill(try tmux.pid(), signal)
    try tmux.waitForExit()
    #expect(try answers(directory)["personal_data"]?["note"] as? String == "typed, not yet left")
    #expect(
      try tmux.history().contains("Session saved:"),
      "the terminal was restored and the message printed")
  }

  @Test func aSaveRefusedForLackOfSpaceSaysSoKeepsTheAnswersAndSucceedsOnceSpaceReturns() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    // A file-size limit stands for a full disk: writes past 3,000 bytes fail with EFBIG (the
    // soft limit; the hard one stays open so that it can be lifted again).
    let tmux = try Tmux(
      ["new", "--questionnaire", small, "--lang", "en"],
      environment: ["CLOUD_ASSESS_SESSIONS": directory],
      launcher: ["prlimit", "--fsize=3000:unlimited", "--"])
    try identify(tmux)
    try tmux.wait(for: "Personal data?")
    let before = try #require(try sessionFiles(directory).first)
    let saved = FileManager.default.contents(atPath: directory + "/" + before)
    try tmux.keys("Tab")
    let note = String(repeating: "preuve ", count: 600)
    try tmux.type(note)
    try tmux.keys("Tab")
    try tmux.wait(for: "SAVE FAILED", seconds: 90)
    #expect(
      FileManager.default.contents(atPath: directory + "/" + before) == saved, "the file is intact")
    // Space returns; the next save writes what was kept in memory.
    let lift = try runBinary(
      "/usr/bin/prlimit", ["--pid", "\(try tmux.pid())", "--fsize=unlimited:unlimited"])
    #expect(lift.status == 0, "\(lift.stderr)")
    try tmux.keys("s")
    try tmux.wait(for: "Saved at")
    try tmux.keys("q")
    try tmux.waitForExit()
    #expect(try answers(directory)["personal_data"]?["note"] as? String == note)
  }

  @Test func aSecondResumeOfTheSameSessionIsRefused() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let tmux = try Tmux(
      ["new", "--questionnaire", small, "--lang", "en"],
      environment: ["CLOUD_ASSESS_SESSIONS": directory])
    try tmux.wait(for: "Organisation")
    let id = try #require(try sessionFiles(directory).first).replacingOccurrences(
      of: ".json", with: "")
    let second = try runCLI(
      ["resume", id, "--questionnaire", small], environment: ["CLOUD_ASSESS_SESSIONS": directory])
    #expect(second.status == 1)
    #expect(second.stderr.contains("is open in another cloud-assess (process \(try tmux.pid())"))
    try tmux.keys("C-c")
    try tmux.waitForExit()
  }

  /// `new --questionnaire RELATIVE-PATH`, quit, then the printed resume line and `resume` with no
  /// id both reopen the session without being told where the questionnaire is.
  func ownQuestionnaireIsReopenedWithoutBeingNamed(
    _ relativePath: String, firstQuestion: String, identificationShows: String? = nil,
    firstScreenShows: String? = nil
  ) throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    // Started from the package root, so that the relative path resolves there only.
    let inRoot = ["sh", "-c", "cd \"$0\" && exec \"$@\"", repositoryRoot]
    let environment = ["CLOUD_ASSESS_SESSIONS": directory]
    let first = try Tmux(
      ["new", "--questionnaire", relativePath, "--lang", "en"], environment: environment,
      launcher: inRoot)
    if let identificationShows { try first.wait(for: identificationShows) }
    try identify(first)
    try first.wait(for: firstQuestion)
    if let firstScreenShows { try first.wait(for: firstScreenShows) }
    try first.keys("q")
    try first.waitForExit()
    let output = try first.history()
    let hint = try #require(
      output.split(separator: "\n").first { $0.contains("To resume: cloud-assess resume ") })
    let id = String(try #require(hint.split(separator: " ").last))
    #expect(
      try json(directory)["questionnaire"].flatMap { ($0 as? [String: Any])?["path"] as? String }
        == repositoryRoot + "/" + relativePath)
    // The printed line, from another directory.
    let second = try Tmux(
      ["resume", id, "--lang", "en"], environment: environment,
      launcher: ["sh", "-c", "cd / && exec \"$@\"", "sh"])
    try second.wait(for: firstQuestion)
    try second.keys("q")
    try second.waitForExit()
    // The start screen of `resume` without an id.
    let third = try Tmux(
      ["resume", "--lang", "en"], environment: environment,
      launcher: ["sh", "-c", "cd / && exec \"$@\"", "sh"])
    try third.wait(for: "Nuage SA — Archivage")
    try third.keys("Enter")
    try third.wait(for: firstQuestion)
    try third.keys("q")
    try third.waitForExit()
    #expect(!(try third.history()).contains("error"))
  }

  @Test func aSessionOfAnOwnQuestionnaireIsReopenedWithoutNamingIt() throws {
    try ownQuestionnaireIsReopenedWithoutBeingNamed(
      "Tests/Fixtures/small.yaml", firstQuestion: "Personal data?")
  }

  @Test func theExampleQuestionnaireIsReopenedWithoutNamingIt() throws {
    try ownQuestionnaireIsReopenedWithoutBeingNamed(
      "examples/saas-vendor-review.yaml",
      firstQuestion: "What kind of service does the vendor provide?",
      identificationShows: "Security review of a SaaS vendor — A short review",
      firstScreenShows: "§ ISO/IEC 27036-2")
  }
}
