import AssessmentCore
import Foundation

/// A condition in words for the assessor: question texts and answer labels in the interface
/// language instead of ids (“Shown because: “Will personal data be processed in the cloud?” is
/// not “No””).
struct ConditionWords {
  let questionnaire: Questionnaire
  let language: InterfaceLanguage

  /// Several conditions that must all hold (a section's and a question's).
  func describe(all conditions: [Condition]) -> String {
    let joined = conditions.map { words($0, inside: conditions.count > 1 ? .and : nil) }
    return joined.joined(separator: " " + Phrase.conditionAnd.text(language) + " ")
  }

  func describe(_ condition: Condition) -> String { words(condition, inside: nil) }

  private enum Operator { case and, or }

  private func words(_ condition: Condition, inside parent: Operator?) -> String {
    switch condition {
    case .and(let lhs, let rhs):
      let text =
        words(lhs, inside: .and) + " " + Phrase.conditionAnd.text(language) + " "
        + words(rhs, inside: .and)
      return parent == .or ? "(\(text))" : text
    case .or(let lhs, let rhs):
      let text =
        words(lhs, inside: .or) + " " + Phrase.conditionOr.text(language) + " "
        + words(rhs, inside: .or)
      return parent == .and ? "(\(text))" : text
    case .not(.equals(let id, let value)):
      return (isMultiple(id) ? Phrase.conditionExcludes : .conditionIsNot).format(
        language, question(id), label(id, value))
    case .not(.isIn(let id, let values)) where values.count == 1:
      return words(.not(.equals(id, values[0])), inside: parent)
    case .not(.isIn(let id, let values)):
      let nor = " " + Phrase.conditionNor.text(language) + " "
      return Phrase.conditionIsNoneOf.format(
        language, question(id), values.map { quoted(label(id, $0)) }.joined(separator: nor))
    case .not(.answered(let id)):
      return Phrase.conditionUnanswered.format(language, question(id))
    case .not(.isYes(let id)):
      return Phrase.conditionIsNot.format(language, question(id), Phrase.yes.text(language))
    case .not(let inner):
      return Phrase.conditionNot.format(language, words(inner, inside: nil))
    case .isYes(let id):
      return Phrase.conditionIs.format(language, question(id), Phrase.yes.text(language))
    case .equals(let id, let value):
      return (isMultiple(id) ? Phrase.conditionIncludes : .conditionIs).format(
        language, question(id), label(id, value))
    case .isIn(let id, let values) where values.count == 1:
      return words(.equals(id, values[0]), inside: parent)
    case .isIn(let id, let values):
      let or = " " + Phrase.conditionOr.text(language) + " "
      if isMultiple(id) {
        return values.map { Phrase.conditionIncludes.format(language, question(id), label(id, $0)) }
          .joined(separator: or)
      }
      return Phrase.conditionIsOneOf.format(
        language, question(id), values.map { quoted(label(id, $0)) }.joined(separator: or))
    case .compare(let id, let op, let constant):
      let phrase: Phrase
      switch op {
      case .less: phrase = .conditionLess
      case .lessOrEqual: phrase = .conditionLessOrEqual
      case .greater: phrase = .conditionGreater
      case .greaterOrEqual: phrase = .conditionGreaterOrEqual
      }
      return phrase.format(language, question(id), number(constant))
    case .answered(let id):
      return Phrase.conditionAnswered.format(language, question(id))
    }
  }

  private func quoted(_ text: String) -> String { Phrase.quoted.format(language, text) }

  private func question(_ id: String) -> String {
    guard let position = questionnaire.index(of: id) else { return id }
    return questionnaire.text(questionnaire.questions[position].text, language.rawValue)
  }

  private func isMultiple(_ id: String) -> Bool {
    questionnaire.index(of: id).map { questionnaire.questions[$0].type == .multiple } ?? false
  }

  /// The label of an answer id of a question, as its options show it.
  private func label(_ id: String, _ value: String) -> String {
    guard let position = questionnaire.index(of: id) else { return value }
    return questionnaire.questions[position].choices(language, questionnaire).first {
      $0.id == value
    }?.label ?? value
  }

  private func number(_ value: Double) -> String { AnswerValue.numberWords(value, language) }
}
