import AssessmentCore
import Foundation
import Workbook

/// A provider's answer to one question, as read from its row of the workbook: what becomes a
/// provider claim once imported.
public struct ProviderRow: Sendable, Equatable {
  public var id: String
  /// The question's place in the questionnaire's walking order.
  public var position: Int
  /// The row's number in the questions sheet.
  public var row: Int
  /// The answer's cell.
  public var answerAddress: CellAddress
  /// nil when the provider left the answer empty but wrote an explanation, evidence or remarks.
  public var value: AnswerValue?
  public var explanation: String
  /// The document, its version or date, as written.
  public var evidence: String
  /// YYYY-MM-DD, or empty.
  public var evidenceValidUntil: String
  public var remarks: String

  public init(
    id: String, position: Int, row: Int, answerColumn: Int = 6, value: AnswerValue?,
    explanation: String = "", evidence: String = "", evidenceValidUntil: String = "",
    remarks: String = ""
  ) {
    answerAddress = CellAddress(column: answerColumn, row: row)
    self.id = id
    self.position = position
    self.row = row
    self.value = value
    self.explanation = explanation
    self.evidence = evidence
    self.evidenceValidUntil = evidenceValidUntil
    self.remarks = remarks
  }
}

/// What the questionnaire and session a workbook says it was made for (its cover).
public struct ProviderWorkbookOrigin: Sendable, Equatable {
  public var sessionID: String
  public var questionnaireID: String
  public var questionnaireVersion: String
  public var questionnaireDigest: String

  public init(
    sessionID: String, questionnaireID: String, questionnaireVersion: String,
    questionnaireDigest: String
  ) {
    self.sessionID = sessionID
    self.questionnaireID = questionnaireID
    self.questionnaireVersion = questionnaireVersion
    self.questionnaireDigest = questionnaireDigest
  }
}

/// Why a workbook cannot be imported: the import applies everything or nothing, so any of these
/// refuses the whole workbook. Each names the cell (`Questions!F12`) where there is one.
public enum ProviderImportProblem: Sendable, Equatable {
  /// No sheet has the hidden row of column keys (`id`, `answer`...).
  case noQuestionsSheet
  /// Two columns carry the same key.
  case duplicateColumn(key: String, cells: [String])
  /// No cover with the session and questionnaire the workbook was made for.
  case noCover
  case otherSession(workbook: String, session: String)
  case otherQuestionnaire(workbook: ProviderWorkbookOrigin, session: ProviderWorkbookOrigin)
  case unknownID(cell: String, id: String)
  /// A question of the questionnaire that the provider does not answer (the organisation's).
  case notAskedOfProvider(cell: String, id: String)
  case duplicateID(cell: String, id: String, first: String)
  /// An answer that is not one of the question's choices (in any of the three languages, or
  /// its id); `allowed` are the choices' labels in the interface's language.
  case outsideList(cell: String, value: String, allowed: [String])
  case notANumber(cell: String, value: String)
  case notADay(cell: String, value: String)
  /// A day of validity without the evidence it is the validity of.
  case validityWithoutEvidence(cell: String, evidenceCell: String)
  /// An error value (`#N/A`, `#REF!`) where text was expected.
  case errorValue(cell: String, value: String)
}

/// What the import notes without refusing.
public enum ProviderImportNotice: Sendable, Equatable {
  /// A formula in a provider's cell: read as the value the spreadsheet saved with it, never
  /// computed.
  case formula(cell: String, formula: String, value: String)
}

/// A provider workbook read against a session: the answers found, and what refuses it.
public struct ProviderWorkbookAnswers: Sendable, Equatable {
  /// The sheet the answers were read from.
  public var sheet: String
  public var rows: [ProviderRow]
  /// Rows of questions the provider left blank.
  public var blankRows: Int
  public var problems: [ProviderImportProblem]
  public var notices: [ProviderImportNotice]
  public var origin: ProviderWorkbookOrigin?

