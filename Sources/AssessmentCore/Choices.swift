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
      return ComplianceValue.allCases.map {
        Choice(id: $0.rawValue, label: $0.phrase.text(language))
      }
    case .yesno:
      return [
        Choice(id: "yes", label: Phrase.yes.text(language)),
        Choice(id: "no", label: Phrase.no.text(language)),
      ]
    case .single, .multiple:
      return options.map {
        Choice(id: $0.id, label: questionnaire.text($0.label, language.rawValue))
      }
    case .text, .number, .derogation, .date:
      return []
    }
  }
}

extension AnswerValue {
  /// A number as typed back: whole numbers without a decimal point.
  public static func numberText(_ number: Double) -> String {
    number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
  }

  /// A number as a reader of `language` writes it: a decimal comma in French and Dutch, and
  /// from five digits on, groups of three (a no-break space in French and Dutch, « 150 000 »;
  /// a comma in English). Years and four-digit counts stay whole ("2026", "1000").
  public static func numberWords(_ number: Double, _ language: InterfaceLanguage) -> String {
    let raw = numberText(number)
    guard !raw.contains("e"), !raw.contains("n") else { return raw }  // exponent, nan, inf
    let negative = raw.hasPrefix("-")
    let unsigned = negative ? String(raw.dropFirst()) : raw
    let parts = unsigned.split(separator: ".", maxSplits: 1)
    var integer = String(parts.first ?? "")
    let group = language == .en ? "," : "\u{A0}"
    if integer.count >= 5 {
      var grouped = ""
      for (index, digit) in integer.enumerated() {
        if index > 0, (integer.count - index) % 3 == 0 { grouped += group }
        grouped.append(digit)
      }
      integer = grouped
    }
    let fraction = parts.count > 1 ? (language == .en ? "." : ",") + parts[1] : ""
    return (negative ? "-" : "") + integer + fraction
  }

  /// The text shown for an answer, in words (labels, not ids): screens and reports alike.
  public func display(
    _ question: Question, _ language: InterfaceLanguage, _ questionnaire: Questionnaire
  )
    -> String
  {
    switch self {
    case .choice(let id):
      // "Not applicable" answered: the choice's "(justification required)" is a hint for the
      // one choosing, not part of the answer.
      if question.type == .compliance, id == ComplianceValue.na.rawValue {
        return Phrase.notApplicableAnswer.text(language)
      }
      return question.choices(language, questionnaire).first { $0.id == id }?.label ?? id
    case .choices(let ids):
      let choices = question.choices(language, questionnaire)
      return ids.map { id in choices.first { $0.id == id }?.label ?? id }.joined(separator: ", ")
    case .text(let text): return text
    case .number(let number): return AnswerValue.numberWords(number, language)
    case .derogation(let record): return record.reference
    case .date(let day): return day
    }
  }
}
