import AssessmentCore
import Foundation
import Workbook

/// The workbook sent to the provider (`cloud-assess provider export`, docs/provider-workbook.md):
/// a cover (who asks, which service, the deadline, how to fill it in, the questionnaire and the
/// session it belongs to) and one row per question the provider answers. Built from a session's
/// answers and its questionnaire; returns a `Workbook` or its bytes, the caller writes them.
public struct ProviderWorkbook: Sendable {
  /// The questions sheet's hidden first row: how the import finds each column, whatever the
  /// provider did to their order or headings.
  public enum Column: String, CaseIterable, Sendable {
    case id, section, citation, question, help, answer, explanation, evidence
    case evidenceValidUntil = "evidence_valid_until"
    case remarks

    /// The columns the provider fills in (unlocked).
    public var isProviders: Bool {
      switch self {
      case .answer, .explanation, .evidence, .evidenceValidUntil, .remarks: return true
      case .id, .section, .citation, .question, .help: return false
      }
    }

    var heading: ProviderText {
      switch self {
      case .id: return .idHeading
      case .section: return .sectionHeading
      case .citation: return .citationHeading
      case .question: return .questionHeading
      case .help: return .helpHeading
      case .answer: return .answerHeading
      case .explanation: return .explanationHeading
      case .evidence: return .evidenceHeading
      case .evidenceValidUntil: return .validUntilHeading
      case .remarks: return .remarksHeading
      }
    }

    /// In characters; about 230 in all, printed on A4 landscape as wide as one page.
    var width: Double {
      switch self {
      case .id: return 16
      case .section: return 14
      case .citation: return 10
      case .question: return 38
      case .help: return 48
      case .answer: return 18
      case .explanation: return 30
      case .evidence: return 22
      case .evidenceValidUntil: return 14
      case .remarks: return 18
      }
    }
  }

  /// The cover's hidden first column: how the import finds what the workbook was made for.
  public enum CoverKey: String, CaseIterable, Sendable {
    case organisation, assessor, provider, service, deadline
    case questionnaire, questionnaireID = "questionnaire_id"
    case questionnaireVersion = "questionnaire_version"
    case questionnaireDigest = "questionnaire_digest"
    case session, exported
    case questionCount = "question_count"
  }

  /// One question the provider answers.
  public struct Item: Sendable, Equatable {
    public var position: Int
    public var id: String
    public var section: String
    public var citation: String
    public var question: String
    public var help: String
    /// The drop-down's values, in the workbook's language; empty for a free answer (text, a
    /// number, several choices).
    public var choices: [String]
    /// Whether the answer is a day: its cell is formatted as a date.
    public var isDay: Bool = false
  }

  public let questionnaire: Questionnaire
  public let digest: String
  public let sessionID: String
  public let metadata: SessionMetadata
  /// YYYY-MM-DD, or nil when none was given.
  public let deadline: String?
  public let language: InterfaceLanguage
  public let items: [Item]

  /// The rows of a session: the questions whose owner is the provider or shared, that apply
  /// under the session's answers (its scoping), in the questionnaire's order. Derogations are
  /// the organisation's decisions and never asked of the provider.
  public init(
    questionnaire: Questionnaire, digest: String, sessionID: String, metadata: SessionMetadata,
    answers: [String: Answer], deadline: String?, language: InterfaceLanguage
  ) {
    self.questionnaire = questionnaire
    self.digest = digest
    self.sessionID = sessionID
    self.metadata = metadata
    self.deadline = deadline
    self.language = language
    let visibility = questionnaire.visibility(answers: answers)
    let code = language.rawValue
    var items: [Item] = []
    var sectionTitles: [Int: String] = [:]
    for (position, question) in questionnaire.questions.enumerated()
    where visibility[position] && Self.asksProvider(questionnaire, position) {
      let section = questionnaire.sectionIndexOfQuestion[position]
      let title =
        sectionTitles[section]
        ?? questionnaire.text(questionnaire.sections[section].title, code)
      sectionTitles[section] = title
      items.append(
        Item(
          position: position, id: question.id, section: title,
          citation: questionnaire.citations(question.refs, code),
          question: questionnaire.text(question.text, code),
          help: questionnaire.text(question.help, code),
          choices: Self.dropDown(question, questionnaire, language),
          isDay: question.type == .date))
    }
    self.items = items
  }

  /// Whether the question at `position` is one the provider answers: its owner is the provider
  /// or shared, and it is not a derogation.
  public static func asksProvider(_ questionnaire: Questionnaire, _ position: Int) -> Bool {
    questionnaire.questions[position].type != .derogation
      && questionnaire.owner(at: position) != .organisation
  }

  /// The drop-down of a question with one choice among several: the labels a person reads.
  static func dropDown(
    _ question: Question, _ questionnaire: Questionnaire, _ language: InterfaceLanguage
  ) -> [String] {
    switch question.type {
    case .compliance, .yesno, .single:
      return question.choices(language, questionnaire).map(\.label)
    case .multiple, .text, .number, .date, .derogation:
      return []
    }
  }

  // MARK: - The workbook

  static let headerStyle = CellStyle(bold: true, wrap: true, fill: "D9D9D9")
  static let keyStyle = CellStyle(wrap: false)
  static let questionStyle = CellStyle(wrap: true)
  /// The cells the provider fills in: unlocked, and yellow so that they are seen.
  static let fillIn = CellStyle(wrap: true, fill: "FFF5C2", locked: false)
  static let fillInDate = CellStyle(wrap: true, fill: "FFF5C2", locked: false, dateFormat: true)
  static let labelStyle = CellStyle(bold: true, wrap: true)

