import AssessmentCore
import Foundation
import TestSupport
import Testing

@testable import ProviderWorkbook
@testable import Workbook

/// The provider workbook: which questions it asks, its layout, and its answers read back
/// (columns by their keys, labels in any language, every refusal with its cell).
@Suite struct ProviderWorkbookTests {
  static let digest = String(repeating: "ab", count: 32)
  static let exported = Date(timeIntervalSince1970: 1_795_000_000)
  static let expected = ProviderWorkbookOrigin(
    sessionID: "20261123-101500-4f2a", questionnaireID: "fixture", questionnaireVersion: "1",
    questionnaireDigest: digest)

  /// The fixture with its scoping section the organisation's.
  static let questionnaire: Questionnaire = {
    var sections = fixture.sections
    sections[0].owner = .organisation
    return Questionnaire(
      id: fixture.id, version: fixture.version, languages: fixture.languages,
      title: fixture.title, sections: sections)
  }()

  static func book(
    answers: [String: Answer] = [:], language: InterfaceLanguage = .fr, deadline: String? = nil
  ) -> ProviderWorkbook {
    ProviderWorkbook(
      questionnaire: questionnaire, digest: digest, sessionID: expected.sessionID,
      metadata: SessionMetadata(
        organisation: "ONSS", assessor: "A. Dupont", provider: "CloudCo", service: "Payroll",
        created: t0, updated: t0),
      answers: answers, deadline: deadline, language: language)
  }

  /// The workbook as written and read back, for a test to change as a provider would.
  static func contents(_ book: ProviderWorkbook = book()) throws -> WorkbookContents {
    try WorkbookReader.read(try book.xlsx(exported: exported))
  }

  static func read(_ contents: WorkbookContents, language: InterfaceLanguage = .en)
    -> ProviderWorkbookAnswers
  {
    ProviderWorkbookAnswers.read(
      contents, questionnaire: questionnaire, expected: expected, language: language)
  }

  @Test func theRowsAreTheProvidersQuestionsThatApply() {
    // The scoping questions are the organisation's; the privacy section applies unless
    // personal_data is "no"; network only for a public deployment.
    #expect(Self.book().items.map(\.id) == ["restitution", "sovereignty", "encryption", "comment"])
    let publicYes = Self.book(answers: [
      "personal_data": Answer(value: .choice("yes")),
      "deployment": Answer(value: .choice("public")),
    ])
    #expect(
      publicYes.items.map(\.id) == [
        "restitution", "sovereignty", "encryption", "network", "comment",
      ])
    let noPersonalData = Self.book(answers: ["personal_data": Answer(value: .choice("no"))])
    #expect(noPersonalData.items.map(\.id) == ["restitution", "sovereignty"])
    let item = Self.book(language: .nl).items[0]
    #expect(item.question == "Is restitution met? (nl)")
    #expect(item.citation == "2.2.3.b")
    #expect(item.choices.first == "Conform")
    #expect(Self.book().items[3].choices.isEmpty, "a text question has no drop-down")
  }

  @Test func theLayout() throws {
    let sheets = Self.book(deadline: "2027-01-15").workbook(exported: Self.exported).sheets
    #expect(sheets.map(\.name) == ["Couverture", "Questions"])
    let questions = sheets[1]
    #expect(
      questions.rows[0].cells.map(\.value)
        == ProviderWorkbook.Column.allCases.map {
          .text($0.rawValue)
        })
    #expect(questions.rows[0].isHidden)
    #expect(questions.rows[1].cells[5].value == .text("Votre réponse"))
    #expect(questions.frozenRows == 2)
    #expect(questions.isProtected)
    #expect(questions.rows[2].cells[3].style.locked)
    #expect(!questions.rows[2].cells[5].style.locked)
    #expect(questions.rows[2].cells[8].style.dateFormat)
    // One drop-down over the three compliance rows; none for the text question.
    #expect(
      questions.validations == [
        ListValidation(
          column: 6, firstRow: 3, lastRow: 5,
          values: [
            "Conforme", "Partiellement conforme", "Non conforme",
            "Non applicable (justification requise)", "Inconnu (à vérifier)",
          ])
      ])
    let cover = sheets[0]
    #expect(cover.hiddenColumns == [1])
    let keyed = Dictionary(
      cover.rows.compactMap { row -> (String, CellValue?)? in
        guard case .text(let key)? = row.cells.first?.value else { return nil }
        return (key, row.cells.last?.value)
      }, uniquingKeysWith: { a, _ in a })
    #expect(keyed["session"] == .text(Self.expected.sessionID))
    #expect(keyed["questionnaire_digest"] == .text(Self.digest))
    #expect(keyed["deadline"] == .text("2027-01-15"))
    #expect(keyed["organisation"] == .text("ONSS"))
  }
}

