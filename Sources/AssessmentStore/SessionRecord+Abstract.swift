import AssessmentCore
import AssessmentReports
import Foundation

extension SessionRecord {
  /// The abstract of this record with its questionnaire: progress, the verdict as of the last
  /// change, the pending actions' due dates and the first day from which `list` must read the
  /// whole file: a derogation or an acceptance expiring after the last change, or a piece of
  /// evidence expiring at all (the abstract does not count expired evidence, so a session with
  /// evidence that has expired, even before its last change, is always read whole).
  public func makeAbstract(_ questionnaire: Questionnaire) -> SessionAbstract {
    // What the risk engine reads: the answers, which questions apply, the identification; not
    // the wizard's cursor or its progress counts, which resuming the wizard would work out.
    let state = WizardState(
      phase: phase, metadata: metadata, answers: answers,
      visibility: questionnaire.visibility(answers: answers))
    let summary = RiskEngine(questionnaire: questionnaire).summarize(state, asOf: metadata.updated)
    var expiries: [String] = summary.derogations.compactMap {
      let day = $0.record.expiresOn.trimmed
      return Day.isValid(day) && day >= summary.asOf ? day : nil
    }
    expiries += summary.plan.accepted.compactMap {
      let day = $0.action.acceptedUntil.trimmed
      return Day.isValid(day) && day >= summary.asOf ? day : nil
    }
    for answer in answers.values {
      for record in answer.evidence {
        let day = record.validUntil.trimmed
        if Day.isValid(day) { expiries.append(day) }
      }
    }
    return SessionAbstract(
      questionnaire: self.questionnaire.id, organisation: metadata.organisation,
      provider: metadata.provider, service: metadata.service,
      created: metadata.created, updated: metadata.updated, phase: phase.rawValue,
      answered: summary.progress.answered, applicable: summary.progress.applicable,
      verdict: summary.verdict.rawValue,
      pendingDue: summary.plan.pending.map {
        $0.action.dueDate.trimmed
      },
      // Valid through its expiry day: the day after is when it stops counting.
      recheckFrom: expiries.min().map(Self.dayAfter),
      decision: DecisionStanding(
        signOffs: signOffs, contentDigest: ContentDigest.hex(of: answers), answers: answers
      ).map(DecisionAbstract.init))
  }

  /// The ISO day after `day`.
  static func dayAfter(_ day: String) -> String {
    guard let date = Timestamp.parse(day + "T12:00:00.000Z") else { return day }
    return String(Timestamp.format(date.addingTimeInterval(86_400)).prefix(10))
  }
}