  /// A sheet's cell as a spreadsheet names it: `Questions!F12`, `'Mes réponses'!F12`.
  public static func cellName(_ sheet: String, _ address: CellAddress) -> String {
    let plain = sheet.unicodeScalars.allSatisfy {
      $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_"
    }
    let name = plain ? sheet : "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'"
    return name + "!" + address.description
  }

  /// Reads a workbook's answers for a session: the questions sheet found by its key row, each
  /// column by its key, every row matched to a question; the cover checked against the session
  /// and its questionnaire (`expected`). `language` is that of the lists of allowed values the
  /// problems give.
  public static func read(
    _ contents: WorkbookContents, questionnaire: Questionnaire, expected: ProviderWorkbookOrigin,
    language: InterfaceLanguage
  ) -> ProviderWorkbookAnswers {
    var out = ProviderWorkbookAnswers(
      sheet: "", rows: [], blankRows: 0, problems: [], notices: [], origin: nil)
    out.readCover(contents, expected: expected)
    guard let (sheet, keyRow, columns) = out.findQuestions(contents) else { return out }
    out.sheet = sheet.name
    guard out.problems.isEmpty else { return out }
    out.readRows(
      sheet, keyRow: keyRow, columns: columns, questionnaire: questionnaire, language: language)
    return out
  }

  mutating func readCover(_ contents: WorkbookContents, expected: ProviderWorkbookOrigin) {
    typealias Key = ProviderWorkbook.CoverKey
    for sheet in contents.sheets {
      var values: [String: String] = [:]
      for row in sheet.rows {
        guard let key = row.cells.first, key.address.column == 1,
          case .text(let name) = key.value, Key(rawValue: name) != nil
        else { continue }
        values[name] = row.cells.dropFirst().last.map { Self.text($0.value) } ?? ""
      }
      guard let session = values[Key.session.rawValue],
        let digest = values[Key.questionnaireDigest.rawValue]
      else { continue }
      let origin = ProviderWorkbookOrigin(
        sessionID: session, questionnaireID: values[Key.questionnaireID.rawValue] ?? "",
        questionnaireVersion: values[Key.questionnaireVersion.rawValue] ?? "",
        questionnaireDigest: digest)
      self.origin = origin
      if origin.questionnaireDigest != expected.questionnaireDigest {
        problems.append(.otherQuestionnaire(workbook: origin, session: expected))
      }
      if origin.sessionID != expected.sessionID {
        problems.append(.otherSession(workbook: origin.sessionID, session: expected.sessionID))
      }
      return
    }
    problems.append(.noCover)
  }

  /// The sheet whose row (among its first ten) holds the keys `id` and `answer`, that row, and
  /// the column of each key.
  mutating func findQuestions(_ contents: WorkbookContents) -> (
    SheetContents, Int, [ProviderWorkbook.Column: Int]
  )? {
    typealias Column = ProviderWorkbook.Column
    for sheet in contents.sheets {
      for row in sheet.rows where row.number <= 10 {
        var columns: [Column: Int] = [:]
        var cells: [Column: [String]] = [:]
        for cell in row.cells {
          guard case .text(let text) = cell.value,
            let column = Column(rawValue: text.trimmingCharacters(in: .whitespaces))
          else { continue }
          columns[column] = columns[column] ?? cell.address.column
          cells[column, default: []].append(Self.cellName(sheet.name, cell.address))
        }
        guard columns[.id] != nil, columns[.answer] != nil else { continue }
        for column in Column.allCases {
          if let found = cells[column], found.count > 1 {
            problems.append(.duplicateColumn(key: column.rawValue, cells: found))
          }
        }
        return (sheet, row.number, columns)
      }
    }
    problems.append(.noQuestionsSheet)
    return nil
  }

