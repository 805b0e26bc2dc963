import AssessmentCore
import Foundation

/// The texts of the HTML, CSV and OSCAL reports, in French, English and Dutch. Kept apart from
/// ``Phrase`` so that the reports' words stay in one place.
public enum ReportPhrase: CaseIterable, Sendable {
  case reportTitle, executiveSummary, identification, provenance, produced, sessionFile
  case questionnaireDigest, session, gapsRanked, derogationsAndAccepted, acceptedRisks
  case noAcceptedRisk, notApplicableJustifications, flaggedQuestions, evidenceList, contextAnswers
  case appendix, appendixIntro, unansweredList, invalidAnswers, rank, citation, questionID
  case count, blockingColumn, actionOwner, dueDate, status, likelihood, impact, levelName
  case inherent, residual, risk, verdictReasons, pageFooter, matrixCaption, sectionsCaption
  case compliantShare, answeredShare, registerCaption, noEvidence, noContext, notAnswered
  case noFlagged, noNotApplicable, whatToDo, partOf, contents, derogationStatus, answerColumn
  case noteColumn, severityColumn, questionColumn, sectionColumn, levelColumn, csvYes
  case noDerogations, acceptedRisksIntro, matrixLegend, actionReference, acceptedUntilColumn
}

extension ReportPhrase: TranslatedText {
  public var translations: (String, String, String) {
    switch self {
    case .reportTitle:
      return (
        "Rapport d'évaluation des risques", "Risk assessment report",
        "Rapport van de risicobeoordeling"
      )
    case .executiveSummary: return ("Synthèse", "Executive summary", "Managementsamenvatting")
    case .identification: return ("Identification", "Identification", "Identificatie")
    case .provenance:
      return ("Origine du rapport", "Where this report comes from", "Herkomst van dit rapport")
    case .produced: return ("Produit le", "Produced on", "Opgesteld op")
    case .sessionFile:
      return ("Fichier de session (SHA-256)", "Session file (SHA-256)", "Sessiebestand (SHA-256)")
    case .questionnaireDigest:
      return (
        "Empreinte du questionnaire (SHA-256)", "Questionnaire digest (SHA-256)",
        "Vingerafdruk van de vragenlijst (SHA-256)"
      )
    case .session: return ("Session", "Session", "Sessie")
    case .gapsRanked:
      return (
        "Écarts classés et actions à mener", "Gaps, ranked, and what to do",
        "Tekortkomingen, gerangschikt, en wat te doen"
      )
    case .derogationsAndAccepted:
      return (
        "Dérogations et risques acceptés", "Derogations and accepted risks",
        "Afwijkingen en aanvaarde risico's"
      )
    case .acceptedRisks: return ("Risques acceptés", "Accepted risks", "Aanvaarde risico's")
    case .noAcceptedRisk:
      return (
        "Aucun risque accepté : aucun écart n'est couvert par une dérogation.",
        "No risk accepted: no gap is covered by a derogation.",
        "Geen risico aanvaard: geen enkele tekortkoming is door een afwijking gedekt."
      )
    case .acceptedRisksIntro:
      return (
        "Écarts couverts par une dérogation valable : ils restent listés mais ne pèsent plus sur le verdict.",
        "Gaps covered by a valid derogation: they stay listed but no longer weigh on the verdict.",
        "Tekortkomingen gedekt door een geldige afwijking: ze blijven vermeld maar wegen niet meer op het oordeel."
      )
    case .notApplicableJustifications:
      return (
        "Justifications « non applicable »", "“Not applicable” justifications",
        "Verantwoordingen ‘niet van toepassing’"
      )
    case .flaggedQuestions:
      return ("Questions à revoir", "Questions flagged for review", "Vragen om te herbekijken")
    case .evidenceList: return ("Preuves", "Evidence", "Bewijsstukken")
    case .contextAnswers:
      return ("Contexte et périmètre", "Context and scope", "Context en toepassingsgebied")
    case .appendix:
      return (
        "Annexe : toutes les réponses et notes", "Appendix: every answer and note",
        "Bijlage: alle antwoorden en notities"
      )
    case .appendixIntro:
      return (
        "Chaque question applicable, dans l'ordre du questionnaire.",
        "Every question that applies, in the questionnaire's order.",
        "Elke vraag die van toepassing is, in de volgorde van de vragenlijst."
      )
    case .unansweredList: return ("Sans réponse", "Unanswered", "Onbeantwoord")
    case .invalidAnswers:
      return (
        "Réponses qui ne correspondent plus au questionnaire",
        "Answers that no longer fit the questionnaire",
        "Antwoorden die niet meer bij de vragenlijst passen"
      )
    case .rank: return ("N°", "No.", "Nr.")
    case .citation: return ("Référence", "Reference", "Referentie")
    case .questionID: return ("Identifiant", "Id", "Id")
    case .count: return ("Nombre", "Count", "Aantal")
    case .blockingColumn: return ("Bloquant", "Blocking", "Blokkerend")
    case .actionOwner:
      return ("Responsable de l'action", "Action owner", "Verantwoordelijke van de actie")
    case .dueDate: return ("Échéance", "Due date", "Vervaldatum")
    case .status: return ("Statut", "Status", "Status")
    case .likelihood: return ("Vraisemblance", "Likelihood", "Waarschijnlijkheid")
    case .impact: return ("Impact", "Impact", "Impact")
    case .levelName: return ("Niveau de risque", "Risk level", "Risiconiveau")
    case .inherent: return ("Niveau inhérent", "Inherent level", "Inherent niveau")
    case .residual: return ("Niveau résiduel", "Residual level", "Residueel niveau")
    case .risk: return ("Risque", "Risk", "Risico")
    case .verdictReasons: return ("Motifs", "Reasons", "Redenen")
    case .pageFooter: return ("Page", "Page", "Pagina")
    case .matrixCaption:
      return (
        "Questions non conformes ou non vérifiées par vraisemblance (lignes) et impact (colonnes) ; chaque case nomme son niveau de risque. Une réponse conforme n'y est pas comptée.",
        "Questions not compliant or not verified, by likelihood (rows) and impact (columns); each cell names its risk level. A compliant answer is not counted.",
        "Vragen niet conform of niet geverifieerd, per waarschijnlijkheid (rijen) en impact (kolommen); elke cel noemt haar risiconiveau. Een conform antwoord wordt niet meegeteld."
      )
    case .sectionsCaption:
      return (
        "Part conforme de chaque section (partiel compte pour moitié).",
        "Compliant share of each section (partial counts half).",
        "Conform aandeel per sectie (gedeeltelijk telt voor de helft)."
      )
    case .compliantShare: return ("Conforme", "Compliant", "Conform")
    case .answeredShare: return ("Répondu", "Answered", "Beantwoord")
    case .registerCaption:
      return (
        "Niveau inhérent (sans aucune mesure) et résiduel (après les réponses) de chaque risque.",
        "Each risk's inherent level (no mitigation in place) and residual level (after the answers).",
        "Inherent niveau (zonder maatregel) en residueel niveau (na de antwoorden) van elk risico."
      )
    case .noEvidence:
      return (
        "Aucune preuve enregistrée.", "No evidence recorded.", "Geen bewijsstukken geregistreerd."
      )
    case .noContext:
      return ("Aucune réponse de contexte.", "No context answer.", "Geen contextantwoord.")
    case .notAnswered: return ("(sans réponse)", "(unanswered)", "(onbeantwoord)")
    case .noFlagged:
      return ("Aucune question à revoir.", "No question flagged.", "Geen vraag om te herbekijken.")
    case .noNotApplicable:
      return (
        "Aucune réponse « non applicable ».", "No “not applicable” answer.",
        "Geen antwoord ‘niet van toepassing’."
      )
    case .whatToDo: return ("À faire", "What to do", "Te doen")
    case .partOf: return ("sur", "of", "van")
    case .contents: return ("Sommaire", "Contents", "Inhoud")
    case .derogationStatus: return ("Statut", "Status", "Status")
    case .answerColumn: return ("Réponse", "Answer", "Antwoord")
    case .noteColumn: return ("Note", "Note", "Notitie")
    case .severityColumn: return ("Gravité", "Severity", "Ernst")
    case .questionColumn: return ("Question", "Question", "Vraag")
    case .sectionColumn: return ("Section", "Section", "Sectie")
    case .levelColumn: return ("Niveau", "Level", "Niveau")
    case .csvYes: return ("oui", "yes", "ja")
    case .noDerogations:
      return (
        "Aucune dérogation enregistrée.", "No derogation recorded.", "Geen afwijking geregistreerd."
      )
    case .matrixLegend: return ("Niveaux", "Levels", "Niveaus")
    case .actionReference:
      return ("Référence de l'action", "Action reference", "Referentie van de actie")
    case .acceptedUntilColumn:
      return ("Risque accepté jusqu'au", "Risk accepted until", "Risico aanvaard tot")
    }
  }
}
