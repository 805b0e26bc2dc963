import Foundation
import Testing

@testable import AssessmentCore

@Suite struct LocalizationTests {
  @Test func countsTakeTheSingularOrThePluralOfEachLanguage() {
    #expect(CountedNoun.section.format(1, .en) == "1 section")
    #expect(CountedNoun.section.format(2, .en) == "2 sections")
    #expect(CountedNoun.section.format(0, .en) == "0 sections")
    #expect(CountedNoun.section.format(0, .fr) == "0 section")
    #expect(CountedNoun.question.format(1, .fr) == "1 question")
    #expect(CountedNoun.question.format(12, .fr) == "12 questions")
    #expect(CountedNoun.question.format(1, .nl) == "1 vraag")
    #expect(CountedNoun.question.format(3, .nl) == "3 vragen")
    #expect(CountedNoun.section.format(2, .nl) == "2 secties")
  }

  @Test func everyPhraseExistsInEveryLanguage() {
    for phrase in Phrase.allCases {
      for language in InterfaceLanguage.allCases {
        #expect(!phrase.text(language).isEmpty, "\(phrase) in \(language)")
      }
    }
  }
}
