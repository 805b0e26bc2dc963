import Foundation
import Testing
import ZIPFoundation

@testable import Workbook

/// The writer's workbook read back by the reader, and the parts Office needs checked in the zip.
@Suite struct WriterTests {
  static let header = CellStyle(bold: true, wrap: true, fill: "D9D9D9")
  static let open = CellStyle(wrap: true, locked: false)

  static func sample() -> Workbook {
    let rows: [Row] = [
      Row(
        ["id", "question", "answer", "due", "score", "blocking"].map {
          Cell.text($0, style: header)
        }, isHidden: true),
      Row(
        ["Id", "Question", "Réponse", "Échéance", "Score", "Bloquant"].map {
          Cell.text($0, style: header)
        }),
      Row([
        .text("q1"),
        .text(
          "Le contrat « prévoit-il » <la> réversibilité & la restitution ?\nDeux lignes.",
          style: CellStyle(wrap: true)),
        Cell(nil, style: open), Cell(.date(serial: 46_112)), Cell(.number(12.5)), Cell(.bool(true)),
      ]),
      Row([
        .text("q2"), .text("bell\u{07} form-feed\u{0C} nul\u{00} and _x0041_ typed"),
        Cell(.text("Conforme"), style: open),
        Cell(nil), Cell(.number(-3)), Cell(.bool(false)),
      ]),
    ]
    return Workbook(sheets: [
      Sheet(
        name: "Questions", rows: rows, columnWidths: [12, 60, 20, 12, 8, 10], frozenRows: 2,
        autoFilterRow: 2,
        validations: [
          ListValidation(
            column: 3, firstRow: 3, lastRow: 4, values: ["Conforme", "Non conforme", "Sans objet"])
        ],
        isProtected: true),
      Sheet(name: "L'identification", rows: [Row([.text("Organisation"), .text("ONSS")])]),
      Sheet(name: "Caché", rows: [Row([.text("x")])], isHidden: true),
    ])
  }

  @Test func whatIsWrittenReadsBack() throws {
    let data = try WorkbookWriter.data(
      Self.sample(), modified: Date(timeIntervalSince1970: 1_795_000_000))
    let book = try WorkbookReader.read(data)
    #expect(book.sheets.map(\.name) == ["Questions", "L'identification", "Caché"])
    #expect(book.sheets.map(\.isHidden) == [false, false, true])
    let sheet = try #require(book.sheet(named: "Questions"))
    #expect(sheet.hiddenRows == [1])
    #expect(sheet["A1"]?.value == .text("id"))
    #expect(sheet["C2"]?.value == .text("Réponse"))
    #expect(
      sheet["B3"]?.value
        == .text("Le contrat « prévoit-il » <la> réversibilité & la restitution ?\nDeux lignes."))
    #expect(sheet["C3"] == nil, "an empty unlocked cell holds no value")
    #expect(sheet["D3"]?.value == .date(serial: 46_112))
    #expect(sheet["E3"]?.value == .number(12.5))
    #expect(sheet["F3"]?.value == .bool(true))
    #expect(sheet["B4"]?.value == .text("bell\u{07} form-feed\u{0C} nul\u{00} and _x0041_ typed"))
    #expect(sheet["C4"]?.value == .text("Conforme"))
    #expect(sheet["E4"]?.value == .number(-3))
    #expect(sheet["F4"]?.value == .bool(false))
    #expect(sheet["B3"]?.formula == nil)
    #expect(sheet.rows.map(\.number) == [1, 2, 3, 4])
  }

  @Test func thePartsOfficeNeeds() throws {
    let data = try WorkbookWriter.data(
      Self.sample(), modified: Date(timeIntervalSince1970: 1_795_000_000))
    let archive = try Archive(data: data, accessMode: .read)
    #expect(
      archive.map(\.path) == [
        "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
        "xl/styles.xml",
        "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
        "xl/worksheets/sheet3.xml",
      ])
    func part(_ path: String) throws -> String {
      var out = Data()
      _ = try archive.extract(try #require(archive[path])) { out.append($0) }
      return String(decoding: out, as: UTF8.self)
    }
    let sheet = try part("xl/worksheets/sheet1.xml")
    #expect(
      sheet.contains(
        "<pane ySplit=\"2\" topLeftCell=\"A3\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
    #expect(sheet.contains("<autoFilter ref=\"A2:F4\"/>"))
    #expect(sheet.contains("<formula1>&quot;Conforme,Non conforme,Sans objet&quot;</formula1>"))
    #expect(sheet.contains("sqref=\"C3:C4\""))
    #expect(sheet.contains("<sheetProtection sheet=\"1\""))
    #expect(!sheet.contains("password"))
    #expect(sheet.contains("<row r=\"1\" hidden=\"1\">"))
    // Wrapped text: 71 characters in a column of 60, then a second paragraph.
    #expect(sheet.contains("<row r=\"3\" ht=\"45\" customHeight=\"1\">"))
    #expect(sheet.contains("<row r=\"4\">"))
    #expect(
      sheet.contains(
        "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>")
    )
    #expect(sheet.contains("<col min=\"2\" max=\"2\" width=\"60\" customWidth=\"1\"/>"))
    let strings = try part("xl/sharedStrings.xml")
    #expect(strings.contains("bell_x0007_ form-feed_x000C_ nul_x0000_ and _x005F_x0041_ typed"))
    #expect(strings.contains("« prévoit-il » &lt;la&gt; réversibilité &amp; la restitution"))
    let workbook = try part("xl/workbook.xml")
    #expect(workbook.contains("name=\"L'identification\""))
    #expect(
      workbook.contains(
        "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">'Questions'!$1:$2</definedName>"
      ))
    #expect(workbook.contains("state=\"hidden\""))
    let styles = try part("xl/styles.xml")
    #expect(styles.contains("<protection locked=\"0\"/>"))
    #expect(styles.contains("<alignment vertical=\"top\" wrapText=\"1\"/>"))
    #expect(styles.contains("<fgColor rgb=\"FFD9D9D9\"/>"))
  }

  @Test func theSameWorkbookGivesTheSameBytes() throws {
    let date = Date(timeIntervalSince1970: 1_795_000_000)
    #expect(
      try WorkbookWriter.data(Self.sample(), modified: date)
        == WorkbookWriter.data(Self.sample(), modified: date))
  }

  @Test func whatOfficeWouldRefuseIsNotWritten() {
    let date = Date()
    func refused(_ sheets: [Sheet]) -> WorkbookWriteError? {
      do {
        _ = try WorkbookWriter.data(Workbook(sheets: sheets), modified: date)
      } catch let error as WorkbookWriteError {
        return error
      } catch {}
      return nil
    }
    let row = [Row([.text("x")])]
    #expect(refused([]) == .noSheet)
    #expect(refused([Sheet(name: "a/b", rows: row)]) == .invalidSheetName("a/b"))
    #expect(refused([Sheet(name: String(repeating: "x", count: 32), rows: row)]) != nil)
    #expect(
      refused([Sheet(name: "Plan", rows: row), Sheet(name: "plan", rows: row)])
        == .duplicateSheetName("plan"))
    #expect(refused([Sheet(name: "Plan", rows: row, isHidden: true)]) == .noVisibleSheet)
    let list = ListValidation(column: 1, firstRow: 1, lastRow: 2, values: ["a, b", "c"])
    #expect(
      refused([Sheet(name: "Plan", rows: row, validations: [list])])
        == .invalidList(sheet: "Plan", values: ["a, b", "c"]))
  }

  @Test func addressesAndDays() {
    #expect(CellAddress("C12") == CellAddress(column: 3, row: 12))
    #expect(CellAddress("XFD1048576") == CellAddress(column: 16_384, row: 1_048_576))
    #expect(CellAddress("XFE1") == nil)
    #expect(CellAddress("A0") == nil)
    #expect(CellAddress("a1") == nil)
    #expect(CellAddress("1A") == nil)
    #expect(CellAddress.letters(28) == "AB")
    #expect(CellValue.day(serial: 46_112) == "2026-03-31")
    #expect(CellValue.serial(day: "2026-03-31") == 46_112)
    #expect(CellValue.serial(day: "1900-03-01") == 61)
    #expect(CellValue.serial(day: "2026-02-31") == nil)
  }

  /// Writing and reading a sheet of 10,000 rows of 10 columns (printed; docs/workbook.md).
  @Test func tenThousandRows() throws {
    let rows = (1...10_000).map { index in
      Row(
        (1...10).map { column in
          column == 1
            ? Cell(.number(Double(index)))
            : .text("Texte \(index % 500) de la colonne \(column), assez long pour être réaliste")
        })
    }
    let clock = ContinuousClock()
    var data = Data()
    let written = try clock.measure {
      data = try WorkbookWriter.data(
        Workbook(sheets: [Sheet(name: "Rows", rows: rows)]), modified: Date())
    }
    var book: WorkbookContents?
    let read = try clock.measure { book = try WorkbookReader.read(data) }
    #expect(book?.sheets.first?.cells.count == 100_000)
    print(
      "WorkbookTests: 10,000 rows x 10 columns: written in \(written), read in \(read), \(data.count) bytes"
    )
  }
}

