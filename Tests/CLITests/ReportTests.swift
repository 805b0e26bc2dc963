import Foundation
import Testing

/// `cloud-assess summary --format html|csv|oscal`: the files, read back by real readers (a
/// browser printing to PDF, Python's csv module, NIST's schema and compliance-trestle), and
/// `--output` never written onto the session.
@Suite struct ReportTests {
  let questionnaire = repositoryRoot + "/Tests/Fixtures/risk.yaml"
  func session(_ name: String) -> String {
    repositoryRoot + "/Tests/Fixtures/sessions/\(name).json"
  }

  func summary(_ name: String, _ arguments: [String]) throws -> CLIResult {
    try runCLI(
      ["summary", session(name), "--questionnaire", questionnaire, "--as-of", "2026-11-30"]
        + arguments,
      environment: ["SOURCE_DATE_EPOCH": "1795000000"])
  }

  @Test func htmlToAFileWithTheBuiltInOrAnInstitutionsTemplate() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let output = directory + "/report.html"
    let result = try summary(
      "health-public", ["--format", "html", "--output", output, "--lang", "fr"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.isEmpty)
    let page = try String(contentsOfFile: output, encoding: .utf8)
    #expect(page.hasPrefix("<!DOCTYPE html>"))
    #expect(page.contains("<html lang=\"fr\">"))
    #expect(page.contains("NON ACCEPTABLE"))
    let digest = try #require(
      try runBinary("/usr/bin/env", ["sha256sum", session("health-public")]).stdout.split(
        separator: " "
      ).first)
    #expect(page.contains(String(digest)), "the session file's SHA-256")
    #expect(page.contains("2026-11-18"), "the production date (SOURCE_DATE_EPOCH)")

