import AssessmentCore
import Foundation
import Testing
import ZIPFoundation

@testable import Workbook

/// Workbooks from elsewhere that must be refused, each with a message naming the part (and the
/// cell) in the three languages.
@Suite struct HostileTests {
  @Test func aHandMadeWorkbookIsRead() throws {
    let book = try WorkbookReader.read(try zip(handMadeParts()))
    #expect(book.sheets.first?.name == "Réponses")
    #expect(book.sheets.first?["A1"]?.value == .text("id"))
  }

  @Test func aZipBombIsRefusedByItsRatio() throws {
    // 20 MB of one repeated row compress about 1,000 times.
    let row = "<row><c t=\"inlineStr\"><is><t>aaaaaaaaaa</t></is></c></row>"
    let sheet = sheetXML(String(repeating: row, count: 20 * 1_024 * 1_024 / row.utf8.count))
    let data = try zip(handMadeParts(sheet: sheet))
    #expect(data.count < 200_000)
    let error = refusal { _ = try WorkbookReader.read(data) }
    guard case .compressionRatio(let part, let ratio, 200) = error else {
      Issue.record("not refused for its ratio: \(String(describing: error))")
      return
    }
    #expect(part == "xl/worksheets/sheet1.xml")
    #expect(ratio > 200)
    #expect(error?.message(.fr).contains("bombe zip") == true)
  }

  /// A header that declares a small size: the bytes produced are counted while decompressing.
  @Test func aPartLargerThanItsHeaderSaysIsRefused() throws {
    let row = "<row><c t=\"inlineStr\"><is><t>aaaaaaaaaa</t></is></c></row>"
    let sheet = sheetXML(String(repeating: row, count: 4_000))
    var data = try zip(handMadeParts(sheet: sheet))
    // Every header (local and central) of the sheet: uncompressed size set to 100 bytes.
    let name = Array("xl/worksheets/sheet1.xml".utf8)
    let bytes = [UInt8](data)
    var patched = 0
    for index in 0..<(bytes.count - 4) where bytes[index] == 0x50 && bytes[index + 1] == 0x4B {
      let (sizeOffset, nameOffset): (Int, Int)
      if bytes[index + 2] == 3 && bytes[index + 3] == 4 {
        (sizeOffset, nameOffset) = (22, 30)
      } else if bytes[index + 2] == 1 && bytes[index + 3] == 2 {
        (sizeOffset, nameOffset) = (24, 46)
      } else {
        continue
      }
      guard index + nameOffset + name.count <= bytes.count,
        Array(bytes[(index + nameOffset)..<(index + nameOffset + name.count)]) == name
      else { continue }
      data.replaceSubrange((index + sizeOffset)..<(index + sizeOffset + 4), with: [100, 0, 0, 0])
      patched += 1
    }
    #expect(patched == 2)
    let error = refusal { _ = try WorkbookReader.read(data) }
    #expect(error == .partTooLarge(part: "xl/worksheets/sheet1.xml", limit: 100))
  }

  @Test func theTotalUncompressedSizeIsBounded() throws {
    var limits = WorkbookLimits()
    limits.totalSize = 1_000
    let sheet = sheetXML(String(repeating: "<row><c><v>1</v></c></row>", count: 100))
    let error = refusal {
      _ = try WorkbookReader.read(try zip(handMadeParts(sheet: sheet)), limits: limits)
    }
    #expect(error == .totalTooLarge(limit: 1_000))
  }

