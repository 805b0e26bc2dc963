import AssessmentCore
import AssessmentReports
import Foundation
import Testing

@testable import AssessmentStore

/// The built-in questionnaire's verdict in realistic cases, against the guideline's words
/// (docs/risk-model.md, "Blocking rules").
@Suite struct VerdictTests {
  let questionnaire = try! BuiltinQuestionnaires.resolve(nil).questionnaire
  static let asOf = Timestamp.parse("2026-11-30T12:00:00.000Z")!

  /// Ordinary scoping: personal data in a community cloud, subcontracting, hosted in Belgium.
  static let ordinary: [String: String] = [
    "data_classification": "personal", "criticality_availability": "medium",
    "criticality_integrity": "medium", "criticality_confidentiality": "medium",
    "service_model": "saas", "deployment_model": "community", "personal_data": "yes",
    "sensitive_data": "no", "special_data": "no", "subcontracting": "yes",
    "hosting_location": "belgium",
  ]

  /// A session where `choices` are given and every other compliance question that applies is
  /// compliant (derogations left empty unless given).
  func session(
    _ changes: [String: String] = [:], derogations: [String: DerogationRecord] = [:]
  ) -> WizardState {
    let wizard = Wizard(questionnaire: questionnaire)
    var answers: [String: Answer] = [:]
    for (id, choice) in Self.ordinary.merging(changes, uniquingKeysWith: { $1 }) {
      answers[id] = Answer(value: .choice(choice))
    }
    for (id, record) in derogations { answers[id] = Answer(value: .derogation(record)) }
    // Answer what applies until nothing new appears (answers can reveal questions).
    while true {
      let visibility = questionnaire.visibility(answers: answers)
      var added = false
      for (position, question) in questionnaire.questions.enumerated()
      where visibility[position] && answers[question.id] == nil {
        switch question.type {
        case .compliance: answers[question.id] = Answer(value: .choice("compliant"))
        case .yesno: answers[question.id] = Answer(value: .choice("no"))
        case .single: answers[question.id] = Answer(value: .choice(question.options[0].id))
        case .derogation, .multiple, .text, .number, .date: continue
        }
        added = true
      }
      if !added { break }
    }
    return wizard.resume(
      phase: .questions, metadata: SessionMetadata(created: Self.asOf, updated: Self.asOf),
      answers: answers, cursor: 0)
  }

  func summary(_ state: WizardState) -> RiskSummary {
    RiskEngine(questionnaire: questionnaire).summarize(state, asOf: Self.asOf)
  }

  func visible(_ id: String, _ state: WizardState) -> Bool {
    questionnaire.index(of: id).map { state.visibility[$0] } ?? false
  }