    let template = try runCLI(["summary", "--print-template"])
    #expect(template.status == 0)
    #expect(template.stdout.contains("{{#parts}}"))
    let mine = template.stdout.replacingOccurrences(
      of: "<!-- CLASSIFICATION MARKING, e.g. CONFIDENTIEL -->", with: "CONFIDENTIEL")
    try mine.write(toFile: directory + "/mine.mustache", atomically: true, encoding: .utf8)
    let custom = try summary(
      "health-public", ["--format", "html", "--template", directory + "/mine.mustache"])
    #expect(custom.status == 0, "\(custom.stderr)")
    #expect(custom.stdout.contains("<div class=\"marking\">CONFIDENTIEL</div>"))
    let missing = try summary(
      "health-public", ["--format", "html", "--template", directory + "/nope.mustache"])
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("nope.mustache"))
  }

  /// Headless Chromium prints the report of the session with a plan: page 1 counts the overdue
  /// actions, and the plan's part is printed with its accepted risk.
  @Test(.enabled(if: RequiredTool.browser, "needs chromium and poppler-utils (.ci/run: both)"))
  func aRealBrowserPrintsThePlan() throws {
    let browser = try #require(RequiredTool.chromium, "chromium is missing: .ci/run installs it")
    let pdftotext = try #require(
      RequiredTool.pdftotext, "pdftotext is missing: .ci/run installs poppler-utils")
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let html = directory + "/report.html"
    let pdf = directory + "/report.pdf"
    let made = try summary("planned", ["--format", "html", "--output", html, "--lang", "en"])
    #expect(made.status == 0, "\(made.stderr)")
    let printed = try runWithTimeout(
      browser,
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-pdf-header-footer",
        "--user-data-dir=\(directory)/profile", "--print-to-pdf=\(pdf)", "file://\(html)",
      ], seconds: 120)
    #expect(FileManager.default.fileExists(atPath: pdf), "chromium printed nothing: \(printed)")
    func flat(_ text: String) -> String {
      text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
    let first = flat(try runBinary(pdftotext, ["-f", "1", "-l", "1", pdf, "-"]).stdout)
    #expect(
      first.contains("Overdue on 2026-11-30 (1)"),
      "the overdue actions on page 1: \(first.prefix(600))")
    let all = flat(try runBinary(pdftotext, [pdf, "-"]).stdout)
    #expect(all.contains("Accepted risks (1)"))
    #expect(all.contains("Marie Martin (CISO)"))
  }

  /// Headless Chromium prints the report to PDF: page 1 holds the verdict and the blocking
  /// findings, and the page count is sane.
  @Test(.enabled(if: RequiredTool.browser, "needs chromium and poppler-utils (.ci/run: both)"))
  func aRealBrowserPrintsTheExecutiveSummaryOnPageOne() throws {
    let browser = try #require(RequiredTool.chromium, "chromium is missing: .ci/run installs it")
    let pdftotext = try #require(
      RequiredTool.pdftotext, "pdftotext is missing: .ci/run installs poppler-utils")
    let pdfinfo = try #require(
      RequiredTool.pdfinfo, "pdfinfo is missing: .ci/run installs poppler-utils")
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let html = directory + "/report.html"
    let pdf = directory + "/report.pdf"
    let made = try summary("health-public", ["--format", "html", "--output", html, "--lang", "en"])
    #expect(made.status == 0, "\(made.stderr)")
    let printed = try runWithTimeout(
      browser,
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-pdf-header-footer",
        "--user-data-dir=\(directory)/profile", "--print-to-pdf=\(pdf)", "file://\(html)",
      ], seconds: 120)
    #expect(FileManager.default.fileExists(atPath: pdf), "chromium printed nothing: \(printed)")
    let info = try runBinary(pdfinfo, [pdf]).stdout
    let pages =
      info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
      .flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) } ?? 0
    #expect((3...30).contains(pages), "\(pages) pages")
    let first = try runBinary(pdftotext, ["-f", "1", "-l", "1", pdf, "-"]).stdout
    let flat = first.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    #expect(flat.contains("NOT ACCEPTABLE"), "the verdict on page 1: \(flat.prefix(400))")
    let json = try summary("health-public", ["--format", "json"])
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let blocking = try #require(document["blocking"] as? [[String: Any]])
    #expect(blocking.count == 2)
    for finding in blocking {
      let message = (finding["message"] as? String ?? "").split(whereSeparator: { $0.isWhitespace })
        .joined(separator: " ")
      #expect(flat.contains(message), "blocking finding on page 1: \(message)")
    }
  }

  @Test func csvIsReadBackByPythonsCSVModule() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let output = directory + "/report.csv"
    let result = try summary(
      "mixed",
      ["--format", "csv", "--csv-delimiter", ";", "--bom", "--lang", "nl", "--output", output])
    #expect(result.status == 0, "\(result.stderr)")
    let bytes = try Data(contentsOf: URL(fileURLWithPath: output))
    #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
    let script = """
      import csv, json, sys
      with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
          print(json.dumps(list(csv.reader(f, delimiter=';', strict=True))))
      """
    let parsed = try runBinary("/usr/bin/env", ["python3", "-c", script, output])
    #expect(parsed.status == 0, "\(parsed.stderr)")
    let rows = try #require(
      try JSONSerialization.jsonObject(with: Data(parsed.stdout.utf8)) as? [[String]])
    #expect(rows.first?.count == 23)
    #expect(rows.first?.first == "Referentie")
    #expect(rows.dropFirst().allSatisfy { $0.count == 23 })
    #expect(rows.count > 5)
    let bad = try summary("mixed", ["--format", "csv", "--csv-delimiter", "\"\""])
    #expect(bad.status == 64)
  }

  @Test func oscalIsDeterministic() throws {
    let first = try summary("health-public", ["--format", "oscal"])
    let second = try summary("health-public", ["--format", "oscal"])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(!first.stdout.isEmpty)
    #expect(first.stdout == second.stdout, "exporting twice gives the same document")
  }

  @Test(.enabled(if: RequiredTool.oscalValidators, "needs the OSCAL validators (.ci/run)"))
  func oscalIsValidatedByNISTsSchemaAndTrestle() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    var paths: [String] = []
    for name in SummaryGoldenTests.sessions {
      let path = directory + "/\(name).json"
      let result = try summary(name, ["--format", "oscal", "--output", path])
      #expect(result.status == 0, "\(result.stderr)")
      paths.append(path)
    }
    let python = RequiredTool.oscalPython
    try #require(
      FileManager.default.isExecutableFile(atPath: python),
      "the OSCAL validators' environment is missing (\(python)): .ci/run creates it")
    let validated = try runBinary(python, [repositoryRoot + "/scripts/validate-oscal"] + paths)
    #expect(validated.status == 0, "\(validated.stdout)\(validated.stderr)")
    #expect(validated.stdout.contains("\(paths.count) passed, 0 failed"), "\(validated.stdout)")
  }

  /// The session with an action plan (Tests/Fixtures/sessions/planned.json: an overdue open
  /// action, one in progress, an accepted risk, one done) in the three formats.
  @Test func thePlanInTheHTMLTheCSVAndTheOSCALReports() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let html = try summary("planned", ["--format", "html", "--lang", "en"])
    #expect(html.status == 0, "\(html.stderr)")
    let page = html.stdout
    #expect(page.contains("id=\"plan\""))
    #expect(page.contains("⚠ Action plan — Overdue on 2026-11-30 (1)"))
    #expect(page.contains("Service juridique &lt;DPO&gt; &amp; co"))
    #expect(page.contains("Marie Martin (CISO)"))
    #expect(page.contains("accepted until 2027-06-30"))
    #expect(!page.contains("<DPO>"))

    let csvPath = directory + "/planned.csv"
    let csv = try summary("planned", ["--format", "csv", "--output", csvPath])
    #expect(csv.status == 0, "\(csv.stderr)")
    let script = """
      import csv, json, sys
      with open(sys.argv[1], newline='', encoding='utf-8') as f:
          print(json.dumps(list(csv.reader(f, strict=True))))
      """
    let parsed = try runBinary("/usr/bin/env", ["python3", "-c", script, csvPath])
    #expect(parsed.status == 0, "\(parsed.stderr)")
    let rows = try #require(
      try JSONSerialization.jsonObject(with: Data(parsed.stdout.utf8)) as? [[String]])
    let header = try #require(rows.first)
    #expect(
      header.suffix(6) == [
        "Action owner", "Due date", "Status", "Action reference", "Accepted by",
        "Risk accepted until",
      ])
    func row(_ id: String) -> [String] {
      Array((rows.first { $0.count > 1 && $0[1] == id } ?? []).suffix(6))
    }
    #expect(
      row("ctr_sovereignty") == [
        "Service juridique <DPO> & co", "2026-11-15", "open", "'=TICKET(12)", "", "",
      ])
    #expect(
      row("priv_encryption_rest") == [
        "IT Ops", "2027-01-31", "in progress", "https://tickets.example/SEC-42", "", "",
      ])
    // No owner named: the point's owner (the fixture's provider) carries the action.
    #expect(
      row("ctr_restitution") == [
        "Provider", "", "risk accepted", "Comité des risques 2026-11", "Marie Martin (CISO)",
        "2027-06-30",
      ])
    #expect(row("ctr_backups") == ["Nuage SA", "2026-10-01", "done", "Avenant 3", "", ""])

    let oscal = try summary("planned", ["--format", "oscal"])
    #expect(oscal.status == 0, "\(oscal.stderr)")
    let root = try #require(
      try JSONSerialization.jsonObject(with: Data(oscal.stdout.utf8)) as? [String: Any])
    let result = try #require(
      ((root["assessment-results"] as? [String: Any])?["results"] as? [[String: Any]])?.first)
    var status: [String: String] = [:]
    var risks: [String: [String: Any]] = [:]
    for risk in result["risks"] as? [[String: Any]] ?? [] {
      let id =
        (risk["props"] as? [[String: Any]])?.first { $0["name"] as? String == "question-id" }?[
          "value"] as? String ?? ""
      status[id] = risk["status"] as? String
      risks[id] = risk
    }
    #expect(
      status == [
        "ctr_sovereignty": "open", "priv_encryption_rest": "remediating",
        "ctr_restitution": "deviation-approved",
      ])
    #expect(risks["ctr_sovereignty"]?["deadline"] as? String == "2026-11-15T23:59:59Z")
    let links =
      (risks["priv_encryption_rest"]?["remediations"] as? [[String: Any]])?.first?["links"]
      as? [[String: Any]]
    #expect(links?.first?["href"] as? String == "https://tickets.example/SEC-42")
  }

  @Test func outputIsNeverTheSessionItsJournalOrItsLock() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let sessionPath = directory + "/mixed.json"
    try FileManager.default.copyItem(atPath: session("mixed"), toPath: sessionPath)
    let original = try Data(contentsOf: URL(fileURLWithPath: sessionPath))
    try FileManager.default.createSymbolicLink(
      atPath: directory + "/link", withDestinationPath: directory)
    try FileManager.default.linkItem(atPath: sessionPath, toPath: directory + "/hardlink.json")
    for target in [
      sessionPath, directory + "/mixed.journal", directory + "/.mixed.json.lock",
      directory + "/link/mixed.json",
      directory + "/./mixed.json", directory + "/hardlink.json",
    ] {
      let result = try runCLI([
        "summary", sessionPath, "--questionnaire", questionnaire, "--format", "html", "--output",
        target,
      ])
      #expect(result.status == 1, "\(target)")
      #expect(
        result.stderr.contains("refusing to write the report to \(target)"), "\(result.stderr)")
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: sessionPath)) == original)
    #expect(!FileManager.default.fileExists(atPath: directory + "/mixed.journal"))
    // Beside it is fine, and atomic: no temporary file is left.
    let beside = try runCLI([
      "summary", sessionPath, "--questionnaire", questionnaire, "--format", "csv", "--output",
      directory + "/mixed.csv",
    ])
    #expect(beside.status == 0, "\(beside.stderr)")
    let left = try FileManager.default.contentsOfDirectory(atPath: directory).filter {
      $0.hasSuffix(".tmp")
    }
    #expect(left.isEmpty)
  }
}

/// Runs a program, killing it after `seconds`; what it printed.
func runWithTimeout(_ path: String, _ arguments: [String], seconds: Double) throws -> String {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: path)
  process.arguments = arguments
  let directory = temporaryDirectory()
  defer { try? FileManager.default.removeItem(atPath: directory) }
  _ = FileManager.default.createFile(atPath: directory + "/out", contents: nil)
  let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: directory + "/out"))
  process.standardOutput = handle
  process.standardError = handle
  process.standardInput = FileHandle.nullDevice
  try process.run()
  let deadline = Date().addingTimeInterval(seconds)
  while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
  if process.isRunning {
    process.terminate()
    process.waitUntilExit()
    return "timed out after \(seconds) s"
  }
  return (try? String(contentsOfFile: directory + "/out", encoding: .utf8)) ?? ""
}
