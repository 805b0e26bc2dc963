import AssessmentCore
import Foundation
import Testing

@testable import AssessmentFrontEnd
@testable import AssessmentTUI

@Suite struct HelpAndSearchTests {
  @Test func theHelpOfAQuestionWithoutCitationIsNotTitledByItsID() throws {
    var harness = Harness(try fixture("walk.yaml"))
    harness.press(.character("?"))
    let title = try #require(harness.app.helpLines(harness.state, width: 1000).first?.0)
    #expect(title == "Help", "\(title)")
    #expect(!title.contains("personal_data"))
  }

  @Test func theHelpStatesTheConditionInWords() throws {
    var harness = Harness(try fixture("walk.yaml"))
    harness.press(.character("1"))
    harness.go(to: "transfer_safeguards")
    harness.press(.character("?"))
    let lines = harness.app.helpLines(harness.state, width: 1000).map(\.0)
    let condition = try #require(lines.first { $0.hasPrefix("Shown because:") })
    #expect(
      condition
        == "Shown because: “Will personal data be processed in the cloud?” is not “No” and “Where will the data be hosted?” is not “In Belgium”"
    )
  }

  @Test(arguments: [
    (
      "personal_data && (data_kinds == health || data_kinds == judicial)", InterfaceLanguage.en,
      "“Will personal data be processed in the cloud?” is “Yes” and (“Which kinds of data?” includes “Health” or “Which kinds of data?” includes “Judicial”)"
    ),
    (
      "answered(context) || service_kind in [saas, storage]", .en,
      "“Describe the service in a few words.” is answered or “Which kind of service?” is “Software (SaaS)” or “Storage”"
    ),
    (
      "users >= 1000", .fr, "« Combien d'utilisateurs utiliseront le service ? » vaut au moins 1000"
    ),
    (
      "!(users < 10)", .nl,
      "niet (‘Hoeveel gebruikers zullen de dienst gebruiken?’ is minder dan 10)"
    ),
    // A negated "answered" or yes/no reads as one statement, not "not (… is answered)" (issue 21).
    ("!answered(context)", .en, "“Describe the service in a few words.” is not answered yet"),
    (
      "!answered(context)", .fr,
      "« Décrivez le service en quelques mots. » n'a pas encore de réponse"
    ),
    ("!answered(context)", .nl, "‘Beschrijf de dienst in enkele woorden.’ is nog niet beantwoord"),
    ("!personal_data", .en, "“Will personal data be processed in the cloud?” is not “Yes”"),
  ])
  func conditionsInWords(condition: String, language: InterfaceLanguage, expected: String) throws {
    let questionnaire = try fixture("walk.yaml").questionnaire
    let parsed = try ConditionParser.parse(condition).condition
    #expect(
      ConditionWords(questionnaire: questionnaire, language: language).describe(parsed) == expected)
  }

  @Test func theSearchPromptStartsEmpty() throws {
    var harness = Harness(try fixture("small.yaml"))
    harness.press(.character("/"))
    harness.type("2.2.7")
    harness.press(.enter, .character("/"))
    #expect(harness.state.mode == .searching(TextEditor()))
  }

  @Test func theSearchMatchesHelpTexts() throws {
    let questionnaire = try fixture("walk.yaml").questionnaire
    let visibility = Array(repeating: true, count: questionnaire.questions.count)
    let matches = questionnaire.search("reversibility", visibility: visibility)
    #expect(matches.map { questionnaire.questions[$0].id } == ["restitution"])
    #expect(questionnaire.search("omkeerbaarheidsclausule", visibility: visibility).count == 1)
  }
}