  @Test func anOrdinaryFullyCompliantSessionIsAcceptableWithTheRegisterAtTheLowestLevel() {
    let result = summary(session())
    #expect(result.verdict == .acceptable)
    #expect(result.blocking.isEmpty)
    #expect(result.reasons == [.noGaps])
    #expect(result.progress.isComplete)
    #expect(result.register.count == 11)
    for entry in result.register {
      #expect(entry.level == "low", "\(entry.risk.id) residual \(entry.level ?? "nil")")
      #expect(
        entry.inherentLevel.map { ["high", "critical"].contains($0) } == true, "\(entry.risk.id)")
    }
  }

  @Test func keyControlShortOfFullBlocksAndAllowsNoDerogation() {
    for answer in ["partial", "noncompliant"] {
      let result = summary(session(["priv_keys_under_control": answer]))
      #expect(result.verdict == .notAcceptable, "\(answer)")
      let rule = result.blocking.first { $0.rule.id == "keys_not_controlled" }
      #expect(rule != nil, "\(answer)")
      #expect(rule?.rule.derogation == DerogationRule.none)
    }
  }

  @Test func aHybridCloudKeepingPersonalDataInItsPrivatePartIsNotBlocked() {
    let compliant = summary(session(["deployment_model": "hybrid"]))
    #expect(compliant.blocking.isEmpty)
    #expect(compliant.verdict == .acceptable)
    let leaking = summary(
      session(["deployment_model": "hybrid", "priv_cloud_type_allowed": "partial"]))
    #expect(leaking.blocking.map(\.rule.id).contains("personal_data_public_cloud"))
    #expect(leaking.verdict == .notAcceptable)
    let publicCloud = summary(session(["deployment_model": "public"]))
    #expect(publicCloud.blocking.map(\.rule.id).contains("personal_data_public_cloud"))
  }

  @Test func noSubcontractingTodayStillAsksTheSubcontractingClauses() {
    let state = session(["subcontracting": "no"])
    for id in [
      "ctr_sub_sole_responsibility", "ctr_sub_prior_notice", "ctr_audit_subcontractors",
      "ctr_sov_subcontractors",
    ] {
      #expect(
        visible(id, state),
        "\(id) is a clause the contract must hold whatever the provider does today")
    }
    let result = summary(
      session(["subcontracting": "no", "ctr_sov_subcontractors": "noncompliant"]))
    #expect(result.verdict == .notAcceptable)
    #expect(result.blocking.map(\.rule.id).contains("sovereignty_not_assured"))
  }

  @Test func sensitiveNonPersonalDataGetTheEncryptionAndCloudTypeDirectives() {
    for (scope, suffix) in [
      (["personal_data": "no", "data_classification": "confidential"], "_confidential"),
      (["personal_data": "no", "data_classification": "internal", "sensitive_data": "yes"], ""),
    ] {
      let state = session(scope)
      for id in [
        "priv_cloud_type_allowed", "priv_encryption_rest", "priv_keys_under_control",
        "derog_encryption",
      ] {
        #expect(visible(id, state), "\(id) for \(scope)")
      }
      let result = summary(
        session(
          scope.merging(["deployment_model": "public", "priv_encryption_rest": "noncompliant"]) {
            $1
          }))
      #expect(result.verdict == .notAcceptable, "\(scope)")
      // Confidential data only: the rules' twins based on the tool's policy (docs/risk-model.md).
      #expect(
        Set(result.blocking.map(\.rule.id))
          == ["personal_data_public_cloud" + suffix, "personal_data_unencrypted" + suffix],
        "\(scope)")
    }
    // Internal data that are not sensitive: none of it.
    let plain = session([
      "personal_data": "no", "data_classification": "internal", "sensitive_data": "no",
    ])
    #expect(!visible("priv_encryption_rest", plain))
  }

  static let valid = DerogationRecord(
    reference: "CSI-2026-014", grantedBy: "Comité de sécurité de l'information",
    grantedOn: "2026-03-01",
    scope: "Archives chiffrées", measures: "Pseudonymisation", expiresOn: "2027-03-01")

  @Test func theTwoDerogationsOfTheGuidelineWorkTheSameWay() {
    // Encryption (2.4, 5th point) and cloud type (2.4, 4th point): a valid record waives the rule.
    let cases: [(changes: [String: String], derogation: String, rule: String)] = [
      (["priv_encryption_rest": "noncompliant"], "derog_encryption", "personal_data_unencrypted"),
      (
        ["deployment_model": "public", "priv_cloud_type_allowed": "noncompliant"],
        "derog_public_cloud", "personal_data_public_cloud"
      ),
    ]
    for (changes, derogation, rule) in cases {
      let without = summary(session(changes))
      #expect(without.blocking.map(\.rule.id) == [rule])
      #expect(without.verdict == .notAcceptable)
      let with = summary(session(changes, derogations: [derogation: Self.valid]))
      #expect(with.blocking.isEmpty, "\(rule)")
      #expect(with.verdict == .acceptableWithConditions, "acceptance rests on the derogation")
      #expect(with.reasons.contains(.derogations(count: 1)))
      #expect(with.derogations.map(\.questionID) == [derogation])
      #expect(with.derogations.first?.waives == [rule])
      // The gaps the derogation covers stay listed, marked as covered.
      #expect(!with.gaps.isEmpty && with.gaps.allSatisfy { $0.waivedBy == derogation })
    }
  }

  @Test func aDerogationWithoutReferenceOrPastItsExpiryDoesNotCount() {
    var noReference = Self.valid
    noReference.reference = "  "
    var expired = Self.valid
    expired.expiresOn = "2026-11-29"
    var badDate = Self.valid
    badDate.expiresOn = "31/12/2027"
    for (record, status) in [
      (noReference, DerogationStatus.noReference), (expired, .expired("2026-11-29")),
      (badDate, .badExpiry("31/12/2027")),
    ] {
      let result = summary(
        session(["priv_encryption_rest": "noncompliant"], derogations: ["derog_encryption": record])
      )
      #expect(result.verdict == .notAcceptable)
      #expect(result.blocking.first?.failedDerogation?.status == status)
      #expect(result.derogations.first?.status == status)
    }
    // Expiring today still counts on the day.
    var today = Self.valid
    today.expiresOn = "2026-11-30"
    let result = summary(
      session(["priv_encryption_rest": "noncompliant"], derogations: ["derog_encryption": today]))
    #expect(result.blocking.isEmpty)
  }

  @Test func hostingOutsideTheEUOrUnknownMatters() {
    let belgium = session()
    #expect(!visible("priv_transfer_safeguards", belgium))
    for location in ["outside_eu", "unknown"] {
      let abroad = session(["hosting_location": location])
      #expect(visible("priv_transfer_safeguards", abroad), "\(location)")
      // An incomplete sovereignty assurance blocks once the data leave the EU.
      let partial = summary(
        session(["hosting_location": location, "ctr_sov_provider_assurance": "partial"]))
      #expect(partial.blocking.map(\.rule.id).contains("sovereignty_not_assured"), "\(location)")
      // The stakes of the legal advice on processing abroad rise.
      let advice = summary(
        session(["hosting_location": location, "prep_legal_advice_abroad": "partial"]))
      let finding = advice.findings.first { $0.questionID == "prep_legal_advice_abroad" }
      #expect(finding?.impactReasons.isEmpty == false, "\(location)")
    }
    // 2.2.7 a) asks for « l'assurance » wherever the data are: a partial one blocks here too.
    let partialHere = summary(session(["ctr_sov_provider_assurance": "partial"]))
    #expect(partialHere.blocking.map(\.rule.id).contains("sovereignty_not_assured"))
  }

  @Test func verdictReasonsCountEveryGapAtOrAboveTheConditionsLevel() {
    // One critical gap (not acceptable) and one medium gap: "2 at medium or above", "1 at critical".
    let result = summary(
      session(["ctr_rest_all_data": "noncompliant", "bp_shadow_it_policy": "partial"]))
    let conditions = result.reasons.compactMap { reason -> Int? in
      if case .gapsWithConditions(let count, _) = reason { return count }
      return nil
    }
    let severe = result.reasons.compactMap { reason -> Int? in
      if case .gapsNotAcceptable(let count, _) = reason { return count }
      return nil
    }
    #expect(severe.first.map { $0 >= 1 } == true)
    #expect(conditions.first.map { $0 > (severe.first ?? 0) } == true, "\(result.reasons)")
  }

  @Test func citationsAreFindableInThePublishedText() {
    #expect(questionnaire.citation("2.4.6", "fr") == "2.4, 5e point")
    #expect(questionnaire.citation("2.4.6", "en") == "2.4, 5th point")
    #expect(questionnaire.citation("2.4.6", "nl") == "2.4, 5de punt")
    #expect(questionnaire.citation("2.3.4.2", "fr") == "2.3.4, 2e point")
    #expect(questionnaire.citation("2.2.5.d", "en") == "2.2.5, last paragraph")
    // Every ref a question cites has a citation, and no text a person reads uses our numbering.
    let ours = try! Regex(#"(^|[^\d.])(2\.3\.\d\.\d|2\.4\.\d|2\.2\.5\.d)(?!\d)"#)
    for question in questionnaire.questions {
      for ref in question.refs {
        #expect(questionnaire.citations[ref] != nil, "\(question.id): \(ref)")
      }
      for text in [question.text, question.help] + [question.remediation].compactMap({ $0 }) {
        for language in ["fr", "en", "nl"] {
          #expect(
            (text[language] ?? "").firstMatch(of: ours) == nil,
            "\(question.id) (\(language)) cites our numbering")
        }
      }
    }
  }

  @Test func organisationDutiesSayWhatToDo() {
    let gen = questionnaire.sections.first { $0.id == "gen" }
    #expect(gen?.owner == .organisation)
    #expect(questionnaire.sections.first { $0.id == "prep" }?.owner == .organisation)
    #expect(questionnaire.owner(of: "ctr_audit_right_initiative") == .provider)
    // Within the provider's sections, the organisation's own duties (2.4's risk assessment, the
    // analysis of audit reports) are marked on the question; the best practices are its own.
    #expect(questionnaire.question("priv_risk_assessment_prior")?.owner == .organisation)
    #expect(questionnaire.question("ctr_audit_reports_analysed")?.owner == .organisation)
    #expect(questionnaire.owner(of: "priv_encryption_rest") == .provider)
    #expect(
      questionnaire.sections.filter { $0.id.hasPrefix("bp_") }.allSatisfy {
        $0.owner == .organisation
      })
    let state = session([
      "priv_risk_assessment_prior": "partial", "priv_encryption_rest": "partial",
    ])
    let report = SummaryReport(
      questionnaire: questionnaire, summary: summary(state), answers: state.answers, language: .en,
      digest: "0")
    let text = report.text(color: false)
    #expect(
      text.contains("What the organisation must do: Carry out (or complete) the risk assessment"))
    #expect(text.contains("What to demand of the provider: Require encryption at rest"))
  }

  @Test func whatGoesBeyondTheGuidelineIsMarked() {
    #expect(questionnaire.question("chk_applicable_law")?.basis == .policy)
    #expect(questionnaire.question("sec_auth_mfa")?.basis == .goodPractice)
    #expect(questionnaire.question("priv_transfer_safeguards")?.basis == .law)
    #expect(questionnaire.question("priv_keys_under_control")?.basis == nil)
    for question in questionnaire.questions where question.basis != nil {
      #expect(
        question.severity != .critical || question.basis == .law,
        "\(question.id): beyond the guideline yet critical")
    }
  }

  @Test func eachRequirementIsAskedOnce() {
    for removed in [
      "chk_data_destruction", "chk_log_access", "chk_audit_right", "bp_crypto_keys_controlled",
    ] {
      #expect(questionnaire.question(removed) == nil, "\(removed)")
    }
    for risk in questionnaire.risks {
      #expect(Set(risk.mitigatedBy).count == risk.mitigatedBy.count, "\(risk.id)")
    }
    let leak = questionnaire.risks.first { $0.id == "D.risk.4" }?.mitigatedBy ?? []
    #expect(leak.contains("sec_critical_vulns_fixed") && leak.contains("sec_patch_timely"))
  }
}