  mutating func readRows(
    _ sheet: SheetContents, keyRow: Int, columns: [ProviderWorkbook.Column: Int],
    questionnaire: Questionnaire, language: InterfaceLanguage
  ) {
    guard let idColumn = columns[.id], let answerColumn = columns[.answer] else { return }
    var seen: [String: String] = [:]
    // The row of headings follows the keys; the questions follow it.
    for row in sheet.rows where row.number > keyRow + 1 {
      func cell(_ column: ProviderWorkbook.Column) -> CellContents? {
        guard let index = columns[column] else { return nil }
        return row.cells.first { $0.address.column == index }
      }
      func name(_ column: Int) -> String {
        Self.cellName(sheet.name, CellAddress(column: column, row: row.number))
      }
      /// A provider's cell as text: a formula noted, an error value refused.
      func text(_ column: ProviderWorkbook.Column) -> String? {
        guard let found = cell(column) else { return "" }
        let value = Self.text(found.value)
        if let formula = found.formula {
          notices.append(
            .formula(cell: name(found.address.column), formula: formula, value: value))
        }
        if case .error(let code) = found.value {
          problems.append(.errorValue(cell: name(found.address.column), value: code))
          return nil
        }
        return value.trimmed
      }
      let id = cell(.id).map { Self.text($0.value).trimmingCharacters(in: .whitespaces) } ?? ""
      let answerCell = name(answerColumn)
      guard let answer = text(.answer), let explanation = text(.explanation),
        let evidence = text(.evidence), let remarks = text(.remarks)
      else { continue }
      let until = cell(.evidenceValidUntil)
      let providerWrote =
        !answer.isEmpty || !explanation.isEmpty || !evidence.isEmpty || !remarks.isEmpty
        || until != nil
      if id.isEmpty {
        if providerWrote { problems.append(.unknownID(cell: name(idColumn), id: "")) }
        continue
      }
      guard let position = questionnaire.index(of: id) else {
        problems.append(.unknownID(cell: name(idColumn), id: id))
        continue
      }
      guard ProviderWorkbook.asksProvider(questionnaire, position) else {
        problems.append(.notAskedOfProvider(cell: name(idColumn), id: id))
        continue
      }
      if let first = seen[id] {
        problems.append(.duplicateID(cell: name(idColumn), id: id, first: first))
        continue
      }
      seen[id] = name(idColumn)
      guard providerWrote else {
        blankRows += 1
        continue
      }
      let question = questionnaire.questions[position]
      var value: AnswerValue?
      if !answer.isEmpty {
        value = Self.value(answer, question, questionnaire, language, cell: answerCell, &problems)
        if value == nil { continue }
      }
      var day = ""
      if let until {
        let cellName = name(until.address.column)
        if let formula = until.formula {
          notices.append(
            .formula(cell: cellName, formula: formula, value: Self.text(until.value)))
        }
        guard let read = Self.day(until.value) else {
          problems.append(.notADay(cell: cellName, value: Self.text(until.value)))
          continue
        }
        day = read
        if !day.isEmpty, evidence.isEmpty {
          problems.append(
            .validityWithoutEvidence(
              cell: cellName, evidenceCell: name(columns[.evidence] ?? until.address.column)))
          continue
        }
      }
      rows.append(
        ProviderRow(
          id: id, position: position, row: row.number, answerColumn: answerColumn, value: value,
          explanation: explanation,
          evidence: evidence, evidenceValidUntil: day, remarks: remarks))
    }
  }

  /// A cell's value as the text a person sees (a date as YYYY-MM-DD).
  static func text(_ value: CellValue) -> String { value.description }

