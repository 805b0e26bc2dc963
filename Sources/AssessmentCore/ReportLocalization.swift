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
  public static let table: [ReportPhrase: (String, String, String)] = [
    .reportTitle: ("Rapport d'évaluation des risques", "Risk assessment report", "Rapport van de risicobeoordeling"),
    .executiveSummary: ("Synthèse", "Executive summary", "Managementsamenvatting"),
    .identification: ("Identification", "Identification", "Identificatie"),
    .provenance: ("Origine du rapport", "Where this report comes from", "Herkomst van dit rapport"),
    .produced: ("Produit le", "Produced on", "Opgesteld op"),
    .sessionFile: ("Fichier de session (SHA-256)", "Session file (SHA-256)", "Sessiebestand (SHA-256)"),
    .questionnaireDigest: ("Empreinte du questionnaire (SHA-256)", "Questionnaire digest (SHA-256)", "Vingerafdruk van de vragenlijst (SHA-256)"),
    .session: ("Session", "Session", "Sessie"),
    .gapsRanked: ("Écarts classés et actions à mener", "Gaps, ranked, and what to do", "Tekortkomingen, gerangschikt, en wat te doen"),
    .derogationsAndAccepted: ("Dérogations et risques acceptés", "Derogations and accepted risks", "Afwijkingen en aanvaarde risico's"),
    .acceptedRisks: ("Risques acceptés", "Accepted risks", "Aanvaarde risico's"),
    .noAcceptedRisk: ("Aucun écart n'est couvert par une dérogation.", "No gap is covered by a derogation.", "Geen enkele tekortkoming is door een afwijking gedekt."),
    .acceptedRisksIntro: ("Écarts couverts par une dérogation valable : ils restent listés mais ne pèsent plus sur le verdict.", "Gaps covered by a valid derogation: they stay listed but no longer weigh on the verdict.", "Tekortkomingen gedekt door een geldige afwijking: ze blijven vermeld maar wegen niet meer op het oordeel."),
    .notApplicableJustifications: ("Justifications « non applicable »", "“Not applicable” justifications", "Verantwoordingen ‘niet van toepassing’"),
    .flaggedQuestions: ("Questions à revoir", "Questions flagged for review", "Vragen om te herbekijken"),
    .evidenceList: ("Preuves", "Evidence", "Bewijsstukken"),
    .contextAnswers: ("Contexte et périmètre", "Context and scope", "Context en toepassingsgebied"),
    .appendix: ("Annexe : toutes les réponses et notes", "Appendix: every answer and note", "Bijlage: alle antwoorden en notities"),
    .appendixIntro: ("Chaque question applicable, dans l'ordre du questionnaire.", "Every question that applies, in the questionnaire's order.", "Elke vraag die van toepassing is, in de volgorde van de vragenlijst."),
    .unansweredList: ("Sans réponse", "Unanswered", "Onbeantwoord"),
    .invalidAnswers: ("Réponses qui ne correspondent plus au questionnaire", "Answers that no longer fit the questionnaire", "Antwoorden die niet meer bij de vragenlijst passen"),
    .rank: ("N°", "No.", "Nr."),
    .citation: ("Référence", "Reference", "Referentie"),
    .questionID: ("Identifiant", "Id", "Id"),
    .count: ("Nombre", "Count", "Aantal"),
    .blockingColumn: ("Bloquant", "Blocking", "Blokkerend"),
    .actionOwner: ("Responsable de l'action", "Action owner", "Verantwoordelijke van de actie"),
    .dueDate: ("Échéance", "Due date", "Vervaldatum"),
    .status: ("Statut", "Status", "Status"),
    .likelihood: ("Vraisemblance", "Likelihood", "Waarschijnlijkheid"),
    .impact: ("Impact", "Impact", "Impact"),
    .levelName: ("Niveau de risque", "Risk level", "Risiconiveau"),
    .inherent: ("Niveau inhérent", "Inherent level", "Inherent niveau"),
    .residual: ("Niveau résiduel", "Residual level", "Residueel niveau"),
    .risk: ("Risque", "Risk", "Risico"),
    .verdictReasons: ("Motifs", "Reasons", "Redenen"),
    .pageFooter: ("Page", "Page", "Pagina"),
    .matrixCaption: ("Questions par vraisemblance (lignes) et impact (colonnes) ; chaque case nomme son niveau de risque.", "Questions by likelihood (rows) and impact (columns); each cell names its risk level.", "Vragen per waarschijnlijkheid (rijen) en impact (kolommen); elke cel noemt haar risiconiveau."),
    .sectionsCaption: ("Part conforme de chaque section (partiel compte pour moitié).", "Compliant share of each section (partial counts half).", "Conform aandeel per sectie (gedeeltelijk telt voor de helft)."),
    .compliantShare: ("Conforme", "Compliant", "Conform"),
    .answeredShare: ("Répondu", "Answered", "Beantwoord"),
    .registerCaption: ("Niveau inhérent (sans aucune mesure) et résiduel (après les réponses) de chaque risque.", "Each risk's inherent level (no mitigation in place) and residual level (after the answers).", "Inherent niveau (zonder maatregel) en residueel niveau (na de antwoorden) van elk risico."),
    .noEvidence: ("Aucune preuve enregistrée.", "No evidence recorded.", "Geen bewijsstukken geregistreerd."),
    .noContext: ("Aucune réponse de contexte.", "No context answer.", "Geen contextantwoord."),
    .notAnswered: ("(sans réponse)", "(unanswered)", "(onbeantwoord)"),
    .noFlagged: ("Aucune question à revoir.", "No question flagged.", "Geen vraag om te herbekijken."),
    .noNotApplicable: ("Aucune réponse « non applicable ».", "No “not applicable” answer.", "Geen antwoord ‘niet van toepassing’."),
    .whatToDo: ("À faire", "What to do", "Te doen"),
    .partOf: ("sur", "of", "van"),
    .contents: ("Sommaire", "Contents", "Inhoud"),
    .derogationStatus: ("Statut", "Status", "Status"),
    .answerColumn: ("Réponse", "Answer", "Antwoord"),
    .noteColumn: ("Note", "Note", "Notitie"),
    .severityColumn: ("Gravité", "Severity", "Ernst"),
    .questionColumn: ("Question", "Question", "Vraag"),
    .sectionColumn: ("Section", "Section", "Sectie"),
    .levelColumn: ("Niveau", "Level", "Niveau"),
    .csvYes: ("oui", "yes", "ja"),
    .noDerogations: ("Aucune dérogation enregistrée.", "No derogation recorded.", "Geen afwijking geregistreerd."),
    .matrixLegend: ("Niveaux", "Levels", "Niveaus"),
    .actionReference: ("Référence de l'action", "Action reference", "Referentie van de actie"),
    .acceptedUntilColumn: ("Risque accepté jusqu'au", "Risk accepted until", "Risico aanvaard tot"),
  ]
}
