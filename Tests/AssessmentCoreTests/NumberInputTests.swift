import AssessmentCore
import Foundation
import Testing

/// The one reader of typed numbers.
@Suite struct NumberInputTests {
  func parse(_ text: String, _ language: InterfaceLanguage = .fr) -> Result<
    Double, NumberInput.Failure
  > {
    NumberInput.parse(text, language: language)
  }

  @Test func groupsOfDigitsWithEverySpace() {
    for text in ["12 000", "12\u{00A0}000", "12\u{202F}000", "12\u{2009}000", " 12000 ", "+12 000"]
    {
      #expect(
        parse(text) == .success(12_000),
        "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
      #expect(parse(text, .en) == .success(12_000))
    }
    #expect(parse("-1 234 567,5") == .success(-1_234_567.5))
    #expect(parse("12 ") == .success(12))
    #expect(parse("12  000") == .failure(.notANumber), "one space between groups")
    #expect(parse("1 2,5 0") == .failure(.notANumber), "spaces only in the integer part")
  }

  @Test func decimalCommaInFrenchAndDutchAndPointEverywhere() {
    #expect(parse("12,5", .fr) == .success(12.5))
    #expect(parse("12,5", .nl) == .success(12.5))
    #expect(parse("12.5", .fr) == .success(12.5))
    #expect(parse("12.5", .nl) == .success(12.5))
    #expect(parse("12.5", .en) == .success(12.5))
    #expect(parse(",5", .fr) == .success(0.5))
    #expect(parse("12,5", .en) == .failure(.ambiguousSeparator))
    #expect(parse("1.234,5", .nl) == .failure(.ambiguousSeparator))
    #expect(parse("1.5e3", .en) == .success(1500))
    #expect(parse("−4", .fr) == .success(-4), "the minus sign U+2212")
  }

  @Test func hexadecimalNanAndInfinityAreRefused() {
    #expect(parse("0x1A") == .failure(.hexadecimal))
    #expect(parse("-0X1a", .en) == .failure(.hexadecimal))
    for text in [
      "nan", "NaN", "inf", "-inf", "infinity", "", "-", "1e", "12a", "1,2,3", "e5", "١٢",
    ] {
      #expect(parse(text, .en) != .success(Double(text) ?? 0) || Double(text) == nil, "\(text)")
      if case .success(let value) = parse(text, .en) { Issue.record("\(text) read as \(value)") }
    }
    #expect(parse("nan") == .failure(.notANumber))
    #expect(parse("inf") == .failure(.notANumber))
  }

  @Test func tooLargeIsTooLargeNotNotANumber() {
    #expect(parse("1e999") == .failure(.tooLarge))
    #expect(parse("-1e999") == .failure(.tooLarge))
    #expect(parse("9007199254740993") == .failure(.tooLarge), "2^53 + 1 would be rounded")
    #expect(parse("12345678901234567890") == .failure(.tooLarge))
    #expect(parse("9007199254740992") == .success(9_007_199_254_740_992))
    #expect(parse("9 007 199 254 740 991") == .success(9_007_199_254_740_991))
    #expect(parse(String(repeating: "9", count: 400)) == .failure(.tooLarge))
  }

  @Test func boundsAndWholeNumbers() {
    #expect(NumberInput.parse("5", language: .en, minimum: 0, maximum: 10) == .success(5))
    #expect(NumberInput.parse("-1", language: .en, minimum: 0) == .failure(.belowMinimum(0)))
    #expect(NumberInput.parse("10,5", language: .fr, maximum: 10) == .failure(.aboveMaximum(10)))
    #expect(NumberInput.parse("2,5", language: .nl, integer: true) == .failure(.notInteger))
    #expect(NumberInput.parse("2,0", language: .nl, integer: true) == .success(2))
  }

  @Test func messagesInEachLanguage() {
    #expect(
      NumberInput.Failure.tooLarge.message("1e999", .en)
        == "“1e999” is too large: numbers are kept exactly up to 9,007,199,254,740,992")
    #expect(
      NumberInput.Failure.tooLarge.message("1e999", .fr)
        == "« 1e999 » est trop grand : les nombres sont conservés exactement jusqu'à 9\u{00A0}007\u{00A0}199\u{00A0}254\u{00A0}740\u{00A0}992"
    )
    #expect(
      NumberInput.Failure.belowMinimum(1.5).message("0", .nl) == "‘0’ is te klein: minstens 1,5")
    #expect(
      NumberInput.Failure.hexadecimal.message("0x1A", .en)
        == "“0x1A” is hexadecimal: write the number in decimal")
    for failure: NumberInput.Failure in [
      .notANumber, .hexadecimal, .ambiguousSeparator, .tooLarge, .belowMinimum(1), .aboveMaximum(2),
      .notInteger,
    ] {
      let texts = InterfaceLanguage.allCases.map { failure.message("x", $0) }
      #expect(Set(texts).count == 3, "\(failure) has a text per language")
    }
  }

  @Test func aQuestionsBoundsApply() {
    let question = Question(
      id: "staff", type: .number, text: LocalizedText(["en": "Staff?"]),
      help: LocalizedText(["en": "h"]),
      minimum: 1, maximum: 100_000, integer: true)
    #expect(NumberInput.parse("12 000", for: question, language: .fr) == .success(12_000))
    #expect(NumberInput.parse("0", for: question, language: .fr) == .failure(.belowMinimum(1)))
    #expect(NumberInput.parse("1,5", for: question, language: .fr) == .failure(.notInteger))
  }
}
