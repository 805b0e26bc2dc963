import Foundation
import Testing

@testable import AssessmentCore

@Suite struct RiskEngineTests {
  /// The fixture questionnaire with an adjustment: personal data raises confidentiality impact.
  var questionnaire: Questionnaire {
    var model = RiskModel.standard
    model.impactAdjustments = [
      ImpactAdjustment(
        when: .isYes("personal_data"), dimensions: [.confidentiality], shift: 1,
        reason: text("personal")),
      ImpactAdjustment(
        when: .equals("deployment", "private"), dimensions: [.availability], shift: -1,
        reason: text("private")),
    ]
    var copy = fixture
    copy.riskModel = model
    copy.blockingRules = [
      BlockingRule(
        id: "no_encryption", refs: ["2.4.6"], when: .equals("encryption", "noncompliant"),
        questions: ["encryption"], message: text("m"), remediation: text("r"))
    ]
    copy.risks = [
      RegisterRisk(
        id: "D.risk.4", refs: ["D.risk.4"], title: text("leak"),
        mitigatedBy: ["encryption", "sovereignty"])
    ]
    return copy
  }

  func state(_ answers: [String: Answer]) -> WizardState {
    Wizard(questionnaire: questionnaire).resume(
      phase: .questions, metadata: SessionMetadata(created: t0, updated: t0), answers: answers,
      cursor: 0)
  }

  func finding(_ id: String, _ answers: [String: Answer]) throws -> Finding {
    let summary = RiskEngine(questionnaire: questionnaire).summarize(state(answers))
    return try #require(summary.findings.first { $0.questionID == id })
  }

  @Test(arguments: [
    ("compliant", "very_low"), ("partial", "medium"), ("unknown", "high"),
    ("noncompliant", "very_high"),
  ])
  func likelihoodFollowsTheAnswer(answer: String, likelihood: String) throws {
    #expect(
      try finding("restitution", ["restitution": Answer(value: .choice(answer))]).likelihood
        == likelihood)
  }

  @Test func unansweredCountsAsHighAndNotApplicableNeedsAJustification() throws {
    #expect(try finding("restitution", [:]).likelihood == "high")
    #expect(try finding("restitution", [:]).answer == .unanswered)
    let unjustified = try finding("restitution", ["restitution": Answer(value: .choice("na"))])
    #expect(unjustified.answer == .unjustifiedNotApplicable)
    #expect(unjustified.likelihood == "high")
    let summary = RiskEngine(questionnaire: questionnaire).summarize(
      state(["restitution": Answer(value: .choice("na"), note: "Aucune donnée conservée")]))
    #expect(!summary.findings.contains { $0.questionID == "restitution" })
    #expect(summary.notApplicable == [2])
  }

  @Test func everyMatrixCellIsReachable() {
    let model = RiskModel.standard
    let engine = RiskEngine(questionnaire: questionnaire)
    let answers: [(ScoredAnswer, String)] = [
      (.compliant, "very_low"), (.partial, "medium"), (.unknown, "high"),
      (.noncompliant, "very_high"),
    ]
    for (answer, likelihood) in answers {
      for (column, severity) in Severity.allCases.enumerated() {
        let question = compliance("q", "x", severity: severity, protects: [.integrity])
        let result = engine.finding(
          question, position: 0, section: 0, answer: answer, adjustments: [])
        #expect(result.impact == model.impact[column].id)
        #expect(result.level == model.matrix[likelihood]?[column], "\(answer) × \(severity)")
      }
    }
  }

  @Test func impactIsRaisedForPersonalDataAndLoweredForAPrivateCloudOnlyOnTheirDimensions() throws {
    let personal = [
      "personal_data": Answer(value: .choice("yes")),
      "deployment": Answer(value: .choice("private")),
    ]
    // critical, confidentiality: stays at the top
    let sovereignty = try finding("sovereignty", personal)
    #expect(sovereignty.impact == "critical")
    let encryption = try finding("encryption", personal)
    #expect(encryption.impact == "critical")
    let restitution = try finding("restitution", personal)  // high, availability: lowered
    #expect(restitution.impact == "medium")
    #expect(restitution.impactReasons == [text("private")])
    let network = compliance(
      "n", "x", severity: .medium, protects: [.availability, .confidentiality])
    let engine = RiskEngine(questionnaire: questionnaire)
    let raised = engine.finding(
      network, position: 0, section: 0, answer: .partial,
      adjustments: questionnaire.riskModel.impactAdjustments)
    #expect(raised.impact == "high", "the highest stake among the protected dimensions counts")
  }

  @Test func hiddenQuestionsNeverCount() {
    let summary = RiskEngine(questionnaire: questionnaire).summarize(
      state([
        "personal_data": Answer(value: .choice("no")),
        "encryption": Answer(value: .choice("noncompliant")),
      ]))
    #expect(!summary.findings.contains { $0.questionID == "encryption" })
    #expect(summary.blocking.isEmpty, "a hidden answer does not block")
    #expect(summary.register[0].findings.map(\.questionID) == ["sovereignty"])
  }

  @Test func blockingMakesTheVerdictNotAcceptable() {
    var answers = Dictionary(
      uniqueKeysWithValues: ["restitution", "sovereignty", "network"].map {
        ($0, Answer(value: .choice("compliant")))
      })
    answers["personal_data"] = Answer(value: .choice("yes"))
    answers["deployment"] = Answer(value: .choice("public"))
    answers["comment"] = Answer(value: .text("ok"))
    answers["encryption"] = Answer(value: .choice("compliant"))
    let clean = RiskEngine(questionnaire: questionnaire).summarize(state(answers))
    #expect(clean.verdict == .acceptable)
    #expect(clean.reasons == [.noGaps])
    answers["encryption"] = Answer(value: .choice("noncompliant"))
    let blocked = RiskEngine(questionnaire: questionnaire).summarize(state(answers))
    #expect(blocked.verdict == .notAcceptable)
    #expect(blocked.blocking.map(\.rule.id) == ["no_encryption"])
    #expect(blocked.blocking.first?.questionID == "encryption")
    #expect(blocked.reasons.first == .blocking(count: 1))
    #expect(blocked.register[0].level == "critical")
  }

  @Test func gapsAreRankedByLevelThenSeverityAndSectionsScored() {
    let summary = RiskEngine(questionnaire: questionnaire).summarize(
      state([
        "personal_data": Answer(value: .choice("no")),
        "restitution": Answer(value: .choice("partial")),
        "sovereignty": Answer(value: .choice("unknown")),
      ]))
    #expect(summary.gaps.map(\.questionID) == ["sovereignty", "restitution"])
    #expect(summary.verdict == .notAcceptable)
    let contract = summary.sections.first { $0.section == 1 }
    #expect(
      contract == SectionCompliance(section: 1, applicable: 2, compliantScore: 0.5, answered: 2))
    let partial = RiskEngine(questionnaire: questionnaire).summarize(
      state([
        "personal_data": Answer(value: .choice("no")),
        "restitution": Answer(value: .choice("partial")),
        "sovereignty": Answer(value: .choice("compliant")),
      ]))
    #expect(
      partial.sections.first { $0.section == 1 }?.compliantPercent == 75, "partial counts half")
    #expect(partial.verdict == .acceptableWithConditions)
  }
}
