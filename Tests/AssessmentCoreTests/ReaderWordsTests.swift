import Foundation
import Testing

@testable import AssessmentCore

/// Answers in words as a reader expects them (issue 21, part 5).
@Suite struct ReaderWordsTests {
  let number = Question(id: "users", type: .number, text: text("Users?"), help: text("h"))
  let point = compliance("point", "2.2")

  @Test(arguments: [
    (12.5, InterfaceLanguage.fr, "12,5"), (150_000, .fr, "150\u{A0}000"), (12.5, .nl, "12,5"),
    (150_000, .nl, "150\u{A0}000"), (-1_234_567.25, .fr, "-1\u{A0}234\u{A0}567,25"),
    (12.5, .en, "12.5"),
    (150_000, .en, "150,000"), (1000, .fr, "1000"), (2026, .nl, "2026"),
  ])
  func numbersReadInTheLanguage(value: Double, language: InterfaceLanguage, expected: String) {
    #expect(AnswerValue.number(value).display(number, language, fixture) == expected)
    #expect(AnswerValue.numberWords(value, language) == expected)
  }

  /// "Not applicable" as an answer given is not labelled "(justification required)": that is
  /// the choice's hint on the question screen, not what was answered.
  @Test(arguments: [InterfaceLanguage.fr, .en, .nl])
  func aNotApplicableAnswerIsNotLabelledJustificationRequired(language: InterfaceLanguage) {
    let words = AnswerValue.choice("na").display(point, language, fixture)
    #expect(
      words
        == ["fr": "Non applicable", "en": "Not applicable", "nl": "Niet van toepassing"][
          language.rawValue])
    let offered = point.choices(language, fixture).first { $0.id == "na" }?.label ?? ""
    #expect(offered.count > words.count, "the choice on the question screen keeps its hint")
  }
}
