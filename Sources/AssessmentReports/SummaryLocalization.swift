import AssessmentCore
import Foundation

/// The texts of the summary's sections (text and Markdown, and what the other formats take from
/// them: headings, verdict reasons, lists), in French, English and Dutch. `%1`, `%2`... are
/// filled by `format`. The words the wizard's screens share with the reports stay in ``Phrase``.
public enum SummaryPhrase: CaseIterable, Sendable {
  case summaryUnjustified
  case summaryHeading, summaryOrganisation, summaryAssessor, summaryProvider, summaryService
  case summaryQuestionnaire, summaryNotice, summaryCreated, summaryUpdated, summaryCompleteness
  case summaryIncomplete, summaryComplete, completenessToReverify, summaryUnjustifiedToo
  case reasons, reasonBlocking, reasonGapsNotAcceptable
  case reasonGapsConditions, reasonIncomplete, reasonUnjustified, reasonNoGaps, reasonConflicts
  case blockingFindings, noBlocking, riskMatrix, riskRegister
  case notAssessed, complianceBySection, compliantPercent, answeredPercent
  case gaps, listUnanswered, listFlagged, listNotApplicable
  case listUnjustified, listEvidence
  case derogationNonePossible
  case derogationFailed, reasonDerogations, derogationAsOf
  case inherentLevel, residualLevel
  case questionnaireAnsweredUnder, listInvalid
  case reasonBeyondGuideline, gapNumber, reasonBlockingBeyondGuideline, beyondGuidelineNotJudged
}