  /// A day from a "valid until" cell: a date, YYYY-MM-DD, DD/MM/YYYY or DD.MM.YYYY typed as
  /// text, or a date serial whose format was lost; empty text is no day. nil: not a day.
  static func day(_ value: CellValue) -> String? {
    switch value {
    case .date(let serial):
      return CellValue.day(serial: serial)
    case .number(let serial):
      // Days since 1899-12-30 between 1954 and 2119: a date whose format a program dropped.
      guard serial == serial.rounded(), (20_000...80_000).contains(serial) else { return nil }
      return CellValue.day(serial: serial)
    case .text(let raw):
      let text = raw.trimmingCharacters(in: .whitespaces)
      if text.isEmpty { return "" }
      if CellValue.serial(day: text) != nil { return text }
      let parts = text.split(omittingEmptySubsequences: false) { $0 == "/" || $0 == "." }
      guard parts.count == 3, parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4
      else { return nil }
      let pad = { (part: Substring) in part.count == 1 ? "0" + part : String(part) }
      let iso = "\(parts[2])-\(pad(parts[1]))-\(pad(parts[0]))"
      return CellValue.serial(day: iso) != nil ? iso : nil
    case .bool, .error:
      return nil
    }
  }

  /// Text compared without case, accents or runs of spaces: "partiellement  Conforme".
  static func folded(_ text: String) -> String {
    text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
      .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }

  /// Every way of writing each choice of a question: its id and its label in French, English
  /// and Dutch (and the questionnaire's other languages).
  static func spellings(_ question: Question, _ questionnaire: Questionnaire) -> [(
    id: String, words: [String]
  )] {
    let languages = InterfaceLanguage.allCases
    switch question.type {
    case .compliance:
      return ComplianceValue.allCases.map { value in
        var words = [value.rawValue] + languages.map { value.phrase.text($0) }
        if value == .na { words += languages.map { Phrase.notApplicableAnswer.text($0) } }
        return (value.rawValue, words)
      }
    case .yesno:
      return [
        ("yes", ["yes"] + languages.map { Phrase.yes.text($0) }),
        ("no", ["no"] + languages.map { Phrase.no.text($0) }),
      ]
    case .single, .multiple:
      let codes = Set(languages.map(\.rawValue) + questionnaire.languages)
      return question.options.map { option in
        (option.id, [option.id] + codes.sorted().map { questionnaire.text(option.label, $0) })
      }
    case .text, .number, .date, .derogation:
      return []
    }
  }

  /// The answer a cell's text gives the question, or nil with the problem recorded.
  static func value(
    _ text: String, _ question: Question, _ questionnaire: Questionnaire,
    _ language: InterfaceLanguage, cell: String, _ problems: inout [ProviderImportProblem]
  ) -> AnswerValue? {
    func match(_ text: String) -> String? {
      let wanted = folded(text)
      return spellings(question, questionnaire).first { choice in
        choice.words.contains { folded($0) == wanted }
      }?.id
    }
    func outside(_ value: String) {
      let allowed = question.choices(language, questionnaire).map(\.label)
      problems.append(.outsideList(cell: cell, value: value, allowed: allowed))
    }
    switch question.type {
    case .compliance, .yesno, .single:
      guard let id = match(text) else {
        outside(text)
        return nil
      }
      return .choice(id)
    case .multiple:
      var chosen: Set<String> = []
      for part in text.split(whereSeparator: { $0 == ";" || $0 == "\n" }) {
        let piece = part.trimmingCharacters(in: .whitespaces)
        if piece.isEmpty { continue }
        guard let id = match(piece) else {
          outside(piece)
          return nil
        }
        chosen.insert(id)
      }
      return .choices(question.options.map(\.id).filter(chosen.contains))
    case .text:
      return .text(text)
    case .number:
      let normalized = text.replacingOccurrences(of: ",", with: ".").filter {
        !$0.isWhitespace && $0 != "\u{A0}" && $0 != "\u{202F}"
      }
      guard let number = Double(normalized), number.isFinite else {
        problems.append(.notANumber(cell: cell, value: text))
        return nil
      }
      return .number(number)
    case .date:
      // A date cell reads as YYYY-MM-DD; typed text may be DD/MM/YYYY as people write it here.
      guard let day = day(.text(text)), !day.isEmpty else {
        problems.append(.notADay(cell: cell, value: text))
        return nil
      }
      return .date(day)
    case .derogation:
      return nil
    }
  }
}
