import Foundation

/// What is wrong with a decision about to be recorded; the first problem found is reported.
public enum SignOffProblem: Equatable, Sendable {
  /// A field that must be filled in is blank.
  case missing(SignOff.Field)
  /// The day of the decision is not a day, or is after today (a decision not yet taken).
  case notADay(String)
  case inTheFuture(String)
  /// "Accept with conditions" without the conditions.
  case conditionsMissing
  /// The decision accepts what the assessment does not: "accept" or "accept with conditions"
  /// while the verdict is "not acceptable" (the blocking findings that stand, and every other
  /// reason), or a plain "accept" while it is "acceptable with conditions" (its reasons).
  /// A blocking rule waived by a derogation that counts is not among the findings: the risk
  /// engine leaves it out (``DerogationRecord/status(on:)``).
  case contradictsVerdict(Verdict, blocking: [BlockingFinding], reasons: [VerdictReason])
}

extension SignOff {
  /// The fields of a decision, in the order the forms ask for them.
  public enum Field: String, CaseIterable, Sendable {
    case by, role, decision, reference, on, conditions
  }

  /// Whether `decision` may be recorded on `summary`, made as of `today` (ISO day): nil when it
  /// may. A refusal is always possible; an acceptance must not contradict the verdict.
  public static func problem(
    by: String, role: String, decision: Decision, reference: String, on day: String,
    conditions: String, summary: RiskSummary, today: String
  ) -> SignOffProblem? {
    if by.isBlank { return .missing(.by) }
    if role.isBlank { return .missing(.role) }
    if reference.isBlank { return .missing(.reference) }
    let day = day.trimmed
    guard Day.isValid(day) else { return .notADay(day) }
    if day > today { return .inTheFuture(day) }
    switch (decision, summary.verdict) {
    case (.refuse, _), (_, .acceptable), (.acceptWithConditions, .acceptableWithConditions):
      break
    case (.accept, .acceptableWithConditions):
      return .contradictsVerdict(summary.verdict, blocking: [], reasons: summary.reasons)
    case (.accept, .notAcceptable), (.acceptWithConditions, .notAcceptable):
      return .contradictsVerdict(
        summary.verdict, blocking: summary.blocking,
        reasons: summary.reasons.filter {
          if case .blocking = $0 { return false }
          return true
        })
    }
    if decision == .acceptWithConditions, conditions.isBlank { return .conditionsMissing }
    return nil
  }

  /// Whether the decision accepts the assessment's result (with or without conditions).
  public var accepts: Bool { decision != .refuse }
}

/// The current decision on an assessment, judged against its content now.
public struct DecisionStanding: Equatable, Sendable {
  /// The decision in force (the last recorded).
  public var current: SignOff
  /// How many decisions it superseded.
  public var superseded: Int
  /// Whether the content (answers, derogations, plan) differs from the one decided on.
  public var contentChanged: Bool
  /// The answers with a change recorded after the decision was recorded; 0 when the content is
  /// unchanged (a change undone leaves entries but the same content).
  public var answersChangedSince: Int

  public init(
    current: SignOff, superseded: Int, contentChanged: Bool, answersChangedSince: Int
  ) {
    self.current = current
    self.superseded = superseded
    self.contentChanged = contentChanged
    self.answersChangedSince = answersChangedSince
  }

  /// The standing of the last of `signOffs` given the content's digest now and the answers'
  /// histories (an answer counts as changed since when its last recorded change, or the time its
  /// value was given, is after the decision was recorded); nil without a decision.
  /// The digest is computed only when there is a decision: hashing the content is most of what
  /// recomputing a session's abstract costs (`cloud-assess merge`, `list`).
  public init?(
    signOffs: [SignOff], contentDigest: @autoclosure () -> String, answers: [String: Answer]
  ) {
    guard let current = signOffs.last else { return nil }
    let changed = current.contentDigest != contentDigest()
    var count = 0
    if changed {
      for answer in answers.values {
        let last = [answer.history.last?.at, answer.answeredAt].compactMap { $0 }.max()
        if let last, last > current.recordedAt { count += 1 }
      }
    }
    self.init(
      current: current, superseded: signOffs.count - 1, contentChanged: changed,
      answersChangedSince: count)
  }
}
