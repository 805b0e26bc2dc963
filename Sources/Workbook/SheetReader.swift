// One worksheet's XML read to its cells (values, types, dates, hidden rows), within limits.
import Foundation

/// One worksheet's XML to its cells.
struct SheetReader {
  let name: String
  let part: String
  let strings: [String]
  let dateStyles: Set<Int>
  let limits: WorkbookLimits
  var cellCount: Int

  mutating func read(_ data: Data, hidden: Bool) throws -> SheetContents {
    var cells: [CellContents] = []
    var hiddenRows: Set<Int> = []
    var rowCount = 0
    var rowNumber = 0
    var lastAddress = CellAddress(column: 0, row: 0)
    var column = 0
    // The cell being read.
    var address = CellAddress(column: 0, row: 0)
    var type = "n"
    var style = 0
    var value: String?
    var formula: String?
    var inline: String?
    var textTarget = 0  // 0 none, 1 value, 2 formula, 3 inline text
    var inInline = false
    var phonetic = 0
    var total = cellCount
    let (name, part, strings, dateStyles, limits) = (
      self.name, self.part, self.strings, self.dateStyles, self.limits
    )

    func append(_ piece: String, to text: inout String?) throws {
      text = (text ?? "") + piece
      if let text, text.utf8.count > limits.textLength * 4 {
        throw WorkbookError.textTooLong(
          part: part, cell: address.description, limit: limits.textLength)
      }
    }

    let parser = XMLPart(part: part)
    parser.wantsText = true
    parser.start = { element, attributes in
      switch element {
      case "row":
        rowCount += 1
        if rowCount > limits.rows {
          throw WorkbookError.tooManyRows(sheet: name, part: part, limit: limits.rows)
        }
        if let text = attributes["r"] {
          guard let number = Int(text), number > rowNumber, number <= CellAddress.maxRow else {
            throw WorkbookError.invalidCellReference(part: part, reference: "row \(text)")
          }
          rowNumber = number
        } else {
          rowNumber += 1
        }
        column = 0
        if let flag = attributes["hidden"], flag == "1" || flag == "true" {
          hiddenRows.insert(rowNumber)
        }
      case "c":
        if let reference = attributes["r"] {
          guard let parsed = CellAddress(reference), parsed.row == rowNumber, parsed > lastAddress
          else {
            throw WorkbookError.invalidCellReference(part: part, reference: reference)
          }
          address = parsed
        } else {
          guard rowNumber > 0, column < CellAddress.maxColumn else {
            throw WorkbookError.invalidCellReference(
              part: part, reference: "row \(rowNumber), column \(column + 1)")
          }
          address = CellAddress(column: column + 1, row: rowNumber)
        }
        column = address.column
        lastAddress = address
        type = attributes["t"] ?? "n"
        style = attributes["s"].flatMap { Int($0) } ?? 0
        value = nil
        formula = nil
        inline = nil
      case "v": textTarget = 1
      case "f":
        textTarget = 2
        formula = formula ?? ""
      case "is": inInline = true
      case "rPh": phonetic += 1
      case "t" where inInline && phonetic == 0:
        textTarget = 3
        inline = inline ?? ""
      default: break
      }
    }
    parser.text = { piece in
      switch textTarget {
      case 1: try append(piece, to: &value)
      case 2: try append(piece, to: &formula)
      case 3: try append(piece, to: &inline)
      default: break
      }
    }
    parser.end = { element in
      switch element {
      case "v", "f", "t": textTarget = 0
      case "is": inInline = false
      case "rPh": phonetic -= 1
      case "c":
        let cell = address.description
        func invalid(_ text: String) -> WorkbookError {
          .invalidValue(
            sheet: name, part: part, cell: cell, type: type, value: String(text.prefix(40)))
        }
        var result: CellValue?
        switch type {
        case "s":
          guard let text = value else { break }
          let trimmed = text.trimmingCharacters(in: .whitespaces)
          guard let index = Int(trimmed), index >= 0, index < strings.count else {
            throw WorkbookError.sharedStringOutOfRange(
              sheet: name, part: part, cell: cell, index: String(trimmed.prefix(20)),
              count: strings.count)
          }
          result = .text(strings[index])
        case "inlineStr":
          if let text = inline ?? value { result = .text(XMLText.unescapedString(text)) }
        case "str":
          if let text = value { result = .text(XMLText.unescapedString(text)) }
        case "b":
          guard let text = value else { break }
          switch text.trimmingCharacters(in: .whitespaces) {
          case "1", "true": result = .bool(true)
          case "0", "false": result = .bool(false)
          default: throw invalid(text)
          }
        case "e":
          if let text = value { result = .error(text) }
        case "d":
          // An ISO 8601 date written as text (t="d"): kept as the text.
          if let text = value { result = .text(text) }
        case "n":
          guard let text = value else { break }
          guard let number = Double(text.trimmingCharacters(in: .whitespaces)), number.isFinite
          else {
            throw invalid(text)
          }
          result = dateStyles.contains(style) ? .date(serial: number) : .number(number)
        default:
          throw invalid(type)
        }
        if let result {
          if case .text(let text) = result, text.count > limits.textLength {
            throw WorkbookError.textTooLong(part: part, cell: cell, limit: limits.textLength)
          }
          guard address.row <= limits.rows else {
            throw WorkbookError.tooManyRows(sheet: name, part: part, limit: limits.rows)
          }
          total += 1
          if total > limits.cells {
            throw WorkbookError.tooManyCells(part: part, limit: limits.cells)
          }
          cells.append(
            CellContents(
              address: address, value: result, formula: formula.map(XMLText.unescapedString)))
        }
      default: break
      }
    }
    try parser.parse(data)
    cellCount = total
    return SheetContents(
      name: name, part: part, isHidden: hidden, cells: cells, hiddenRows: hiddenRows)
  }
}
