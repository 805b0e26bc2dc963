import AssessmentCore
import Foundation

/// The texts of who changed what (an answer's history) and of management's decision, in the
/// reports, the `history` and `sign-off` commands and both front ends, in French, English and
/// Dutch. `%1`, `%2`... are filled by `format`.
public enum TeamPhrase: CaseIterable, Sendable {
  // History
  case historyTitle, historyIdentification, historyNone, historyUnknownPerson, historyCleared
  case historyBy, historyLastChange, historyNoQuestion, historyOrphan
  case originEdited, originClaimTaken, originClaimImported, originConflictResolved
  case originCarried, originMigrated
  case partValue, partNote, partEvidence, partAction, partFlagged, partNotFlagged, partClaim
  case partNoAction, partNoEvidence
  // Decision
  case decisionHeading, decisionNone, decisionAccept, decisionAcceptWithConditions
  case decisionRefuse, decisionLine, decisionConditions, decisionRecorded, decisionDigest
  case decisionUnchanged, decisionOutOfDate, decisionOutOfDateUncounted, decisionSuperseded
  case decisionListCurrent, decisionListOutOfDate
  // The decision's fields and the form
  case fieldBy, fieldRole, fieldDecision, fieldReference, fieldOn, fieldConditions
  case signOffTitle, signOffHint, signOffSaved, signOffKey, signOffRecord
  // Refusals
  case problemMissing, problemNotADay, problemInTheFuture, problemConditionsMissing
  case problemNotAcceptable, problemNotAcceptableBlocking, problemConditions, problemReasons
  case problemCovered
  // Who is recorded
  case personIs, personUnknown
}