/// Setting cells of a read workbook, as a provider's spreadsheet would have saved them.
extension WorkbookContents {
  mutating func set(
    _ reference: String, _ value: CellValue?, formula: String? = nil, sheet index: Int = 1
  ) {
    guard let address = CellAddress(reference) else { return }
    var cells = sheets[index].cells.filter { $0.address != address }
    if let value {
      cells.append(CellContents(address: address, value: value, formula: formula))
    }
    sheets[index].cells = cells.sorted { $0.address < $1.address }
  }

  /// Moves every cell of one column to another (both 1-based), on the questions sheet.
  mutating func swapColumns(_ a: Int, _ b: Int) {
    sheets[1].cells = sheets[1].cells.map { cell in
      var moved = cell
      if cell.address.column == a { moved.address.column = b }
      if cell.address.column == b { moved.address.column = a }
      return moved
    }.sorted { $0.address < $1.address }
  }
}

@Suite struct ProviderWorkbookReadingTests {
  typealias T = ProviderWorkbookTests

  @Test func aFilledWorkbookReadsBackAsTheProvidersAnswers() throws {
    var contents = try T.contents()
    contents.set("F3", .text("Partiellement conforme"))
    contents.set("G3", .text("Export in CSV and JSON on request"))
    contents.set("H3", .text("SOC 2 type II, 2026"))
    contents.set("I3", .date(serial: try #require(CellValue.serial(day: "2027-03-31"))))
    contents.set("J3", .text("See annex 4"))
    contents.set("F4", .text("compliant"))
    contents.set("J5", .text("Asked our DPO"))
    contents.set("F6", .text("A free answer"))
    let read = T.read(contents)
    #expect(read.problems == [], "\(read.problems)")
    #expect(read.sheet == "Questions")
    #expect(read.blankRows == 0)
    #expect(read.origin == T.expected)
    #expect(
      read.rows == [
        ProviderRow(
          id: "restitution", position: 2, row: 3, value: .choice("partial"),
          explanation: "Export in CSV and JSON on request", evidence: "SOC 2 type II, 2026",
          evidenceValidUntil: "2027-03-31", remarks: "See annex 4"),
        ProviderRow(id: "sovereignty", position: 3, row: 4, value: .choice("compliant")),
        ProviderRow(id: "encryption", position: 4, row: 5, value: nil, remarks: "Asked our DPO"),
        ProviderRow(id: "comment", position: 6, row: 6, value: .text("A free answer")),
      ])
  }

  @Test func labelsInAnyLanguageAndIdsAreAccepted() throws {
    var contents = try T.contents()
    contents.set("F3", .text("  gedeeltelijk   CONFORM "))
    contents.set("F4", .text("Not applicable"))
    contents.set("F5", .text("inconnu (a verifier)"))
    let read = T.read(contents)
    #expect(read.problems == [])
    #expect(read.rows.map(\.value) == [.choice("partial"), .choice("na"), .choice("unknown")])
  }

  @Test func reorderedAndAddedColumnsAreFoundByTheirKeys() throws {
    var contents = try T.contents()
    contents.set("F3", .text("Conforme"))
    contents.set("H3", .text("ISO 27001 certificate"))
    // The answer and evidence columns swapped, and a column of the provider's own after them.
    contents.swapColumns(6, 8)
    contents.set("K1", nil)
    contents.set("K2", .text("Internal reference"))
    contents.set("K3", .text("PRJ-42"))
    let read = T.read(contents)
    #expect(read.problems == [])
    #expect(read.rows.first?.value == .choice("compliant"))
    #expect(read.rows.first?.evidence == "ISO 27001 certificate")
  }

  @Test func everyProblemNamesItsCell() throws {
    var contents = try T.contents()
    contents.set("F3", .text("Mostly"))
    contents.set("G4", .text("an explanation without an answer"))
    contents.set("F5", .text("Conforme"))
    contents.set("I5", .text("next spring"))
    contents.set("I6", .text("2027-01-01"))
    contents.set("A7", .text("no_such_question"))
    contents.set("F7", .text("Conforme"))
    contents.set("A8", .text("personal_data"))
    contents.set("F8", .text("Oui"))
    contents.set("A9", .text("restitution"))
    let read = T.read(contents)
    #expect(
      read.problems == [
        .outsideList(
          cell: "Questions!F3", value: "Mostly",
          allowed: [
            "Compliant", "Partially compliant", "Non-compliant",
            "Not applicable (justification required)", "Unknown (to verify)",
          ]),
        .notADay(cell: "Questions!I5", value: "next spring"),
        .validityWithoutEvidence(cell: "Questions!I6", evidenceCell: "Questions!H6"),
        .unknownID(cell: "Questions!A7", id: "no_such_question"),
        .notAskedOfProvider(cell: "Questions!A8", id: "personal_data"),
        .duplicateID(cell: "Questions!A9", id: "restitution", first: "Questions!A3"),
      ])
    #expect(
      read.problems[0].message(.fr)
        == "Questions!F3 : « Mostly » n'est pas dans la liste ; choisissez parmi « Compliant », « Partially compliant », « Non-compliant », « Not applicable (justification required) », « Unknown (to verify) »"
    )
  }

  @Test func aFormulaIsReadAsItsSavedValueAndNoted() throws {
    var contents = try T.contents()
    contents.set("F3", .text("Conforme"), formula: "IF(1,\"Conforme\",\"Non conforme\")")
    let read = T.read(contents)
    #expect(read.problems == [])
    #expect(read.rows.first?.value == .choice("compliant"))
    #expect(
      read.notices == [
        .formula(
          cell: "Questions!F3", formula: "IF(1,\"Conforme\",\"Non conforme\")", value: "Conforme")
      ])
    var errored = try T.contents()
    errored.set("F3", .error("#N/A"), formula: "VLOOKUP(1,A:A,2)")
    #expect(T.read(errored).problems == [.errorValue(cell: "Questions!F3", value: "#N/A")])
  }

  @Test func aWorkbookForAnotherSessionOrQuestionnaireIsRefused() throws {
    let contents = try T.contents()
    var other = T.expected
    other.sessionID = "20261201-090000-beef"
    let read = ProviderWorkbookAnswers.read(
      contents, questionnaire: T.questionnaire, expected: other, language: .en)
    #expect(
      read.problems == [.otherSession(workbook: T.expected.sessionID, session: other.sessionID)])
    var upgraded = T.expected
    upgraded.questionnaireVersion = "2"
    upgraded.questionnaireDigest = String(repeating: "cd", count: 32)
    let refused = ProviderWorkbookAnswers.read(
      contents, questionnaire: T.questionnaire, expected: upgraded, language: .en)
    #expect(refused.problems == [.otherQuestionnaire(workbook: T.expected, session: upgraded)])
    #expect(
      refused.problems[0].message(.en).contains(
        "made for the questionnaire fixture 1 (abababababab), while the session follows fixture 2 (cdcdcdcdcdcd)"
      ))
    var coverless = contents
    coverless.sheets.removeFirst()
    coverless.sheets.insert(contents.sheets[1], at: 0)
    #expect(T.read(coverless).problems.contains(.noCover))
  }

  @Test func aWorkbookWithoutTheKeyRowIsRefused() throws {
    var contents = try T.contents()
    for column in 1...10 { contents.set(CellAddress.letters(column) + "1", nil) }
    #expect(T.read(contents).problems == [.noQuestionsSheet])
    var doubled = try T.contents()
    doubled.set("K1", .text("answer"))
    #expect(
      T.read(doubled).problems == [
        .duplicateColumn(key: "answer", cells: ["Questions!F1", "Questions!K1"])
      ])
  }

  @Test func aDateQuestionIsAnsweredWithADay() {
    let question = Question(
      id: "contract_end", type: .date, text: LocalizedText(["fr": "Fin du contrat"]),
      help: LocalizedText(["fr": ""]))
    var problems: [ProviderImportProblem] = []
    let read = { (text: String) in
      ProviderWorkbookAnswers.value(
        text, question, T.questionnaire, .en, cell: "Questions!F9", &problems)
    }
    #expect(read("2027-12-31") == .date("2027-12-31"))
    #expect(read("31/12/2027") == .date("2027-12-31"))
    #expect(problems == [])
    #expect(read("fin 2027") == nil)
    #expect(problems == [.notADay(cell: "Questions!F9", value: "fin 2027")])
  }

  @Test func daysAsTheyArriveFromSpreadsheets() {
    #expect(ProviderWorkbookAnswers.day(.text("31/03/2027")) == "2027-03-31")
    #expect(ProviderWorkbookAnswers.day(.text("1.4.2027")) == "2027-04-01")
    #expect(ProviderWorkbookAnswers.day(.text("2027-02-30")) == nil)
    #expect(ProviderWorkbookAnswers.day(.number(46_477)) == "2027-03-31")
    #expect(ProviderWorkbookAnswers.day(.number(3)) == nil)
    #expect(ProviderWorkbookAnswers.day(.text("")) == "")
  }
}
