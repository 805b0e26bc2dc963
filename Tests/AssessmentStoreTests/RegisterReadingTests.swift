import AssessmentCore
import AssessmentReports
import Foundation
import Testing

@testable import AssessmentStore

/// One reading of the matrix and the register (docs/risk-model.md, "The risk matrix and the risk
/// register"): the matrix counts what is not compliant; a compliant answer has no level of its
/// own; a blocking finding shows in the register risk it belongs to.
@Suite struct RegisterReadingTests {
  let base = VerdictTests()

  @Test func aFullyCompliantAssessmentHasAnEmptyMatrix() {
    let result = base.summary(base.session())
    #expect(result.matrix.joined().reduce(0, +) == 0, "\(result.matrix)")
    let one = base.summary(base.session(["ctr_rest_all_data": "partial"]))
    #expect(one.matrix.joined().reduce(0, +) == 1)
  }

  @Test func aBlockingFindingIsVisibleInItsRegisterRisk() {
    let cases: [([String: String], String)] = [
      (["deployment_model": "public", "priv_cloud_type_allowed": "noncompliant"], "D.risk.6"),
      // A public cloud with every answer compliant: the rule holds on the scope alone.
      (["deployment_model": "public"], "D.risk.6"),
      (["special_data": "yes", "priv_special_legal_advice": "noncompliant"], "D.risk.11"),
      (["ctr_sov_provider_assurance": "partial"], "D.risk.5"),
    ]
    for (changes, risk) in cases {
      let result = base.summary(base.session(changes))
      let entry = result.register.first { $0.risk.id == risk }
      #expect(!result.blocking.isEmpty, "\(changes)")
      #expect(entry?.level == "critical", "\(risk): \(entry?.level ?? "nil")")
      #expect(entry?.blocking.isEmpty == false)
    }
  }

  @Test func aCompliantMitigationIsListedWithoutALevel() throws {
    let state = base.session(["ctr_rest_all_data": "partial"])
    let report = SummaryReport(
      questionnaire: base.questionnaire, summary: base.summary(state), answers: state.answers,
      language: .fr,
      digest: "0")
    let text = report.text(color: false)
    #expect(!text.contains("conforme, faible") && !text.contains("conforme, moyen"))
    #expect(text.contains("partiellement conforme, ") || text.contains("partiel, "))
    let csv = report.csvRows()
    let level = try #require(report.csvHeader.firstIndex(of: "Niveau"))
    let compliantRow = csv.first { $0[1] == "ctr_rest_destruction_all_copies" }
    #expect(compliantRow?[level] == "", "\(compliantRow ?? [])")
    #expect(csv.first { $0[1] == "ctr_rest_all_data" }?[level].isEmpty == false)
  }
}