extension TeamPhrase: TranslatedText {
  public var translations: (String, String, String) {
    switch self {
    case .historyTitle:
      return ("Historique des modifications", "History of changes", "Wijzigingsgeschiedenis")
    case .historyIdentification: return ("Identification", "Identification", "Identificatie")
    case .historyNone:
      return (
        "Aucune modification enregistrée.", "No change recorded.", "Geen wijziging geregistreerd."
      )
    case .historyUnknownPerson: return ("(inconnu)", "(unknown)", "(onbekend)")
    case .historyCleared: return ("(effacée)", "(cleared)", "(gewist)")
    case .historyBy: return ("%1 par %2", "%1 by %2", "%1 door %2")
    case .historyLastChange:
      return ("Dernière modification", "Last change", "Laatste wijziging")
    case .historyNoQuestion:
      return (
        "la session n'a pas de réponse à la question « %1 » ; vérifiez l'identifiant : la liste des questions est dans `cloud-assess summary`",
        "the session has no answer to the question '%1'; check the id: `cloud-assess summary` lists the questions",
        "de sessie heeft geen antwoord op de vraag ‘%1’; controleer de id: `cloud-assess summary` toont de lijst van de vragen"
      )
    case .historyOrphan:
      return (
        "%1 (question absente du questionnaire)", "%1 (a question the questionnaire no longer has)",
        "%1 (vraag die niet meer in de vragenlijst staat)"
      )
    case .originEdited: return ("modifiée", "edited", "gewijzigd")
    case .originClaimTaken:
      return (
        "réponse du fournisseur reprise", "provider's claim taken",
        "antwoord van de leverancier overgenomen"
      )
    case .originClaimImported:
      return (
        "déclaration du fournisseur importée", "provider's claim imported",
        "verklaring van de leverancier ingelezen"
      )
    case .originConflictResolved:
      return ("conflit résolu", "conflict resolved", "conflict opgelost")
    case .originCarried:
      return (
        "reprise de l'évaluation précédente", "carried from the previous assessment",
        "overgenomen uit de vorige beoordeling"
      )
    case .originMigrated:
      return (
        "état à la migration du fichier", "as it was when the file was migrated",
        "toestand bij de migratie van het bestand"
      )
    case .partValue: return ("réponse", "answer", "antwoord")
    case .partNote: return ("note", "note", "notitie")
    case .partEvidence: return ("preuves", "evidence", "bewijsstukken")
    case .partAction: return ("plan d'action", "action plan", "actieplan")
    case .partFlagged: return ("marquée à revoir", "flagged", "gemarkeerd")
    case .partNotFlagged: return ("marque retirée", "flag removed", "markering verwijderd")
    case .partClaim:
      return ("réponse du fournisseur", "provider's claim", "antwoord van de leverancier")
    case .partNoAction: return ("(retiré)", "(removed)", "(verwijderd)")
    case .partNoEvidence: return ("(aucune)", "(none)", "(geen)")
    case .decisionHeading:
      return ("Décision de la direction", "Management's decision", "Beslissing van de directie")
    case .decisionNone:
      return (
        "Aucune décision enregistrée.", "No decision recorded.", "Geen beslissing geregistreerd."
      )
    case .decisionAccept: return ("acceptée", "accepted", "aanvaard")
    case .decisionAcceptWithConditions:
      return ("acceptée sous conditions", "accepted with conditions", "onder voorwaarden aanvaard")
    case .decisionRefuse: return ("refusée", "refused", "geweigerd")
    case .decisionLine:
      return (
        "%1 le %2 par %3 (%4), référence %5", "%1 on %2 by %3 (%4), reference %5",
        "%1 op %2 door %3 (%4), referentie %5"
      )
    case .decisionConditions: return ("Conditions : %1", "Conditions: %1", "Voorwaarden: %1")
    case .decisionRecorded:
      return ("enregistrée le %1 par %2", "recorded on %1 by %2", "geregistreerd op %1 door %2")
    case .decisionDigest:
      return ("empreinte du contenu : %1", "content digest: %1", "vingerafdruk van de inhoud: %1")
    case .decisionUnchanged:
      return (
        "Le contenu n'a pas changé depuis la décision.",
        "The content has not changed since the decision.",
        "De inhoud is niet gewijzigd sinds de beslissing."
      )
    case .decisionOutOfDate:
      return (
        "%1 le %2 par %3 ; %4 réponse(s) modifiée(s) depuis",
        "%1 on %2 by %3; %4 answer(s) changed since",
        "%1 op %2 door %3; %4 antwoord(en) gewijzigd sindsdien"
      )
    case .decisionOutOfDateUncounted:
      return (
        "%1 le %2 par %3 ; le contenu a changé depuis",
        "%1 on %2 by %3; the content changed since",
        "%1 op %2 door %3; de inhoud is sindsdien gewijzigd"
      )
    case .decisionSuperseded:
      return (
        "Remplace %1 décision(s) antérieure(s), conservée(s) dans le fichier de session.",
        "Supersedes %1 earlier decision(s), kept in the session file.",
        "Vervangt %1 eerdere beslissing(en), bewaard in het sessiebestand."
      )
    case .decisionListCurrent:
      return ("%1 le %2 par %3", "%1 on %2 by %3", "%1 op %2 door %3")
    case .decisionListOutOfDate:
      return ("DÉCISION PÉRIMÉE", "DECISION OUT OF DATE", "VEROUDERDE BESLISSING")
    case .fieldBy: return ("Décidé par", "Decided by", "Beslist door")
    case .fieldRole: return ("Fonction", "Role", "Functie")
    case .fieldDecision: return ("Décision", "Decision", "Beslissing")
    case .fieldReference:
      return (
        "Référence (procès-verbal, n° de décision)", "Reference (minutes, decision number)",
        "Referentie (notulen, beslissingsnummer)"
      )
    case .fieldOn:
      return ("Date de la décision", "Date of the decision", "Datum van de beslissing")
    case .fieldConditions: return ("Conditions", "Conditions", "Voorwaarden")
    case .signOffTitle:
      return (
        "Décision de la direction sur cette évaluation",
        "Management's decision on this assessment",
        "Beslissing van de directie over deze beoordeling"
      )
    case .signOffHint:
      return (
        "La décision de la personne ou de l'organe habilité à décider (direction, comité de sécurité de l'information), avec la référence de son procès-verbal ou de sa décision.",
        "The decision of the person or body entitled to decide (management, the information-security committee), with the reference of its minutes or decision.",
        "De beslissing van de persoon of het orgaan dat mag beslissen (directie, comité voor informatieveiligheid), met de referentie van de notulen of de beslissing."
      )
    case .signOffSaved:
      return ("Décision enregistrée : %1", "Decision recorded: %1", "Beslissing geregistreerd: %1")
    case .signOffKey: return ("décision", "decision", "beslissing")
    case .signOffRecord:
      return ("Enregistrer la décision", "Record the decision", "De beslissing registreren")
    case .problemMissing:
      return (
        "le champ « %1 » est obligatoire", "the field '%1' is required",
        "het veld ‘%1’ is verplicht"
      )
    case .problemNotADay:
      return (
        "« %1 » n'est pas une date ; écrivez-la AAAA-MM-JJ, p. ex. 2026-12-10",
        "'%1' is not a date; write it as YYYY-MM-DD, e.g. 2026-12-10",
        "‘%1’ is geen datum; schrijf ze als JJJJ-MM-DD, bv. 2026-12-10"
      )
    case .problemInTheFuture:
      return (
        "la date de la décision, %1, est dans le futur : une décision ne s'enregistre qu'une fois prise ; indiquez le jour où elle a été prise",
        "the date of the decision, %1, is in the future: a decision is recorded once taken; give the day it was taken",
        "de datum van de beslissing, %1, ligt in de toekomst: een beslissing wordt pas geregistreerd als ze genomen is; vermeld de dag waarop ze genomen werd"
      )
    case .problemConditionsMissing:
      return (
        "une acceptation sous conditions doit énoncer ses conditions (--conditions)",
        "an acceptance with conditions must state its conditions (--conditions)",
        "een aanvaarding onder voorwaarden moet haar voorwaarden vermelden (--conditions)"
      )
    case .problemNotAcceptable:
      return (
        "décision refusée : « %1 » contredit le verdict « non acceptable » de l'évaluation",
        "decision refused: '%1' contradicts the assessment's verdict 'not acceptable'",
        "beslissing geweigerd: ‘%1’ is in strijd met het oordeel ‘niet aanvaardbaar’ van de beoordeling"
      )
    case .problemNotAcceptableBlocking:
      return (
        "constat bloquant non couvert par une dérogation valable : %1",
        "blocking finding not covered by a valid derogation: %1",
        "blokkerende vaststelling die niet gedekt is door een geldige afwijking: %1"
      )
    case .problemConditions:
      return (
        "décision refusée : le verdict est « acceptable sous conditions » ; enregistrez « accept-with-conditions » avec ses conditions",
        "decision refused: the verdict is 'acceptable with conditions'; record 'accept-with-conditions' with its conditions",
        "beslissing geweigerd: het oordeel is ‘aanvaardbaar onder voorwaarden’; registreer ‘accept-with-conditions’ met de voorwaarden"
      )
    case .problemReasons: return ("motif : %1", "reason: %1", "reden: %1")
    case .problemCovered:
      return (
        "Un constat bloquant couvert par une dérogation valable (référence, octroyée par, date, échéance non dépassée) n'empêche pas l'acceptation ; une décision « refuse » est toujours possible.",
        "A blocking finding covered by a valid derogation (reference, granted by, day, expiry not past) does not prevent acceptance; a 'refuse' decision is always possible.",
        "Een blokkerende vaststelling die gedekt is door een geldige afwijking (referentie, toegekend door, datum, vervaldatum niet verstreken) belet de aanvaarding niet; een beslissing ‘refuse’ is altijd mogelijk."
      )
    case .personIs:
      return (
        "Les modifications sont enregistrées au nom de : %1",
        "Changes are recorded as made by: %1", "Wijzigingen worden geregistreerd op naam van: %1"
      )
    case .personUnknown:
      return (
        "(nom inconnu : --as NOM ou CLOUD_ASSESS_USER)",
        "(name unknown: --as NAME or CLOUD_ASSESS_USER)",
        "(naam onbekend: --as NAAM of CLOUD_ASSESS_USER)"
      )
    }
  }
}

