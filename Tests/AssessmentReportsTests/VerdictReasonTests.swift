import Foundation
import Testing

@testable import AssessmentCore
@testable import AssessmentReports

/// The verdict's reasons in words: short enough to be read where they are shown (the summary's
/// head, the wizard's summary at 80 columns).
@Suite struct VerdictReasonTests {
  @Test func afewPointsBeyondTheReferenceTextAreEachNamedWithTheirSource() {
    let report = ReportFixture.report()
    let text = report.reasonText(.beyondGuideline(questions: ["encryption"]))
    #expect(text.contains("gap no. "), "\(text)")
    #expect(text.contains("("), "the source and basis of the point: \(text)")
  }

  @Test func manyPointsBeyondTheReferenceTextAreCountedNotListed() {
    let gaps = ReportFixture.report().summary.gaps.map(\.questionID)
    #expect(gaps.count >= 2)
    let ids = gaps + ["network", "comment", "deployment", "personal_data", "sovereignty"]
    for language in InterfaceLanguage.allCases {
      let text = ReportFixture.report(language).reasonText(.beyondGuideline(questions: ids))
      #expect(text.count < 400, "\(language): \(text)")
      let number = SummaryPhrase.gapNumber.text(language)
      #expect(text.components(separatedBy: number).count == 2, "\(language): \(text)")
    }
    let english = ReportFixture.report().reasonText(.beyondGuideline(questions: ids))
    #expect(english.hasSuffix("gap no. 1, 2; 5 not answered or “unknown”"), "\(english)")
  }
}
