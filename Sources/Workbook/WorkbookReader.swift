import Foundation
import ZIPFoundation

/// Bounds on what `WorkbookReader` accepts; a workbook beyond any of them is refused whole.
public struct WorkbookLimits: Sendable, Equatable {
  /// The file's size.
  public var fileSize = 50 * 1_024 * 1_024
  /// Entries in the zip archive.
  public var entries = 1_000
  /// One part once decompressed (declared, and counted while decompressing).
  public var partSize = 100 * 1_024 * 1_024
  /// Every entry once decompressed, declared; and the parts read, counted.
  public var totalSize = 200 * 1_024 * 1_024
  /// Uncompressed to compressed size, for parts larger than `ratioFloor` (XML compresses well:
  /// a plain sheet about 10 times; deflate's maximum is about 1,000).
  public var compressionRatio = 200
  public var ratioFloor = 1_024 * 1_024
  public var sheets = 255
  /// Rows per sheet, and the highest row number a cell may have.
  public var rows = 100_000
  /// Cells with a value, in the whole workbook.
  public var cells = 2_000_000
  /// Characters of one string: a spreadsheet cell's limit.
  public var textLength = 32_767

  public init() {}
}

/// A workbook as read: its worksheets in the workbook's order.
public struct WorkbookContents: Sendable, Equatable {
  public var sheets: [SheetContents]

  public func sheet(named name: String) -> SheetContents? { sheets.first { $0.name == name } }
}

/// A worksheet's cells that hold a value, in row then column order.
public struct SheetContents: Sendable, Equatable {
  public var name: String
  /// The part it was read from (`xl/worksheets/sheet1.xml`), for messages.
  public var part: String
  public var isHidden: Bool
  public var cells: [CellContents]
  /// Row numbers marked hidden.
  public var hiddenRows: Set<Int>

  public subscript(_ address: CellAddress) -> CellContents? {
    var low = 0
    var high = cells.count
    while low < high {
      let middle = (low + high) / 2
      if cells[middle].address < address { low = middle + 1 } else { high = middle }
    }
    return low < cells.count && cells[low].address == address ? cells[low] : nil
  }

  public subscript(_ reference: String) -> CellContents? {
    CellAddress(reference).flatMap { self[$0] }
  }

  /// The cells row by row: row number and the row's cells.
  public var rows: [(number: Int, cells: [CellContents])] {
    var out: [(number: Int, cells: [CellContents])] = []
    for cell in cells {
      if out.last?.number == cell.address.row {
        out[out.count - 1].cells.append(cell)
      } else {
        out.append((cell.address.row, [cell]))
      }
    }
    return out
  }
}

public struct CellContents: Sendable, Equatable {
  public var address: CellAddress
  public var value: CellValue
  /// The formula, when the cell has one: never evaluated; `value` is the result the spreadsheet
  /// saved with it. Empty for a cell that shares another cell's formula.
  public var formula: String?
}

/// Reads an Office Open XML workbook (.xlsx) that comes from elsewhere and is treated as hostile:
/// bounded in size, entries, compression ratio, sheets, rows and cells (`WorkbookLimits`); XML
/// with a DTD refused unread; formulas never evaluated. docs/workbook.md lists what it refuses.
public enum WorkbookReader {
  static let oleMagic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

  public static func read(_ data: Data, limits: WorkbookLimits = WorkbookLimits()) throws
    -> WorkbookContents
  {
    guard data.count <= limits.fileSize else {
      throw WorkbookError.fileTooLarge(size: data.count, limit: limits.fileSize)
    }
    let head = [UInt8](data.prefix(8))
    if head == oleMagic { throw WorkbookError.notAWorkbook(.ole2) }
    guard head.count >= 4, head[0] == 0x50, head[1] == 0x4B,
      (head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6)
    else { throw WorkbookError.notAWorkbook(.notZip) }
    try checkStructure(data, limits: limits)
    var package = try Package(data: data, limits: limits)
    return try package.workbook()
  }

