import AssessmentCore
import Foundation

/// The front ends' own texts in French, English and Dutch (the start screen, the search, the
/// screen's chrome, what a field being left says), used by no report: they live with the front
/// ends rather than in the core's ``Phrase``.
public enum FrontEndText: CaseIterable, Sendable, TranslatedText {
  case startTitle, startNew, startQuit, startNoSessions, tooSmall
  case searchPrompt, searchMatches, searchNone
  case moreAbove, moreBelow, notSavedYet, savedAt
  case notKept, notADayNotKept, invalidNumberOnQuit, finishedHint

  public var translations: (String, String, String) {
    switch self {
    case .startTitle:
      return (
        "cloud-assess — évaluation d'un fournisseur de services cloud",
        "cloud-assess — assessing a cloud service provider",
        "cloud-assess — beoordeling van een cloudaanbieder"
      )
    case .startNew: return ("Nouvelle évaluation", "New assessment", "Nieuwe beoordeling")
    case .startQuit: return ("Quitter", "Quit", "Afsluiten")
    case .startNoSessions:
      return (
        "Aucune évaluation enregistrée.", "No saved assessment.", "Geen opgeslagen beoordeling."
      )
    case .tooSmall:
      return (
        "terminal trop petit : %1×%2, il faut 80×24", "terminal too small: %1×%2, need 80×24",
        "terminal te klein: %1×%2, minimaal 80×24"
      )
    case .searchPrompt:
      return (
        "Rechercher (texte ou référence) : ", "Search (text or reference): ",
        "Zoeken (tekst of referentie): "
      )
    case .searchMatches:
      return (
        "Résultat %1/%2 pour « %3 » — n : suivant", "Match %1/%2 for “%3” — n: next",
        "Resultaat %1/%2 voor ‘%3’ — n: volgende"
      )
    case .searchNone:
      return ("Aucun résultat pour « %1 »", "No match for “%1”", "Geen resultaat voor ‘%1’")
    case .moreAbove: return ("▲ suite au-dessus", "▲ more above", "▲ meer hierboven")
    case .moreBelow: return ("▼ suite en dessous", "▼ more below", "▼ meer hieronder")
    case .notSavedYet: return ("Pas encore enregistré", "Not saved yet", "Nog niet opgeslagen")
    case .savedAt: return ("Enregistré à %1", "Saved at %1", "Opgeslagen om %1")
    case .notKept:
      return (
        "« %1 » n'est pas un nombre : non enregistré", "“%1” is not a number: not kept",
        "‘%1’ is geen getal: niet bewaard"
      )
    case .notADayNotKept:
      return (
        "« %1 » n'est pas une date (AAAA-MM-JJ) : non enregistrée",
        "“%1” is not a date (YYYY-MM-DD): not kept",
        "‘%1’ is geen datum (JJJJ-MM-DD): niet bewaard"
      )
    case .invalidNumberOnQuit:
      return (
        "corrigez-le, ou Échap pour l'abandonner, puis quittez",
        "correct it, or press Esc to drop it, then quit",
        "verbeter het, of Esc om het te laten vallen, en stop dan"
      )
    case .finishedHint:
      return (
        "L'évaluation est clôturée : o la rouvre pour modifier des réponses, q quitte.",
        "The assessment is finished: o reopens it to change answers, q quits.",
        "De beoordeling is afgerond: o heropent ze om antwoorden te wijzigen, q stopt."
      )
    }
  }
}
