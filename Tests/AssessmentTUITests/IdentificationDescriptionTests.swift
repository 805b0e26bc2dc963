import AssessmentCore
import AssessmentStore
import Foundation
import Testing

@testable import AssessmentFrontEnd
@testable import AssessmentTUI

/// The questionnaire's description on the identification form: cut at 80×24, it says so and
/// F1 shows all of it (issue 21).
@Suite struct IdentificationDescriptionTests {
  @Test(arguments: [InterfaceLanguage.fr, .en, .nl])
  func aCutDescriptionIsMarkedAndF1ShowsAllOfIt(language: InterfaceLanguage) throws {
    let loaded = try BuiltinQuestionnaires.resolve(nil)
    var harness = Harness(loaded, language: language, identified: false)
    let description = loaded.questionnaire.text(
      loaded.questionnaire.description ?? LocalizedText([:]), language.rawValue)
    let form = harness.render().snapshot
    let hint = Phrase.descriptionMore.text(language)
    #expect(form.contains("… " + hint), "\(form)")
    #expect(
      !form.contains("faute-des-autres") && !form.contains("dont-pass-buck"),
      "the end is cut at 80×24")
    harness.press(.function(1))
    harness.press(.end)
    let about = harness.render().snapshot
    let last = try #require(DisplayWidth.wrap(description, width: 76).last)
    #expect(about.contains(last), "\(about)")
    // Any other key goes back to the form, with nothing typed and nothing quit.
    harness.press(.escape)
    #expect(harness.effects.isEmpty)
    #expect(harness.state.wizard.phase == .identification)
    #expect(harness.render().snapshot == form)
    // At 120×40 everything fits: no mark.
    #expect(!harness.render(width: 120, height: 40).snapshot.contains(hint))
  }
}

/// A section's references are shown on its first question, introduction or not (issue 21).
@Suite struct SectionReferencesTests {
  @Test func theReferencesOfASectionWithoutIntroductionAreShownOnItsFirstQuestion() throws {
    var harness = Harness(try fixture("small.yaml"), language: .en)
    harness.press(.character("1"), .enter, .character("1"), .enter)
    let screen = harness.render().snapshot
    #expect(screen.contains("Data restitution."), "\(screen)")
    #expect(
      screen.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == "§ 2.2" },
      "\(screen)")
  }
}

/// In an ASCII locale the section sign is not drawn as the letter "S" ("S 2.2.3 b)" reads as a
/// word): it becomes "#", one column like "§" (issue 21).
@Suite struct ASCIISectionSignTests {
  @Test func theSectionSignIsNotALetterInASCII() {
    #expect(ASCIIText.fold("§ 2.2.3 b) · Gravité") == "# 2.2.3 b) . Gravite")
  }
}
