import AssessmentCore
import AssessmentReports
import Foundation
import Testing

@testable import AssessmentStore

/// Management's decision against the built-in questionnaire's verdict: an acceptance that
/// contradicts it is refused, with the blocking findings named, unless a derogation that
/// counts covers them ("Sauf dérogation autorisée", guideline 2.4).
@Suite struct SignOffTests {
  let verdicts = VerdictTests()
  let questionnaire = try! BuiltinQuestionnaires.resolve(nil).questionnaire

  func problem(
    _ decision: SignOff.Decision, _ state: WizardState, conditions: String = "",
    by: String = "Comité de direction", day: String = "2026-11-30"
  ) -> SignOffProblem? {
    SignOff.problem(
      by: by, role: "Administrateur général", decision: decision, reference: "PV-2026-12",
      on: day, conditions: conditions, summary: verdicts.summary(state), today: "2026-11-30")
  }

  @Test func acceptingANotAcceptableAssessmentIsRefusedWithItsBlockingFindingNamed() {
    let state = verdicts.session(["priv_encryption_rest": "noncompliant"])
    for decision in [SignOff.Decision.accept, .acceptWithConditions] {
      guard
        case .contradictsVerdict(.notAcceptable, let blocking, _)? = problem(
          decision, state, conditions: "c")
      else {
        Issue.record("\(decision) was not refused")
        continue
      }
      #expect(blocking.map(\.rule.id) == ["personal_data_unencrypted"])
    }
    #expect(problem(.refuse, state) == nil, "a refusal is always possible")
    // The refusal names the finding, in each language.
    let summary = verdicts.summary(state)
    let expected: [(InterfaceLanguage, String, String)] = [
      (.fr, "contredit le verdict « non acceptable »", "constat bloquant non couvert"),
      (
        .en, "contradicts the assessment's verdict 'not acceptable'", "blocking finding not covered"
      ),
      (.nl, "in strijd met het oordeel ‘niet aanvaardbaar’", "blokkerende vaststelling"),
    ]
    for (language, first, second) in expected {
      let report = SummaryReport(
        questionnaire: questionnaire, summary: summary, answers: state.answers,
        language: language, digest: "")
      let lines = report.problemLines(
        .contradictsVerdict(.notAcceptable, blocking: summary.blocking, reasons: []),
        decision: .accept)
      #expect(lines[0].contains(first), "\(language): \(lines[0])")
      #expect(lines[1].contains(second) && lines[1].contains("2.4"), "\(language): \(lines[1])")
    }
  }

  @Test func aBlockingFindingCoveredByADerogationThatCountsDoesNotPreventAcceptance() {
    let state = verdicts.session(
      ["priv_encryption_rest": "noncompliant"],
      derogations: ["derog_encryption": VerdictTests.valid])
    // The acceptance rests on the derogation: with conditions, and they must be stated.
    #expect(problem(.acceptWithConditions, state, conditions: "Revoir en 2027.") == nil)
    #expect(problem(.acceptWithConditions, state) == .conditionsMissing)
    guard
      case .contradictsVerdict(.acceptableWithConditions, let blocking, _)? = problem(
        .accept, state)
    else {
      Issue.record("a plain acceptance of an 'acceptable with conditions' verdict passed")
      return
    }
    #expect(blocking.isEmpty)
    // An expired derogation counts for nothing.
    var expired = VerdictTests.valid
    expired.expiresOn = "2026-06-30"
    let lapsed = verdicts.session(
      ["priv_encryption_rest": "noncompliant"], derogations: ["derog_encryption": expired])
    #expect(problem(.acceptWithConditions, lapsed, conditions: "c") != nil)
  }

  @Test func theDecisionsFieldsAreChecked() {
    let state = verdicts.session()
    #expect(problem(.accept, state) == nil)
    #expect(problem(.accept, state, by: " ") == .missing(.by))
    #expect(problem(.accept, state, day: "30/11/2026") == .notADay("30/11/2026"))
    #expect(problem(.accept, state, day: "2026-12-01") == .inTheFuture("2026-12-01"))
  }

  @Test func aDecisionIsRecordedWithTheContentDigestAndSupersedesThePreviousOne() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let loaded = try BuiltinQuestionnaires.resolve(nil)
    let store = SessionStore(directory: directory, asPerson: "Anne")
    let at = Date(timeIntervalSince1970: 1_800_000_000)
    let session = try store.create(loaded, at: at)
    let wizard = Wizard(questionnaire: loaded.questionnaire)
    var state = session.wizardState(wizard)
    _ = wizard.reduce(&state, .identificationEdited(.organisation, "ONSS", at: at + 1))
    try session.save(state)
    let first = try session.recordSignOff(
      by: "Comité", role: "CSI", decision: .refuse, reference: "PV-1", on: "2026-12-10",
      conditions: "ignored", at: at + 2)
    #expect(first.contentDigest == ContentDigest.hex(of: session.record.answers))
    #expect(first.recordedBy == "Anne")
    #expect(first.conditions == "", "conditions belong to an acceptance with conditions")
    let second = try session.recordSignOff(
      by: "Comité", role: "CSI", decision: .acceptWithConditions, reference: "PV-2",
      on: "2026-12-11", conditions: "Chiffrer", at: at + 3)
    #expect(session.record.signOffs == [first, second])
    let abstract = session.record.makeAbstract(loaded.questionnaire)
    #expect(
      abstract.decision
        == DecisionAbstract(
          decision: "accept_with_conditions", on: "2026-12-11", by: "Comité", outOfDate: false,
          changedSince: 0))
    session.close(final: state, lastSaveFailed: false)
  }
}
