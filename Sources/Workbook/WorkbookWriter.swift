import Foundation
import ZIPFoundation

/// Writes a `Workbook` as an Office Open XML spreadsheet (.xlsx) with the parts Office needs and
/// nothing more: content types, relationships, the workbook, its sheets, shared strings and
/// styles. It returns the bytes; the caller writes them (atomically, through the store).
public enum WorkbookWriter {
  static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  static let relationshipNamespace =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  static let packageRelationshipNamespace =
    "http://schemas.openxmlformats.org/package/2006/relationships"
  static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

  /// The workbook's bytes. `modified` is the date recorded for every part of the zip (pass a
  /// fixed one for identical files from identical workbooks).
  public static func data(_ workbook: Workbook, modified: Date) throws -> Data {
    try check(workbook)
    var strings = SharedStrings()
    var styles = StyleTable()
    var parts: [(String, String)] = []
    for (index, sheet) in workbook.sheets.enumerated() {
      parts.append(
        (
          "xl/worksheets/sheet\(index + 1).xml",
          worksheet(sheet, selected: index == 0, strings: &strings, styles: &styles)
        ))
    }
    parts.insert(
      contentsOf: [
        ("[Content_Types].xml", contentTypes(sheetCount: workbook.sheets.count)),
        ("_rels/.rels", rootRelationships()),
        ("xl/workbook.xml", workbookPart(workbook)),
        ("xl/_rels/workbook.xml.rels", workbookRelationships(sheetCount: workbook.sheets.count)),
        ("xl/styles.xml", styles.part()),
        ("xl/sharedStrings.xml", strings.part()),
      ], at: 0)
    return try zip(parts.map { ($0.0, Data($0.1.utf8)) }, modified: modified)
  }

  /// A zip archive of the parts, in their order, deflated. Public for the fuzz target, which
  /// builds workbooks around its inputs (valid zips, so that the XML is what gets fuzzed).
  @_spi(Fuzzing) public static func zip(_ parts: [(String, Data)], modified: Date) throws -> Data {
    do {
      let archive = try Archive(data: Data(), accessMode: .create)
      for (path, bytes) in parts {
        try archive.addEntry(
          with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: modified,
          compressionMethod: .deflate
        ) { position, size in
          bytes.subdata(in: Int(position)..<(Int(position) + size))
        }
      }
      guard let data = archive.data else { throw WorkbookWriteError.archive("no data") }
      return data
    } catch let error as WorkbookWriteError {
      throw error
    } catch {
      throw WorkbookWriteError.archive("\(error)")
    }
  }

  /// What Office would refuse to open, refused before anything is written.
  static func check(_ workbook: Workbook) throws {
    guard !workbook.sheets.isEmpty else { throw WorkbookWriteError.noSheet }
    var seen: Set<String> = []
    for sheet in workbook.sheets {
      let name = sheet.name
      if name.isEmpty || name.count > 31 || name.hasPrefix("'") || name.hasSuffix("'")
        || name.contains(where: { "[]:*?/\\".contains($0) })
        || name.unicodeScalars.contains(where: { $0.value < 0x20 || XMLText.isForbidden($0) })
      {
        throw WorkbookWriteError.invalidSheetName(name)
      }
      guard seen.insert(name.lowercased()).inserted else {
        throw WorkbookWriteError.duplicateSheetName(name)
      }
      guard sheet.rows.count <= CellAddress.maxRow, sheet.columnCount <= CellAddress.maxColumn
      else {
        throw WorkbookWriteError.tooLarge(sheet: name)
      }
      if sheet.hiddenColumns.contains(where: { !(1...CellAddress.maxColumn).contains($0) }) {
        throw WorkbookWriteError.tooLarge(sheet: name)
      }
      for validation in sheet.validations {
        // An inline list is at most 255 characters, separated by commas, within quotes.
        let list = validation.values.joined(separator: ",")
        if list.count > 255 || validation.values.contains(where: { $0.contains(",") || $0.isEmpty })
          || !(1...CellAddress.maxColumn).contains(validation.column)
          || !(1...CellAddress.maxRow).contains(validation.firstRow)
          || validation.lastRow < validation.firstRow || validation.lastRow > CellAddress.maxRow
        {
          throw WorkbookWriteError.invalidList(sheet: name, values: validation.values)
        }
      }
    }
    if !workbook.sheets.contains(where: { !$0.isHidden }) {
      throw WorkbookWriteError.noVisibleSheet
    }
  }

