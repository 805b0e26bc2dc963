import Foundation

/// A spreadsheet to write as an Office Open XML workbook (`WorkbookWriter`): sheets of rows of
/// cells, with what a reader of the file needs to work with it (widths, a frozen header,
/// filters, drop-down lists, locked cells, print setup).
public struct Workbook: Sendable {
  public var sheets: [Sheet]

  public init(sheets: [Sheet]) {
    self.sheets = sheets
  }
}

/// One worksheet.
public struct Sheet: Sendable {
  /// At most 31 characters, none of `[ ] : * ? / \`, not starting or ending with an apostrophe,
  /// unique in the workbook (case-insensitively): the writer refuses others.
  public var name: String
  public var rows: [Row]
  /// Widths of the first columns, in characters of the default font; later columns keep the
  /// spreadsheet's default.
  public var columnWidths: [Double]
  /// The rows kept on screen while scrolling (and repeated on every printed page).
  public var frozenRows: Int
  /// A filter (drop-down arrows) on this row (1-based) over every column of the sheet, down to
  /// its last row.
  public var autoFilterRow: Int?
  /// Drop-down lists of allowed values.
  public var validations: [ListValidation]
  /// Protected without a password: locked cells (the default, see `CellStyle.locked`) cannot be
  /// edited, unlocked ones can; filtering and resizing stay allowed.
  public var isProtected: Bool
  /// Hidden sheets are still in the file, out of the tab bar.
  public var isHidden: Bool
  /// Columns (1-based) kept in the file and out of sight: keys a program reads back.
  public var hiddenColumns: Set<Int>

  public init(
    name: String, rows: [Row], columnWidths: [Double] = [], frozenRows: Int = 0,
    autoFilterRow: Int? = nil, validations: [ListValidation] = [], isProtected: Bool = false,
    isHidden: Bool = false, hiddenColumns: Set<Int> = []
  ) {
    self.hiddenColumns = hiddenColumns
    self.name = name
    self.rows = rows
    self.columnWidths = columnWidths
    self.frozenRows = frozenRows
    self.autoFilterRow = autoFilterRow
    self.validations = validations
    self.isProtected = isProtected
    self.isHidden = isHidden
  }

  /// The number of columns: the longest row's.
  public var columnCount: Int { rows.reduce(0) { max($0, $1.cells.count) } }
}

public struct Row: Sendable {
  public var cells: [Cell]
  public var isHidden: Bool

  public init(_ cells: [Cell], isHidden: Bool = false) {
    self.cells = cells
    self.isHidden = isHidden
  }
}

public struct Cell: Sendable, Equatable {
  public var value: CellValue?
  public var style: CellStyle

  public init(_ value: CellValue?, style: CellStyle = CellStyle()) {
    self.value = value
    self.style = style
  }

  public static func text(_ text: String, style: CellStyle = CellStyle()) -> Cell {
    Cell(.text(text), style: style)
  }
}

/// What a cell holds: written by `WorkbookWriter`, read by `WorkbookReader`.
public enum CellValue: Sendable, Equatable, CustomStringConvertible {
  case text(String)
  case number(Double)
  case bool(Bool)
  /// A day as a spreadsheet stores it: days since 1899-12-30 (a number shown with a date format).
  case date(serial: Double)
  /// An error value such as `#N/A` or `#DIV/0!`.
  case error(String)

  public var description: String {
    switch self {
    case .text(let text): return text
    case .number(let number): return CellValue.numberText(number)
    case .bool(let value): return value ? "TRUE" : "FALSE"
    case .date(let serial): return CellValue.day(serial: serial) ?? CellValue.numberText(serial)
    case .error(let code): return code
    }
  }

  /// A number as the shortest text that reads back as the same number ("3", not "3.0").
  static func numberText(_ number: Double) -> String {
    if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
    return "\(number)"
  }

