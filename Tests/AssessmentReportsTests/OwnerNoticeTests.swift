import AssessmentCore
import Foundation
import Testing

@testable import AssessmentReports

/// An imported framework's content belongs to its owner: the questionnaire's `notice` is in
/// every report made with it.
@Suite struct OwnerNoticeTests {
  static let notice = "© Example Owner <b>2026</b> — provider: Example & Co"

  static func report(_ language: InterfaceLanguage = .en) -> SummaryReport {
    let base = ReportFixture.report(language)
    var questionnaire = base.questionnaire
    questionnaire.notice = LocalizedText(["fr": notice, "en": notice, "nl": notice])
    return SummaryReport(
      questionnaire: questionnaire, summary: base.summary, answers: base.answers,
      language: language, digest: base.digest)
  }

  @Test(arguments: InterfaceLanguage.allCases)
  func textAndMarkdownCarryTheNotice(language: InterfaceLanguage) {
    let report = Self.report(language)
    #expect(report.text(color: false).contains(Self.notice))
    // Markdown escapes what it interpolates; the owner's words are there, their tags inert.
    let markdown = report.markdown()
    #expect(markdown.contains("Example Owner"))
    #expect(markdown.contains("provider: Example & Co") || markdown.contains("Example &amp; Co"))
  }

  @Test func htmlCarriesTheNoticeEscaped() throws {
    let html = try HTMLReport.render(Self.report().htmlModel(ReportFixture.provenance))
    #expect(html.contains("© Example Owner &lt;b&gt;2026&lt;/b&gt; — provider: Example &amp; Co"))
  }

  @Test func jsonCarriesTheNotice() throws {
    let json = try Self.report().json()
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    let questionnaire = object?["questionnaire"] as? [String: Any]
    #expect(questionnaire?["notice"] as? String == Self.notice)
  }

  @Test func oscalCarriesTheNoticeInItsMetadata() throws {
    let oscal = try Self.report().oscal(ReportFixture.provenance)
    let object = try JSONSerialization.jsonObject(with: Data(oscal.utf8)) as? [String: Any]
    let results = object?["assessment-results"] as? [String: Any]
    let metadata = results?["metadata"] as? [String: Any]
    #expect((metadata?["remarks"] as? String)?.contains("Example Owner") == true)
  }

  @Test func workbookCarriesTheNotice() {
    let sheet = Self.report().identificationSheet(ReportFixture.provenance)
    let texts = sheet.rows.flatMap {
      $0.cells.compactMap { cell -> String? in
        if case .text(let text) = cell.value { return text }
        return nil
      }
    }
    #expect(texts.contains(Self.notice))
  }

  @Test func aReportWithoutANoticeSaysNothingOfOne() {
    let text = ReportFixture.report().text(color: false)
    #expect(!text.contains("Content owner"))
  }
}