  static func contentTypes(sheetCount: Int) -> String {
    let type = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    var out = declaration
    out += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    out +=
      "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    out += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    out += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"\(type).sheet.main+xml\"/>"
    for index in 1...sheetCount {
      out +=
        "<Override PartName=\"/xl/worksheets/sheet\(index).xml\" ContentType=\"\(type).worksheet+xml\"/>"
    }
    out += "<Override PartName=\"/xl/styles.xml\" ContentType=\"\(type).styles+xml\"/>"
    out +=
      "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"\(type).sharedStrings+xml\"/>"
    return out + "</Types>"
  }

  static func rootRelationships() -> String {
    declaration + "<Relationships xmlns=\"\(packageRelationshipNamespace)\">"
      + "<Relationship Id=\"rId1\" Type=\"\(relationshipNamespace)/officeDocument\" Target=\"xl/workbook.xml\"/>"
      + "</Relationships>"
  }

  static func workbookRelationships(sheetCount: Int) -> String {
    var out = declaration + "<Relationships xmlns=\"\(packageRelationshipNamespace)\">"
    for index in 1...sheetCount {
      out +=
        "<Relationship Id=\"rId\(index)\" Type=\"\(relationshipNamespace)/worksheet\" Target=\"worksheets/sheet\(index).xml\"/>"
    }
    out +=
      "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"\(relationshipNamespace)/styles\" Target=\"styles.xml\"/>"
    out +=
      "<Relationship Id=\"rId\(sheetCount + 2)\" Type=\"\(relationshipNamespace)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
    return out + "</Relationships>"
  }

  /// A sheet's name quoted for a reference (`'Gaps'!$A$1`), apostrophes doubled.
  static func quotedName(_ name: String) -> String {
    "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
  }

  static func workbookPart(_ workbook: Workbook) -> String {
    var out =
      declaration + "<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">"
    let firstVisible = workbook.sheets.firstIndex { !$0.isHidden } ?? 0
    out += "<bookViews><workbookView activeTab=\"\(firstVisible)\"/></bookViews><sheets>"
    for (index, sheet) in workbook.sheets.enumerated() {
      out += "<sheet name=\"\(XMLText.escaped(sheet.name, .attribute))\" sheetId=\"\(index + 1)\""
      if sheet.isHidden { out += " state=\"hidden\"" }
      out += " r:id=\"rId\(index + 1)\"/>"
    }
    out += "</sheets>"
    var names: [String] = []
    for (index, sheet) in workbook.sheets.enumerated() {
      let reference = XMLText.escaped(quotedName(sheet.name), .attribute)
      if let row = sheet.autoFilterRow, sheet.columnCount > 0 {
        let last = CellAddress.letters(sheet.columnCount)
        names.append(
          "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(index)\" hidden=\"1\">"
            + "\(reference)!$A$\(row):$\(last)$\(max(row, sheet.rows.count))</definedName>")
      }
      if sheet.frozenRows > 0 {
        names.append(
          "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(index)\">"
            + "\(reference)!$1:$\(sheet.frozenRows)</definedName>")
      }
    }
    if !names.isEmpty { out += "<definedNames>" + names.joined() + "</definedNames>" }
    return out + "</workbook>"
  }