/// What the provider workbook needs beyond the summary's: a hidden column (the cover's keys) and
/// empty cells formatted as dates (a day typed there is kept as a date).
@Suite struct WriterHiddenColumnAndDateCellTests {
  @Test func aHiddenColumnAndAnEmptyDateCell() throws {
    let dateCell = CellStyle(wrap: true, locked: false, dateFormat: true)
    let book = Workbook(sheets: [
      Sheet(
        name: "Cover",
        rows: [
          Row([.text("session"), .text("Session"), .text("20261123-101500-4f2a")]),
          Row([.text("deadline"), .text("Deadline"), Cell(nil, style: dateCell)]),
        ],
        columnWidths: [10, 30, 60], hiddenColumns: [1])
    ])
    let data = try WorkbookWriter.data(book, modified: Date(timeIntervalSince1970: 1_795_000_000))
    let archive = try Archive(data: data, accessMode: .read)
    func part(_ path: String) throws -> String {
      var out = Data()
      _ = try archive.extract(try #require(archive[path])) { out.append($0) }
      return String(decoding: out, as: UTF8.self)
    }
    let sheet = try part("xl/worksheets/sheet1.xml")
    #expect(
      sheet.contains("<col min=\"1\" max=\"1\" width=\"10\" customWidth=\"1\" hidden=\"1\"/>"))
    #expect(sheet.contains("<col min=\"2\" max=\"2\" width=\"30\" customWidth=\"1\"/>"))
    #expect(sheet.contains("<c r=\"C2\" s=\""))
    let styles = try part("xl/styles.xml")
    #expect(
      styles.contains(
        "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\""
      ))
    // A date typed there reads back as a date.
    var filled = book
    filled.sheets[0].rows[1].cells[2].value = .date(serial: 46_477)
    let read = try WorkbookReader.read(
      try WorkbookWriter.data(filled, modified: Date(timeIntervalSince1970: 1_795_000_000)))
    #expect(read.sheets[0]["C2"]?.value == .date(serial: 46_477))
  }
}
