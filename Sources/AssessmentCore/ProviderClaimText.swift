import Foundation

/// The words of a provider's claim shown beside a question, in both front ends.
public enum ClaimPhrase: CaseIterable, Sendable, TranslatedText {
  case provider, evidence, validUntil, noValue, noClaim, taken

  public var translations: (String, String, String) {
    switch self {
    case .provider: return ("Fournisseur", "Provider", "Leverancier")
    case .evidence: return ("preuve", "evidence", "bewijsstuk")
    case .validUntil: return ("valable jusqu'au", "valid until", "geldig tot")
    case .noValue: return ("pas de réponse", "no answer", "geen antwoord")
    case .noClaim:
      return (
        "Le fournisseur n'a pas donné de réponse à reprendre pour cette question.",
        "The provider gave no answer to take for this question.",
        "De leverancier heeft voor deze vraag geen antwoord gegeven dat u kunt overnemen."
      )
    case .taken:
      return (
        "Réponse du fournisseur reprise comme votre réponse : « %1 ».",
        "The provider's answer taken as yours: “%1”.",
        "Antwoord van de leverancier overgenomen als uw antwoord: ‘%1’."
      )
    }
  }
}

extension ProviderClaim {
  /// The claim in one line: "Fournisseur : partiellement conforme — … — preuve : SOC 2 type II,
  /// 2026, valable jusqu'au 2027-03-31".
  public func line(
    _ question: Question, _ language: InterfaceLanguage, _ questionnaire: Questionnaire
  ) -> String {
    let colon = language.colon
    var answer = value.map { $0.display(question, language, questionnaire) }
    if let text = answer, question.type == .compliance, let first = text.first {
      // "partially compliant" reads as the provider's word in the sentence, not a heading.
      answer = first.lowercased() + text.dropFirst()
    }
    var parts = [
      ClaimPhrase.provider.text(language) + colon + (answer ?? ClaimPhrase.noValue.text(language))
    ]
    let explanation = explanation.split(whereSeparator: \.isNewline).joined(separator: " / ")
    if !explanation.isEmpty { parts.append(explanation) }
    for record in evidence {
      var text = ClaimPhrase.evidence.text(language) + colon + record.reference
      if !record.validUntil.isEmpty {
        text += ", " + ClaimPhrase.validUntil.text(language) + " " + record.validUntil
      }
      parts.append(text)
    }
    let remarks = remarks.split(whereSeparator: \.isNewline).joined(separator: " / ")
    if !remarks.isEmpty { parts.append(remarks) }
    return parts.joined(separator: " — ")
  }
}