  static func worksheet(
    _ sheet: Sheet, selected: Bool, strings: inout SharedStrings, styles: inout StyleTable
  ) -> String {
    let columns = sheet.columnCount
    let lastRow = max(sheet.rows.count, 1)
    var out =
      declaration + "<worksheet xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">"
    out += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
    out += "<dimension ref=\"A1:\(CellAddress(column: max(columns, 1), row: lastRow))\"/>"
    out += "<sheetViews><sheetView workbookViewId=\"0\"\(selected ? " tabSelected=\"1\"" : "")>"
    if sheet.frozenRows > 0 {
      let top = CellAddress(column: 1, row: sheet.frozenRows + 1)
      out +=
        "<pane ySplit=\"\(sheet.frozenRows)\" topLeftCell=\"\(top)\" activePane=\"bottomLeft\" state=\"frozen\"/>"
      out += "<selection pane=\"bottomLeft\" activeCell=\"\(top)\" sqref=\"\(top)\"/>"
    }
    out += "</sheetView></sheetViews>"
    let described = max(sheet.columnWidths.count, sheet.hiddenColumns.max() ?? 0)
    if described > 0 {
      out += "<cols>"
      for column in 1...described {
        out += "<col min=\"\(column)\" max=\"\(column)\""
        let width = column <= sheet.columnWidths.count ? sheet.columnWidths[column - 1] : 8.43
        out += " width=\"\(CellValue.numberText(width))\" customWidth=\"1\""
        out += sheet.hiddenColumns.contains(column) ? " hidden=\"1\"/>" : "/>"
      }
      out += "</cols>"
    }
    out += "<sheetData>"
    for (rowIndex, row) in sheet.rows.enumerated() {
      let number = rowIndex + 1
      out += "<row r=\"\(number)\"\(row.isHidden ? " hidden=\"1\"" : "")"
      let lines = estimatedLines(row, widths: sheet.columnWidths)
      if lines > 1 { out += " ht=\"\(lines * 15)\" customHeight=\"1\"" }
      out += ">"
      for (columnIndex, cell) in row.cells.enumerated() {
        let style = styles.index(
          of: cell.style,
          isDate: {
            if case .date = cell.value { return true } else { return cell.style.dateFormat }
          }())
        let reference = CellAddress.letters(columnIndex + 1) + String(number)
        let styleAttribute = style == 0 ? "" : " s=\"\(style)\""
        switch cell.value {
        case nil:
          if style != 0 { out += "<c r=\"\(reference)\"\(styleAttribute)/>" }
        case .text(let text):
          out +=
            "<c r=\"\(reference)\"\(styleAttribute) t=\"s\"><v>\(strings.index(of: text))</v></c>"
        case .number(let value), .date(let value):
          if value.isFinite {
            out +=
              "<c r=\"\(reference)\"\(styleAttribute)><v>\(CellValue.numberText(value))</v></c>"
          } else {
            out += "<c r=\"\(reference)\"\(styleAttribute) t=\"e\"><v>#NUM!</v></c>"
          }
        case .bool(let value):
          out += "<c r=\"\(reference)\"\(styleAttribute) t=\"b\"><v>\(value ? 1 : 0)</v></c>"
        case .error(let code):
          out +=
            "<c r=\"\(reference)\"\(styleAttribute) t=\"e\"><v>\(XMLText.escaped(code, .attribute))</v></c>"
        }
      }
      out += "</row>"
    }
    out += "</sheetData>"
    if sheet.isProtected {
      // The attributes name what is forbidden: filtering and resizing are left allowed.
      out +=
        "<sheetProtection sheet=\"1\" objects=\"1\" scenarios=\"1\" formatColumns=\"0\" formatRows=\"0\" autoFilter=\"0\"/>"
    }
    if let row = sheet.autoFilterRow, columns > 0 {
      out +=
        "<autoFilter ref=\"A\(row):\(CellAddress(column: columns, row: max(row, sheet.rows.count)))\"/>"
    }
    if !sheet.validations.isEmpty {
      out += "<dataValidations count=\"\(sheet.validations.count)\">"
      for validation in sheet.validations {
        let first = CellAddress(column: validation.column, row: validation.firstRow)
        let last = CellAddress(column: validation.column, row: validation.lastRow)
        let list =
          "\""
          + validation.values.joined(separator: ",").replacingOccurrences(of: "\"", with: "\"\"")
          + "\""
        out +=
          "<dataValidation type=\"list\" allowBlank=\"1\" showErrorMessage=\"1\" sqref=\"\(first):\(last)\">"
        out += "<formula1>\(XMLText.escaped(list, .attribute))</formula1></dataValidation>"
      }
      out += "</dataValidations>"
    }
    out +=
      "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.6\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>"
    // A4 (9), landscape, as wide as one page and as long as it takes.
    out +=
      "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
    return out + "</worksheet>"
  }
}

extension WorkbookWriter {
  /// The lines a row's wrapped texts take in their columns (at most 40): spreadsheets do not all
  /// size a row to its wrapped text when they open a file (LibreOffice keeps the default
  /// height), so the writer gives the height. An estimate: a column holds about its width in
  /// characters, with a margin.
  static func estimatedLines(_ row: Row, widths: [Double]) -> Int {
    var most = 1
    for (index, cell) in row.cells.enumerated() where cell.style.wrap {
      guard case .text(let text) = cell.value else { continue }
      let width = max(
        1,
        Int(
          ((index < widths.count ? widths[index] : 8.43) * (cell.style.bold ? 0.9 : 1.0) - 1)
            .rounded(.down)))
      var lines = 0
      for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
        lines += max(1, (paragraph.count + width - 1) / width)
      }
      most = max(most, min(lines, 40))
    }
    return most
  }
}

/// Strings stored once each (xl/sharedStrings.xml), referred to by index from the cells.
struct SharedStrings {
  private var indices: [String: Int] = [:]
  private var ordered: [String] = []
  private var uses = 0

  mutating func index(of text: String) -> Int {
    uses += 1
    if let index = indices[text] { return index }
    indices[text] = ordered.count
    ordered.append(text)
    return ordered.count - 1
  }

