import AssessmentCore
import Foundation

extension SessionRecord {
  /// The abstract of this record with its questionnaire: progress, the verdict as of the last
  /// change, the pending actions' due dates and the first day a derogation or an acceptance
  /// expires after it.
  public func makeAbstract(_ questionnaire: Questionnaire) -> SessionAbstract {
    let wizard = Wizard(questionnaire: questionnaire)
    let state = wizardState(wizard)
    let summary = RiskEngine(questionnaire: questionnaire).summarize(state, asOf: metadata.updated)
    var expiries: [String] = summary.derogations.compactMap {
      let day = $0.record.expiresOn.trimmingCharacters(in: .whitespacesAndNewlines)
      return Day.isValid(day) && day >= summary.asOf ? day : nil
    }
    expiries += summary.plan.accepted.compactMap {
      let day = $0.action.acceptedUntil.trimmingCharacters(in: .whitespacesAndNewlines)
      return Day.isValid(day) && day >= summary.asOf ? day : nil
    }
    return SessionAbstract(
      questionnaire: self.questionnaire.id, organisation: metadata.organisation,
      provider: metadata.provider, service: metadata.service,
      created: metadata.created, updated: metadata.updated, phase: phase.rawValue,
      answered: summary.progress.answered, applicable: summary.progress.applicable,
      verdict: summary.verdict.rawValue,
      pendingDue: summary.plan.pending.map {
        $0.action.dueDate.trimmingCharacters(in: .whitespacesAndNewlines)
      },
      // Valid through its expiry day: the day after is when it stops counting.
      recheckFrom: expiries.min().map(Self.dayAfter))
  }

  /// The ISO day after `day`.
  static func dayAfter(_ day: String) -> String {
    guard let date = Timestamp.parse(day + "T12:00:00.000Z") else { return day }
    return String(Timestamp.format(date.addingTimeInterval(86_400)).prefix(10))
  }
}
