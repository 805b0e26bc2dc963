import AssessmentCore
import Foundation
import Testing

@testable import AssessmentReports
@testable import AssessmentStore

/// "Not acceptable" rests on the guideline or the law; the rules without derogation read the
/// guideline's words; a derogation counts only as a complete decision (docs/risk-model.md).
@Suite struct VerdictRigourTests {
  let base = VerdictTests()

  func summary(_ changes: [String: String], derogations: [String: DerogationRecord] = [:])
    -> RiskSummary
  {
    base.summary(base.session(changes, derogations: derogations))
  }

  func finding(_ id: String, _ result: RiskSummary) -> Finding? {
    result.findings.first { $0.questionID == id }
  }

  func beyond(_ result: RiskSummary) -> [String]? {
    result.reasons.lazy.compactMap { reason -> [String]? in
      if case .beyondGuideline(let questions) = reason { return questions }
      return nil
    }.first
  }

  @Test func aGoodPracticeOrPolicyPointAloneMakesTheVerdictAtWorstAcceptableWithConditions() {
    for id in ["bp_api_rate_limiting", "bp_shadow_it_policy", "chk_applicable_law"] {
      let result = summary([id: "noncompliant", "criticality_confidentiality": "high"])
      #expect(finding(id, result)?.level == "critical", "\(id): the level itself is not capped")
      #expect(result.verdict == .acceptableWithConditions, "\(id): \(result.reasons)")
      #expect(beyond(result) == [id], "\(id): the reasons name the point beyond the guideline")
      #expect(
        !result.reasons.contains {
          if case .gapsNotAcceptable = $0 { return true } else { return false }
        })
    }
  }

  @Test func aLawPointCanStillMakeTheVerdictNotAcceptableAndIsNamed() {
    let result = summary(["priv_dpia": "noncompliant", "criticality_confidentiality": "high"])
    #expect(finding("priv_dpia", result)?.level == "critical")
    #expect(result.verdict == .notAcceptable)
    #expect(beyond(result) == ["priv_dpia"])
  }

  @Test func theGuidelineAloneGivesNoBeyondReason() {
    let result = summary(["ctr_rest_all_data": "noncompliant"])
    #expect(result.verdict == .notAcceptable)
    #expect(beyond(result) == nil)
  }

  @Test func personalDataRaiseOnlyTheQuestionsOfThePrivacyDirectives() {
    // Personal data (the ordinary scope), confidentiality criticality medium.
    let result = summary([
      "bp_api_rate_limiting": "noncompliant", "priv_key_lifecycle": "noncompliant",
    ])
    #expect(
      finding("bp_api_rate_limiting", result)?.impact == "medium",
      "an API's rate limit is not about personal data")
    #expect(finding("bp_api_rate_limiting", result)?.impactReasons.isEmpty == true)
    #expect(
      finding("priv_key_lifecycle", result)?.impact == "critical", "2.4 applies to personal data")
    #expect(result.verdict == .notAcceptable)
    // The criticality the organisation gave still raises every confidentiality question.
    let high = summary([
      "bp_api_rate_limiting": "noncompliant", "criticality_confidentiality": "high",
    ])
    #expect(finding("bp_api_rate_limiting", high)?.impact == "high")
  }

  @Test func aPartialSovereigntyAssuranceBlocksWhereverTheDataAreHosted() {
    for location in ["belgium", "eu", "outside_eu", "unknown"] {
      for id in ["ctr_sov_provider_assurance", "ctr_sov_subcontractors"] {
        let result = summary(["hosting_location": location, id: "partial"])
        #expect(
          result.blocking.map(\.rule.id).contains("sovereignty_not_assured"), "\(location) \(id)")
        #expect(result.verdict == .notAcceptable)
      }
    }
  }

  @Test func theSovereigntyTextsNeverSuggestAcceptingTheResidualRisk() {
    let words = ["accept", "aanvaard"]
    for id in ["ctr_sov_provider_assurance", "ctr_sov_subcontractors", "hosting_location"] {
      guard let question = base.questionnaire.question(id) else {
        Issue.record("\(id) missing")
        continue
      }
      for text in [question.help] + [question.remediation].compactMap({ $0 }) {
        for language in ["fr", "en", "nl"] {
          let value = (text[language] ?? "").lowercased()
          #expect(!words.contains { value.contains($0) }, "\(id) (\(language)): \(value)")
        }
      }
    }
  }

  @Test func anAcceptedSovereigntyGapIsNeverListedAsAnAcceptedRisk() {
    var state = base.session(["ctr_sov_provider_assurance": "partial"])
    state.answers["ctr_sov_provider_assurance"]?.action = PlanAction(
      owner: "Anne", dueDate: "2027-01-31", status: .riskAccepted, reference: "CR-7",
      acceptedBy: "Direction",
      acceptedOn: "2026-11-01", acceptanceReason: "Filiale européenne", acceptedUntil: "2027-11-01")
    let result = base.summary(state)
    #expect(result.plan.accepted.isEmpty, "\(result.plan.accepted.map(\.questionID))")
    #expect(result.plan.refused.map(\.questionID) == ["ctr_sov_provider_assurance"])
    #expect(result.register.allSatisfy { $0.accepted.isEmpty })
    let report = SummaryReport(
      questionnaire: base.questionnaire, summary: result, answers: state.answers, language: .en,
      digest: "0")
    let text = report.text(color: false)
    #expect(!text.contains("Accepted risks ("), "\(text)")
    #expect(text.contains("Risk acceptances without effect: blocking findings (1)"))
    #expect(!report.markdown().contains("Accepted risks ("))
    #expect(
      report.htmlPlan().description.contains("id=\"plan-refused\"")
        && !report.htmlPlan().description.contains("id=\"plan-accepted\""))
  }

  @Test func theWizardRefusesAnAcceptanceWhereTheGuidelineAllowsNoException() {
    // Key control not verified: the rule does not hold (it reads partial or non-compliant), but
    // « ne peut pas être sous-traitée » allows no exception, so no acceptance either.
    var state = base.session(["priv_keys_under_control": "unknown"])
    let wizard = Wizard(questionnaire: base.questionnaire)
    #expect(
      wizard.blockingRules(holdingFor: "priv_keys_under_control", state).map(\.id) == [
        "keys_not_controlled"
      ])
    state.answers["priv_keys_under_control"]?.action = PlanAction(
      owner: "Anne", status: .riskAccepted, acceptedBy: "Direction",
      acceptanceReason: "Fournisseur unique")
    #expect(base.summary(state).plan.refused.map(\.questionID) == ["priv_keys_under_control"])
  }

  @Test func partialPriorAdviceOnSpecialDataBlocksLikeItsAbsence() {
    for id in ["priv_special_legal_advice", "priv_special_technical_advice"] {
      let result = summary(["special_data": "yes", id: "partial"])
      #expect(result.blocking.map(\.rule.id).contains("special_data_without_advice"), "\(id)")
    }
  }

  @Test func theConfidentialReadingIsMarkedAsTheToolsPolicy() {
    let question = base.questionnaire.question("data_classification")
    #expect(
      question?.help["fr"]?.contains("« professionnelles, confidentielles ou sensibles »") == true)
    #expect(question?.help["en"]?.contains("policy choice") == true)
    #expect(question?.help["nl"]?.lowercased().contains("beleidskeuze") == true)
    // Data that are only confidential: the rules hold by the tool's policy, named as such, and
    // alone make the verdict at worst "acceptable with conditions".
    let confidential = [
      "personal_data": "no", "sensitive_data": "no", "data_classification": "confidential",
    ]
    let result = summary(confidential.merging(["priv_encryption_transit": "partial"]) { $1 })
    #expect(result.blocking.map(\.rule.id) == ["personal_data_unencrypted_confidential"])
    #expect(result.blocking.first?.rule.basis == .policy)
    #expect(result.verdict == .acceptableWithConditions, "\(result.reasons)")
    #expect(
      result.reasons.contains(
        .blockingBeyondGuideline(rules: ["personal_data_unencrypted_confidential"])))
    // The same gap on personal data blocks: the guideline's own words.
    let personal = summary(["priv_encryption_transit": "partial"])
    #expect(personal.blocking.map(\.rule.id) == ["personal_data_unencrypted"])
    #expect(personal.blocking.first?.rule.basis == nil)
    #expect(personal.verdict == .notAcceptable)
  }

  static let complete = VerdictTests.valid

  @Test func aDerogationCountsOnlyAsACompleteDecision() {
    func with(_ change: (inout DerogationRecord) -> Void) -> DerogationRecord {
      var record = Self.complete
      change(&record)
      return record
    }
    let cases: [(DerogationRecord, DerogationStatus)] = [
      (with { $0.grantedBy = " " }, .noGrantor),
      (with { $0.grantedOn = "" }, .noGrantDate),
      (with { $0.grantedOn = "1/3/2026" }, .badGrantDate("1/3/2026")),
      (with { $0.grantedOn = "2026-12-01" }, .grantedAfter("2026-12-01")),
      (with { $0.expiresOn = "" }, .noExpiry),
      (with { $0.expiresOn = "2026-02-01" }, .expiryBeforeGrant("2026-02-01")),
    ]
    for (record, status) in cases {
      let result = summary(
        ["priv_encryption_rest": "noncompliant"], derogations: ["derog_encryption": record])
      #expect(result.derogations.first?.status == status, "\(record)")
      #expect(result.blocking.first?.failedDerogation?.status == status)
      #expect(result.verdict == .notAcceptable)
      #expect(!status.counts)
    }
    // Granted on the summary's day counts.
    let today = summary(
      ["priv_encryption_rest": "noncompliant"],
      derogations: ["derog_encryption": with { $0.grantedOn = "2026-11-30" }])
    #expect(today.blocking.isEmpty)
  }

  @Test func everyDerogationStatusIsWordedInEveryLanguage() {
    let statuses: [DerogationStatus] = [
      .noGrantor, .noGrantDate, .badGrantDate("x"), .grantedAfter("2027-01-01"), .noExpiry,
      .expiryBeforeGrant("2020-01-01"),
    ]
    var seen: Set<String> = []
    for status in statuses {
      for language in InterfaceLanguage.allCases {
        let use = DerogationUse(
          questionID: "derog_encryption", record: Self.complete, status: status, waives: [])
        let text = SummaryReport.derogationStatusText(use, language, base.questionnaire)
        #expect(!text.isEmpty && !seen.contains(text), "\(status) \(language)")
        seen.insert(text)
      }
    }
  }
}