  func part() -> String {
    var out = WorkbookWriter.declaration
    out +=
      "<sst xmlns=\"\(WorkbookWriter.mainNamespace)\" count=\"\(uses)\" uniqueCount=\"\(ordered.count)\">"
    for text in ordered {
      // xml:space keeps leading and trailing spaces and line breaks as typed.
      out += "<si><t xml:space=\"preserve\">\(XMLText.escaped(text, .string))</t></si>"
    }
    return out + "</sst>"
  }
}

/// The distinct cell styles (xl/styles.xml's cellXfs), index 0 being the default.
struct StyleTable {
  struct Key: Hashable {
    var style: CellStyle
    var isDate: Bool
  }
  private var indices: [Key: Int] = [Key(style: CellStyle(), isDate: false): 0]
  private var ordered: [Key] = [Key(style: CellStyle(), isDate: false)]

  /// The format of dates: ISO 8601, the same in every language.
  static let dateFormat = 164

  mutating func index(of style: CellStyle, isDate: Bool) -> Int {
    var style = style
    // The format is the key's: one entry per look, whether the date came from the value or not.
    style.dateFormat = false
    let key = Key(style: style, isDate: isDate)
    if let index = indices[key] { return index }
    indices[key] = ordered.count
    ordered.append(key)
    return ordered.count - 1
  }

  func part() -> String {
    let fills = Array(Set(ordered.compactMap(\.style.fill))).sorted()
    var out = WorkbookWriter.declaration + "<styleSheet xmlns=\"\(WorkbookWriter.mainNamespace)\">"
    out +=
      "<numFmts count=\"1\"><numFmt numFmtId=\"\(Self.dateFormat)\" formatCode=\"yyyy\\-mm\\-dd\"/></numFmts>"
    out +=
      "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
    out += "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
    // The first two fills are reserved by the format (none, gray125).
    out += "<fills count=\"\(2 + fills.count)\"><fill><patternFill patternType=\"none\"/></fill>"
    out += "<fill><patternFill patternType=\"gray125\"/></fill>"
    for fill in fills {
      out +=
        "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FF\(XMLText.escaped(fill, .attribute))\"/><bgColor indexed=\"64\"/></patternFill></fill>"
    }
    out +=
      "</fills><borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
    out +=
      "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
    out += "<cellXfs count=\"\(ordered.count)\">"
    for key in ordered {
      let style = key.style
      let fillID = style.fill.flatMap { fills.firstIndex(of: $0) }.map { $0 + 2 } ?? 0
      out +=
        "<xf numFmtId=\"\(key.isDate ? Self.dateFormat : 0)\" fontId=\"\(style.bold ? 1 : 0)\" fillId=\"\(fillID)\" borderId=\"0\" xfId=\"0\""
      if key.isDate { out += " applyNumberFormat=\"1\"" }
      if style.bold { out += " applyFont=\"1\"" }
      if fillID != 0 { out += " applyFill=\"1\"" }
      if style.wrap { out += " applyAlignment=\"1\"" }
      if !style.locked { out += " applyProtection=\"1\"" }
      out += ">"
      if style.wrap { out += "<alignment vertical=\"top\" wrapText=\"1\"/>" }
      if !style.locked { out += "<protection locked=\"0\"/>" }
      out += "</xf>"
    }
    out +=
      "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
    return out + "</styleSheet>"
  }
}

/// A workbook that cannot be written as asked (programming errors of the caller, mostly: the
/// commands build their workbooks from fixed names).
public enum WorkbookWriteError: Error, Equatable, CustomStringConvertible {
  case noSheet
  case noVisibleSheet
  case invalidSheetName(String)
  case duplicateSheetName(String)
  case tooLarge(sheet: String)
  case invalidList(sheet: String, values: [String])
  case archive(String)

  public var description: String {
    switch self {
    case .noSheet: return "a workbook needs at least one sheet"
    case .noVisibleSheet: return "a workbook needs at least one sheet that is not hidden"
    case .invalidSheetName(let name):
      return
        "'\(name)' cannot name a sheet: 1 to 31 characters, none of [ ] : * ? / \\, no apostrophe first or last"
    case .duplicateSheetName(let name): return "two sheets are named '\(name)'"
    case .tooLarge(let sheet):
      return "the sheet '\(sheet)' is larger than a spreadsheet's 1,048,576 rows or 16,384 columns"
    case .invalidList(let sheet, let values):
      return
        "the drop-down list \(values) of the sheet '\(sheet)' cannot be written inline: values must be non-empty, without commas, 255 characters in all"
    case .archive(let reason): return "the workbook's zip could not be made: \(reason)"
    }
  }
}
