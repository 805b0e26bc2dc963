import Foundation
import Testing
import Workbook

/// `cloud-assess provider export` and `provider import` end to end: the workbook opened by
/// openpyxl and LibreOffice as a provider's spreadsheet would, filled, re-saved, and read back
/// into the session as claims; refusals leave the session's bytes as they were.
@Suite(.serialized) struct ProviderWorkbookCLITests {
  /// A session of the built-in questionnaire, with no answer yet, in a directory of its own.
  static func session(in directory: String, id: String = "provider1") throws -> String {
    let path = directory + "/\(id).json"
    let json = """
      {"schemaVersion": 1, "id": "\(id)", "phase": "questions", "cursor": {"question": null},
       "questionnaire": {"id": "be-socsec-cloud", "version": "2.0.0", "digest": "\(String(repeating: "0", count: 64))"},
       "metadata": {"organisation": "ONSS", "assessor": "Anne Dupont", "provider": "Nuage SA",
         "service": "Archivage", "created": "2026-11-20T09:00:00.000Z",
         "updated": "2026-11-21T16:30:00.000Z"},
       "answers": {}}
      """
    try json.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  static func export(_ session: String, _ output: String, _ extra: [String] = []) throws
    -> CLIResult
  {
    try runCLI(
      ["provider", "export", session, "--output", output] + extra,
      environment: ["SOURCE_DATE_EPOCH": "1795000000"])
  }

  var soffice: String? { which("soffice") ?? which("libreoffice") }

  /// LibreOffice with a profile and a home of its own (it needs a writable HOME).
  func convert(_ file: String, to filter: String, outdir: String, work: String) throws -> CLIResult
  {
    try runBinary(
      soffice ?? "soffice",
      [
        "-env:UserInstallation=file://\(work)/profile", "--headless", "--convert-to", filter,
        "--outdir", outdir, file,
      ],
      environment: ["HOME": work])
  }

  @Test func theExportHasACoverAndTheProvidersQuestions() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let session = try Self.session(in: directory)
    let output = directory + "/for-provider.xlsx"
    let made = try Self.export(session, output, ["--lang", "en", "--deadline", "2027-01-15"])
    #expect(made.status == 0, "\(made.stderr)")
    let book = try WorkbookReader.read(try Data(contentsOf: URL(fileURLWithPath: output)))
    #expect(book.sheets.map(\.name) == ["Cover", "Questions"])
    let questions = book.sheets[1]
    let ids = questions.cells.filter { $0.address.column == 1 && $0.address.row > 2 }.map {
      $0.value.description
    }
    #expect(made.stdout.contains("\(ids.count) question(s) for the provider written to"))
    #expect(ids.contains("ctr_sub_sole_responsibility"))
    #expect(!ids.contains("gen_risk_analysis_formal"), "the organisation's own questions stay out")
    #expect(!ids.contains("derog_encryption"))
    #expect(questions.hiddenRows == [1])
    let cover = book.sheets[0]
    #expect(cover.cells.contains { $0.value == .text("provider1") })
    #expect(cover.cells.contains { $0.value == .text("2027-01-15") })
  }