  @Test func tooManyEntries() throws {
    let parts = handMadeParts() + (1...1_001).map { ("xl/media/image\($0).png", "x") }
    #expect(
      refusal { _ = try WorkbookReader.read(try zip(parts)) } == .tooManyEntries(limit: 1_000))
  }

  @Test func aPartTwiceIsRefused() throws {
    let parts = handMadeParts() + [("xl/worksheets/sheet1.xml", sheetXML(""))]
    #expect(
      refusal { _ = try WorkbookReader.read(try zip(parts)) }
        == .duplicateEntry(part: "xl/worksheets/sheet1.xml"))
  }

  @Test func aDoctypeWithAnEntityIsRefusedUnread() throws {
    let laughs = """
      <?xml version="1.0"?><!DOCTYPE workbook [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>\
      <workbook xmlns="\(mainNS)" xmlns:r="\(relNS)"><sheets><sheet name="&lol2;" sheetId="1" r:id="rId1"/></sheets></workbook>
      """
    let error = refusal { _ = try WorkbookReader.read(try zip(handMadeParts(workbook: laughs))) }
    #expect(error == .doctype(part: "xl/workbook.xml"))
    #expect(error?.message(.en).contains("xl/workbook.xml") == true)
    #expect(error?.message(.nl).contains("DOCTYPE") == true)
  }

  /// A processing instruction, which no part of a workbook holds (one without data crashed the
  /// XML parser once: FuzzWorkbook's crash-ec34dc…), is refused before it is parsed; the
  /// declaration still reads.
  @Test func aProcessingInstructionIsRefusedUnparsed() throws {
    for sheet in [
      "<?xTF-82?><worksheet xmlns=\"\(mainNS)\"><sheetData/></worksheet>",
      "<?xml version=\"1.0\"?>\n<?pi?><worksheet xmlns=\"\(mainNS)\"><sheetData/></worksheet>",
    ] {
      let error = refusal { _ = try WorkbookReader.read(try zip(handMadeParts(sheet: sheet))) }
      guard case .malformedXML(let part, let line, let problem)? = error else {
        Issue.record("\(String(describing: error))")
        continue
      }
      #expect(part == "xl/worksheets/sheet1.xml")
      #expect(line == (sheet.hasPrefix("<?xml") ? 2 : 1))
      #expect(problem == .processingInstruction)
      #expect(error?.message(.nl).contains("verwerkingsinstructie") == true)
    }
    #expect(throws: Never.self) {
      _ = try WorkbookReader.read(try zip(handMadeParts(sheet: sheetXML(""))))
    }
  }

  @Test func anExternalEntityIsNeverResolved() throws {
    let sheet = """
      <?xml version="1.0"?><!doctype worksheet [<!ENTITY secret SYSTEM "file:///etc/hostname">]>\
      <worksheet xmlns="\(mainNS)"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&secret;</t></is></c></row></sheetData></worksheet>
      """
    #expect(
      refusal { _ = try WorkbookReader.read(try zip(handMadeParts(sheet: sheet))) }
        == .doctype(part: "xl/worksheets/sheet1.xml"))
    // An entity declaration without a DOCTYPE (not XML, refused all the same).
    let bare = sheetXML("<!ENTITY x \"y\">")
    #expect(
      refusal { _ = try WorkbookReader.read(try zip(handMadeParts(sheet: bare))) }
        == .doctype(part: "xl/worksheets/sheet1.xml"))
  }

  @Test func xmlInAnotherEncodingIsRefused() throws {
    let declared = "<?xml version=\"1.0\" encoding=\"UTF-7\"?><sst xmlns=\"\(mainNS)\"/>"
    #expect(
      refusal { _ = try WorkbookReader.read(try zip(handMadeParts(sharedStrings: declared))) }
        == .unsupportedEncoding(part: "xl/sharedStrings.xml", encoding: "UTF-7"))
    var utf16 = Data([0xFF, 0xFE])
    utf16.append(sheetXML("").data(using: .utf16LittleEndian) ?? Data())
    var parts = handMadeParts().map { ($0.0, Data($0.1.utf8)) }
    parts[4].1 = utf16
    #expect(
      refusal { _ = try WorkbookReader.read(try zipData(parts)) }
        == .unsupportedEncoding(part: "xl/worksheets/sheet1.xml", encoding: "UTF-16"))
  }

  @Test func otherKindsOfFilesAreNamed() throws {
    var xls = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
    xls.append(Data(count: 504))
    let ole = refusal { _ = try WorkbookReader.read(xls) }
    #expect(ole == .notAWorkbook(.ole2))
    #expect(ole?.message(.fr).contains(".xls") == true)

    let ods = try zip(
      [
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("content.xml", "<office:document-content/>"),
      ], compression: .none)
    let odsError = refusal { _ = try WorkbookReader.read(ods) }
    #expect(
      odsError
        == .notAWorkbook(.openDocument(mimetype: "application/vnd.oasis.opendocument.spreadsheet")))
    #expect(odsError?.message(.nl).contains("(.ods)") == true)

    let renamed = try zip([("notes.txt", "hello"), ("photo.jpg", "jpeg")])
    let zipError = refusal { _ = try WorkbookReader.read(renamed) }
    #expect(zipError == .notAWorkbook(.zipWithoutWorkbook))
    #expect(zipError?.message(.en).contains("zip archive") == true)

    let pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    let docx = try zip([
      ("[Content_Types].xml", "<Types/>"),
      (
        "_rels/.rels",
        "<Relationships xmlns=\"\(pkg)\"><Relationship Id=\"rId1\" Type=\"\(relNS)/officeDocument\" Target=\"word/document.xml\"/></Relationships>"
      ),
      ("word/document.xml", "<w:document xmlns:w=\"urn:w\"/>"),
    ])
    #expect(
      refusal { _ = try WorkbookReader.read(docx) }
        == .notAWorkbook(.otherOffice(part: "word/document.xml")))

    #expect(
      refusal { _ = try WorkbookReader.read(Data("%PDF-1.7".utf8)) } == .notAWorkbook(.notZip))
    #expect(refusal { _ = try WorkbookReader.read(Data()) } == .notAWorkbook(.notZip))
    // A zip's local header and no end of central directory (a truncated download): refused
    // before ZIPFoundation, which leaks its copy of the data on that path.
    var truncated = try zip(handMadeParts())
    truncated.removeLast(30)
    #expect(
      refusal { _ = try WorkbookReader.read(truncated) }
        == .damagedArchive(.noEndRecord))
    // Said in the reader's language, with what to do.
    let truncatedError = refusal { _ = try WorkbookReader.read(truncated) }
    #expect(
      truncatedError?.message(.fr).contains(
        "pas de fin de répertoire central (un fichier tronqué ?)")
        == true)
    #expect(truncatedError?.message(.fr).contains("enregistrez à nouveau") == true)
    #expect(truncatedError?.message(.nl).contains("geen einde van de centrale map") == true)
    #expect(truncatedError?.message(.en).contains("no end of central directory record") == true)
    // Offsets beyond the file, which ZIPFoundation follows in memory to a trap (FuzzWorkbook's
    // crash-c31ede…): the central directory's, and an entry's local header's.
    let good = try zip(handMadeParts())
    let bytes = [UInt8](good)
    let endSignature: [UInt8] = [0x50, 0x4B, 5, 6]
    let found = (0...(bytes.count - 4)).last { (index: Int) -> Bool in
      Array(bytes[index..<(index + 4)]) == endSignature
    }
    let end = try #require(found)
    var farDirectory = good
    farDirectory.replaceSubrange((end + 16)..<(end + 20), with: [0, 0, 0, 1])
    #expect(
      refusal { _ = try WorkbookReader.read(farDirectory) }
        == .damagedArchive(.directoryOutsideFile))
    let directory = Int(bytes[end + 16]) | Int(bytes[end + 17]) << 8 | Int(bytes[end + 18]) << 16
    var farEntry = good
    farEntry.replaceSubrange((directory + 42)..<(directory + 46), with: [0, 0, 0, 1])
    #expect(
      refusal { _ = try WorkbookReader.read(farEntry) }
        == .damagedArchive(.headerOutsideFile))
    // A stored entry whose sizes follow its data (flag bit 3) and whose uncompressed size lies
    // far beyond the file: ZIPFoundation seeks there for the data descriptor and traps
    // (FuzzWorkbook's crash-183acb…, kept in Fuzz/Crashes/FuzzWorkbook/).
    let descriptorCrash = try #require(
      Data(
        base64Encoded:
          "AFBLAwQUAAAAAAA8W4ZdhWw5itMAAAQuAAAACAAAAG1pbWV0eXBlYXBwbGljYXRpb24vdm5kLm9hc2lzLm9wZW5kb2N1bWVudC5zcHJlYWRzaGVldFBLAQIUAxQAOgAAADxbhl2FbDSKLgAAAAAuAAAIAAAAAAAAAAAAAACAAQAAAABtaW1ldHlwZVBLBQYAAAAAAQABADIAAABUAAAAAAA="
      ).map { Data($0.dropFirst()) })
    #expect(
      refusal { _ = try WorkbookReader.read(descriptorCrash) }
        == .damagedArchive(.descriptorOutsideFile))
    // A zip's signature and nothing else.
    #expect(
      refusal { _ = try WorkbookReader.read(Data([0x50, 0x4B, 3, 4, 0, 0])) }.map {
        if case .damagedArchive = $0 { return true } else { return false }
      } == true)
  }

  @Test func thousandsOfSheetsAreRefused() throws {
    let sheets = (1...3_000).map { "<sheet name=\"S\($0)\" sheetId=\"\($0)\" r:id=\"rId1\"/>" }
      .joined()
    let workbook =
      "<?xml version=\"1.0\"?><workbook xmlns=\"\(mainNS)\" xmlns:r=\"\(relNS)\"><sheets>\(sheets)</sheets></workbook>"
    let error = refusal { _ = try WorkbookReader.read(try zip(handMadeParts(workbook: workbook))) }
    #expect(error == .tooManySheets(count: 256, limit: 255))
    #expect(error?.message(.fr).contains("xl/workbook.xml") == true)
  }

  @Test func aMillionRowsAreRefused() throws {
    // Few row elements, one far down.
    let far = sheetXML(
      "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"1000000\"><c r=\"A1000000\"><v>2</v></c></row>"
    )
    #expect(
      refusal { _ = try WorkbookReader.read(try zip(handMadeParts(sheet: far))) }
        == .tooManyRows(sheet: "Réponses", part: "xl/worksheets/sheet1.xml", limit: 100_000))
    // Many row elements.
    var limits = WorkbookLimits()
    limits.rows = 50
    let many = sheetXML(String(repeating: "<row><c><v>1</v></c></row>", count: 51))
    #expect(
      refusal { _ = try WorkbookReader.read(try zip(handMadeParts(sheet: many)), limits: limits) }
        == .tooManyRows(sheet: "Réponses", part: "xl/worksheets/sheet1.xml", limit: 50))
    limits.rows = 100_000
    limits.cells = 10
    let cells = sheetXML("<row>" + String(repeating: "<c><v>1</v></c>", count: 11) + "</row>")
    #expect(
      refusal { _ = try WorkbookReader.read(try zip(handMadeParts(sheet: cells)), limits: limits) }
        == .tooManyCells(part: "xl/worksheets/sheet1.xml", limit: 10))
  }

  @Test func aSharedStringOutOfRangeNamesTheCell() throws {
    let sheet = sheetXML(
      "<row r=\"12\"><c r=\"B12\" t=\"s\"><v>0</v></c><c r=\"C12\" t=\"s\"><v>7</v></c></row>")
    let error = refusal { _ = try WorkbookReader.read(try zip(handMadeParts(sheet: sheet))) }
    #expect(
      error
        == .sharedStringOutOfRange(
          sheet: "Réponses", part: "xl/worksheets/sheet1.xml", cell: "C12", index: "7", count: 1))
    for language in InterfaceLanguage.allCases {
      let message = error?.message(language) ?? ""
      #expect(
        message.contains("C12") && message.contains("xl/worksheets/sheet1.xml")
          && message.contains("Réponses"), "\(message)")
    }
    let negative = sheetXML("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>-1</v></c></row>")
    #expect(refusal { _ = try WorkbookReader.read(try zip(handMadeParts(sheet: negative))) } != nil)
  }

  @Test func aFormulaIsReadAsItsCachedValueNeverEvaluated() throws {
    let sheet = sheetXML(
      """
      <row r="2"><c r="A2"><f>1+1</f><v>3</v></c>\
      <c r="B2" t="str"><f>HYPERLINK("http://example.invalid/"&amp;A2,"clic")</f><v>clic</v></c>\
      <c r="C2"><f>WEBSERVICE("http://example.invalid")</f></c>\
      <c r="D2" t="e"><f>1/0</f><v>#DIV/0!</v></c>\
      <c r="E2" t="b"><f t="shared" ref="E2:E3" si="0">TRUE()</f><v>1</v></c></row>
      """)
    let book = try WorkbookReader.read(try zip(handMadeParts(sheet: sheet)))
    let cells = try #require(book.sheets.first)
    #expect(
      cells["A2"]
        == CellContents(address: CellAddress(column: 1, row: 2), value: .number(3), formula: "1+1"))
    #expect(cells["B2"]?.value == .text("clic"))
    #expect(cells["B2"]?.formula == "HYPERLINK(\"http://example.invalid/\"&A2,\"clic\")")
    #expect(cells["C2"] == nil, "a formula without a saved result has no value")
    #expect(cells["D2"]?.value == .error("#DIV/0!"))
    #expect(cells["E2"]?.value == .bool(true))
  }

  @Test func valuesNotOfTheirTypeAndBadAddressesAreRefused() throws {
    let number = sheetXML("<row r=\"3\"><c r=\"D3\"><v>douze</v></c></row>")
    #expect(
      refusal { _ = try WorkbookReader.read(try zip(handMadeParts(sheet: number))) }
        == .invalidValue(
          sheet: "Réponses", part: "xl/worksheets/sheet1.xml", cell: "D3", type: "n", value: "douze"
        ))
    let backwards = sheetXML("<row r=\"3\"><c r=\"D3\"><v>1</v></c><c r=\"A3\"><v>1</v></c></row>")
    #expect(
      refusal { _ = try WorkbookReader.read(try zip(handMadeParts(sheet: backwards))) }
        == .invalidCellReference(part: "xl/worksheets/sheet1.xml", reference: "A3"))
    let beyond = sheetXML("<row r=\"3\"><c r=\"XFE3\"><v>1</v></c></row>")
    #expect(
      refusal { _ = try WorkbookReader.read(try zip(handMadeParts(sheet: beyond))) }
        == .invalidCellReference(part: "xl/worksheets/sheet1.xml", reference: "XFE3"))
    let broken = sheetXML("<row r=\"3\"><c r=\"A3\"><v>1</v></row>")
    guard
      case .malformedXML(let part, _, _) = refusal({
        _ = try WorkbookReader.read(try zip(handMadeParts(sheet: broken)))
      })
    else {
      Issue.record("malformed XML not refused as such")
      return
    }
    #expect(part == "xl/worksheets/sheet1.xml")
  }

  /// A parser in recovery mode would read these, some without an error at all.
  @Test func xmlThatLibxml2WouldRecoverIsRefused() throws {
    let cases = [
      "<?xml version=\"1.0\"?><worksheet xmlns=\"\(mainNS)\"><sheetData><row><c><v>1</v></c></row>",
      sheetXML("") + "<worksheet/>",
      sheetXML("<row><c><v>1</v></c></row>").replacingOccurrences(of: "</c>", with: "</d>"),
      "",
    ]
    for sheet in cases {
      let error = refusal { _ = try WorkbookReader.read(try zip(handMadeParts(sheet: sheet))) }
      guard case .malformedXML(let part, _, _) = error else {
        Issue.record("not refused as malformed: \(sheet) \(String(describing: error))")
        continue
      }
      #expect(part == "xl/worksheets/sheet1.xml")
    }
  }

  /// The predefined entities and character references are text, in attribute values as in
  /// content; a CDATA section is text too.
  @Test func referencesAndCDATAReadAsTheirText() throws {
    let workbook = """
      <?xml version="1.0"?><workbook xmlns="\(mainNS)" xmlns:r="\(relNS)"><sheets>\
      <sheet name="R&amp;D &#233;&#x20AC; &lt;1&gt; &quot;a&apos;" sheetId="1" r:id="rId1"/></sheets></workbook>
      """
    let strings = """
      <?xml version="1.0"?><sst xmlns="\(mainNS)"><si><t>A &amp; B &#38; C &lt;d&gt;</t></si>\
      <si><t><![CDATA[x <y> & z]]></t></si></sst>
      """
    let sheet = sheetXML(
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>")
    let read = try WorkbookReader.read(
      try zip(handMadeParts(workbook: workbook, sheet: sheet, sharedStrings: strings)))
    #expect(read.sheets.map(\.name) == ["R&D é€ <1> \"a'"])
    #expect(
      read.sheets.first?.rows.first?.cells.map(\.value) == [
        .text("A & B & C <d>"), .text("x <y> & z"),
      ])
  }

  /// An error names the line it is on.
  @Test func malformedXMLSaysOnWhichLine() throws {
    let sheet =
      "<?xml version=\"1.0\"?>\n<worksheet xmlns=\"\(mainNS)\">\n<sheetData>\n</sheetDta>\n</worksheet>"
    let error = refusal { _ = try WorkbookReader.read(try zip(handMadeParts(sheet: sheet))) }
    #expect(
      error
        == .malformedXML(
          part: "xl/worksheets/sheet1.xml", line: 4,
          problem: .mismatchedEndTag))
    #expect(
      error?.message(.fr)
        == "la partie xl/worksheets/sheet1.xml n'est pas du XML valide (ligne 4) : une balise de fin qui ne correspond pas à sa balise de début"
    )
  }

  @Test func aTextLongerThanACellHoldsIsRefused() throws {
    let long = String(repeating: "é", count: 32_768)
    let strings = "<?xml version=\"1.0\"?><sst xmlns=\"\(mainNS)\"><si><t>\(long)</t></si></sst>"
    #expect(
      refusal { _ = try WorkbookReader.read(try zip(handMadeParts(sharedStrings: strings))) }
        == .textTooLong(part: "xl/sharedStrings.xml", cell: nil, limit: 32_767))
  }

  @Test func aMissingPartIsNamed() throws {
    let parts = handMadeParts().filter { $0.0 != "xl/worksheets/sheet1.xml" }
    #expect(
      refusal { _ = try WorkbookReader.read(try zip(parts)) }
        == .partMissing(part: "xl/worksheets/sheet1.xml"))
  }

  @Test func richTextAndPhoneticRunsAndPrefixes() throws {
    let strings = """
      <?xml version="1.0"?><x:sst xmlns:x="\(mainNS)"><x:si><x:r><x:t>Con</x:t></x:r><x:r><x:rPr><x:b/></x:rPr>\
      <x:t xml:space="preserve">forme </x:t></x:r><x:rPh sb="0" eb="1"><x:t>ignored</x:t></x:rPh></x:si></x:sst>
      """
    let sheet = """
      <?xml version="1.0"?><x:worksheet xmlns:x="\(mainNS)"><x:sheetData><x:row><x:c t="s"><x:v>0</x:v></x:c>\
      <x:c t="inlineStr"><x:is><x:t>en ligne_x000D_</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>
      """
    let book = try WorkbookReader.read(try zip(handMadeParts(sheet: sheet, sharedStrings: strings)))
    #expect(book.sheets.first?["A1"]?.value == .text("Conforme "))
    #expect(book.sheets.first?["B1"]?.value == .text("en ligne\r"))
  }
}
