import Foundation
import Testing
import Workbook

@testable import AssessmentCore
@testable import AssessmentReports

/// The provider's claims in every format: the list of questions where the claim differs from
/// the assessor's answer (or the assessor has not judged yet), and the claim's columns in the
/// CSV and xlsx answers.
@Suite struct ClaimDifferenceReportTests {
  static let imported = Date(timeIntervalSince1970: 1_799_500_000)  // 2027-01-09

  static func claim(_ value: AnswerValue?, explanation: String) -> ProviderClaim {
    ProviderClaim(
      value: value, explanation: explanation,
      evidence: [EvidenceRecord(reference: "SOC 2 type II", validUntil: "2027-03-31")],
      importedAt: imported, workbookSHA256: String(repeating: "a", count: 64),
      cell: "Questions!F3")
  }

  /// The fixture's answers with claims: restitution differs (partial against compliant),
  /// encryption is not yet judged, network agrees.
  static func report(_ language: InterfaceLanguage = .en, claims: Bool = true) -> SummaryReport {
    var answers = ReportFixture.answers
    if claims {
      answers["restitution"]?.claims = [
        claim(.choice("compliant"), explanation: "Backups in two regions")
      ]
      answers["encryption"] = Answer(
        claims: [claim(.choice("partial"), explanation: "<b>AES</b> & keys")])
      answers["network"]?.claims = [claim(.choice("compliant"), explanation: "Private link")]
    }
    return ReportFixture.report(language, answers: answers)
  }

  static let expected: [InterfaceLanguage: (title: String, differs: String, unjudged: String)] =
    [
      .en: (
        "Provider's claims that differ from the assessor's judgement (2)",
        "Assessor: partially compliant · Provider: compliant — Backups in two regions — evidence: SOC 2 type II, valid until 2027-03-31 · imported on 2027-01-09",
        "Assessor: not yet judged · Provider: partially compliant"
      ),
      .fr: (
        "Déclarations du fournisseur différentes du jugement de l'évaluateur (2)",
        "Évaluateur : partiellement conforme · Fournisseur : conforme — Backups in two regions — preuve : SOC 2 type II, valable jusqu'au 2027-03-31 · importée le 2027-01-09",
        "Évaluateur : pas encore jugé · Fournisseur : partiellement conforme"
      ),
      .nl: (
        "Verklaringen van de leverancier die afwijken van het antwoord van de beoordelaar (2)",
        "Beoordelaar: gedeeltelijk conform · Leverancier: conform — Backups in two regions — bewijsstuk: SOC 2 type II, geldig tot 2027-03-31 · geïmporteerd op 2027-01-09",
        "Beoordelaar: nog niet beoordeeld · Leverancier: gedeeltelijk conform"
      ),
    ]

  @Test(arguments: [InterfaceLanguage.fr, .en, .nl])
  func theTextListsTheDifferencesWithTheQuestionsCitationAndText(language: InterfaceLanguage)
    throws
  {
    let expected = try #require(Self.expected[language])
    let report = Self.report(language)
    let lines = report.text(color: false).split(separator: "\n").map(String.init)
    let heading = try #require(lines.firstIndex { $0.contains(expected.title) }, "\(lines)")
    let restitution = try #require(report.questionnaire.question("restitution"))
    #expect(lines[heading + 1].contains(report.refs(restitution)))
    #expect(lines[heading + 1].contains(report.q(restitution.text)))
    #expect(lines[heading + 2].trimmingCharacters(in: .whitespaces) == expected.differs)
    #expect(lines[heading + 4].contains(expected.unjudged), "\(lines[heading...])")
    #expect(!lines[heading...].contains { $0.contains("Private link") }, "an equal claim")
  }

  @Test(arguments: [InterfaceLanguage.fr, .nl])
  func theMarkdownListsTheDifferences(language: InterfaceLanguage) throws {
    let expected = try #require(Self.expected[language])
    let report = Self.report(language)
    let markdown = report.markdown()
    #expect(markdown.contains("## \(expected.title)"), "\(markdown)")
    let restitution = try #require(report.questionnaire.question("restitution"))
    #expect(markdown.contains("\(report.q(restitution.text)) — *\(expected.differs)*"))
    #expect(markdown.contains(expected.unjudged))
    // Escaped as every user text in Markdown.
    #expect(!markdown.contains("<b>AES</b>"))
  }

