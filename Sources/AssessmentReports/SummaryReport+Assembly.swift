import AssessmentCore
import Foundation

extension SummaryReport {
  /// The summary report of an assessment, the one way every caller makes it: its summary as of
  /// `asOf` (nil: the day of its last change), the questionnaire version it was answered under
  /// when that differs from the one loaded, and, for a re-assessment, the changes since the
  /// previous one judged as of the same day. The `summary` command (through the store's
  /// `SessionStore.summaryReport`), the wizard's summary screen and the benchmark all call it.
  public static func assemble(
    questionnaire: Questionnaire, digest: String, state: WizardState, asOf: Date?,
    answeredUnderVersion: String?, previous: PreviousSession?, language: InterfaceLanguage,
    signOffs: [SignOff] = []
  ) -> SummaryReport {
    let current = ComparedAssessment(
      id: "", questionnaire: questionnaire, state: state, asOf: asOf ?? state.metadata.updated)
    var report = SummaryReport(
      questionnaire: questionnaire, summary: current.summary, answers: state.answers,
      language: language, digest: digest)
    report.answeredUnderVersion = answeredUnderVersion
    report.changesSince = previous?.changes(to: current, language: language)
    if case .read(let before)? = previous {
      report.previousEvidence = before.state.answers.compactMapValues {
        $0.evidence.isEmpty ? nil : $0.evidence
      }
    }
    if !signOffs.isEmpty {
      report.decision = DecisionStanding(
        signOffs: signOffs, contentDigest: ContentDigest.hex(of: state.answers),
        answers: state.answers)
    }
    return report
  }
}