  /// The zip's structure checked before ZIPFoundation reads it: every place it will seek to
  /// must be inside the file. ZIPFoundation 0.9.20 reads an archive in memory through a FILE
  /// whose reads trap when a seek went past the end (a central directory, a local header or
  /// data placed beyond the file: found by FuzzWorkbook), leaks its copy of the data when there
  /// is no end of central directory record, and looks for that record through the whole file.
  /// So: the record in the last 64 KiB (the last signature, as ZIPFoundation finds it, with its
  /// comment inside the file), the central directory inside the file, each of its entries, each
  /// entry's local header, data and data descriptor inside the file; ZIP64 archives (which a
  /// workbook under the size limit never needs) refused.
  static func checkStructure(_ data: Data, limits: WorkbookLimits) throws {
    func damaged(_ problem: ArchiveProblem) -> WorkbookError { .damagedArchive(problem) }
    try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
      let bytes = raw.bindMemory(to: UInt8.self)
      let count = bytes.count
      func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
      func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
      func signature(_ at: Int, _ third: UInt8, _ fourth: UInt8) -> Bool {
        at + 4 <= count && bytes[at] == 0x50 && bytes[at + 1] == 0x4B && bytes[at + 2] == third
          && bytes[at + 3] == fourth
      }
      let record = 22
      guard count >= record else {
        throw damaged(.noEndRecord)
      }
      var end = -1
      var offset = count - record
      while offset >= max(0, count - record - 65_535) {
        if signature(offset, 5, 6) {
          end = offset
          break
        }
        offset -= 1
      }
      guard end >= 0, end + record + u16(end + 20) <= count else {
        throw damaged(.noEndRecord)
      }
      let entries = u16(end + 10)
      let directorySize = u32(end + 12)
      let directoryStart = u32(end + 16)
      if entries == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryStart == 0xFFFF_FFFF {
        throw damaged(.zip64)
      }
      guard entries <= limits.entries else {
        throw WorkbookError.tooManyEntries(limit: limits.entries)
      }
      guard directoryStart + directorySize <= end else {
        throw damaged(.directoryOutsideFile)
      }
      var position = directoryStart
      for _ in 0..<entries {
        guard position + 46 <= end, signature(position, 1, 2) else {
          throw damaged(.entryOutsideDirectory)
        }
        let compressed = u32(position + 20)
        let local = u32(position + 42)
        if compressed == 0xFFFF_FFFF || u32(position + 24) == 0xFFFF_FFFF || local == 0xFFFF_FFFF {
          throw damaged(.zip64)
        }
        guard local + 30 <= count, signature(local, 3, 4) else {
          throw damaged(.headerOutsideFile)
        }
        let dataStart = local + 30 + u16(local + 26) + u16(local + 28)
        guard dataStart + compressed <= count else {
          throw damaged(.dataOutsideFile)
        }
        // An entry whose sizes follow its data (flag bit 3): ZIPFoundation seeks past the data
        // to read them, counting a stored entry's data by its uncompressed size.
        if u16(position + 8) & 0x08 != 0 {
          let stored = u16(position + 10) == 0
          let descriptor = dataStart + (stored ? u32(position + 24) : compressed)
          guard descriptor + 12 <= count else {
            throw damaged(.descriptorOutsideFile)
          }
        }
        position += 46 + u16(position + 28) + u16(position + 30) + u16(position + 32)
      }
      guard position <= end else { throw damaged(.directoryPastEnd) }
    }
  }
}

/// The zip archive and its parts, read within the limits.
struct Package {
  let archive: Archive
  let limits: WorkbookLimits
  /// Entries by exact name, and by lower-cased name (part names are case-insensitive).
  var entries: [String: Entry] = [:]
  var folded: [String: Entry] = [:]
  var bytesRead = 0

  init(data: Data, limits: WorkbookLimits) throws {
    self.limits = limits
    do {
      archive = try Archive(data: data, accessMode: .read)
    } catch {
      throw WorkbookError.damagedArchive(.unreadable(detail: "\(error)"))
    }
    var declared: UInt64 = 0
    var count = 0
    for entry in archive {
      count += 1
      guard count <= limits.entries else {
        throw WorkbookError.tooManyEntries(limit: limits.entries)
      }
      let path = entry.path
      guard entries[path] == nil, folded[path.lowercased()] == nil else {
        throw WorkbookError.duplicateEntry(part: path)
      }
      entries[path] = entry
      folded[path.lowercased()] = entry
      declared += entry.uncompressedSize
      guard declared <= UInt64(limits.totalSize) else {
        throw WorkbookError.totalTooLarge(limit: limits.totalSize)
      }
    }
  }

  func entry(_ path: String) -> Entry? { entries[path] ?? folded[path.lowercased()] }