  @Test func withoutClaimsThereIsNoList() {
    let report = Self.report(claims: false)
    #expect(report.summary.claimCount == 0)
    #expect(!report.text(color: false).contains("Provider's claims that differ"))
    #expect(!report.markdown().contains("Provider's claims that differ"))
    let ids = report.htmlModel(ReportFixture.provenance).parts.map(\.id)
    #expect(!ids.contains("provider-claims"))
  }

  @Test func claimsThatAllAgreeSayNone() {
    var answers = ReportFixture.answers
    answers["network"]?.claims = [Self.claim(.choice("compliant"), explanation: "Private link")]
    let text = ReportFixture.report(.en, answers: answers).text(color: false)
    #expect(text.contains("Provider's claims that differ from the assessor's judgement (0)"))
    #expect(text.contains("1 provider claim(s) compared with the assessor's answers."))
  }

  @Test(arguments: [InterfaceLanguage.fr, .en])
  func theHTMLHasAPartAfterTheEvidenceEscaped(language: InterfaceLanguage) throws {
    let expected = try #require(Self.expected[language])
    let model = Self.report(language).htmlModel(ReportFixture.provenance)
    let ids = model.parts.map(\.id)
    let evidence = try #require(ids.firstIndex(of: "evidence"))
    #expect(ids[evidence + 1] == "provider-claims")
    let html = model.parts[evidence + 1].html
    let title = expected.title.replacingOccurrences(of: "'", with: "&#39;")
    #expect(html.contains("<h2>\(title)</h2>") || html.contains("<h2>\(expected.title)</h2>"))
    #expect(html.contains("&lt;b&gt;AES&lt;/b&gt; &amp; keys"), "\(html)")
    #expect(!html.contains("<b>AES</b>"))
  }

  @Test func theJSONListsTheDifferences() throws {
    let json = try Self.report().json()
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let items = try #require(object["providerClaimDifferences"] as? [[String: Any]])
    #expect(items.map { $0["question"] as? String } == ["restitution", "encryption"])
    #expect(items.first?["claim"] as? String == "Compliant")
    #expect(items.first?["answer"] as? String == "Partially compliant")
    #expect(items.first?["notYetJudged"] as? Bool == false)
    #expect(items.first?["importedOn"] as? String == "2027-01-09")
    #expect(items.first?["explanation"] as? String == "Backups in two regions")
    let evidence = items.first?["evidence"] as? [[String: Any]]
    #expect(evidence?.first?["validUntil"] as? String == "2027-03-31")
    #expect(items.last?["answer"] == nil)
    #expect(items.last?["notYetJudged"] as? Bool == true)
    let none = try ReportFixture.report().json()
    #expect(none.contains("\"providerClaimDifferences\" : [\n\n  ]") || none.contains("[]"))
  }

  @Test(arguments: [InterfaceLanguage.fr, .nl])
  func theCSVCarriesTheClaimColumns(language: InterfaceLanguage) throws {
    let report = Self.report(language)
    let header = report.csvHeader
    let headings = [
      ClaimDifferencePhrase.providerAnswerColumn, .providerExplanationColumn,
      .providerEvidenceColumn, .claimImportedColumn,
    ].map { $0.text(language) }
    let first = try #require(header.firstIndex(of: headings[0]))
    #expect(Array(header[first..<first + 4]) == headings)
    #expect(header[first - 1] == ReportPhrase.evidenceList.text(language))
    let rows = report.csvRows()
    #expect(rows.allSatisfy { $0.count == header.count })
    let restitution = try #require(rows.first { $0[1] == "restitution" })
    #expect(restitution[first] == (language == .fr ? "Conforme" : "Conform"))
    #expect(restitution[first + 1] == "Backups in two regions")
    #expect(restitution[first + 2].hasPrefix("SOC 2 type II"))
    #expect(restitution[first + 3] == "2027-01-09")
    // An equal claim is still the provider's word, in its columns.
    let network = try #require(rows.first { $0[1] == "network" })
    #expect(network[first + 1] == "Private link")
    let comment = try #require(rows.first { $0[1] == "comment" })
    #expect(comment[first..<first + 4].allSatisfy { $0.isEmpty })
  }

