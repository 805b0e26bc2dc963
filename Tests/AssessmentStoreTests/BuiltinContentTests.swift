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
    Set(
      Wizard(questionnaire: questionnaire).visibleSections(state).map {
        questionnaire.sections[$0].id
      })
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
      "sensitive_data", "special_data", "derog_public_cloud", "derog_encryption", "subcontracting",
      "hosting_location",
    ] {
      #expect(scoping.contains(id), "\(id)")
    }
  }

  /// Who must act on each point is a decision taken question by question (docs/questionnaire.md,
  /// "Who must act"), never left to a section's or the questionnaire's default.
  @Test func everyQuestionSaysWhoMustAct() {
    for question in questionnaire.questions {
      #expect(question.owner != nil, "\(question.id) has no owner of its own")
    }
    // The guideline's wording decides: "Le fournisseur de services cloud garantit que", a
    // contract clause: the provider; "l'organisation doit": the organisation; "La gestion des
    // moyens de chiffrement doit toujours rester sous le contrôle de l'organisation" with the
    // provider's key service: both.
    #expect(questionnaire.owner(of: "sec_dc_physical_access_control") == .provider)
    #expect(questionnaire.owner(of: "ctr_rest_all_data") == .provider)
    #expect(questionnaire.owner(of: "gen_risk_analysis_formal") == .organisation)
    #expect(questionnaire.owner(of: "data_classification") == .organisation)
    #expect(questionnaire.owner(of: "priv_cloud_type_allowed") == .organisation)
    #expect(questionnaire.owner(of: "priv_keys_under_control") == .shared)
    #expect(questionnaire.owner(of: "bp_shared_responsibility_matrix") == .shared)
    // Every owner the questionnaire uses has its own action label.
    #expect(questionnaire.labels.sharedAction != nil)
  }

  /// docs/questionnaire.md gives, for each section, the reason for its owners in the
  /// guideline's words.
  @Test func everySectionsOwnersAreExplained() throws {
    let doc = try String(contentsOfFile: repositoryRoot + "/docs/questionnaire.md", encoding: .utf8)
    let part = try #require(doc.range(of: "## Who must act"))
    let rationale = doc[part.upperBound...]
    for section in questionnaire.sections {
      #expect(rationale.contains("(`\(section.id)`)"), "\(section.id) is not explained")
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

  /// Every text of the questionnaire a reader sees, with where it is.
  var allTexts: [(String, LocalizedText)] {
    var texts: [(String, LocalizedText)] = [("title", questionnaire.title)]
    if let description = questionnaire.description { texts.append(("description", description)) }
    texts += questionnaire.citations.map { ("citation \($0.key)", $0.value) }
    for section in questionnaire.sections {
      texts.append((section.id, section.title))
      if let introduction = section.introduction { texts.append((section.id, introduction)) }
    }
    for question in questionnaire.questions {
      texts += [(question.id, question.text), (question.id, question.help)]
      if let remediation = question.remediation { texts.append((question.id, remediation)) }
      texts += question.options.map { (question.id, $0.label) }
    }
    for rule in questionnaire.blockingRules {
      texts += [(rule.id, rule.message), (rule.id, rule.remediation)]
    }
    texts += questionnaire.risks.map { ($0.id, $0.title) }
    return texts
  }

  /// One Dutch term for a formal derogation (« dérogation »: "afwijking") and another for a gap
  /// (« écart »: "tekortkoming"); one name for the information-security consultant and the DPO;
  /// none of the calques found in review (issue 21).
  @Test func theDutchAndEnglishTextsUseOneTermPerNotionAndNoCalques() {
    for (place, text) in allTexts {
      let french = text["fr"] ?? "", dutch = text["nl"] ?? "", english = text["en"] ?? ""
      if french.contains("écart"), !french.contains("dérog") {
        #expect(!dutch.contains("afwijking"), "\(place): a gap is a tekortkoming: \(dutch)")
      }
      if french.contains("dérogation") {
        #expect(dutch.contains("afwijking"), "\(place): a derogation is an afwijking: \(dutch)")
      }
      for banned in [
        "informatieveiligheidsadviseur", "DPO", "kriticiteit", "specifiek, ", "specifiek netwerk",
      ] {
        #expect(!dutch.contains(banned), "\(place): \(banned)")
      }
      for banned in ["DPO", "undemanded", "of its substance", "security adviser"] {
        #expect(!english.contains(banned), "\(place): \(banned)")
      }
    }
  }

  /// The article behind the good practices is identified wherever it is cited (publisher,
  /// title, date), and the description says where to find it, so that a provider or a lawyer
  /// can obtain it (issue 21).
  @Test func theGoodPracticesArticleIsIdentifiedWhereverItIsCited() {
    let cited = questionnaire.citations.filter { $0.key.hasPrefix("BP.") }
    #expect(cited.count >= 10)
    let dates = ["fr": "25 octobre 2025", "en": "25 October 2025", "nl": "25 oktober 2025"]
    for (key, text) in cited {
      for language in ["fr", "en", "nl"] {
        let words = text[language] ?? ""
        #expect(words.contains("DNS Belgium"), "\(key) \(language)")
        #expect(
          words.contains("Cybersecurity in the cloud: don’t pass the buck"), "\(key) \(language)")
        #expect(words.contains(dates[language] ?? "?"), "\(key) \(language)")
      }
    }
    for language in ["fr", "en", "nl"] {
      let description = questionnaire.description?[language] ?? ""
      #expect(description.contains("https://www.dnsbelgium.be/"), "\(language)")
    }
  }

  /// Every reference a screen shows is the guideline's own section number (2.2.1) or names the
  /// point in words (« annexe C, « Contrats et cloud » »), never a bare id such as "§ C"
  /// (issue 21).
  @Test func everyReferenceShownHasACitationInWords() {
    let refs =
      questionnaire.sections.flatMap(\.refs) + questionnaire.questions.flatMap(\.refs)
      + questionnaire.blockingRules.flatMap(\.refs) + questionnaire.risks.flatMap(\.refs)
    let sectionNumber = /[0-9]+(\.[0-9]+)*/
    for ref in Set(refs).sorted() where (try? sectionNumber.wholeMatch(in: ref)) == nil {
      #expect(questionnaire.citations[ref] != nil, "\(ref) has no citation")
    }
  }

  @Test func aPrivateCloudWithoutPersonalDataHidesPrivacyAndSharedCloudDirectives() {
    let state = state([
      "data_classification": "internal", "deployment_model": "private", "personal_data": "no",
      "sensitive_data": "no", "subcontracting": "no",
    ])
    let sections = visibleSections(state)
    #expect(!sections.contains("priv_special"))
    #expect(!isVisible("priv_cloud_type_allowed", state))
    #expect(!isVisible("priv_keys_under_control", state))
    #expect(!isVisible("special_data", state))
    #expect(!isVisible("derog_public_cloud", state))
    #expect(!isVisible("sec_shared_network_isolation", state))
    #expect(isVisible("priv_law_be_eu", state), "2.4.2 applies to all data")
    #expect(
      isVisible("sec_server_hardening", state), "the provider's own security applies everywhere")
  }

  @Test func aPublicCloudWithHealthDataShowsEverythingPrivacyAndBlocks() {
    var answers = [
      "data_classification": "special", "deployment_model": "public", "personal_data": "yes",
      "special_data": "yes",
    ]
    var current = state(answers)
    #expect(visibleSections(current).isSuperset(of: ["priv", "priv_special"]))
    for id in [
      "derog_public_cloud", "priv_cloud_type_allowed", "priv_encryption_rest",
      "priv_keys_under_control", "priv_special_legal_advice", "sec_shared_network_isolation",
    ] {
      #expect(isVisible(id, current), "\(id)")
    }
    answers["priv_keys_under_control"] = "noncompliant"
    current = state(answers)
    let summary = RiskEngine(questionnaire: questionnaire).summarize(current)
    #expect(summary.verdict == .notAcceptable)
    #expect(
      summary.blocking.map(\.rule.id) == ["personal_data_public_cloud", "keys_not_controlled"])
  }

  @Test func unansweredScopingHidesNoDirective() {
    let state = state([:])
    for id in [
      "priv_cloud_type_allowed", "priv_special_legal_advice", "sec_shared_network_isolation",
    ] {
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

  @Test func sectionsFollowTheGuidelineThenTheBestPractices() {
    let ids = questionnaire.sections.map(\.id)
    func first(_ prefix: String) -> Int {
      ids.firstIndex { $0 == prefix || $0.hasPrefix(prefix + "_") } ?? -1
    }
    let order = ["scoping", "gen", "ctr", "sec", "priv", "prep", "chk", "bp"].map(first)
    #expect(!order.contains(-1), "\(ids)")
    #expect(order == order.sorted(), "\(ids)")
    // 2.2 has one section per clause.
    for id in [
      "ctr_subcontracting", "ctr_continuity", "ctr_restitution", "ctr_portability", "ctr_audit",
      "ctr_confidentiality", "ctr_sovereignty", "ctr_security",
    ] {
      #expect(ids.contains(id), "\(id)")
    }
  }

  @Test func compoundDirectivesAreSplitIntoVerifiablePoints() {
    func citing(_ ref: String) -> [String] {
      questionnaire.questions.filter { $0.refs.contains(ref) }.map(\.id)
    }
    // Restitution of all data, its format, its delay; destruction of every copy; proof.
    #expect(citing("2.2.3.b").count >= 5)
    // The SLA annex: availability, restart delay, RTO, RPO.
    #expect(citing("2.2.2.b").count >= 4)
    #expect(citing("BP.api").count >= 5)
    #expect(questionnaire.questions.count >= 150)
  }

  @Test func theSubcontractingClausesAreAskedWhateverTheProviderDoesToday() {
    // 2.2.1 is the clause on the possibility of subcontracting: the contract holds it even when
    // the provider subcontracts nothing today. Only the check of current subcontractors depends.
    let none = state(["subcontracting": "no"])
    #expect(visibleSections(none).contains("ctr_subcontracting"))
    for id in [
      "ctr_sub_sole_responsibility", "ctr_sub_prior_notice", "ctr_audit_subcontractors",
      "ctr_sov_subcontractors",
    ] {
      #expect(isVisible(id, none), "\(id)")
    }
    #expect(!isVisible("ctr_sub_control_evidence", none))
    for answer in ["yes", "unknown"] {
      #expect(isVisible("ctr_sub_control_evidence", state(["subcontracting": answer])), "\(answer)")
    }
    #expect(isVisible("ctr_sub_control_evidence", state([:])))
  }

  @Test func restitutionDestructionTracesAndSovereigntyAreCritical() {
    for id in [
      "ctr_rest_all_data", "ctr_rest_destruction_all_copies", "ctr_conf_traces_kept",
      "ctr_sov_provider_assurance",
    ] {
      #expect(questionnaire.question(id)?.severity == .critical, "\(id)")
    }
    // What 2.2 says the provider must do is never rated below high; what goes beyond it, or what
    // 2.2.5 b) leaves optional ("peut"), is at most medium.
    for question in questionnaire.questions where question.id.hasPrefix("ctr_") {
      if question.basis != nil || question.refs == ["2.2.5.b"] {
        #expect(
          question.severity.map { $0 <= .medium || question.basis != nil } == true, "\(question.id)"
        )
      } else {
        #expect(question.severity == .high || question.severity == .critical, "\(question.id)")
      }
    }
  }

  @Test func theRegisterTracesEveryRiskToContractualQuestionsWhereTheGuidelineHasThem() {
    let register = Dictionary(
      uniqueKeysWithValues: questionnaire.risks.map { ($0.id, $0.mitigatedBy) })
    for risk in ["D.risk.2", "D.risk.3", "D.risk.5", "D.risk.7", "D.risk.9", "D.risk.10"] {
      #expect(register[risk]?.contains { $0.hasPrefix("ctr_") } == true, "\(risk)")
    }
    for ids in register.values {
      for id in ids { #expect(questionnaire.index(of: id) != nil, "\(id)") }
    }
  }
}
