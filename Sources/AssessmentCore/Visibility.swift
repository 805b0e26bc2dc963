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
    func answer(_ id: String) -> AnswerValue? {
      guard let index = index(of: id), index < position, visible[index] else { return nil }
      return value(answers[id], questions[index])
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
    { id in
      guard let index = self.index(of: id), visibility.indices.contains(index), visibility[index]
      else { return nil }
      return self.value(answers[id], self.questions[index])
    }
  }
}

/// How far an assessment is: answered questions among those that apply.
public struct Progress: Equatable, Sendable {
  public var answered: Int
  public var applicable: Int

  public init(answered: Int, applicable: Int) {
    self.answered = answered
    self.applicable = applicable
  }

  public var isComplete: Bool { answered == applicable }
  public var fraction: Double { applicable == 0 ? 1 : Double(answered) / Double(applicable) }
}