  func t(_ text: ProviderText) -> String { text.text(language) }

  public var questionsSheetName: String { t(.questionsSheet) }

  public func workbook(exported: Date) -> Workbook {
    Workbook(sheets: [coverSheet(exported: exported), questionsSheet()])
  }

  /// The workbook's bytes (Office Open XML), every part dated `exported`.
  public func xlsx(exported: Date) throws -> Data {
    try WorkbookWriter.data(workbook(exported: exported), modified: exported)
  }

  func coverSheet(exported: Date) -> Sheet {
    let code = language.rawValue
    var rows: [Row] = [
      Row([
        Cell(nil), Cell.text(t(.title), style: Self.labelStyle),
        Cell.text(questionnaire.text(questionnaire.title, code), style: Self.labelStyle),
      ])
    ]
    func add(_ key: CoverKey?, _ label: String, _ value: Cell) {
      rows.append(
        Row([
          key.map { Cell.text($0.rawValue, style: Self.keyStyle) } ?? Cell(nil),
          Cell.text(label, style: Self.labelStyle), value,
        ]))
    }
    func text(_ value: String) -> Cell {
      value.isEmpty ? Cell(nil) : Cell.text(value, style: Self.questionStyle)
    }
    for field in SessionMetadata.Field.allCases {
      let key: CoverKey
      switch field {
      case .organisation: key = .organisation
      case .assessor: key = .assessor
      case .provider: key = .provider
      case .service: key = .service
      }
      add(key, questionnaire.identificationLabel(field, language), text(metadata[field]))
    }
    // Days and counts as text: left-aligned under the other values, and read back as written.
    add(
      .deadline, t(.deadline),
      deadline.map { Cell.text($0, style: Self.labelStyle) } ?? text(t(.noDeadline)))
    add(nil, t(.howTo), Cell(nil))
    let compliance = ComplianceValue.allCases.map { $0.phrase.text(language) }
    let who = [metadata.assessor, metadata.organisation].filter { !$0.isBlank }.joined(
      separator: ", ")
    let steps = [
      ProviderText.stepWhere.format(language, t(.questionsSheet)),
      ProviderText.stepAnswer.format(
        language, t(.answerHeading), compliance.joined(separator: language.listSeparator)),
      ProviderText.stepExplain.format(language, t(.explanationHeading)),
      ProviderText.stepEvidence.format(language, t(.evidenceHeading), t(.validUntilHeading)),
      ProviderText.stepColumns.format(language, t(.idHeading)),
      ProviderText.stepReturn.format(language, who.isEmpty ? t(.returnToUnknown) : who),
    ]
    for step in steps {
      rows.append(Row([Cell(nil), Cell(nil), Cell.text(step, style: Self.questionStyle)]))
    }
    add(
      .questionnaire, t(.questionnaire), text(questionnaire.text(questionnaire.title, code)))
    add(.questionnaireID, t(.questionnaireID), text(questionnaire.id))
    add(.questionnaireVersion, t(.questionnaireVersion), text(questionnaire.version))
    add(.questionnaireDigest, t(.questionnaireDigest), text(digest))
    add(.session, t(.session), text(sessionID))
    add(.exported, t(.exported), text(Timestamp.formatSeconds(exported)))
    add(.questionCount, t(.questionCount), text(String(items.count)))
    return Sheet(
      name: t(.coverSheet), rows: rows, columnWidths: [14, 34, 110], isProtected: true,
      hiddenColumns: [1])
  }

  func questionsSheet() -> Sheet {
    let columns = Column.allCases
    var rows = [
      Row(columns.map { Cell.text($0.rawValue, style: Self.keyStyle) }, isHidden: true),
      Row(columns.map { Cell.text(t($0.heading), style: Self.headerStyle) }),
    ]
    rows.reserveCapacity(items.count + 2)
    for item in items {
      rows.append(
        Row(
          columns.map { column in
            switch column {
            case .id: return Cell.text(item.id, style: Self.questionStyle)
            case .section: return Cell.text(item.section, style: Self.questionStyle)
            case .citation: return Cell.text(item.citation, style: Self.questionStyle)
            case .question: return Cell.text(item.question, style: Self.questionStyle)
            case .help: return Cell.text(item.help, style: Self.questionStyle)
            case .evidenceValidUntil: return Cell(nil, style: Self.fillInDate)
            case .answer where item.isDay: return Cell(nil, style: Self.fillInDate)
            case .answer, .explanation, .evidence, .remarks: return Cell(nil, style: Self.fillIn)
            }
          }))
    }
    return Sheet(
      name: t(.questionsSheet), rows: rows, columnWidths: columns.map(\.width), frozenRows: 2,
      validations: validations(), isProtected: true)
  }

  /// The answer column's drop-downs: one per run of consecutive rows with the same list. A list
  /// Office cannot hold inline (a comma in a label, over 255 characters) is left out: the
  /// import reads the labels and ids typed without it.
  func validations() -> [ListValidation] {
    let column = (Column.allCases.firstIndex(of: .answer) ?? 0) + 1
    var out: [ListValidation] = []
    for (index, item) in items.enumerated() where Self.fitsInline(item.choices) {
      let row = index + 3
      if let last = out.last, last.values == item.choices, last.lastRow == row - 1 {
        out[out.count - 1].lastRow = row
      } else {
        out.append(
          ListValidation(column: column, firstRow: row, lastRow: row, values: item.choices))
      }
    }
    return out
  }

  static func fitsInline(_ values: [String]) -> Bool {
    !values.isEmpty && values.joined(separator: ",").count <= 255
      && !values.contains { $0.contains(",") || $0.contains("\"") || $0.isEmpty }
  }
}
