import Foundation
@_exported import TestSupport
import Testing
import ZIPFoundation

@testable import Workbook

/// A zip archive of the given parts, for hand-made (hostile) workbooks.
func zip(_ parts: [(String, String)], compression: CompressionMethod = .deflate) throws -> Data {
  try zipData(parts.map { ($0.0, Data($0.1.utf8)) }, compression: compression)
}

func zipData(_ parts: [(String, Data)], compression: CompressionMethod = .deflate) throws -> Data {
  let archive = try Archive(data: Data(), accessMode: .create)
  for (path, bytes) in parts {
    try archive.addEntry(
      with: path, type: .file, uncompressedSize: Int64(bytes.count),
      modificationDate: Date(timeIntervalSince1970: 1_700_000_000), compressionMethod: compression
    ) { position, size in
      bytes.subdata(in: Int(position)..<(Int(position) + size))
    }
  }
  return try #require(archive.data)
}

let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

/// The parts of a small workbook written by hand, each replaceable.
func handMadeParts(
  workbook: String? = nil, sheet: String? = nil, sharedStrings: String? = nil
) -> [(String, String)] {
  let pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
  return [
    (
      "[Content_Types].xml",
      "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
    ),
    (
      "_rels/.rels",
      "<?xml version=\"1.0\"?><Relationships xmlns=\"\(pkg)\"><Relationship Id=\"rId1\" Type=\"\(relNS)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
    ),
    (
      "xl/workbook.xml",
      workbook
        ?? "<?xml version=\"1.0\"?><workbook xmlns=\"\(mainNS)\" xmlns:r=\"\(relNS)\"><sheets><sheet name=\"Réponses\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
    ),
    (
      "xl/_rels/workbook.xml.rels",
      "<?xml version=\"1.0\"?><Relationships xmlns=\"\(pkg)\"><Relationship Id=\"rId1\" Type=\"\(relNS)/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"\(relNS)/sharedStrings\" Target=\"/xl/sharedStrings.xml\"/></Relationships>"
    ),
    (
      "xl/worksheets/sheet1.xml",
      sheet
        ?? "<?xml version=\"1.0\"?><worksheet xmlns=\"\(mainNS)\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row></sheetData></worksheet>"
    ),
    (
      "xl/sharedStrings.xml",
      sharedStrings ?? "<?xml version=\"1.0\"?><sst xmlns=\"\(mainNS)\"><si><t>id</t></si></sst>"
    ),
  ]
}

/// A sheet's XML around the given rows.
func sheetXML(_ rows: String) -> String {
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"\(mainNS)\"><sheetData>\(rows)</sheetData></worksheet>"
}

/// The error `body` throws, or a recorded issue.
func refusal(_ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation)
  -> WorkbookError?
{
  do {
    try body()
    Issue.record("no error was thrown", sourceLocation: sourceLocation)
  } catch let error as WorkbookError {
    return error
  } catch {
    Issue.record("another error: \(error)", sourceLocation: sourceLocation)
  }
  return nil
}
