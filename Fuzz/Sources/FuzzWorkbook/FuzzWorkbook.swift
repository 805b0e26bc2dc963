// libFuzzer entry point: WorkbookReader.read on hostile workbooks. Refusals are expected; a
// crash, a hang, a leak or memory beyond the limits is a finding, and so is a workbook read whose
// cells are out of order or outside a sheet.
//
// The first byte chooses what the rest is. Even: the whole file (the zip container, its headers
// and compressed data). Odd: XML parts, separated by NUL bytes, put into a valid zip around them
// (the worksheet, the shared strings, the styles, the workbook; the others the usual ones), so
// that the fuzzer reaches the XML instead of failing the zip's checksums.
import Foundation
import FuzzSupport
@_spi(Fuzzing) import Workbook

let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
let packageNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"
let defaults: [(String, String)] = [
  ("xl/worksheets/sheet1.xml", "<worksheet xmlns=\"\(mainNamespace)\"><sheetData/></worksheet>"),
  ("xl/sharedStrings.xml", "<sst xmlns=\"\(mainNamespace)\"/>"),
  ("xl/styles.xml", "<styleSheet xmlns=\"\(mainNamespace)\"/>"),
  (
    "xl/workbook.xml",
    "<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\"><sheets><sheet name=\"A\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
  ),
]

/// The parts every workbook made from XML parts has. Made at each call: Data kept in a global
/// is reported as leaked by LeakSanitizer.
func fixedParts() -> [(String, Data)] {
  [
    (
      "[Content_Types].xml",
      Data("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".utf8)
    ),
    (
      "_rels/.rels",
      Data(
        "<Relationships xmlns=\"\(packageNamespace)\"><Relationship Id=\"rId1\" Type=\"\(relationshipNamespace)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
          .utf8)
    ),
    (
      "xl/_rels/workbook.xml.rels",
      Data(
        ("<Relationships xmlns=\"\(packageNamespace)\"><Relationship Id=\"rId1\" Type=\"\(relationshipNamespace)/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
          + "<Relationship Id=\"rId2\" Type=\"\(relationshipNamespace)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
          + "<Relationship Id=\"rId3\" Type=\"\(relationshipNamespace)/styles\" Target=\"styles.xml\"/></Relationships>")
          .utf8)
    ),
  ]
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let bytes = Data(bytes: start, count: count)
  guard let mode = bytes.first else { return 0 }
  let file: Data
  if mode & 1 == 0 {
    file = bytes.dropFirst()
  } else {
    let pieces = bytes.dropFirst().split(
      separator: 0, maxSplits: 3, omittingEmptySubsequences: false)
    var parts = fixedParts()
    for (index, (path, text)) in defaults.enumerated() {
      parts.append((path, index < pieces.count ? Data(pieces[index]) : Data(text.utf8)))
    }
    guard
      let zipped = try? WorkbookWriter.zip(
        parts, modified: Date(timeIntervalSince1970: 1_700_000_000))
    else {
      fatalError("the parts could not be zipped")
    }
    file = zipped
  }
  var limits = WorkbookLimits()
  // Small enough that the limits themselves are reached by the fuzzer's inputs.
  limits.rows = 1_000
  limits.cells = 10_000
  guard let book = try? WorkbookReader.read(file, limits: limits) else { return 0 }
  for sheet in book.sheets {
    for (previous, cell) in zip(sheet.cells, sheet.cells.dropFirst())
    where !(previous.address < cell.address) {
      fatalError("cells out of order in \(sheet.part): \(previous.address) then \(cell.address)")
    }
    for cell in sheet.cells
    where !(1...CellAddress.maxColumn).contains(cell.address.column)
      || !(1...limits.rows).contains(cell.address.row)
    {
      fatalError("a cell outside the sheet in \(sheet.part): \(cell.address)")
    }
    _ = sheet.rows.count
  }
  return 0
}

/// The process entry point (see FuzzSupport): starts libFuzzer with `fuzz`.
@_cdecl("FuzzWorkbook_main")
func entryPoint(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  runLibFuzzer(argc: argc, argv: argv) { start, count in
    fuzz(UnsafeRawPointer(start) ?? UnsafeRawPointer(bitPattern: 1)!, count)
  }
}
