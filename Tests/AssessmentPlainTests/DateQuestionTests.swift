import AssessmentCore
import AssessmentFrontEnd
import AssessmentStore
import Foundation
import Testing

@testable import AssessmentPlain

/// A `date` question in plain mode: a day typed `YYYY-MM-DD` is recorded; anything else is
/// refused in the interface language and changes nothing.
@Suite struct DateQuestionTests {
  static let questionnaire = Questionnaire(
    id: "dates", version: "1", languages: ["fr", "en", "nl"],
    title: LocalizedText(["fr": "Dates", "en": "Dates", "nl": "Datums"]),
    sections: [
      Section(
        id: "s", title: LocalizedText(["fr": "S", "en": "S", "nl": "S"]),
        questions: [
          Question(
            id: "reviewed_on", type: .date,
            text: LocalizedText(["fr": "Revue le ?", "en": "Reviewed on?", "nl": "Herzien op?"]),
            help: LocalizedText(["fr": "Jour.", "en": "Day.", "nl": "Dag."])),
          Question(
            id: "after", type: .text,
            text: LocalizedText(["fr": "Ensuite", "en": "Then", "nl": "Dan"]),
            help: LocalizedText(["fr": "-", "en": "-", "nl": "-"])),
        ])
    ])

  func session(_ language: InterfaceLanguage) -> PlainSession {
    let app = App(questionnaire: Self.questionnaire, fileDigest: EvidenceFiles.digest(ofFileAt:))
    var wizard = app.wizard.start(at: t0)
    wizard.metadata.organisation = "ONSS"
    wizard.phase = .questions
    return PlainSession(app: app, state: app.makeState(wizard, language: language))
  }

  @Test func aDayIsRecordedAndTheNextQuestionFollows() {
    var plain = session(.en)
    #expect(plain.handle("2027-03-31", now: t0).refused == nil)
    #expect(plain.state.wizard.answers["reviewed_on"]?.value == .date("2027-03-31"))
    #expect(plain.state.wizard.cursor == 1)
  }

  @Test(arguments: [
    (InterfaceLanguage.fr, "n'est pas une date"), (.en, "is not a date"), (.nl, "geen datum"),
  ])
  func anythingElseIsRefusedInTheLanguage(language: InterfaceLanguage, words: String) {
    var plain = session(language)
    for typed in ["2027-02-30", "31/03/2027", "tomorrow"] {
      let refused = plain.handle(typed, now: t0).refused
      #expect(refused?.contains(words) == true, "\(typed): \(refused ?? "accepted")")
      #expect(refused?.contains(typed) == true)
      #expect(plain.state.wizard.answers["reviewed_on"]?.value == nil)
      #expect(plain.state.wizard.cursor == 0)
    }
  }

  @Test func thePromptAsksForTheFormOfADay() {
    #expect(PlainText.promptDate.text(.fr).contains("AAAA-MM-JJ"))
    #expect(PlainText.promptDate.text(.nl).contains("JJJJ-MM-DD"))
  }
}