extension SummaryPhrase: TranslatedText {
  public var translations: (String, String, String) {
    switch self {
    case .summaryUnjustified:
      return (
        "ÉVALUATION INCOMPLÈTE : tout est répondu, mais « non applicable » sans justification : %1 (chacun compte comme inconnu).",
        "INCOMPLETE ASSESSMENT: everything is answered, but “not applicable” without a justification: %1 (each counted as unknown).",
        "ONVOLLEDIGE BEOORDELING: alles is beantwoord, maar ‘niet van toepassing’ zonder verantwoording: %1 (elk geteld als onbekend)."
      )
    case .summaryHeading:
      return (
        "Résumé de l'évaluation des risques", "Risk assessment summary",
        "Samenvatting van de risicobeoordeling"
      )
    case .summaryOrganisation: return ("Organisation", "Organisation", "Organisatie")
    case .summaryAssessor: return ("Évaluateur", "Assessor", "Beoordelaar")
    case .summaryProvider: return ("Fournisseur", "Provider", "Aanbieder")
    case .summaryService: return ("Service", "Service", "Dienst")
    case .summaryQuestionnaire: return ("Questionnaire", "Questionnaire", "Vragenlijst")
    case .summaryNotice:
      return ("Propriétaire du contenu", "Content owner", "Eigenaar van de inhoud")
    case .summaryCreated: return ("Créée le", "Created", "Aangemaakt")
    case .summaryUpdated: return ("Modifiée le", "Last change", "Laatst gewijzigd")
    case .summaryCompleteness: return ("Complétude", "Completeness", "Volledigheid")
    case .completenessToReverify:
      return (
        "ÉVALUATION INCOMPLÈTE : %1 réponse(s) reprise(s) de l'évaluation précédente à revérifier ; elles ne comptent pas comme vérifiées avant d'être confirmées ou changées.",
        "INCOMPLETE ASSESSMENT: %1 answer(s) carried from the previous assessment to re-verify; they do not count as verified until confirmed or changed.",
        "ONVOLLEDIGE BEOORDELING: %1 antwoord(en) overgenomen uit de vorige beoordeling, opnieuw te controleren; ze tellen pas als gecontroleerd wanneer ze bevestigd of gewijzigd zijn."
      )
    case .summaryUnjustifiedToo:
      return (
        "« Non applicable » sans justification : %1 (chacun compte comme inconnu) ; l'évaluation n'est pas complète avant que chacun soit justifié.",
        "“Not applicable” without a justification: %1 (each counted as unknown); the assessment is not complete until each is justified.",
        "‘Niet van toepassing’ zonder verantwoording: %1 (elk geteld als onbekend); de beoordeling is pas volledig wanneer elk verantwoord is."
      )
    case .summaryIncomplete:
      return (
        "ÉVALUATION INCOMPLÈTE : %1 question(s) applicable(s) sans réponse. Les questions sans réponse comptent comme non vérifiées.",
        "INCOMPLETE ASSESSMENT: %1 applicable question(s) unanswered. Unanswered questions count as not verified.",
        "ONVOLLEDIGE BEOORDELING: %1 toepasselijke vraag/vragen onbeantwoord. Onbeantwoorde vragen tellen als niet geverifieerd."
      )
    case .summaryComplete:
      return ("Évaluation complète.", "Assessment complete.", "Beoordeling volledig.")
    case .reasons: return ("Motifs", "Reasons", "Redenen")
    case .reasonBlocking:
      return (
        "%1 constat(s) bloquant(s)", "%1 blocking finding(s)", "%1 blokkerende vaststelling(en)"
      )
    case .reasonGapsNotAcceptable:
      return (
        "%1 question(s) au niveau de risque « %2 » ou plus (écarts ou non vérifiées)",
        "%1 question(s) at risk level “%2” or above (gaps or not verified)",
        "%1 vraag/vragen op risiconiveau ‘%2’ of hoger (tekortkomingen of niet geverifieerd)"
      )
    case .reasonGapsConditions:
      return (
        "%1 question(s) au niveau de risque « %2 » ou plus à traiter",
        "%1 question(s) at risk level “%2” or above to address",
        "%1 vraag/vragen op risiconiveau ‘%2’ of hoger aan te pakken"
      )
    case .reasonIncomplete:
      return (
        "%1 question(s) sans réponse", "%1 question(s) unanswered", "%1 vraag/vragen onbeantwoord"
      )
    case .reasonUnjustified:
      return (
        "%1 « non applicable » sans justification", "%1 “not applicable” without justification",
        "%1 ‘niet van toepassing’ zonder verantwoording"
      )
    case .reasonConflicts:
      return (
        "%1 réponse(s) en conflit entre deux copies fusionnées de la session, à trancher dans l'assistant",
        "%1 answer(s) in conflict between two merged copies of the session, to be settled in the wizard",
        "%1 antwoord(en) in conflict tussen twee samengevoegde kopieën van de sessie, te beslechten in de wizard"
      )
    case .reasonNoGaps:
      return ("aucun écart à traiter", "no gap to address", "geen tekortkoming aan te pakken")
    case .blockingFindings:
      return ("Constats bloquants", "Blocking findings", "Blokkerende vaststellingen")
    case .noBlocking:
      return ("Aucun constat bloquant.", "No blocking finding.", "Geen blokkerende vaststelling.")
    case .riskMatrix:
      return (
        "Matrice des risques (questions non conformes ou non vérifiées)",
        "Risk matrix (questions not compliant or not verified)",
        "Risicomatrix (vragen niet conform of niet geverifieerd)"
      )
    case .riskRegister: return ("Registre des risques", "Risk register", "Risicoregister")
    case .notAssessed: return ("non évalué", "not assessed", "niet beoordeeld")
    case .complianceBySection:
      return ("Conformité par section", "Compliance by section", "Conformiteit per sectie")
    case .compliantPercent: return ("conforme", "compliant", "conform")
    case .answeredPercent: return ("répondu", "answered", "beantwoord")
    case .gaps:
      return (
        "Écarts, par niveau de risque", "Gaps, by risk level", "Tekortkomingen, per risiconiveau"
      )
    case .listUnanswered:
      return ("Questions sans réponse", "Unanswered questions", "Onbeantwoorde vragen")
    case .listFlagged:
      return (
        "Questions marquées à revoir", "Questions flagged for review",
        "Vragen gemarkeerd om te herbekijken"
      )
    case .listNotApplicable:
      return (
        "Non applicables et justifications", "Not applicable, with justifications",
        "Niet van toepassing, met verantwoording"
      )
    case .listUnjustified:
      return (
        "Non applicables sans justification (comptées comme inconnues)",
        "Not applicable without justification (counted as unknown)",
        "Niet van toepassing zonder verantwoording (geteld als onbekend)"
      )
    case .listEvidence:
      return ("Preuves enregistrées", "Evidence recorded", "Geregistreerde bewijsstukken")
    case .derogationNonePossible:
      return (
        "Aucune dérogation n'est possible pour ce constat.",
        "No derogation is possible for this finding.",
        "Voor deze vaststelling is geen afwijking mogelijk."
      )
    case .derogationFailed: return ("Dérogation %1 : %2", "Derogation %1: %2", "Afwijking %1: %2")
    case .reasonBlockingBeyondGuideline:
      return (
        "%1 constat(s) bloquant(s) au-delà du référentiel (une bonne pratique ou un choix de politique ne rend jamais à lui seul le verdict « non acceptable ») : %2",
        "%1 blocking finding(s) beyond the reference text (good practice or a policy choice alone never makes the verdict “not acceptable”): %2",
        "%1 blokkerende vaststelling(en) verder dan het referentiekader (een goede praktijk of beleidskeuze alleen maakt het oordeel nooit ‘niet aanvaardbaar’): %2"
      )
    case .gapNumber: return ("écart n° ", "gap no. ", "tekortkoming nr. ")
    case .beyondGuidelineNotJudged:
      return (
        "%1 sans réponse ou « inconnu »", "%1 not answered or “unknown”",
        "%1 zonder antwoord of ‘onbekend’"
      )
    case .reasonBeyondGuideline:
      return (
        "%1 point(s) au-delà du référentiel pèse(nt) sur le verdict (une bonne pratique ou un choix de politique ne le rend jamais à lui seul « non acceptable ») : %2",
        "%1 point(s) beyond the reference text weigh on the verdict (good practice or a policy choice alone never makes it “not acceptable”): %2",
        "%1 punt(en) verder dan het referentiekader wegen op het oordeel (een goede praktijk of beleidskeuze alleen maakt het nooit ‘niet aanvaardbaar’): %2"
      )
    case .reasonDerogations:
      return (
        "%1 constat(s) bloquant(s) levé(s) par une dérogation valable",
        "%1 blocking finding(s) waived by a valid derogation",
        "%1 blokkerende vaststelling(en) opgeheven door een geldige afwijking"
      )
    case .derogationAsOf:
      return (
        "Validité appréciée au %1.", "Validity judged as of %1.", "Geldigheid beoordeeld op %1."
      )
    case .inherentLevel: return ("inhérent", "inherent", "inherent")
    case .residualLevel: return ("résiduel", "residual", "residueel")
    case .questionnaireAnsweredUnder:
      return (
        "Session répondue avec la version %1 du questionnaire ; version chargée : %2.",
        "Session answered under questionnaire version %1; version now loaded: %2.",
        "Sessie beantwoord met versie %1 van de vragenlijst; nu geladen versie: %2."
      )
    case .listInvalid:
      return (
        "Réponses qui ne correspondent plus au questionnaire, comptées sans réponse (%1)",
        "Answers that no longer fit the questionnaire, counted as unanswered (%1)",
        "Antwoorden die niet meer bij de vragenlijst passen, geteld als onbeantwoord (%1)"
      )
    }
  }
}