  @Test(arguments: [InterfaceLanguage.fr, .en])
  func theWorkbookHasTheColumnsAndASheetOfDifferences(language: InterfaceLanguage) throws {
    let report = Self.report(language)
    let workbook = report.workbook(ReportFixture.provenance)
    let sheet = try #require(
      workbook.sheets.first { $0.name == ClaimDifferencePhrase.sheet.text(language) })
    #expect(sheet.rows.count == 3, "a header and two differences")
    // A cell holds the answer as the answers sheet writes it, not as the sentence does.
    let assessor = sheet.rows.dropFirst().map { $0.cells[3].value }
    #expect(
      assessor == [
        .text(language == .fr ? "Partiellement conforme" : "Partially compliant"),
        .text(ClaimDifferencePhrase.notYetJudged.text(language)),
      ])
    let answers = try #require(workbook.sheets.first { $0.name == report.w(.answersSheet) })
    #expect(answers.rows.first?.cells.count == report.csvHeader.count)
    let day = report.csvHeader.firstIndex(
      of: ClaimDifferencePhrase.claimImportedColumn.text(language))
    let restitution = answers.rows.first { row in
      row.cells.contains { $0.value == .text("restitution") }
    }
    var isDate = false
    if let day, case .date? = restitution?.cells[day].value { isDate = true }
    #expect(isDate, "the import day is a date")
    #expect(
      Self.report(language, claims: false).workbook(ReportFixture.provenance).sheets.count
        == workbook.sheets.count - 1)
  }

  @Test(arguments: [InterfaceLanguage.fr, .nl])
  func theOSCALObservationCarriesTheClaim(language: InterfaceLanguage) throws {
    let expected = try #require(Self.expected[language])
    let oscal = try Self.report(language).oscal(ReportFixture.provenance)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(oscal.utf8)) as? [String: Any])
    let results = (object["assessment-results"] as? [String: Any])?["results"] as? [[String: Any]]
    let observations = try #require(results?.first?["observations"] as? [[String: Any]])
    func props(_ observation: [String: Any]) -> [String: String] {
      var out: [String: String] = [:]
      for prop in observation["props"] as? [[String: Any]] ?? [] {
        if let name = prop["name"] as? String, let value = prop["value"] as? String {
          out[name] = value
        }
      }
      return out
    }
    let restitution = try #require(observations.first { props($0)["question-id"] == "restitution" })
    #expect(props(restitution)["provider-claim"] == (language == .fr ? "Conforme" : "Conform"))
    #expect(props(restitution)["provider-claim-imported"] == "2027-01-09")
    #expect((restitution["description"] as? String)?.contains(expected.differs) == true)
    // Not yet judged: an observation of the claim all the same, without an answer.
    let encryption = try #require(observations.first { props($0)["question-id"] == "encryption" })
    #expect(props(encryption)["answer"] == nil)
    #expect((encryption["description"] as? String)?.contains(expected.unjudged) == true)
    let network = try #require(observations.first { props($0)["question-id"] == "network" })
    #expect(props(network)["provider-claim"] == nil, "an equal claim")
    // NIST's schema and compliance-trestle read it, where their environment is (.ci/run).
    let python = repositoryRoot + "/.venv-ci/bin/python"
    guard FileManager.default.isExecutableFile(atPath: python) else { return }
    let path = NSTemporaryDirectory() + "oscal-claims-\(UUID().uuidString).json"
    defer { try? FileManager.default.removeItem(atPath: path) }
    try oscal.write(toFile: path, atomically: true, encoding: .utf8)
    let validated = try runBinary(python, [repositoryRoot + "/scripts/validate-oscal", path])
    #expect(validated.status == 0, "\(validated.stdout)\(validated.stderr)")
  }

  @Test func everyPhraseExistsInEveryLanguageWithTheSamePlaceholders() {
    for phrase in ClaimDifferencePhrase.allCases {
      let french = phrase.text(.fr)
      for language in InterfaceLanguage.allCases {
        let text = phrase.text(language)
        #expect(!text.isEmpty, "\(phrase) in \(language)")
        #expect(text.contains("%1") == french.contains("%1"), "\(phrase) in \(language)")
      }
    }
  }
}
