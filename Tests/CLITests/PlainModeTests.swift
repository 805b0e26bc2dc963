import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Plain mode: the wizard as lines on standard input and output, for screen readers,
/// `TERM=dumb`, no terminal at all and scripts; and the terminal cases around it (a locale that
/// is not installed, an unknown terminal, Ctrl-E with an editor).
@Suite(.serialized) struct PlainModeTests {
  let small = repositoryRoot + "/Tests/Fixtures/small.yaml"

  func files(_ directory: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
  }

  func session(_ directory: String) throws -> [String: Any] {
    let name = try #require(files(directory).first { $0.hasSuffix(".json") && !$0.hasPrefix(".") })
    let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  func answers(_ directory: String) throws -> [String: [String: Any]] {
    (try session(directory)["answers"] as? [String: [String: Any]]) ?? [:]
  }

  func value(_ answers: [String: [String: Any]], _ id: String) -> [String: Any]? {
    answers[id]?["value"] as? [String: Any]
  }

  func resumeID(_ output: String) throws -> String {
    let line = try #require(
      output.split(separator: "\n").first { $0.contains("To resume: cloud-assess resume ") })
    return String(try #require(line.split(separator: " ").last))
  }

  static let identification = "ONSS\nAnne Dupont\nNuage SA\nArchivage\n"

  @Test(.enabled(if: RequiredTool.tmux, "needs tmux (.ci/run installs it)"))
  func answersPipedInAreRecordedWithoutEscapeSequencesAndResumeInCurses() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let input =
      Self.identification + """
        1
        1
        note Clause 14 « restitution » ✅
        evidence Contract annex 3
        2
        flag
        3

        """
    let result = try runCLI(
      ["new", "--plain", "--questionnaire", small, "--lang", "en"],
      environment: ["CLOUD_ASSESS_SESSIONS": directory],
      input: input)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      !result.stdout.contains("\u{1B}"),
      "no escape sequence: \(result.stdout.debugDescription.prefix(400))")
    #expect(!result.stderr.contains("\u{1B}"))
    #expect(result.stdout.contains("Section 1 of 3, question 1 of 6"), "\(result.stdout)")
    #expect(result.stdout.contains("Section 2 of 3, question 3 of 7"))
    #expect(result.stdout.contains("§ 2.2.3.b"), "the citation")
    #expect(result.stdout.contains("Data restitution."))
    #expect(result.stdout.contains("1. Compliant"))
    #expect(result.stdout.contains("Session saved: \(directory)/"))
    let saved = try answers(directory)
    #expect(value(saved, "personal_data")?["choice"] as? String == "yes")
    #expect(value(saved, "deployment_model")?["choice"] as? String == "public")
    #expect(value(saved, "restitution")?["choice"] as? String == "partial")
    #expect(saved["restitution"]?["note"] as? String == "Clause 14 « restitution » ✅")
    let evidence = saved["restitution"]?["evidence"] as? [[String: Any]]
    #expect(evidence?.map { $0["reference"] as? String } == ["Contract annex 3"])
    #expect(saved["sovereignty"]?["flagged"] as? Bool == true)
    #expect(value(saved, "sovereignty")?["choice"] as? String == "noncompliant")
    #expect(
      files(directory).allSatisfy { !$0.hasSuffix(".journal") },
      "end of input saves, folds and leaves")
    // The same session in the full-screen wizard, at the same place.
    let tmux = try Tmux(
      ["resume", try resumeID(result.stdout), "--questionnaire", small, "--lang", "en"],
      environment: ["CLOUD_ASSESS_SESSIONS": directory])
    try tmux.wait(for: "Encryption at rest.")
    try tmux.keys("Left")
    // Waits for the last line of the frame: a capture can come between the writes of one frame.
    let screen = try tmux.wait(for: "Flagged for review")
    #expect(screen.contains("Sovereignty."))
    #expect(screen.contains("(•) 3. Non-compliant"))
    try tmux.keys("q")
    try tmux.waitForExit()
  }

  @Test func everyQuestionTypeIncludingNumbersAndDerogationsInPlainMode() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/types.yaml"
    try """
    format: 1
    id: types
    version: "1"
    languages: [fr, en, nl]
    title: {fr: "Types", en: "Types", nl: "Types"}
    sections:
      - id: only
        title: {fr: "Seule", en: "Only", nl: "Enige"}
        questions:
          - {id: kinds, type: multiple, text: {fr: "Genres ?", en: "Kinds?", nl: "Soorten?"}, help: {fr: "A", en: "H", nl: "H"}, options: [{id: a, label: {fr: "A", en: "Alpha", nl: "A"}}, {id: b, label: {fr: "B", en: "Beta", nl: "B"}}, {id: c, label: {fr: "C", en: "Gamma", nl: "C"}}]}
          - {id: users, type: number, min: 0, text: {fr: "Utilisateurs ?", en: "Users?", nl: "Gebruikers?"}, help: {fr: "A", en: "H", nl: "H"}}
          - {id: mfa, type: compliance, refs: ["1.1"], severity: high, protects: [confidentiality], remediation: {fr: "R", en: "R", nl: "R"}, text: {fr: "MFA.", en: "MFA.", nl: "MFA."}, help: {fr: "A", en: "H", nl: "H"}}
          - {id: waiver, type: derogation, text: {fr: "Dérogation", en: "Derogation", nl: "Afwijking"}, help: {fr: "A", en: "H", nl: "H"}}
          - {id: remarks, type: text, text: {fr: "Remarques ?", en: "Remarks?", nl: "Opmerkingen?"}, help: {fr: "A", en: "H", nl: "H"}}
    """.write(toFile: path, atomically: true, encoding: .utf8)
    let sessions = directory + "/sessions"
    let input =
      Self.identification + """
        1, 3
        12 000
        4
        Out of scope for this service
        DG-2026-04
        Comité de sécurité
        2026-01-15
        Admin access only
        Bastion with session recording
        2027-01-15
        answer next steps are planned

        """
    let result = try runCLI(
      ["new", "--plain", "--questionnaire", path, "--lang", "en"],
      environment: ["CLOUD_ASSESS_SESSIONS": sessions],
      input: input)
    #expect(result.status == 0, "\(result.stderr)\n\(result.stdout)")
    #expect(
      result.stdout.contains("Not applicable needs a justification"),
      "N/A asks for its justification")
    let saved = try answers(sessions)
    #expect(value(saved, "kinds")?["choices"] as? [String] == ["a", "c"])
    #expect(value(saved, "users")?["number"] as? Double == 12000)
    #expect(value(saved, "mfa")?["choice"] as? String == "na")
    #expect(saved["mfa"]?["note"] as? String == "Out of scope for this service")
    let derogation = try #require(
      value(saved, "waiver")?["derogation"] as? [String: Any], "\(saved["waiver"] ?? [:])")
    #expect(derogation["reference"] as? String == "DG-2026-04")
    #expect(derogation["granted_by"] as? String == "Comité de sécurité")
    #expect(derogation["granted_on"] as? String == "2026-01-15")
    #expect(derogation["scope"] as? String == "Admin access only")
    #expect(derogation["measures"] as? String == "Bastion with session recording")
    #expect(derogation["expires_on"] as? String == "2027-01-15")
    #expect(
      value(saved, "remarks")?["text"] as? String == "next steps are planned",
      "answer TEXT records TEXT")
  }

  @Test func aRefusedLineStopsAPipedRunWithAMessageExit1AndNothingLost() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let result = try runCLI(
      ["new", "--plain", "--questionnaire", small, "--lang", "en"],
      environment: ["CLOUD_ASSESS_SESSIONS": directory],
      input: Self.identification + "1\n7\n1\n")
    #expect(result.status == 1)
    #expect(result.stderr.contains("line 6"), "\(result.stderr)")
    #expect(result.stderr.contains("“7” is not a choice"), "\(result.stderr)")
    let saved = try answers(directory)
    #expect(
      value(saved, "personal_data")?["choice"] as? String == "yes", "what came before is kept")
    #expect(saved["deployment_model"] == nil, "nothing after the refused line is applied")
  }

  @Test func questionMarkListsTheCommandsInTheInterfaceLanguage() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let result = try runCLI(
      ["new", "--questionnaire", small, "--lang", "fr"],
      environment: ["CLOUD_ASSESS_SESSIONS": directory, "CLOUD_ASSESS_PLAIN": "1"],
      input: Self.identification + "?\naide\nquitter\n")
    #expect(result.status == 0, "\(result.stderr)")
    for command in [
      "aide", "note", "preuve", "marquer", "retour", "suivant", "section", "chercher", "revue",
      "résumé", "enregistrer", "quitter",
    ] {
      #expect(result.stdout.contains(command), "\(command) is listed")
    }
    #expect(
      result.stdout.contains("Pourquoi et quelles preuves demander"),
      "help shows the question's help")
    #expect(result.stdout.contains("Session enregistrée"))
  }

  @Test func theStartScreenInPlainModeOpensASavedSessionAndReadsOn() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let environment = ["CLOUD_ASSESS_SESSIONS": directory]
    let first = try runCLI(
      ["new", "--plain", "--questionnaire", small, "--lang", "en"], environment: environment,
      input: Self.identification)
    #expect(first.status == 0, "\(first.stderr)")
    // The lines after the menu's choice go to the wizard, not lost with the menu.
    let start = try runCLI(
      ["--plain", "--questionnaire", small, "--lang", "en"], environment: environment,
      input: "2\n\n2\n")
    #expect(start.status == 0, "\(start.stderr)")
    #expect(start.stdout.contains("2. Nuage SA — Archivage"), "\(start.stdout)")
    #expect(start.stdout.contains("Section 1 of 3, question 2 of 6"), "\(start.stdout)")
    #expect(value(try answers(directory), "deployment_model")?["choice"] as? String == "private")
  }

  @Test(arguments: [["TERM": "dumb"], [:]])
  func termDumbOrUnsetChoosesPlainModeAndLeavesNoEmptySession(environment: [String: String]) throws
  {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let result = try runCLI(
      ["new", "--questionnaire", small, "--lang", "en"],
      environment: environment.merging(["CLOUD_ASSESS_SESSIONS": directory]) { $1 },
      unsetting: environment.isEmpty ? ["TERM"] : [], input: "")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Organisation"), "the form, as lines: \(result.stdout)")
    #expect(!result.stdout.contains("\u{1B}"))
    #expect(!result.stderr.contains("Error opening terminal"))
    #expect(result.stderr.contains("no session was kept"), "\(result.stderr)")
    #expect(
      files(directory).isEmpty, "no session, journal or lock left behind: \(files(directory))")
  }

  @Test func withoutATerminalTheWizardRunsInPlainMode() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let result = try runCLI(
      ["new", "--questionnaire", small, "--lang", "en"],
      environment: ["CLOUD_ASSESS_SESSIONS": directory, "TERM": "xterm-256color"],
      input: Self.identification + "2\n")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!result.stdout.contains("\u{1B}"))
    #expect(value(try answers(directory), "personal_data")?["choice"] as? String == "no")
  }

  @Test func asciiWhenTheLocaleIsNotUTF8() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let result = try runCLI(
      ["new", "--plain", "--questionnaire", small, "--lang", "fr"],
      environment: ["CLOUD_ASSESS_SESSIONS": directory, "LC_ALL": "C", "LANG": "C"],
      input: Self.identification)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Donnees personnelles ?"), "accents dropped: \(result.stdout)")
    #expect(result.stdout.unicodeScalars.allSatisfy { $0.isASCII })
  }

  // MARK: - In a terminal

  @Test(.enabled(if: RequiredTool.tmux, "needs tmux (.ci/run installs it)"))
  func termDumbInTmuxGivesPlainPromptsThatWork() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let tmux = try Tmux(
      ["new", "--questionnaire", small, "--lang", "en"],
      environment: ["CLOUD_ASSESS_SESSIONS": directory, "TERM": "dumb"])
    try tmux.wait(for: "Organisation:")
    for value in ["ONSS", "Anne Dupont", "Nuage SA", "Archivage"] {
      try tmux.type(value)
      try tmux.keys("Enter")
    }
    try tmux.wait(for: "Section 1 of 3, question 1 of 6")
    try tmux.type("2")
    try tmux.keys("Enter")
    try tmux.wait(for: "Deployment model?")
    try tmux.type("quit")
    try tmux.keys("Enter")
    try tmux.waitForExit()
    let output = try tmux.history()
    #expect(output.contains("To resume: cloud-assess resume "))
    #expect(value(try answers(directory), "personal_data")?["choice"] as? String == "no")
  }

  /// `ACCESSIBLE=1`, the convention of terminal form libraries, chooses plain mode in a terminal
  /// that curses could drive; `ACCESSIBLE=0` does not.
  @Test(
    .enabled(if: RequiredTool.tmux, "needs tmux (.ci/run installs it)"),
    arguments: [("1", true), ("0", false)])
  func accessibleChoosesPlainMode(value: String, plain: Bool) throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let tmux = try Tmux(
      ["new", "--questionnaire", small, "--lang", "en"],
      environment: ["CLOUD_ASSESS_SESSIONS": directory, "ACCESSIBLE": value])
    let screen = try tmux.wait(for: plain ? "Organisation:" : "Identification of the assessment")
    #expect(screen.contains("One answer or command per line") == plain, "\(screen)")
    try tmux.keys("C-c")
    if plain { try tmux.keys("C-d") }
    try tmux.waitForExit()
  }

  @Test(.enabled(if: RequiredTool.tmux, "needs tmux (.ci/run installs it)"))
  func anUnknownTerminalFallsBackToPlainModeInsteadOfExitingInsideCurses() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let tmux = try Tmux(
      ["new", "--questionnaire", small, "--lang", "en"],
      environment: ["CLOUD_ASSESS_SESSIONS": directory, "TERM": "no-such-terminal-xyz"])
    let screen = try tmux.wait(for: "Organisation:")
    #expect(screen.contains("no-such-terminal-xyz"), "says why: \(screen)")
    #expect(!screen.contains("Error opening terminal"))
    try tmux.keys("C-d")
    try tmux.waitForExit()
    #expect(files(directory).isEmpty, "nothing entered, nothing kept: \(files(directory))")
  }

  /// A LANG whose locale is surely not installed here.
  static func missingLocale() throws -> String {
    let installed = try runBinary("/usr/bin/locale", ["-a"]).stdout.lowercased()
      .split(separator: "\n").map { $0.replacingOccurrences(of: "utf-8", with: "utf8") }
    let candidates = ["fr_BE.UTF-8", "fr_LU.UTF-8", "fr_CH.UTF-8", "fr_CA.UTF-8"]
    return try #require(
      candidates.first {
        !installed.contains($0.lowercased().replacingOccurrences(of: "utf-8", with: "utf8"))
      })
  }

  @Test(.enabled(if: RequiredTool.tmux, "needs tmux (.ci/run installs it)"))
  func aFrenchLocaleThatIsNotInstalledStillShowsItsAccents() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let lang = try Self.missingLocale()
    let tmux = try Tmux(
      ["new", "--questionnaire", small],
      environment: ["CLOUD_ASSESS_SESSIONS": directory, "LANG": lang, "LC_ALL": ""])
    let screen = try tmux.wait(for: "valuateur")
    #expect(
      screen.contains("Identification de l'évaluation"), "French, with its accents: \(screen)")
    #expect(screen.contains("Évaluateur"))
    #expect(screen.contains("Entrée : champ suivant"))
    #expect(!screen.contains("~"), "no garbage")
    try tmux.keys("C-c")
    try tmux.waitForExit()
  }

  @Test(.enabled(if: RequiredTool.tmux, "needs tmux (.ci/run installs it)"))
  func ctrlEOpensTheNoteInTheEditorAndAFailingEditorChangesNothing() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let editor = directory + "/editor.sh"
    try "#!/bin/sh\nprintf 'from the editor\\nsecond line\\n' > \"$1\"\n".write(
      toFile: editor, atomically: true, encoding: .utf8)
    let failing = directory + "/failing.sh"
    try "#!/bin/sh\necho 'garbage' > \"$1\"\nexit 3\n".write(
      toFile: failing, atomically: true, encoding: .utf8)
    chmod(editor, 0o755)
    chmod(failing, 0o755)
    let sessions = directory + "/sessions"
    let tmux = try Tmux(
      ["new", "--questionnaire", small, "--lang", "en"],
      environment: ["CLOUD_ASSESS_SESSIONS": sessions, "EDITOR": editor, "VISUAL": ""])
    try tmux.wait(for: "Organisation")
    for value in ["ONSS", "Anne Dupont", "Nuage SA", "Archivage"] {
      try tmux.type(value)
      try tmux.keys("Enter")
    }
    try tmux.wait(for: "Personal data?")
    try tmux.keys("Tab")
    try tmux.type("draft")
    try tmux.keys("C-e")
    try tmux.wait(for: "second line")
    try tmux.keys("Tab")
    try tmux.wait(for: "Saved at")
    try tmux.keys("q")
    try tmux.waitForExit()
    #expect(
      try answers(sessions)["personal_data"]?["note"] as? String == "from the editor\nsecond line")
    // An editor that fails: the note stays as it was, with a message.
    let id = try resumeID(try tmux.history())
    let second = try Tmux(
      ["resume", id, "--questionnaire", small, "--lang", "en"],
      environment: ["CLOUD_ASSESS_SESSIONS": sessions, "EDITOR": failing, "VISUAL": ""])
    try second.wait(for: "Personal data?")
    try second.keys("Tab")
    try second.keys("C-e")
    try second.wait(for: "exit status 3")
    try second.keys("Tab", "q")
    try second.waitForExit()
    #expect(
      try answers(sessions)["personal_data"]?["note"] as? String == "from the editor\nsecond line")
  }
}