  /// libxml2 is loaded when a workbook is read, not at every start (lazy_xml.c): the dynamic
  /// loader's own account of the libraries it loads (glibc's LD_DEBUG=libs).
  @Test(.enabled(if: inCI || FileManager.default.fileExists(atPath: "/lib64/ld-linux-x86-64.so.2")))
  func theXMLLibraryIsLoadedOnlyToReadAWorkbook() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let session = try Self.session(in: directory)
    let output = directory + "/for-provider.xlsx"
    #expect(try Self.export(session, output).status == 0)
    let loader = ["LD_DEBUG": "libs"]
    for arguments in [["--version"], ["summary", session, "--format", "json"]] {
      let started = try runCLI(arguments, environment: loader)
      #expect(started.status == 0, "\(started.stderr)")
      #expect(started.stderr.contains("libFoundation"), "no account from the loader")
      #expect(!started.stderr.contains("libxml2"), "\(arguments) loaded libxml2")
      #expect(!started.stderr.contains("FoundationXML"), "\(arguments) loaded FoundationXML")
    }
    let imported = try runCLI(
      ["provider", "import", session, output, "--dry-run"], environment: loader)
    #expect(imported.stderr.contains("libxml2.so.2"), "the import read no XML with libxml2")
  }

  @Test func aBadDeadlineOrAnOutputOntoTheSessionIsRefusedAndNothingWritten() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let session = try Self.session(in: directory)
    let before = try Data(contentsOf: URL(fileURLWithPath: session))
    let output = directory + "/out.xlsx"
    let late = try Self.export(session, output, ["--lang", "fr", "--deadline", "15/01/2027"])
    #expect(late.status == 1)
    #expect(late.stderr.contains("--deadline « 15/01/2027 » n'est pas une date"), "\(late.stderr)")
    #expect(!FileManager.default.fileExists(atPath: output))
    let onto = try Self.export(session, session, ["--lang", "nl"])
    #expect(onto.status == 1)
    #expect(onto.stderr.contains("zou een bestand van de sessie overschrijven"), "\(onto.stderr)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: session)) == before)
  }

  // openpyxl, in the virtual environment .ci/run creates.
  @Test(.enabled(if: inCI || venvHasModule("openpyxl")))
  func openpyxlSeesTheDropDownTheLocksTheHiddenKeysAndTheFrozenHeader() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let output = directory + "/for-provider.xlsx"
    #expect(try Self.export(try Self.session(in: directory), output, ["--lang", "fr"]).status == 0)
    let script = """
      import json, sys, openpyxl
      book = openpyxl.load_workbook(sys.argv[1])
      ws = book["Questions"]
      out = {
        "sheets": book.sheetnames,
        "keys": [c.value for c in ws[1]],
        "headings": [c.value for c in ws[2]],
        "hidden": ws.row_dimensions[1].hidden,
        "freeze": ws.freeze_panes,
        "protected": ws.protection.sheet,
        "password": ws.protection.password,
        "locked": {ref: ws[ref].protection.locked for ref in ["A3", "D3", "E3", "F3", "G3", "H3", "I3", "J3"]},
        "validations": [[dv.type, dv.formula1, str(dv.sqref)] for dv in ws.data_validations.dataValidation],
        "orientation": ws.page_setup.orientation, "paper": ws.page_setup.paperSize,
        "rows": ws.max_row,
        "coverHidden": book["Couverture"].column_dimensions["A"].hidden,
      }
      print(json.dumps(out))
      """
    let result = try runBinary(venvPython, ["-c", script, output])
    #expect(result.status == 0, "\(result.stderr)")
    let seen = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(seen["sheets"] as? [String] == ["Couverture", "Questions"])
    #expect(
      seen["keys"] as? [String] == [
        "id", "section", "citation", "question", "help", "answer", "explanation", "evidence",
        "evidence_valid_until", "remarks",
      ])
    #expect((seen["headings"] as? [String])?[5] == "Votre réponse")
    #expect(seen["hidden"] as? Bool == true)
    #expect(seen["freeze"] as? String == "A3")
    #expect(seen["protected"] as? Bool == true)
    #expect(seen["password"] is NSNull)
    #expect(
      seen["locked"] as? [String: Bool] == [
        "A3": true, "D3": true, "E3": true, "F3": false, "G3": false, "H3": false, "I3": false,
        "J3": false,
      ])
    let validations = try #require(seen["validations"] as? [[String]])
    let compliance =
      "\"Conforme,Partiellement conforme,Non conforme,Non applicable (justification requise),Inconnu (à vérifier)\""
    #expect(validations.contains { $0[0] == "list" && $0[1] == compliance }, "\(validations)")
    #expect(validations.allSatisfy { $0[2].hasPrefix("F") })
    #expect(seen["orientation"] as? String == "landscape")
    #expect(seen["paper"] as? Int == 9)
    #expect(seen["coverHidden"] as? Bool == true)
  }

  // LibreOffice: Debian libreoffice-calc-nogui.
  @Test(.enabled(if: inCI || which("soffice") != nil || which("libreoffice") != nil))
  func libreOfficeShowsEveryQuestion() throws {
    _ = try #require(soffice, "LibreOffice (soffice) is missing: .ci/run installs it")
    let work = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: work) }
    let output = work + "/book.xlsx"
    #expect(try Self.export(try Self.session(in: work), output, ["--lang", "nl"]).status == 0)
    let book = try WorkbookReader.read(try Data(contentsOf: URL(fileURLWithPath: output)))
    let ids = book.sheets[1].cells.filter { $0.address.column == 1 && $0.address.row > 2 }.map {
      $0.value.description
    }
    #expect(ids.count > 100)
    let csv = try convert(
      output, to: "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
      outdir: work + "/csv", work: work)
    #expect(csv.status == 0, "\(csv.stdout)\(csv.stderr)")
    let script =
      "import csv,json,sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))))"
    let parsed = try runBinary(
      "/usr/bin/env", ["python3", "-c", script, work + "/csv/book-Vragen.csv"])
    let rows = try #require(
      try JSONSerialization.jsonObject(with: Data(parsed.stdout.utf8)) as? [[String]])
    #expect(rows.count == ids.count + 2)
    #expect(rows[1].prefix(6) == ["Id", "Sectie", "Referentie", "Vraag", "Hulp", "Uw antwoord"])
    #expect(rows.dropFirst(2).map { $0.first ?? "" } == ids)
    #expect(rows.dropFirst(2).allSatisfy { $0.count >= 5 && !$0[3].isEmpty && !$0[4].isEmpty })
  }

  static func importing(_ session: String, _ file: String, _ extra: [String] = []) throws
    -> CLIResult
  {
    try runCLI(["provider", "import", session, file] + extra)
  }

  /// Fills rows 3 to 6 as a provider would, with openpyxl: answers in French, English, Dutch and
  /// by label of a question's own choices, an explanation, evidence and its validity, and a
  /// column of the provider's own; `swap` also swaps the answer and evidence columns (keys,
  /// headings and values), as a provider reordering them.
  static let fill = """
    import datetime, sys, openpyxl
    book = openpyxl.load_workbook(sys.argv[1])
    ws = book["Questions"]
    ws["F3"] = "Oui"
    ws["F4"] = "European Union"
    ws["F5"] = "Partiellement conforme"
    ws["G5"] = "Nous restons seuls responsables envers vous ; voir la clause 12."
    ws["H5"] = "SOC 2 type II, 2026"
    ws["I5"] = datetime.date(2027, 3, 31)
    ws["J5"] = "Voir l'annexe 4"
    ws["F6"] = "gedeeltelijk conform"
    ws["K2"] = "Notre référence"
    ws["K5"] = "PRJ-42"
    if len(sys.argv) > 3:
        for row in range(1, ws.max_row + 1):
            ws.cell(row, 6).value, ws.cell(row, 8).value = ws.cell(row, 8).value, ws.cell(row, 6).value
    book.save(sys.argv[2])
    """

  // openpyxl fills, LibreOffice re-saves: both come back as claims.
  @Test(.enabled(if: inCI || (venvHasModule("openpyxl") && which("soffice") != nil)))
  func aWorkbookFilledInAndResavedComesBackAsClaims() throws {
    _ = try #require(soffice, "LibreOffice (soffice) is missing: .ci/run installs it")
    let work = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: work) }
    let session = try Self.session(in: work)
    let exported = work + "/for-provider.xlsx"
    #expect(try Self.export(session, exported, ["--lang", "fr"]).status == 0)
    let filled = work + "/filled.xlsx"
    let filling = try runBinary(venvPython, ["-c", Self.fill, exported, filled])
    #expect(filling.status == 0, "\(filling.stderr)")
    let reordered = work + "/reordered.xlsx"
    #expect(try runBinary(venvPython, ["-c", Self.fill, exported, reordered, "swap"]).status == 0)
    let resaved = try convert(filled, to: "xlsx", outdir: work + "/resaved", work: work)
    #expect(resaved.status == 0, "\(resaved.stdout)\(resaved.stderr)")
    let before = try Data(contentsOf: URL(fileURLWithPath: session))

    // A dry run says what it would do and writes nothing.
    let dry = try Self.importing(session, filled, ["--dry-run", "--lang", "en"])
    #expect(dry.status == 0, "\(dry.stderr)")
    #expect(dry.stdout.contains("4 provider answer(s) read: 4 new, 0 changed"), "\(dry.stdout)")
    #expect(dry.stdout.contains("Dry run (--dry-run): nothing was written."))
    // What it would bring, claim by claim, with its cell.
    #expect(dry.stdout.contains("(Questions!F5): Provider: partially compliant"), "\(dry.stdout)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: session)) == before)

    let first = try Self.importing(session, filled, ["--lang", "en", "--as", "Marc Leroy"])
    #expect(first.status == 0, "\(first.stderr)")
    // The import is recorded in each answer's history, for the person named.
    let history = try runCLI(["history", session, "--format", "json"])
    #expect(history.status == 0, "\(history.stderr)")
    #expect(history.stdout.contains("\"claim_imported\""), "\(history.stdout)")
    #expect(history.stdout.contains("\"Marc Leroy\""), "\(history.stdout)")
    #expect(first.stdout.contains("4 provider answer(s) read: 4 new"), "\(first.stdout)")
    #expect(first.stdout.contains("they do not become your answers by themselves"))
    // The same answers, re-saved by LibreOffice or with columns reordered: nothing new.
    for again in [work + "/resaved/filled.xlsx", reordered] {
      let result = try Self.importing(session, again, ["--lang", "en"])
      #expect(result.status == 0, "\(again): \(result.stderr)")
      #expect(
        result.stdout.contains(
          "4 provider answer(s) read: 0 new, 0 changed since the previous import, 4 unchanged"),
        "\(again): \(result.stdout)")
      #expect(result.stdout.contains("Nothing new: the session is unchanged."))
    }
  }

  @Test func refusedWorkbooksLeaveTheSessionByteForByte() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let session = try Self.session(in: directory)
    let other = try Self.session(in: directory, id: "provider2")
    let exported = directory + "/for-provider2.xlsx"
    #expect(try Self.export(other, exported).status == 0)
    let before = try Data(contentsOf: URL(fileURLWithPath: session))
    let wrong = try Self.importing(session, exported, ["--lang", "fr"])
    #expect(wrong.status == 1)
    #expect(
      wrong.stderr.contains(
        "ce classeur a été produit pour la session « provider2 », pas pour « provider1 »"),
      "\(wrong.stderr)")
    #expect(wrong.stderr.contains("rien n'a été importé, la session est inchangée"))
    // Not a workbook at all.
    let text = directory + "/answers.xlsx"
    try "id;answer\n".write(toFile: text, atomically: true, encoding: .utf8)
    let notZip = try Self.importing(session, text, ["--lang", "nl"])
    #expect(notZip.status == 1)
    #expect(notZip.stderr.contains("geen .xlsx-werkmap"), "\(notZip.stderr)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: session)) == before)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == [
        "answers.xlsx", "for-provider2.xlsx", "provider1.json", "provider2.json",
      ])
  }
}
