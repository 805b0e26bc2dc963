import AssessmentCore
import Foundation
import Testing

@testable import AssessmentStore

/// The built-in questionnaire: coverage of the guideline, conditions, blocking rules.
@Suite struct BuiltinContentTests {
  let loaded = try! BuiltinQuestionnaires.resolve(nil)
  var questionnaire: Questionnaire { loaded.questionnaire }

  func state(_ choices: [String: String]) -> WizardState {
    let wizard = Wizard(questionnaire: questionnaire)
    let answers = choices.mapValues { Answer(value: .choice($0)) }
    return wizard.resume(
      phase: .questions, metadata: SessionMetadata(created: .distantPast, updated: .distantPast),
      answers: answers, cursor: 0)
  }

  func visibleSections(_ state: WizardState) -> Set<String> {
    Set(Wizard(questionnaire: questionnaire).visibleSections(state).map { questionnaire.sections[$0].id })
  }

  func isVisible(_ id: String, _ state: WizardState) -> Bool {
    questionnaire.index(of: id).map { state.visibility[$0] } ?? false
  }

  @Test func opensWithTheScopingQuestions() {
    #expect(questionnaire.sections.first?.id == "scoping")
    let scoping = Set(questionnaire.sections[0].questions.map(\.id))
    for id in [
      "data_classification", "criticality_availability", "criticality_integrity",
      "criticality_confidentiality", "service_model", "deployment_model", "personal_data",
      "special_data", "derogation_public_cloud", "derogation_encryption", "subcontracting",
      "hosting_location",
    ] {
      #expect(scoping.contains(id), "\(id)")
    }
  }

  @Test func everyTextExistsInFrenchEnglishAndDutch() {
    #expect(questionnaire.languages == ["fr", "en", "nl"])
    for question in questionnaire.questions {
      for text in [question.text, question.help] + [question.remediation].compactMap({ $0 })
        + question.options.map(\.label)
      {
        for language in ["fr", "en", "nl"] {
          #expect(!(text[language] ?? "").isEmpty, "\(question.id) lacks \(language)")
        }
      }
    }
  }

  @Test func aPrivateCloudWithoutPersonalDataHidesPrivacyAndSharedCloudDirectives() {
    let state = state([
      "data_classification": "internal", "deployment_model": "private", "personal_data": "no",
      "subcontracting": "no",
    ])
    let sections = visibleSections(state)
    #expect(!sections.contains("priv_special"))
    #expect(!isVisible("priv_cloud_type_allowed", state))
    #expect(!isVisible("priv_keys_under_control", state))
    #expect(!isVisible("special_data", state))
    #expect(!isVisible("derogation_public_cloud", state))
    #expect(!isVisible("sec_shared_network_isolation", state))
    #expect(isVisible("priv_law_be_eu", state), "2.4.2 applies to all data")
    #expect(isVisible("sec_server_hardening", state), "the provider's own security applies everywhere")
  }

  @Test func aPublicCloudWithHealthDataShowsEverythingPrivacyAndBlocks() {
    var answers = [
      "data_classification": "special", "deployment_model": "public", "personal_data": "yes",
      "special_data": "yes", "derogation_public_cloud": "no", "derogation_encryption": "no",
    ]
    var current = state(answers)
    #expect(visibleSections(current).isSuperset(of: ["priv", "priv_special"]))
    for id in [
      "derogation_public_cloud", "priv_cloud_type_allowed", "priv_encryption_rest",
      "priv_keys_under_control", "priv_special_legal_advice", "sec_shared_network_isolation",
    ] {
      #expect(isVisible(id, current), "\(id)")
    }
    answers["priv_keys_under_control"] = "noncompliant"
    current = state(answers)
    let summary = RiskEngine(questionnaire: questionnaire).summarize(current)
    #expect(summary.verdict == .notAcceptable)
    #expect(summary.blocking.map(\.rule.id) == ["personal_data_public_cloud", "keys_not_controlled"])
  }

  @Test func unansweredScopingHidesNoDirective() {
    let state = state([:])
    for id in ["priv_cloud_type_allowed", "priv_special_legal_advice", "sec_shared_network_isolation"] {
      #expect(isVisible(id, state), "\(id) must be asked while the scope is unknown")
    }
  }

  @Test func theAnnexDRegisterNamesTheElevenRisks() {
    #expect(questionnaire.risks.map(\.id) == (1...11).map { "D.risk.\($0)" })
    #expect(questionnaire.blockingRules.count >= 4)
  }

  @Test func criticalIsKeptForTheDirectivesWhoseFailureAloneBlocks() {
    for id in [
      "priv_cloud_type_allowed", "priv_encryption_transit", "priv_encryption_rest",
      "priv_keys_under_control", "priv_special_legal_advice", "priv_special_technical_advice",
    ] {
      #expect(questionnaire.question(id)?.severity == .critical, "\(id)")
    }
  }
}
