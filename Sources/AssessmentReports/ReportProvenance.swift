import AssessmentCore
import Foundation

/// Where a report comes from, so that a printed or exported report can be matched to its data:
/// the session's id, the SHA-256 of the session file as read, and when the report was produced.
public struct ReportProvenance: Equatable, Sendable {
  public var sessionID: String
  /// SHA-256 (hex) of the session file's bytes.
  public var sessionSHA256: String
  /// When the report was produced (the caller's clock, or `SOURCE_DATE_EPOCH`).
  public var produced: Date

  public init(sessionID: String, sessionSHA256: String, produced: Date) {
    self.sessionID = sessionID
    self.sessionSHA256 = sessionSHA256
    self.produced = produced
  }
}

extension SummaryReport {
  /// Positions (walking order) of the questions that apply.
  public var applicablePositions: [Int] {
    let visibility = visibility
    return questionnaire.questions.indices.filter { visibility[$0] }
  }

  /// Which questions apply: the summary's, computed again only for a summary made without it.
  var visibility: [Bool] {
    summary.visibility.count == questionnaire.questions.count
      ? summary.visibility : questionnaire.visibility(answers: answers)
  }

  /// The blocking rules that hold, by each question they name.
  public var blockingRulesByQuestion: [String: [String]] {
    var rules: [String: [String]] = [:]
    for finding in summary.blocking {
      for id in finding.rule.questions { rules[id, default: []].append(finding.rule.id) }
    }
    return rules
  }

  /// The localized label of a likelihood or impact level.
  public func likelihoodLabel(_ id: String) -> String {
    scaleLabel(questionnaire.riskModel.likelihood, id)
  }
  public func impactLabel(_ id: String) -> String { scaleLabel(questionnaire.riskModel.impact, id) }

  /// The answer of a question that applies, in words, or nil when unanswered.
  public func answerWords(at position: Int) -> String? {
    let question = questionnaire.questions[position]
    return questionnaire.value(answers[question.id], question).map { answerWords(question, $0) }
  }

  /// A report text in the report's language.
  func r(_ phrase: ReportPhrase) -> String { phrase.text(language) }
}
