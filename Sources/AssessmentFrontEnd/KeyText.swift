import AssessmentCore
import Foundation

/// The titles of the help's Keys section, in French, English and Dutch; its lines and the key
/// bars come from the key tables. Front-end texts, so they live with the front ends rather than
/// in the core's ``Phrase``.
public enum KeyText: CaseIterable, Sendable, TranslatedText {
  case keysTitle, questionKeysTitle, reviewKeysTitle, summaryKeysTitle, planKeysTitle

  public var translations: (String, String, String) {
    switch self {
    case .keysTitle: return ("Touches", "Keys", "Toetsen")
    case .questionKeysTitle: return ("Questions", "Questions", "Vragen")
    case .reviewKeysTitle: return ("Revue (r)", "Review (r)", "Nazicht (r)")
    case .summaryKeysTitle: return ("Résumé (S)", "Summary (S)", "Samenvatting (S)")
    case .planKeysTitle: return ("Plan d'action (a)", "Action plan (a)", "Actieplan (a)")
    }
  }
}
