import Foundation

/// The choices a question offers on screen, in order, with their labels in a language.
public struct Choice: Equatable, Sendable {
  public var id: String
  public var label: String
}

extension Question {
  /// The choices offered, in order: shared by the full-screen and the plain front ends.
  public func choices(_ language: InterfaceLanguage, _ questionnaire: Questionnaire) -> [Choice] {
    switch type {
    case .compliance:
      return ComplianceValue.allCases.map { Choice(id: $0.rawValue, label: $0.phrase.text(language)) }
    case .yesno:
      return [
        Choice(id: "yes", label: Phrase.yes.text(language)),
        Choice(id: "no", label: Phrase.no.text(language)),
      ]
    case .single, .multiple:
      return options.map { Choice(id: $0.id, label: questionnaire.text($0.label, language.rawValue)) }
    case .text, .number, .derogation:
      return []
    }
  }
}

extension AnswerValue {
  /// A number as typed back: whole numbers without a decimal point.
  public static func numberText(_ number: Double) -> String {
    number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
  }

  /// The text shown for an answer, in words (labels, not ids): screens and reports alike.
  public func display(_ question: Question, _ language: InterfaceLanguage, _ questionnaire: Questionnaire)
    -> String
  {
    switch self {
    case .choice(let id):
      return question.choices(language, questionnaire).first { $0.id == id }?.label ?? id
    case .choices(let ids):
      let choices = question.choices(language, questionnaire)
      return ids.map { id in choices.first { $0.id == id }?.label ?? id }.joined(separator: ", ")
    case .text(let text): return text
    case .number(let number): return AnswerValue.numberText(number)
    case .derogation(let record): return record.reference
    }
  }
}
