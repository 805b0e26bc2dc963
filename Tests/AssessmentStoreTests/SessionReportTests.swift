import AssessmentCore
import AssessmentReports
import Foundation
import Testing

@testable import AssessmentStore

/// The store's one assembly of a session's summary report (SessionStore.summaryReport).
@Suite struct SessionReportTests {
  let day = Timestamp.parse("2026-11-30T12:00:00.000Z") ?? Date()

  /// A copy of `sessions-v1/mixed.json` with `change` applied, in a fresh store.
  func session(_ change: (inout SessionRecord) -> Void) throws -> (SessionStore, String, String) {
    let directory = temporaryDirectory()
    let bytes = try Data(contentsOf: URL(fileURLWithPath: fixturePath("sessions-v1/mixed.json")))
    try bytes.write(to: URL(fileURLWithPath: directory + "/mixed.json"))
    let store = SessionStore(directory: directory)
    var record = try store.load(path: directory + "/mixed.json")
    change(&record)
    try store.save(record, to: directory + "/mixed.json")
    return (store, directory, directory + "/mixed.json")
  }

  @Test func theReportIsTheSessionsSummaryAsOfTheDayInTheLanguage() throws {
    let (store, directory, path) = try session { _ in }
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let risk = fixturePath("risk.yaml")
    let made = try store.summaryReport(path: path, questionnaire: risk, asOf: day, language: .nl)
    let loaded = try QuestionnaireLoader.load(path: risk)
    let state = made.assessment.record.wizardState(Wizard(questionnaire: loaded.questionnaire))
    let expected = SummaryReport(
      questionnaire: loaded.questionnaire,
      summary: RiskEngine(questionnaire: loaded.questionnaire).summarize(state, asOf: day),
      answers: state.answers, language: .nl, digest: loaded.digest)
    #expect(made.report.text(color: false) == expected.text(color: false))
    #expect(made.report.changesSince == nil)
    #expect(made.assessment.compared.summary == expected.summary)
  }

  @Test func aReassessmentWhosePreviousFileIsGoneSaysSoInsteadOfFailing() throws {
    let (store, directory, path) = try session {
      $0.previous = PreviousAssessment(id: "old", path: "/nowhere/old.json")
    }
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let made = try store.summaryReport(
      path: path, questionnaire: fixturePath("risk.yaml"), asOf: day, language: .en)
    #expect(made.report.changesSince?.title == "old")
    #expect(made.report.text(color: false).contains("the previous assessment (old) is not found"))
  }
}
