import Foundation

/// The interface texts of the action plan and the re-assessment, in French,
/// English and Dutch (kept apart from ``Phrase`` so that the plan's texts read together).
/// `%1`, `%2`... are filled by `format`.
public enum PlanPhrase: CaseIterable, Sendable {
  case plan, planPending, planOverdue, planAccepted, planDone, planAsOf, planRefused
  case owner, dueDate, status, reference, acceptedBy, acceptedOn, acceptanceReason, acceptedUntil
  case statusOpen, statusInProgress, statusDone, statusRiskAccepted
  case acceptanceValid, acceptanceValidNoExpiry, acceptanceIncomplete, acceptanceExpired
  case acceptanceBadExpiry, acceptanceBlocking, acceptanceBlockingDerogation, overdue, noDueDate
  case notADay, planTitle, planHelp, acceptanceSection, actionLine
  case toReverify, reverifyMark, reverifyConfirmed, acceptedInRegister, notCarried
  // Re-assessment
  case carriedFrom, carriedRemoved, progressToReverify
  // Reports
  case noPlan
}

extension PlanPhrase: TranslatedText {
  public var translations: (String, String, String) {
    switch self {
    case .plan: return ("Plan d'action", "Action plan", "Actieplan")
    case .planPending:
      return (
        "Actions ouvertes, par échéance (%1)", "Open actions, by due date (%1)",
        "Openstaande acties, op vervaldatum (%1)"
      )
    case .planOverdue:
      return ("En retard au %1 (%2)", "Overdue on %1 (%2)", "Achterstallig op %1 (%2)")
    case .planRefused:
      return (
        "Acceptations de risque sans effet : constats bloquants (%1)",
        "Risk acceptances without effect: blocking findings (%1)",
        "Risicoaanvaardingen zonder gevolg: blokkerende vaststellingen (%1)"
      )
    case .planAccepted:
      return ("Risques acceptés (%1)", "Accepted risks (%1)", "Aanvaarde risico's (%1)")
    case .planDone: return ("Actions terminées (%1)", "Actions done (%1)", "Afgeronde acties (%1)")
    case .planAsOf:
      return (
        "Échéances et acceptations jugées au %1.", "Due dates and acceptances judged as of %1.",
        "Vervaldata en aanvaardingen beoordeeld op %1."
      )
    case .owner: return ("Responsable", "Owner", "Verantwoordelijke")
    case .dueDate: return ("Échéance", "Due date", "Vervaldatum")
    case .status: return ("Statut", "Status", "Status")
    case .reference: return ("Référence", "Reference", "Referentie")
    case .acceptedBy: return ("Accepté par", "Accepted by", "Aanvaard door")
    case .acceptedOn: return ("Accepté le", "Accepted on", "Aanvaard op")
    case .acceptanceReason: return ("Motif", "Why", "Reden")
    case .acceptedUntil: return ("Jusqu'au", "Until", "Tot")
    case .statusOpen: return ("ouverte", "open", "open")
    case .statusInProgress: return ("en cours", "in progress", "lopend")
    case .statusDone: return ("terminée", "done", "afgerond")
    case .statusRiskAccepted: return ("risque accepté", "risk accepted", "risico aanvaard")
    case .acceptanceValid: return ("accepté jusqu'au %1", "accepted until %1", "aanvaard tot %1")
    case .acceptanceValidNoExpiry:
      return (
        "accepté, sans date de fin (à revoir à la prochaine évaluation)",
        "accepted, with no end date (to review at the next assessment)",
        "aanvaard, zonder einddatum (te herzien bij de volgende beoordeling)"
      )
    case .acceptanceIncomplete:
      return (
        "pas encore une décision : il faut qui l'accepte et pourquoi",
        "not a decision yet: who accepts it and why are required",
        "nog geen beslissing: wie aanvaardt en waarom zijn vereist"
      )
    case .acceptanceExpired:
      return (
        "acceptation expirée le %1 : ne compte plus", "acceptance expired on %1: no longer counts",
        "aanvaarding verlopen op %1: telt niet meer"
      )
    case .acceptanceBadExpiry:
      return (
        "date de fin « %1 » invalide (AAAA-MM-JJ) : ne compte pas",
        "end date '%1' is not a date (YYYY-MM-DD): does not count",
        "einddatum ‘%1’ is geen datum (JJJJ-MM-DD): telt niet"
      )
    case .acceptanceBlocking:
      return (
        "un constat bloquant ne peut pas être accepté (%1) : il faut combler l'écart",
        "a blocking finding cannot be accepted (%1): the gap must be closed",
        "een blokkerende vaststelling kan niet aanvaard worden (%1): de tekortkoming moet worden weggewerkt"
      )
    case .acceptanceBlockingDerogation:
      return (
        "un constat bloquant ne peut pas être accepté (%1) : combler l'écart, ou enregistrer la dérogation formelle prévue par la directive (question %2)",
        "a blocking finding cannot be accepted (%1): close the gap, or record the formal derogation the guideline provides for (question %2)",
        "een blokkerende vaststelling kan niet aanvaard worden (%1): werk de tekortkoming weg, of registreer de formele afwijking die de richtlijn toelaat (vraag %2)"
      )
    case .overdue: return ("EN RETARD", "OVERDUE", "ACHTERSTALLIG")
    case .noDueDate: return ("sans échéance", "no due date", "geen vervaldatum")
    case .notADay:
      return (
        "« %1 » n'est pas une date : écrivez-la AAAA-MM-JJ, p. ex. 2027-03-31",
        "'%1' is not a date: write it as YYYY-MM-DD, e.g. 2027-03-31",
        "‘%1’ is geen datum: schrijf JJJJ-MM-DD, bv. 2027-03-31"
      )
    case .planTitle:
      return ("Plan d'action de l'écart", "Action plan of the gap", "Actieplan van de tekortkoming")
    case .planHelp:
      return (
        "Qui comble l'écart, pour quand, où en est-on ; ou la décision d'accepter le risque (qui, quand, pourquoi, jusqu'à quand).",
        "Who closes the gap, by when, where it stands; or the decision to accept the risk (who, when, why, until when).",
        "Wie de tekortkoming wegwerkt, tegen wanneer, hoe ver het staat; of de beslissing het risico te aanvaarden (wie, wanneer, waarom, tot wanneer)."
      )
    case .acceptanceSection:
      return ("Acceptation du risque", "Risk acceptance", "Aanvaarding van het risico")
    case .actionLine: return ("Plan d'action", "Action plan", "Actieplan")
    case .toReverify:
      return (
        "Reprises de l'évaluation précédente, à revérifier (%1)",
        "Carried from the previous assessment, to re-verify (%1)",
        "Overgenomen uit de vorige beoordeling, opnieuw te controleren (%1)"
      )
    case .reverifyMark:
      return (
        "À REVÉRIFIER — réponse de l'an dernier, ne compte pas comme vérifiée (c : confirmer, ou changer la réponse)",
        "TO RE-VERIFY — last year's answer, not counted as verified (c: confirm it, or change it)",
        "OPNIEUW TE CONTROLEREN — antwoord van vorig jaar, telt niet als gecontroleerd (c: bevestigen, of wijzigen)"
      )
    case .reverifyConfirmed:
      return ("Réponse confirmée.", "Answer confirmed.", "Antwoord bevestigd.")
    case .notCarried:
      return (
        "Cette réponse n'est pas reprise de l'évaluation précédente : rien à confirmer.",
        "This answer was not carried from the previous assessment: nothing to confirm.",
        "Dit antwoord komt niet uit de vorige beoordeling: niets te bevestigen."
      )
    case .acceptedInRegister:
      return ("risque accepté : %1", "risk accepted: %1", "risico aanvaard: %1")
    case .progressToReverify:
      return ("%1 à revérifier", "%1 to re-verify", "%1 opnieuw te controleren")
    case .carriedFrom:
      return (
        "Nouvelle évaluation %1 reprise de %2 : %3 réponse(s) à revérifier.",
        "New assessment %1 carried from %2: %3 answer(s) to re-verify.",
        "Nieuwe beoordeling %1 overgenomen uit %2: %3 antwoord(en) opnieuw te controleren."
      )
    case .carriedRemoved:
      return (
        "%1 question(s) de l'évaluation précédente n'existent plus dans ce questionnaire (réponses non reprises) : %2",
        "%1 question(s) of the previous assessment no longer exist in this questionnaire (answers not carried): %2",
        "%1 vraag/vragen van de vorige beoordeling bestaan niet meer in deze vragenlijst (antwoorden niet overgenomen): %2"
      )
    case .noPlan:
      return (
        "Aucune action enregistrée : chaque écart peut recevoir un responsable, une échéance et un statut, ou une décision d'acceptation du risque.",
        "No action recorded: each gap can be given an owner, a due date and a status, or a decision to accept the risk.",
        "Geen actie geregistreerd: elke tekortkoming kan een verantwoordelijke, een vervaldatum en een status krijgen, of een beslissing om het risico te aanvaarden."
      )
    }
  }
}

extension ActionStatus {
  public var phrase: PlanPhrase {
    switch self {
    case .open: return .statusOpen
    case .inProgress: return .statusInProgress
    case .done: return .statusDone
    case .riskAccepted: return .statusRiskAccepted
    }
  }
}

extension PlanAction.Field {
  public var phrase: PlanPhrase {
    switch self {
    case .owner: return .owner
    case .dueDate: return .dueDate
    case .reference: return .reference
    case .acceptedBy: return .acceptedBy
    case .acceptedOn: return .acceptedOn
    case .acceptanceReason: return .acceptanceReason
    case .acceptedUntil: return .acceptedUntil
    }
  }
}