  /// A part's bytes, decompressed within the limits: its declared size and ratio first, then the
  /// bytes actually produced (a header can lie).
  mutating func part(_ path: String) throws -> Data {
    guard let entry = entry(path), entry.type == .file else {
      throw WorkbookError.partMissing(part: path)
    }
    let name = entry.path
    let declared = entry.uncompressedSize
    let compressed = max(entry.compressedSize, 1)
    guard declared <= UInt64(limits.partSize) else {
      throw WorkbookError.partTooLarge(part: name, limit: limits.partSize)
    }
    func checkRatio(_ size: UInt64) throws {
      if size > UInt64(limits.ratioFloor), size / compressed > UInt64(limits.compressionRatio) {
        throw WorkbookError.compressionRatio(
          part: name, ratio: Int(size / compressed), limit: limits.compressionRatio)
      }
    }
    try checkRatio(declared)
    var out = Data()
    // What the header declares, up to 16 MiB: a lying header does not reserve memory.
    out.reserveCapacity(Int(min(declared, 16 * 1_024 * 1_024)))
    let partLimit = limits.partSize
    let remaining = limits.totalSize - bytesRead
    do {
      _ = try archive.extract(entry, skipCRC32: false) { chunk in
        out.append(chunk)
        if out.count > partLimit { throw WorkbookError.partTooLarge(part: name, limit: partLimit) }
        if out.count > remaining { throw WorkbookError.totalTooLarge(limit: limits.totalSize) }
        if UInt64(out.count) > declared {
          throw WorkbookError.partTooLarge(part: name, limit: Int(declared))
        }
      }
    } catch let error as WorkbookError {
      throw error
    } catch {
      throw WorkbookError.damagedArchive(.partUnreadable(part: name, detail: "\(error)"))
    }
    try checkRatio(UInt64(out.count))
    bytesRead += out.count
    return out
  }

  /// The kind of file when it has no workbook: an OpenDocument file, a zip of something else.
  mutating func identifyOther() throws -> WorkbookError {
    if let mimetype = entry("mimetype"), mimetype.uncompressedSize < 200 {
      let text = String(decoding: try part(mimetype.path), as: UTF8.self)
      if text.hasPrefix("application/vnd.oasis.opendocument") {
        return .notAWorkbook(.openDocument(mimetype: text))
      }
    }
    return .notAWorkbook(.zipWithoutWorkbook)
  }

  mutating func workbook() throws -> WorkbookContents {
    guard entry("[Content_Types].xml") != nil, entry("_rels/.rels") != nil else {
      throw try identifyOther()
    }
    let root = try relationships(of: "")
    guard let main = root.first(where: { $0.type.hasSuffix("/officeDocument") }) else {
      throw try identifyOther()
    }
    let workbookPart = main.target
    guard workbookPart.lowercased().hasSuffix(".xml"), entry(workbookPart) != nil else {
      throw entry(workbookPart) == nil
        ? WorkbookError.partMissing(part: workbookPart)
        : WorkbookError.notAWorkbook(.otherOffice(part: workbookPart))
    }
    // The sheets' names, states and relationship ids, in order.
    var declared: [(name: String, hidden: Bool, id: String)] = []
    var rootElement: String?
    let sheetLimit = limits.sheets
    let parser = XMLPart(part: workbookPart)
    parser.start = { name, attributes in
      if rootElement == nil { rootElement = name }
      guard name == "sheet" else { return }
      declared.append(
        (
          attributes["name"] ?? "", (attributes["state"] ?? "visible") != "visible",
          attributes["id"] ?? ""
        ))
      if declared.count > sheetLimit {
        throw WorkbookError.tooManySheets(count: declared.count, limit: sheetLimit)
      }
    }
    try parser.parse(try part(workbookPart))
    guard rootElement == "workbook" else {
      throw WorkbookError.notAWorkbook(.otherOffice(part: workbookPart))
    }
    let links = try relationships(of: workbookPart)
    var strings: [String] = []
    if let shared = links.first(where: { $0.type.hasSuffix("/sharedStrings") }),
      entry(shared.target) != nil
    {
      strings = try sharedStrings(shared.target)
    }
    var dateStyles: Set<Int> = []
    if let styles = links.first(where: { $0.type.hasSuffix("/styles") }),
      entry(styles.target) != nil
    {
      dateStyles = try self.dateStyles(styles.target)
    }
    var sheets: [SheetContents] = []
    var cellCount = 0
    for sheet in declared {
      // Chart sheets and others hold no cells: only worksheets are read.
      guard let link = links.first(where: { $0.id == sheet.id }), link.type.hasSuffix("/worksheet")
      else { continue }
      var reader = SheetReader(
        name: sheet.name, part: link.target, strings: strings, dateStyles: dateStyles,
        limits: limits,
        cellCount: cellCount)
      let contents = try reader.read(try part(link.target), hidden: sheet.hidden)
      cellCount = reader.cellCount
      sheets.append(contents)
    }
    return WorkbookContents(sheets: sheets)
  }