  /// YYYY-MM-DD of a date serial (its whole days), or nil outside years 1900-9999.
  public static func day(serial: Double) -> String? {
    guard serial.isFinite, serial >= 1, serial < 2_958_466 else { return nil }
    // Days since 1899-12-30 to a civil date (Howard Hinnant's algorithm, from 1970-01-01).
    let days = Int(serial.rounded(.down)) - 25_569
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    let pad = { (value: Int, width: Int) in
      String(repeating: "0", count: max(0, width - String(value).count)) + String(value)
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  /// The date serial of YYYY-MM-DD, or nil when it is not such a day.
  public static func serial(day text: String) -> Double? {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
      (1...12).contains(month), (1...31).contains(day), year >= 1900
    else { return nil }
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    let serial = Double(era * 146_097 + dayOfEra - 719_468 + 25_569)
    // 2026-02-31 is not a day: it must read back as itself.
    return CellValue.day(serial: serial) == text ? serial : nil
  }
}

/// How a cell looks and whether it can be edited once the sheet is protected.
public struct CellStyle: Sendable, Hashable {
  public var bold: Bool
  /// Long text wrapped within the column's width (and aligned to the top of the row).
  public var wrap: Bool
  /// A background colour, as RRGGBB.
  public var fill: String?
  /// Locked cells cannot be edited on a protected sheet; unlock the ones to fill in.
  public var locked: Bool
  /// Shown as a day (YYYY-MM-DD) even while empty, so that a day typed in it is kept as a date.
  /// Cells holding a `.date` have the format whatever this says.
  public var dateFormat: Bool

  public init(
    bold: Bool = false, wrap: Bool = false, fill: String? = nil, locked: Bool = true,
    dateFormat: Bool = false
  ) {
    self.dateFormat = dateFormat
    self.bold = bold
    self.wrap = wrap
    self.fill = fill
    self.locked = locked
  }
}

/// A drop-down list on the cells of one column, from `firstRow` to `lastRow` (1-based): the
/// spreadsheet refuses other values typed there.
public struct ListValidation: Sendable, Equatable {
  public var column: Int
  public var firstRow: Int
  public var lastRow: Int
  public var values: [String]

  public init(column: Int, firstRow: Int, lastRow: Int, values: [String]) {
    self.column = column
    self.firstRow = firstRow
    self.lastRow = lastRow
    self.values = values
  }
}

/// A cell's place: column and row, both 1-based; written as `C12`.
public struct CellAddress: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var column: Int
  public var row: Int

  /// The largest sheet Office opens: XFD1048576.
  public static let maxColumn = 16_384
  public static let maxRow = 1_048_576

  public init(column: Int, row: Int) {
    self.column = column
    self.row = row
  }

  /// `C12`, `AB3`, or nil when it is not a cell reference within the largest sheet.
  public init?(_ reference: some StringProtocol) {
    var column = 0
    var row = 0
    var letters = 0
    var digits = 0
    for byte in reference.utf8 {
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0:
        column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
        letters += 1
      case UInt8(ascii: "0")...UInt8(ascii: "9") where letters > 0:
        row = row * 10 + Int(byte - UInt8(ascii: "0"))
        digits += 1
      default:
        return nil
      }
      if letters > 3 || digits > 7 { return nil }
    }
    guard letters > 0, digits > 0, (1...Self.maxColumn).contains(column),
      (1...Self.maxRow).contains(row)
    else { return nil }
    self.column = column
    self.row = row
  }

  /// `A`, `Z`, `AA`... of a 1-based column.
  public static func letters(_ column: Int) -> String {
    var column = column
    var scalars: [Unicode.Scalar] = []
    while column > 0 {
      let remainder = (column - 1) % 26
      scalars.append(Unicode.Scalar(UInt8(ascii: "A") + UInt8(remainder)))
      column = (column - 1) / 26
    }
    return String(String.UnicodeScalarView(scalars.reversed()))
  }

  public var description: String { Self.letters(column) + String(row) }

  public static func < (lhs: CellAddress, rhs: CellAddress) -> Bool {
    (lhs.row, lhs.column) < (rhs.row, rhs.column)
  }
}
