import Foundation
import Testing

@testable import AssessmentCore
@testable import AssessmentReports

/// Evidence records in the reports: each shown as one phrase with its days, those expired on the
/// summary's day flagged and listed apart, those carried into a re-assessment "to renew".
@Suite struct EvidenceReportTests {
  static let soc2 = EvidenceRecord(
    reference: "SOC 2 type II", issuedOn: "2026-01-15", validUntil: "2027-03-31")
  static let iso = EvidenceRecord(reference: "ISO 27001", validUntil: "2026-10-31")

  /// The fixture's answers with dated evidence, summarised as of `day` (ISO).
  static func report(
    _ language: InterfaceLanguage = .en, day: String = "2027-02-01",
    previous: [String: [EvidenceRecord]] = [:]
  ) -> SummaryReport {
    var answers = ReportFixture.answers
    answers["restitution"]?.evidence = [soc2]
    answers["network"]?.evidence = [iso]
    let questionnaire = ReportFixture.questionnaire
    let state = Wizard(questionnaire: questionnaire).resume(
      phase: .questions,
      metadata: SessionMetadata(organisation: "ONSS", created: t0, updated: t1),
      answers: answers, cursor: 0)
    let asOf = Timestamp.parse(day + "T12:00:00.000Z")
    let summary = RiskEngine(questionnaire: questionnaire).summarize(state, asOf: asOf)
    var report = SummaryReport(
      questionnaire: questionnaire, summary: summary, answers: answers, language: language,
      digest: String(repeating: "ab", count: 32))
    report.previousEvidence = previous
    return report
  }

  @Test func theSummaryModelListsTheEvidenceExpiredOnItsDay() {
    let summary = Self.report().summary
    #expect(summary.expiredEvidence.map(\.record) == [Self.iso])
    #expect(Self.report(day: "2027-04-01").summary.expiredEvidence.map(\.record).count == 2)
    #expect(Self.report(day: "2026-10-31").summary.expiredEvidence.isEmpty, "valid through it")
  }

  @Test(arguments: [
    (
      InterfaceLanguage.en, "SOC 2 type II — issued 2026-01-15, valid until 2027-03-31",
      "ISO 27001 — valid until 2026-10-31 — expired", "Expired evidence (1)"
    ),
    (
      .fr, "SOC 2 type II — délivrée le 2026-01-15, valable jusqu'au 2027-03-31",
      "ISO 27001 — valable jusqu'au 2026-10-31 — expirée",
      "Preuves expirées (1)"
    ),
    (
      .nl, "SOC 2 type II — uitgereikt op 2026-01-15, geldig tot 2027-03-31",
      "ISO 27001 — geldig tot 2026-10-31 — vervallen",
      "Vervallen bewijsstukken (1)"
    ),
  ])
  func theTextAndMarkdownShowTheDaysAndTheExpiredList(
    language: InterfaceLanguage, valid: String, expired: String, title: String
  ) {
    let report = Self.report(language)
    let text = report.text(color: false)
    #expect(text.contains(valid), "\(text)")
    #expect(text.contains(expired))
    #expect(text.contains(title))
    let markdown = report.markdown()
    #expect(markdown.contains("## \(title)"))
    #expect(markdown.contains(expired))
    // The list names the question by its text as well as its citation, as the other lists do:
    // several questions may share a citation.
    let network = Self.report().questionnaire.questions.first { $0.id == "network" }
    let question = network.map { Self.report().questionnaire.text($0.text, language.rawValue) }
    let lines = text.split(separator: "\n").map(String.init)
    let heading = try? #require(lines.firstIndex { $0.contains(title) })
    #expect(heading.map { lines[$0 + 1].contains(question ?? "?") } == true, "\(lines)")
    #expect(markdown.contains("\(question ?? "?") — *\(expired)"))
  }

  @Test func theJSONCarriesTheRecordsAndTheExpiredList() throws {
    let json = try Self.report().json()
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let expired = try #require(object["expiredEvidence"] as? [[String: Any]])
    #expect(expired.count == 1)
    #expect(expired.first?["question"] as? String == "network")
    #expect(expired.first?["validUntil"] as? String == "2026-10-31")
    let evidence = try #require(object["evidence"] as? [[String: Any]])
    let restitution = try #require(evidence.first { $0["question"] as? String == "restitution" })
    let records = try #require(restitution["records"] as? [[String: Any]])
    #expect(records.first?["issuedOn"] as? String == "2026-01-15")
    #expect(records.first?["validUntil"] as? String == "2027-03-31")
    #expect(records.first?["expired"] as? Bool == false)
  }

  @Test func theHTMLAndCSVShowTheDaysAndTheFlag() {
    let report = Self.report()
    let html = report.htmlModel(ReportFixture.provenance).parts.map(\.html).joined()
    #expect(html.contains("ISO 27001 — valid until 2026-10-31 — expired"))
    #expect(html.contains("<h3>Expired evidence (1)</h3>"))
    let network = report.csvRows().first { $0[1] == "network" }
    #expect(network?[12] == "ISO 27001 — valid until 2026-10-31 — expired")
  }

  /// In a re-assessment, evidence the previous assessment already had and that has expired is
  /// to renew, listed apart from evidence merely expired.
  @Test func carriedEvidenceThatHasExpiredIsToRenew() {
    let report = Self.report(previous: ["network": [Self.iso]])
    let text = report.text(color: false)
    #expect(text.contains("Evidence to renew (1)"))
    #expect(
      text.contains("ISO 27001 — valid until 2026-10-31 — to renew (expired)"))
    #expect(!text.contains("Expired evidence ("))
    let french = Self.report(.fr, previous: ["network": [Self.iso]]).text(color: false)
    #expect(french.contains("Preuves à renouveler (1)"))
    #expect(french.contains("à renouveler (expirée)"))
  }
}