extension SignOff.Decision {
  /// The decision in words.
  public func words(_ language: InterfaceLanguage) -> String {
    switch self {
    case .accept: return TeamPhrase.decisionAccept.text(language)
    case .acceptWithConditions: return TeamPhrase.decisionAcceptWithConditions.text(language)
    case .refuse: return TeamPhrase.decisionRefuse.text(language)
    }
  }

  /// As the command line writes it: `accept`, `accept-with-conditions`, `refuse`.
  public var argument: String { rawValue.replacingOccurrences(of: "_", with: "-") }
}

extension AnswerChange.Origin {
  public func words(_ language: InterfaceLanguage) -> String {
    switch self {
    case .edited: return TeamPhrase.originEdited.text(language)
    case .claimTaken: return TeamPhrase.originClaimTaken.text(language)
    case .claimImported: return TeamPhrase.originClaimImported.text(language)
    case .conflictResolved: return TeamPhrase.originConflictResolved.text(language)
    case .carried: return TeamPhrase.originCarried.text(language)
    case .migrated: return TeamPhrase.originMigrated.text(language)
    }
  }
}

extension SignOff.Field {
  public func label(_ language: InterfaceLanguage) -> String {
    switch self {
    case .by: return TeamPhrase.fieldBy.text(language)
    case .role: return TeamPhrase.fieldRole.text(language)
    case .decision: return TeamPhrase.fieldDecision.text(language)
    case .reference: return TeamPhrase.fieldReference.text(language)
    case .on: return TeamPhrase.fieldOn.text(language)
    case .conditions: return TeamPhrase.fieldConditions.text(language)
    }
  }
}
