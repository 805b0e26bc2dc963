import Foundation

extension Questionnaire {
  /// Which questions apply, in walking order, given the answers.
  ///
  /// Conditions read only earlier questions, so one pass in order suffices; a hidden question's
  /// answer is read as no answer, so hiding cascades.
  public func visibility(answers: [String: Answer]) -> [Bool] {
    var visible = [Bool](repeating: false, count: questions.count)
    var sectionVisible = [Bool](repeating: true, count: sections.count)
    var position = 0
    // What the conditions read, taken out of `self`: a questionnaire is a large value, and the
    // closure given to each condition copied it whole at every call.
    let questions = self.questions
    let indexOf = self.index(of:)
    func answer(_ id: String) -> AnswerValue? {
      guard let index = indexOf(id), index < position, visible[index] else { return nil }
      return Questionnaire.value(answers[id], questions[index])
    }
    for (sectionIndex, section) in sections.enumerated() {
      sectionVisible[sectionIndex] = section.when?.evaluate(answer) ?? true
      for question in section.questions {
        visible[position] =
          sectionVisible[sectionIndex] && (question.when?.evaluate(answer) ?? true)
        position += 1
      }
    }
    return visible
  }

  /// The answers of the questions that apply, as conditions and the risk engine read them.
  public func visibleAnswer(
    _ answers: [String: Answer], _ visibility: [Bool]
  ) -> (String) -> AnswerValue? {
    let questions = self.questions
    let indexOf = self.index(of:)
    return { id in
      guard let index = indexOf(id), visibility.indices.contains(index), visibility[index]
      else { return nil }
      return Questionnaire.value(answers[id], questions[index])
    }
  }
}

/// How far an assessment is: answered questions among those that apply, and among the answers,
/// those not yet verified. The one definition of a complete assessment: every applicable
/// question answered, no answer carried from the previous assessment (`new --from`) awaiting
/// re-verification, no "not applicable" without its justification. Every screen and report
/// reads ``isComplete`` rather than comparing counts.
public struct Progress: Equatable, Sendable {
  /// Applicable required questions with an answer that fits, carried ones included.
  public var answered: Int
  public var applicable: Int
  /// Applicable required questions answered in this assessment or whose carried answer was
  /// confirmed: what the share and the progress bar count.
  public var verified: Int
  /// Applicable answers (optional questions' included) carried from the previous assessment
  /// and not yet confirmed or changed.
  public var toReverify: Int
  /// Applicable compliance questions answered "not applicable" without a justification.
  public var unjustifiedNotApplicable: Int

  public init(
    answered: Int, applicable: Int, verified: Int? = nil, toReverify: Int = 0,
    unjustifiedNotApplicable: Int = 0
  ) {
    self.answered = answered
    self.applicable = applicable
    self.verified = verified ?? answered - toReverify
    self.toReverify = toReverify
    self.unjustifiedNotApplicable = unjustifiedNotApplicable
  }

  /// Applicable required questions without an answer.
  public var unanswered: Int { applicable - answered }
  public var isComplete: Bool {
    unanswered == 0 && toReverify == 0 && unjustifiedNotApplicable == 0
  }
  /// The share verified: a carried answer counts once confirmed.
  public var fraction: Double { applicable == 0 ? 1 : Double(verified) / Double(applicable) }
}
