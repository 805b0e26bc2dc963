import AssessmentCore
import Foundation

/// The texts of the comparison of two assessments (`cloud-assess compare`) and of a
/// re-assessment's "changes since" section, in French, English and Dutch. `%1`, `%2`... are
/// filled by `format`.
public enum ComparisonPhrase: CaseIterable, Sendable {
  case compareTitle, compareThen, compareNow, compareVerdict, compareBlockingAdded
  case compareBlockingResolved, compareSections, compareRegister, compareImproved, compareRegressed
  case compareNew, compareRemoved, compareActionsClosed, compareActionsOpen, compareActionsOverdue
  case compareCommonOnly, compareNone, changesSince, changesSinceMissing, changesSinceCounts
  case compareNotReverified, changesSinceNotReverified, compareNoneMasculine
}

extension ComparisonPhrase: TranslatedText {
  public var translations: (String, String, String) {
    switch self {
    case .compareNotReverified:
      return (
        "Réponses reprises, pas encore revérifiées (%1)",
        "Carried answers not yet re-verified (%1)",
        "Overgenomen antwoorden, nog niet opnieuw gecontroleerd (%1)"
      )
    case .changesSinceNotReverified:
      return (
        "%1 réponse(s) reprise(s), pas encore revérifiée(s)",
        "%1 carried answer(s) not yet re-verified",
        "%1 overgenomen antwoord(en), nog niet opnieuw gecontroleerd"
      )
    case .compareTitle:
      return (
        "COMPARAISON DE DEUX ÉVALUATIONS", "COMPARISON OF TWO ASSESSMENTS",
        "VERGELIJKING VAN TWEE BEOORDELINGEN"
      )
    case .compareThen: return ("Avant", "Then", "Toen")
    case .compareNow: return ("Maintenant", "Now", "Nu")
    case .compareVerdict: return ("Verdict", "Verdict", "Oordeel")
    case .compareBlockingAdded:
      return (
        "Constats bloquants apparus (%1)", "Blocking findings added (%1)",
        "Nieuwe blokkerende vaststellingen (%1)"
      )
    case .compareBlockingResolved:
      return (
        "Constats bloquants levés (%1)", "Blocking findings resolved (%1)",
        "Opgeloste blokkerende vaststellingen (%1)"
      )
    case .compareSections:
      return ("Conformité par section", "Compliance by section", "Conformiteit per sectie")
    case .compareRegister:
      return (
        "Registre des risques (résiduel, inhérent)", "Risk register (residual, inherent)",
        "Risicoregister (residueel, inherent)"
      )
    case .compareImproved:
      return ("Questions améliorées (%1)", "Questions improved (%1)", "Verbeterde vragen (%1)")
    case .compareRegressed:
      return ("Questions en recul (%1)", "Questions regressed (%1)", "Achteruitgegane vragen (%1)")
    case .compareNew:
      return ("Questions nouvelles (%1)", "New questions (%1)", "Nieuwe vragen (%1)")
    case .compareRemoved:
      return ("Questions retirées (%1)", "Questions removed (%1)", "Verwijderde vragen (%1)")
    case .compareActionsClosed:
      return ("Actions clôturées (%1)", "Actions closed (%1)", "Afgesloten acties (%1)")
    case .compareActionsOpen:
      return (
        "Actions toujours ouvertes (%1)", "Actions still open (%1)", "Nog openstaande acties (%1)"
      )
    case .compareActionsOverdue:
      return (
        "Actions en retard au %1 (%2)", "Actions overdue on %1 (%2)",
        "Achterstallige acties op %1 (%2)"
      )
    case .compareCommonOnly:
      return (
        "les deux évaluations n'utilisent pas le même questionnaire (%1, %2) : seules les questions communes sont comparées",
        "the two assessments do not use the same questionnaire (%1, %2): only the questions they have in common are compared",
        "de twee beoordelingen gebruiken niet dezelfde vragenlijst (%1, %2): enkel de gemeenschappelijke vragen worden vergeleken"
      )
    case .compareNone: return ("aucune", "none", "geen")
    case .compareNoneMasculine: return ("aucun", "none", "geen")
    case .changesSince:
      return (
        "Changements depuis l'évaluation précédente (%1)",
        "Changes since the previous assessment (%1)", "Wijzigingen sinds de vorige beoordeling (%1)"
      )
    case .changesSinceMissing:
      return (
        "l'évaluation précédente (%1) est introuvable à %2 : changements non calculés",
        "the previous assessment (%1) is not found at %2: changes not computed",
        "de vorige beoordeling (%1) is niet gevonden op %2: wijzigingen niet berekend"
      )
    case .changesSinceCounts:
      return (
        "%1 améliorée(s), %2 en recul, %3 nouvelle(s), %4 retirée(s) ; %5 bloquant(s) apparu(s), %6 levé(s)",
        "%1 improved, %2 regressed, %3 new, %4 removed; %5 blocking added, %6 resolved",
        "%1 verbeterd, %2 achteruit, %3 nieuw, %4 verwijderd; %5 blokkerend erbij, %6 opgelost"
      )
    }
  }
}