  struct Relationship {
    var id: String
    var type: String
    var target: String
  }

  /// The relationships of a part (`""` for the package), targets resolved to part names;
  /// external ones (links to elsewhere) are left out: never followed.
  mutating func relationships(of source: String) throws -> [Relationship] {
    let directory = source.split(separator: "/").dropLast().joined(separator: "/")
    let name = source.split(separator: "/").last.map(String.init) ?? ""
    let path = (directory.isEmpty ? "" : directory + "/") + "_rels/" + name + ".rels"
    guard entry(path) != nil else {
      if source.isEmpty { throw WorkbookError.partMissing(part: path) }
      return []
    }
    var out: [Relationship] = []
    let parser = XMLPart(part: path)
    parser.start = { element, attributes in
      guard element == "Relationship", attributes["TargetMode"] != "External",
        let id = attributes["Id"], let type = attributes["Type"], let target = attributes["Target"]
      else { return }
      out.append(Relationship(id: id, type: type, target: Self.resolve(target, from: directory)))
    }
    try parser.parse(try part(path))
    return out
  }

  /// A relationship's target as a part name: absolute (`/xl/...`) or relative to `directory`.
  static func resolve(_ target: String, from directory: String) -> String {
    var segments: [Substring] =
      target.hasPrefix("/") || directory.isEmpty ? [] : directory.split(separator: "/")
    for segment in target.split(separator: "/") {
      if segment == "." { continue }
      if segment == ".." {
        _ = segments.popLast()
      } else {
        segments.append(segment)
      }
    }
    return segments.joined(separator: "/")
  }

  mutating func sharedStrings(_ path: String) throws -> [String] {
    var strings: [String] = []
    var current = ""
    var inItem = false
    var inText = false
    var phonetic = 0
    let limits = self.limits
    let parser = XMLPart(part: path)
    parser.wantsText = true
    parser.start = { name, _ in
      switch name {
      case "si":
        inItem = true
        current = ""
      case "rPh": phonetic += 1
      case "t": inText = inItem && phonetic == 0
      default: break
      }
    }
    parser.text = { piece in
      guard inText else { return }
      current += piece
      if current.utf8.count > limits.textLength * 4 {
        throw WorkbookError.textTooLong(part: path, cell: nil, limit: limits.textLength)
      }
    }
    parser.end = { name in
      switch name {
      case "si":
        let text = XMLText.unescapedString(current)
        if text.count > limits.textLength {
          throw WorkbookError.textTooLong(part: path, cell: nil, limit: limits.textLength)
        }
        strings.append(text)
        if strings.count > limits.cells {
          throw WorkbookError.tooManyCells(part: path, limit: limits.cells)
        }
        inItem = false
      case "rPh": phonetic -= 1
      case "t": inText = false
      default: break
      }
    }
    try parser.parse(try part(path))
    return strings
  }

  /// The indices of the cell formats (cellXfs) that show a number as a date.
  mutating func dateStyles(_ path: String) throws -> Set<Int> {
    var custom: [Int: String] = [:]
    var formats: [Int] = []
    var inCellFormats = false
    let parser = XMLPart(part: path)
    parser.start = { name, attributes in
      switch name {
      case "numFmt":
        if let id = attributes["numFmtId"].flatMap({ Int($0) }) {
          custom[id] = attributes["formatCode"] ?? ""
        }
      case "cellXfs": inCellFormats = true
      case "xf" where inCellFormats:
        formats.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
      default: break
      }
    }
    parser.end = { name in
      if name == "cellXfs" { inCellFormats = false }
    }
    try parser.parse(try part(path))
    var out: Set<Int> = []
    for (index, id) in formats.enumerated() {
      if let code = custom[id] {
        if Self.isDateFormat(code) { out.insert(index) }
      } else if (14...22).contains(id) || (45...47).contains(id) || (27...36).contains(id)
        || (50...58).contains(id)
      {
        out.insert(index)
      }
    }
    return out
  }

  /// Whether a number format shows a date or a time: a d, m, y, h or s outside quoted text,
  /// escapes and bracketed parts (colours, locales).
  static func isDateFormat(_ code: String) -> Bool {
    var quoted = false
    var bracket = false
    var escaped = false
    for character in code {
      if escaped { escaped = false; continue }
      switch character {
      case "\\": escaped = true
      case "\"": quoted.toggle()
      case "[" where !quoted: bracket = true
      case "]" where !quoted: bracket = false
      default:
        if !quoted, !bracket, "dmyhsDMYHS".contains(character) { return true }
      }
    }
    return false
  }
}
