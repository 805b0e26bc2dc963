import Foundation
import Testing
import Workbook

/// `cloud-assess summary --format xlsx`: the workbook read back by our reader (the same rows as
/// the CSV, the sheets, the plan's dates as dates) and by openpyxl (filters, colours), and
/// refused without --output.
@Suite struct WorkbookReportTests {
  let questionnaire = repositoryRoot + "/Tests/Fixtures/risk.yaml"
  func session(_ name: String) -> String {
    repositoryRoot + "/Tests/Fixtures/sessions/\(name).json"
  }

  func summary(_ name: String, _ arguments: [String], environment: [String: String] = [:]) throws
    -> CLIResult
  {
    try runCLI(
      ["summary", session(name), "--questionnaire", questionnaire, "--as-of", "2026-11-30"]
        + arguments,
      environment: ["SOURCE_DATE_EPOCH": "1795000000"].merging(environment) { $1 })
  }

  @Test func xlsxWithoutOutputIsRefusedInTheInterfaceLanguage() throws {
    let english = try summary(
      "planned", ["--format", "xlsx"], environment: ["LANG": "en_GB.UTF-8", "LC_ALL": ""])
    #expect(english.status == 1)
    #expect(english.stdout.isEmpty)
    #expect(
      english.stderr.contains(
        "--format xlsx writes a workbook (a binary file): give the file with --output"),
      "\(english.stderr)")
    let french = try summary("planned", ["--format", "xlsx", "--lang", "fr"])
    #expect(french.status == 1)
    #expect(french.stderr.contains("donnez le fichier avec --output"), "\(french.stderr)")
    let dutch = try summary("planned", ["--format", "xlsx", "--lang", "nl"])
    #expect(dutch.stderr.contains("geef het bestand met --output"), "\(dutch.stderr)")
  }

  @Test func theSummaryAsAWorkbookHasTheCSVsRowsAndTheReportsParts() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/planned.xlsx"
    let made = try summary("planned", ["--format", "xlsx", "--lang", "en", "--output", path])
    #expect(made.status == 0, "\(made.stderr)")
    #expect(made.stdout.isEmpty)
    let book = try WorkbookReader.read(try Data(contentsOf: URL(fileURLWithPath: path)))
    #expect(
      book.sheets.map(\.name) == [
        "Identification", "Answers", "Gaps ranked", "Action plan", "Risk register",
      ])

    // The answers: the CSV's rows, cell for cell (the CSV neutralises formulas with an
    // apostrophe; the workbook holds text that is never a formula).
    let csvPath = directory + "/planned.csv"
    #expect(
      try summary("planned", ["--format", "csv", "--lang", "en", "--output", csvPath]).status == 0)
    let script = """
      import csv, json, sys
      with open(sys.argv[1], newline='', encoding='utf-8') as f:
          print(json.dumps(list(csv.reader(f, strict=True))))
      """
    let parsed = try runBinary("/usr/bin/env", ["python3", "-c", script, csvPath])
    let csv = try #require(
      try JSONSerialization.jsonObject(with: Data(parsed.stdout.utf8)) as? [[String]])
    let answers = try #require(book.sheet(named: "Answers"))
    #expect(answers.rows.count == csv.count)
    for (index, row) in csv.enumerated() {
      for (column, field) in row.enumerated() {
        let cell = answers[CellAddress(column: column + 1, row: index + 1)]
        let expected = field.hasPrefix("'=") ? String(field.dropFirst()) : field
        #expect(
          (cell?.value.description ?? "") == expected, "row \(index + 1), column \(column + 1)")
      }
    }
    let dueColumn = try #require(csv.first?.firstIndex(of: "Due date")) + 1
    let dated = answers.cells.filter { $0.address.column == dueColumn && $0.address.row > 1 }
    #expect(
      !dated.isEmpty && dated.allSatisfy { if case .date = $0.value { true } else { false } },
      "due dates are dates")

    let plan = try #require(book.sheet(named: "Action plan"))
    let sovereignty = try #require(
      plan.rows.first { $0.cells.contains { $0.value == .text("ctr_sovereignty") } })
    #expect(sovereignty.cells.map(\.value.description).contains("OVERDUE"))
    let due = try #require(CellValue.serial(day: "2026-11-15"))
    #expect(sovereignty.cells.contains { $0.value == .date(serial: due) })
    #expect(sovereignty.cells.contains { $0.value == .text("Service juridique <DPO> & co") })

    let identification = try #require(book.sheet(named: "Identification"))
    let labels = identification.cells.filter { $0.address.column == 1 }.map(\.value.description)
    #expect(labels.contains("Verdict"))
    let gaps = try #require(book.sheet(named: "Gaps ranked"))
    #expect(gaps["A1"]?.value == .text("No."))
    #expect(gaps["A2"]?.value == .number(1))

    // The same session gives the same bytes.
    let again = directory + "/again.xlsx"
    #expect(
      try summary("planned", ["--format", "xlsx", "--lang", "en", "--output", again]).status == 0)
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: again))
        == Data(contentsOf: URL(fileURLWithPath: path)))
  }

  // openpyxl, in the virtual environment .ci/run creates.
  @Test(.enabled(if: inCI || venvHasModule("openpyxl")))
  func openpyxlSeesTheFiltersAndTheLevelsColouredAndWritten() throws {
    let python = venvPython
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/mixed.xlsx"
    #expect(
      try summary("mixed", ["--format", "xlsx", "--lang", "fr", "--output", path]).status == 0)
    let script = """
      import json, sys, openpyxl
      book = openpyxl.load_workbook(sys.argv[1])
      out = {"filters": {ws.title: ws.auto_filter.ref for ws in book}, "freeze": {ws.title: ws.freeze_panes for ws in book}}
      ws = book["Écarts classés"]
      out["levels"] = [[ws.cell(row, 2).value, ws.cell(row, 2).fill.fgColor.rgb] for row in range(2, ws.max_row + 1)]
      out["landscape"] = [ws.page_setup.orientation for ws in book]
      print(json.dumps(out))
      """
    let result = try runBinary(python, ["-c", script, path])
    #expect(result.status == 0, "\(result.stderr)")
    let seen = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let filters = try #require(seen["filters"] as? [String: Any])
    #expect(filters["Identification"] is NSNull)
    for sheet in ["Réponses", "Écarts classés", "Plan d'action"] {
      #expect(
        (filters[sheet] as? String)?.hasPrefix("A1:") == true,
        "\(sheet): \(String(describing: filters[sheet]))")
      #expect((seen["freeze"] as? [String: Any])?[sheet] as? String == "A2")
    }
    let levels = try #require(seen["levels"] as? [[Any]])
    #expect(!levels.isEmpty)
    let colours = ["FFCFE9D3", "FFFFF0A8", "FFFFC48A", "FFF29B9B"]
    for level in levels {
      #expect((level[0] as? String).map { !$0.isEmpty } == true, "every level is written: \(level)")
      #expect(colours.contains(level[1] as? String ?? ""), "and coloured: \(level)")
    }
    #expect((seen["landscape"] as? [String])?.allSatisfy { $0 == "landscape" } == true)
  }
}
