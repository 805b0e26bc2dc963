import Foundation

/// The interface languages.
public enum InterfaceLanguage: String, CaseIterable, Sendable {
  case fr, en, nl

  /// From `LC_ALL`, `LC_MESSAGES`, `LANG` (the first set): fr_* → French, nl_* → Dutch, else
  /// English.
  /// `variable` looks a variable up (`ProcessEnvironment.value`, or a dictionary in tests).
  public static func from(variable: (String) -> String?) -> InterfaceLanguage {
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      guard let value = variable(name), !value.isEmpty else { continue }
      if value.hasPrefix("fr") { return .fr }
      if value.hasPrefix("nl") { return .nl }
      return .en
    }
    return .en
  }
}

/// Every interface text, in French, English and Dutch. `%1`, `%2`... are filled by `format`.
public enum Phrase: CaseIterable, Sendable {
  // Phases and screens
  case identificationTitle, organisation, assessor, provider, service, identificationHelp
  case identificationMissing, question, section, reference, severity, protects, note, evidence
  case flagged, noNote, conditionShown, helpTitle, whyAndEvidence
  case mappings, searchPrompt, searchMatches, searchNone, contentsTitle, reviewTitle
  case reviewUnanswered, reviewFlagged, reviewUnjustified, reviewEmpty, summaryTitle
  case startTitle, startNew, startResume, startQuit, startNoSessions, tooSmall
  case savedAt, saveFailed, notSavedYet, answerHere, numberHere, invalidNumber
  case evidenceTitle, evidenceAdd, evidenceNone, justificationRequired, finishConfirm
  case moreAbove, moreBelow, sectionIntro, quitMessage, resumeHint, finishedMessage
  case identificationNext, noMatch, allAnswered
  case invalidNumberOnQuit, notKept, finishedHint, keysTitle, helpKeys, summaryUnjustified
  case conditionIs, conditionIsNot, conditionIncludes, conditionExcludes, conditionIsOneOf
  case conditionIsNoneOf, conditionOr, conditionAnd, conditionNot, conditionAnswered
  case conditionLess, conditionLessOrEqual, conditionGreater, conditionGreaterOrEqual
  case conditionNor, quoted
  // Footers
  case footerQuestion, footerNote, footerField, footerHelp, footerList, footerReview
  case footerSummary, footerForm, footerStart, footerEvidence, footerSearch
  case footerMultiple, footerFinished, footerNumber, footerText
  // Answers
  case compliant, partial, noncompliant, notApplicable, unknown, unanswered, yes, no
  case severityLow, severityMedium, severityHigh, severityCritical
  case availability, integrity, confidentiality
  // Summary
  case summaryHeading, summaryOrganisation, summaryAssessor, summaryProvider, summaryService
  case summaryQuestionnaire, summaryCreated, summaryUpdated, summaryCompleteness
  case summaryIncomplete, summaryComplete, verdict, verdictAcceptable, verdictConditions
  case verdictNotAcceptable, reasons, reasonBlocking, reasonGapsNotAcceptable
  case reasonGapsConditions, reasonIncomplete, reasonUnjustified, reasonNoGaps
  case blockingFindings, noBlocking, whatToDo, riskMatrix, likelihood, impact, riskRegister
  case notAssessed, mitigatedBy, complianceBySection, compliantPercent, answeredPercent
  case gaps, noGaps, answer, level, listUnanswered, listFlagged, listNotApplicable
  case listUnjustified, listEvidence, none, justification, impactRaised
  // Derogations, citations, what goes beyond the reference text, the register's two levels
  case derogations, derogationReference, derogationGrantedBy, derogationGrantedOn
  case derogationScope, derogationMeasures, derogationExpiresOn, derogationValid
  case derogationNoReference, derogationExpired, derogationBadExpiry, derogationNonePossible
  case derogationFailed, reasonDerogations, waivedBy, derogationAsOf, noDerogation
  case inherentLevel, residualLevel, basisLaw, basisGoodPractice, basisPolicy
  case context, genericAction, questionnaireAnsweredUnder, listInvalid, derogationNotADay
  case derogationStatus, derogationCounts, footerDerogation
}

/// A table of texts in French, English and Dutch, one entry per case: every table of interface
/// texts (``Phrase``, the plan's, the reports', the command line's, plain mode's) reads and fills
/// its texts this one way. `%1`, `%2`... are filled by `format`, in one pass (an argument is never
/// itself scanned for placeholders).
public protocol TranslatedText: Hashable {
  static var table: [Self: (String, String, String)] { get }
}

extension TranslatedText {
  /// The text in a language.
  public func text(_ language: InterfaceLanguage) -> String {
    let entry = Self.table[self] ?? ("", "", "")
    switch language {
    case .fr: return entry.0
    case .en: return entry.1
    case .nl: return entry.2
    }
  }

  /// The text with `%1`, `%2`... replaced by the arguments.
  public func format(_ language: InterfaceLanguage, _ arguments: CustomStringConvertible...) -> String {
    text(language).substituting(arguments.map(\.description))
  }
}

extension Phrase: TranslatedText {
  public static let table: [Phrase: (String, String, String)] = [
    .identificationTitle: ("Identification de l'évaluation", "Identification of the assessment", "Identificatie van de beoordeling"),
    .organisation: ("Organisation", "Organisation", "Organisatie"),
    .assessor: ("Évaluateur", "Assessor", "Beoordelaar"),
    .provider: ("Fournisseur", "Provider", "Leverancier"),
    .service: ("Service évalué", "Service assessed", "Beoordeelde dienst"),
    .identificationHelp: ("Qui évalue quoi : ces informations figurent en tête du résumé.", "Who assesses what: these appear at the top of the summary.", "Wie beoordeelt wat: dit staat bovenaan de samenvatting."),
    .identificationMissing: ("À compléter : %1", "Still to fill in: %1", "Nog in te vullen: %1"),
    .question: ("Question", "Question", "Vraag"),
    .section: ("Section", "Section", "Sectie"),
    .reference: ("Référence", "Reference", "Referentie"),
    .severity: ("Gravité", "Severity", "Ernst"),
    .protects: ("Protège", "Protects", "Beschermt"),
    .note: ("Note", "Note", "Notitie"),
    .evidence: ("Preuves", "Evidence", "Bewijsstukken"),
    .flagged: ("⚑ À revoir", "⚑ Flagged for review", "⚑ Te herbekijken"),
    .noNote: ("(aucune note — Tab pour écrire)", "(no note — Tab to write one)", "(geen notitie — Tab om te schrijven)"),
    .conditionShown: ("Affichée parce que : %1", "Shown because: %1", "Getoond omdat: %1"),
    .helpTitle: ("Aide", "Help", "Hulp"),
    .whyAndEvidence: ("Pourquoi et quelles preuves demander", "Why it matters and what evidence to ask for", "Waarom en welke bewijzen vragen"),
    .mappings: ("Correspondances", "Mappings", "Mappings"),
    .searchPrompt: ("Rechercher (texte ou référence) : ", "Search (text or reference): ", "Zoeken (tekst of referentie): "),
    .searchMatches: ("Résultat %1/%2 pour « %3 » — n : suivant", "Match %1/%2 for “%3” — n: next", "Resultaat %1/%2 voor ‘%3’ — n: volgende"),
    .searchNone: ("Aucun résultat pour « %1 »", "No match for “%1”", "Geen resultaat voor ‘%1’"),
    .contentsTitle: ("Table des matières", "Table of contents", "Inhoudstafel"),
    .reviewTitle: ("Revue avant clôture", "Review before finishing", "Nazicht voor afronding"),
    .reviewUnanswered: ("Sans réponse (%1)", "Unanswered (%1)", "Onbeantwoord (%1)"),
    .reviewFlagged: ("À revoir (%1)", "Flagged (%1)", "Te herbekijken (%1)"),
    .reviewUnjustified: ("Non applicable sans justification (%1)", "Not applicable without justification (%1)", "Niet van toepassing zonder verantwoording (%1)"),
    .reviewEmpty: ("Tout est répondu, rien n'est à revoir. F : clôturer l'évaluation.", "Everything is answered and nothing is flagged. F: finish the assessment.", "Alles is beantwoord, niets te herbekijken. F: beoordeling afronden."),
    .summaryTitle: ("Résumé des risques", "Risk summary", "Risicosamenvatting"),
    .startTitle: ("cloud-assess — évaluation d'un fournisseur de services cloud", "cloud-assess — assessing a cloud service provider", "cloud-assess — beoordeling van een cloudaanbieder"),
    .startNew: ("Nouvelle évaluation", "New assessment", "Nieuwe beoordeling"),
    .startResume: ("Reprendre", "Resume", "Hervatten"),
    .startQuit: ("Quitter", "Quit", "Afsluiten"),
    .startNoSessions: ("Aucune évaluation enregistrée.", "No saved assessment.", "Geen opgeslagen beoordeling."),
    .tooSmall: ("terminal trop petit : %1×%2, il faut 80×24", "terminal too small: %1×%2, need 80×24", "terminal te klein: %1×%2, minimaal 80×24"),
    .savedAt: ("Enregistré à %1", "Saved at %1", "Opgeslagen om %1"),
    .saveFailed: ("ÉCHEC de l'enregistrement : %1 — les réponses restent en mémoire, nouvel essai au prochain changement", "SAVE FAILED: %1 — answers are kept in memory and saving is retried at the next change", "OPSLAAN MISLUKT: %1 — antwoorden blijven in het geheugen, nieuwe poging bij de volgende wijziging"),
    .notSavedYet: ("Pas encore enregistré", "Not saved yet", "Nog niet opgeslagen"),
    .answerHere: ("Réponse : ", "Answer: ", "Antwoord: "),
    .numberHere: ("Nombre : ", "Number: ", "Getal: "),
    .invalidNumber: ("« %1 » n'est pas un nombre", "“%1” is not a number", "‘%1’ is geen getal"),
    .evidenceTitle: ("Preuves de cette question", "Evidence for this question", "Bewijsstukken voor deze vraag"),
    .evidenceAdd: ("Ajouter : ", "Add: ", "Toevoegen: "),
    .evidenceNone: ("(aucune preuve enregistrée)", "(no evidence recorded)", "(geen bewijsstukken)"),
    .justificationRequired: ("Non applicable exige une justification : écrivez-la dans la note (Tab).", "Not applicable needs a justification: write it in the note (Tab).", "Niet van toepassing vereist een verantwoording: schrijf ze in de notitie (Tab)."),
    .finishConfirm: ("Clôturer l'évaluation ? %1 sans réponse. o : oui, autre touche : non", "Finish the assessment? %1 unanswered. y: yes, any other key: no", "Beoordeling afronden? %1 onbeantwoord. j: ja, andere toets: nee"),
    .moreAbove: ("▲ suite au-dessus", "▲ more above", "▲ meer hierboven"),
    .moreBelow: ("▼ suite en dessous", "▼ more below", "▼ meer hieronder"),
    .sectionIntro: ("Introduction", "Introduction", "Inleiding"),
    .quitMessage: ("Session enregistrée : %1", "Session saved: %1", "Sessie opgeslagen: %1"),
    .resumeHint: ("Pour reprendre : cloud-assess resume %1", "To resume: cloud-assess resume %1", "Hervatten: cloud-assess resume %1"),
    .finishedMessage: ("Évaluation clôturée.", "Assessment finished.", "Beoordeling afgerond."),
    .identificationNext: ("Entrée : champ suivant, puis commencer", "Enter: next field, then start", "Enter: volgend veld, dan beginnen"),
    .noMatch: ("Aucun résultat", "No match", "Geen resultaat"),
    .invalidNumberOnQuit: ("corrigez-le, ou Échap pour l'abandonner, puis quittez", "correct it, or press Esc to drop it, then quit", "verbeter het, of Esc om het te laten vallen, en stop dan"),
    .notKept: ("« %1 » n'est pas un nombre : non enregistré", "“%1” is not a number: not kept", "‘%1’ is geen getal: niet bewaard"),
    .finishedHint: ("L'évaluation est clôturée : o la rouvre pour modifier des réponses, q quitte.", "The assessment is finished: o reopens it to change answers, q quits.", "De beoordeling is afgerond: o heropent ze om antwoorden te wijzigen, q stopt."),
    .keysTitle: ("Touches", "Keys", "Toetsen"),
    .helpKeys: ("↑ ↓ (k j) : mettre une option en évidence (aucune ne l'est sur une question sans réponse) ; 1–9 : choisir l'option N ; sur une question à nombre, un chiffre commence la saisie\nEntrée : enregistrer l'option en évidence et passer à la suivante ; sans option en évidence, passer sans rien enregistrer\nEspace : cocher ou décocher l'option en évidence (choix multiple)\nSuppr, Retour arrière ou x : effacer la réponse\n← PgPréc Maj-Tab / → PgSuiv : question précédente / suivante\nTab : note ; e : preuves ; f : marquer à revoir ; / et n : chercher, suivant ; u : revenir\na : plan d'action de l'écart (aussi depuis un écart du résumé) ; c : confirmer une réponse reprise de l'an dernier (à revérifier)\ng : sommaire ; r : revue ; S : résumé ; s ou Ctrl-S : enregistrer ; q, F10 ou Ctrl-C : quitter", "↑ ↓ (k j): highlight an option (none is on an unanswered question); 1–9: pick option N; on a number question, a digit starts typing the number\nEnter: record the highlighted option and go to the next question; with none highlighted, move on without recording anything\nSpace: tick or untick the highlighted option (multiple choice)\nDel, Backspace or x: clear the answer\n← PgUp Shift-Tab / → PgDn: previous / next question\nTab: note; e: evidence; f: flag for review; / and n: search, next match; u: go back\na: action plan of the gap (also from a gap in the summary); c: confirm an answer carried from last year (to re-verify)\ng: contents; r: review; S: summary; s or Ctrl-S: save; q, F10 or Ctrl-C: quit", "↑ ↓ (k j): een optie markeren (geen enkele bij een onbeantwoorde vraag); 1–9: optie N kiezen; bij een vraag naar een getal begint een cijfer het typen\nEnter: de gemarkeerde optie opslaan en naar de volgende vraag; zonder gemarkeerde optie verdergaan zonder iets op te slaan\nSpatie: de gemarkeerde optie aan- of uitvinken (meerkeuze)\nDel, Backspace of x: het antwoord wissen\n← PgUp Shift-Tab / → PgDn: vorige / volgende vraag\nTab: notitie; e: bewijs; f: markeren; / en n: zoeken, volgende; u: terug\na: actieplan van de tekortkoming (ook vanuit een tekortkoming in de samenvatting); c: een antwoord van vorig jaar bevestigen (opnieuw te controleren)\ng: inhoud; r: nazicht; S: samenvatting; s of Ctrl-S: opslaan; q, F10 of Ctrl-C: stoppen"),
    .summaryUnjustified: ("ÉVALUATION INCOMPLÈTE : tout est répondu, mais %1 « non applicable » sans justification (comptés comme inconnus).", "INCOMPLETE ASSESSMENT: everything is answered, but %1 “not applicable” lack a justification (counted as unknown).", "ONVOLLEDIGE BEOORDELING: alles is beantwoord, maar %1 ‘niet van toepassing’ zonder verantwoording (geteld als onbekend)."),
    .conditionIs: ("« %1 » vaut « %2 »", "“%1” is “%2”", "‘%1’ is ‘%2’"),
    .conditionIsNot: ("« %1 » ne vaut pas « %2 »", "“%1” is not “%2”", "‘%1’ is niet ‘%2’"),
    .conditionIncludes: ("« %1 » comprend « %2 »", "“%1” includes “%2”", "‘%1’ omvat ‘%2’"),
    .conditionExcludes: ("« %1 » ne comprend pas « %2 »", "“%1” does not include “%2”", "‘%1’ omvat ‘%2’ niet"),
    .conditionIsOneOf: ("« %1 » vaut %2", "“%1” is %2", "‘%1’ is %2"),
    .conditionIsNoneOf: ("« %1 » ne vaut ni %2", "“%1” is neither %2", "‘%1’ is noch %2"),
    .conditionOr: ("ou", "or", "of"),
    .conditionAnd: ("et", "and", "en"),
    .conditionNor: ("ni", "nor", "noch"),
    .quoted: ("« %1 »", "“%1”", "‘%1’"),
    .conditionNot: ("non (%1)", "not (%1)", "niet (%1)"),
    .conditionAnswered: ("« %1 » a une réponse", "“%1” is answered", "‘%1’ is beantwoord"),
    .conditionLess: ("« %1 » vaut moins de %2", "“%1” is less than %2", "‘%1’ is minder dan %2"),
    .conditionLessOrEqual: ("« %1 » vaut au plus %2", "“%1” is at most %2", "‘%1’ is hoogstens %2"),
    .conditionGreater: ("« %1 » vaut plus de %2", "“%1” is more than %2", "‘%1’ is meer dan %2"),
    .conditionGreaterOrEqual: ("« %1 » vaut au moins %2", "“%1” is at least %2", "‘%1’ is minstens %2"),
    .allAnswered: ("Toutes les questions applicables ont une réponse.", "Every applicable question is answered.", "Alle toepasselijke vragen zijn beantwoord."),
    .footerQuestion: ("↑↓ 1-9 choisir  Entrée valider  ←→ préc./suiv.  Suppr effacer  Tab note  e preuves  f marquer  a plan  / chercher  r revue  S résumé  ? aide  q quitter", "↑↓ 1-9 choose  Enter confirm  ←/→ prev/next  Del clear  Tab note  e evidence  f flag  a plan  / search  g contents  r review  S summary  ? help  q quit", "↑↓ 1-9 kiezen  Enter bevestigen  ←→ vorige/volgende  Del wissen  Tab notitie  e bewijs  f markeren  a plan  / zoeken  S samenvatting  ? hulp  q stoppen"),
    .footerMultiple: ("↑↓ choisir  Espace cocher  1-9 cocher N  Entrée suivante  ←→ préc./suiv.  Suppr effacer  Tab note  e preuves  f marquer  a plan  ? aide  q quitter", "↑↓ choose  Space tick  1-9 tick N  Enter next  ←/→ prev/next  Del clear  Tab note  e evidence  f flag  a plan  / search  g contents  ? help  q quit", "↑↓ kiezen  Spatie/1-9 aanvinken  Enter volgende  ←→ vorige/volgende  Del wissen  Tab notitie  e bewijs  f markeren  a plan  ? hulp  q stoppen"),
    .footerNumber: ("0-9 saisir le nombre  Entrée modifier  ←→ préc./suiv.  Suppr effacer  Tab note  e preuves  f marquer  a plan  / chercher  r revue  S résumé  ? aide  q quitter", "0-9 type the number  Enter edit  ←/→ prev/next  Del clear  Tab note  e evidence  f flag  a plan  / search  g contents  r review  S summary  ? help  q quit", "0-9 getal typen  Enter wijzigen  ←→ vorige/volgende  Del wissen  Tab notitie  e bewijs  f markeren  a plan  / zoeken  S samenvatting  ? hulp  q stoppen"),
    .footerText: ("Entrée écrire la réponse  ←→ préc./suiv.  Suppr effacer  Tab note  e preuves  f marquer  a plan  / chercher  r revue  S résumé  ? aide  q quitter", "Enter write the answer  ←/→ prev/next  Del clear  Tab note  e evidence  f flag  a plan  / search  g contents  r review  S summary  ? help  q quit", "Enter antwoord schrijven  ←→ vorige/volgende  Del wissen  Tab notitie  e bewijs  f markeren  a plan  / zoeken  S samenvatting  ? hulp  q stoppen"),
    .footerNote: ("Note : Entrée nouvelle ligne  ←→↑↓ déplacer  Tab ou Échap terminer", "Note: Enter new line  ←→↑↓ move  Tab or Esc done", "Notitie: Enter nieuwe regel  ←→↑↓ verplaatsen  Tab of Esc klaar"),
    .footerField: ("Entrée valider et suivante  Échap quitter le champ (le texte est gardé)", "Enter confirm and next  Esc leave the field (what is typed is kept)", "Enter bevestigen en volgende  Esc veld verlaten (de tekst blijft bewaard)"),
    .footerHelp: ("↑↓ PgPréc/PgSuiv défiler  Échap fermer", "↑↓ PgUp/PgDn scroll  Esc close", "↑↓ PgUp/PgDn scrollen  Esc sluiten"),
    .footerList: ("↑↓ PgPréc/PgSuiv choisir  Entrée aller  Échap fermer", "↑↓ PgUp/PgDn choose  Enter go  Esc close", "↑↓ PgUp/PgDn kiezen  Enter ga naar  Esc sluiten"),
    .footerReview: ("↑↓ PgPréc/PgSuiv choisir  Entrée aller à la question  F clôturer  S résumé  Échap retour", "↑↓ PgUp/PgDn choose  Enter go to question  F finish  S summary  Esc back", "↑↓ PgUp/PgDn kiezen  Enter naar vraag  F afronden  S samenvatting  Esc terug"),
    .footerSummary: ("↑↓ PgPréc/PgSuiv défiler  Entrée aller à l'écart  a plan d'action  Échap retour  q quitter", "↑↓ PgUp/PgDn scroll  Enter go to gap  a action plan  Esc back  q quit", "↑↓ PgUp/PgDn scrollen  Enter naar tekortkoming  a actieplan  Esc terug  q stoppen"),
    .footerFinished: ("↑↓ PgPréc/PgSuiv défiler  o rouvrir l'évaluation  q quitter", "↑↓ PgUp/PgDn scroll  o reopen the assessment  q quit", "↑↓ PgUp/PgDn scrollen  o beoordeling heropenen  q stoppen"),
    .footerForm: ("Tab/↑↓ champ  Entrée suivant  Échap/Ctrl-C quitter", "Tab/↑↓ field  Enter next  Esc/Ctrl-C quit", "Tab/↑↓ veld  Enter volgende  Esc/Ctrl-C stoppen"),
    .footerStart: ("↑↓ choisir  Entrée ouvrir  q quitter", "↑↓ choose  Enter open  q quit", "↑↓ kiezen  Enter openen  q stoppen"),
    .footerEvidence: ("Entrée ajouter  ↑↓ choisir  Suppr retirer  Échap fermer", "Enter add  ↑↓ choose  Del remove  Esc close", "Enter toevoegen  ↑↓ kiezen  Del verwijderen  Esc sluiten"),
    .footerSearch: ("Entrée chercher  Échap annuler", "Enter search  Esc cancel", "Enter zoeken  Esc annuleren"),
    .compliant: ("Conforme", "Compliant", "Conform"),
    .partial: ("Partiellement conforme", "Partially compliant", "Gedeeltelijk conform"),
    .noncompliant: ("Non conforme", "Non-compliant", "Niet conform"),
    .notApplicable: ("Non applicable (justification requise)", "Not applicable (justification required)", "Niet van toepassing (verantwoording vereist)"),
    .unknown: ("Inconnu (à vérifier)", "Unknown (to verify)", "Onbekend (te verifiëren)"),
    .unanswered: ("Sans réponse", "Unanswered", "Onbeantwoord"),
    .yes: ("Oui", "Yes", "Ja"),
    .no: ("Non", "No", "Nee"),
    .severityLow: ("faible", "low", "laag"),
    .severityMedium: ("moyenne", "medium", "gemiddeld"),
    .severityHigh: ("élevée", "high", "hoog"),
    .severityCritical: ("critique", "critical", "kritiek"),
    .availability: ("disponibilité", "availability", "beschikbaarheid"),
    .integrity: ("intégrité", "integrity", "integriteit"),
    .confidentiality: ("confidentialité", "confidentiality", "vertrouwelijkheid"),
    .summaryHeading: ("Résumé de l'évaluation des risques", "Risk assessment summary", "Samenvatting van de risicobeoordeling"),
    .summaryOrganisation: ("Organisation", "Organisation", "Organisatie"),
    .summaryAssessor: ("Évaluateur", "Assessor", "Beoordelaar"),
    .summaryProvider: ("Fournisseur", "Provider", "Aanbieder"),
    .summaryService: ("Service", "Service", "Dienst"),
    .summaryQuestionnaire: ("Questionnaire", "Questionnaire", "Vragenlijst"),
    .summaryCreated: ("Créée le", "Created", "Aangemaakt"),
    .summaryUpdated: ("Modifiée le", "Last change", "Laatst gewijzigd"),
    .summaryCompleteness: ("Complétude", "Completeness", "Volledigheid"),
    .summaryIncomplete: ("ÉVALUATION INCOMPLÈTE : %1 question(s) applicable(s) sans réponse. Les questions sans réponse comptent comme non vérifiées.", "INCOMPLETE ASSESSMENT: %1 applicable question(s) unanswered. Unanswered questions count as not verified.", "ONVOLLEDIGE BEOORDELING: %1 toepasselijke vraag/vragen onbeantwoord. Onbeantwoorde vragen tellen als niet geverifieerd."),
    .summaryComplete: ("Évaluation complète.", "Assessment complete.", "Beoordeling volledig."),
    .verdict: ("Verdict", "Verdict", "Oordeel"),
    .verdictAcceptable: ("ACCEPTABLE", "ACCEPTABLE", "AANVAARDBAAR"),
    .verdictConditions: ("ACCEPTABLE SOUS CONDITIONS", "ACCEPTABLE WITH CONDITIONS", "AANVAARDBAAR ONDER VOORWAARDEN"),
    .verdictNotAcceptable: ("NON ACCEPTABLE", "NOT ACCEPTABLE", "NIET AANVAARDBAAR"),
    .reasons: ("Motifs", "Reasons", "Redenen"),
    .reasonBlocking: ("%1 constat(s) bloquant(s)", "%1 blocking finding(s)", "%1 blokkerende vaststelling(en)"),
    .reasonGapsNotAcceptable: ("%1 question(s) au niveau de risque « %2 » ou plus (écarts ou non vérifiées)", "%1 question(s) at risk level “%2” or above (gaps or not verified)", "%1 vraag/vragen op risiconiveau ‘%2’ of hoger (tekortkomingen of niet geverifieerd)"),
    .reasonGapsConditions: ("%1 question(s) au niveau de risque « %2 » ou plus à traiter", "%1 question(s) at risk level “%2” or above to address", "%1 vraag/vragen op risiconiveau ‘%2’ of hoger aan te pakken"),
    .reasonIncomplete: ("%1 question(s) sans réponse", "%1 question(s) unanswered", "%1 vraag/vragen onbeantwoord"),
    .reasonUnjustified: ("%1 « non applicable » sans justification", "%1 “not applicable” without justification", "%1 ‘niet van toepassing’ zonder verantwoording"),
    .reasonNoGaps: ("aucun écart à traiter", "no gap to address", "geen tekortkoming aan te pakken"),
    .blockingFindings: ("Constats bloquants", "Blocking findings", "Blokkerende vaststellingen"),
    .noBlocking: ("Aucun constat bloquant.", "No blocking finding.", "Geen blokkerende vaststelling."),
    .whatToDo: ("À faire", "What to do", "Te doen"),
    .riskMatrix: ("Matrice des risques (nombre de questions)", "Risk matrix (number of questions)", "Risicomatrix (aantal vragen)"),
    .likelihood: ("Vraisemblance", "Likelihood", "Waarschijnlijkheid"),
    .impact: ("Impact", "Impact", "Impact"),
    .riskRegister: ("Registre des risques", "Risk register", "Risicoregister"),
    .notAssessed: ("non évalué", "not assessed", "niet beoordeeld"),
    .mitigatedBy: ("atténué par", "mitigated by", "beperkt door"),
    .complianceBySection: ("Conformité par section", "Compliance by section", "Conformiteit per sectie"),
    .compliantPercent: ("conforme", "compliant", "conform"),
    .answeredPercent: ("répondu", "answered", "beantwoord"),
    .gaps: ("Écarts, par niveau de risque", "Gaps, by risk level", "Tekortkomingen, per risiconiveau"),
    .noGaps: ("Aucun écart.", "No gap.", "Geen tekortkoming."),
    .answer: ("Réponse", "Answer", "Antwoord"),
    .level: ("Niveau", "Level", "Niveau"),
    .listUnanswered: ("Questions sans réponse", "Unanswered questions", "Onbeantwoorde vragen"),
    .listFlagged: ("Questions marquées à revoir", "Questions flagged for review", "Vragen gemarkeerd om te herbekijken"),
    .listNotApplicable: ("Non applicables et justifications", "Not applicable, with justifications", "Niet van toepassing, met verantwoording"),
    .listUnjustified: ("Non applicables sans justification (comptées comme inconnues)", "Not applicable without justification (counted as unknown)", "Niet van toepassing zonder verantwoording (geteld als onbekend)"),
    .listEvidence: ("Preuves enregistrées", "Evidence recorded", "Geregistreerde bewijsstukken"),
    .none: ("aucune", "none", "geen"),
    .justification: ("Justification", "Justification", "Verantwoording"),
    .impactRaised: ("impact ajusté", "impact adjusted", "impact aangepast"),
    .derogations: ("Dérogations", "Derogations", "Afwijkingen"),
    .derogationReference: ("Référence", "Reference", "Referentie"),
    .derogationGrantedBy: ("Accordée par", "Granted by", "Toegestaan door"),
    .derogationGrantedOn: ("Accordée le (AAAA-MM-JJ)", "Granted on (YYYY-MM-DD)", "Toegestaan op (JJJJ-MM-DD)"),
    .derogationScope: ("Portée", "Scope", "Draagwijdte"),
    .derogationMeasures: ("Mesures compensatoires", "Compensating measures", "Compenserende maatregelen"),
    .derogationExpiresOn: ("Échéance ou révision (AAAA-MM-JJ)", "Expiry or review (YYYY-MM-DD)", "Vervaldatum of herziening (JJJJ-MM-DD)"),
    .derogationValid: ("valable ; lève : %1", "valid; waives: %1", "geldig; heft op: %1"),
    .derogationNoReference: ("sans référence : ne compte pas", "no reference: does not count", "zonder referentie: telt niet"),
    .derogationExpired: ("expirée le %1 : ne compte plus", "expired on %1: no longer counts", "vervallen op %1: telt niet meer"),
    .derogationBadExpiry: ("échéance « %1 » qui n'est pas une date AAAA-MM-JJ : ne compte pas", "expiry “%1” is not a YYYY-MM-DD date: does not count", "vervaldatum ‘%1’ is geen datum JJJJ-MM-DD: telt niet"),
    .derogationNonePossible: ("Aucune dérogation n'est possible pour ce constat.", "No derogation is possible for this finding.", "Voor deze vaststelling is geen afwijking mogelijk."),
    .derogationFailed: ("Dérogation %1 : %2", "Derogation %1: %2", "Afwijking %1: %2"),
    .reasonDerogations: ("%1 constat(s) bloquant(s) levé(s) par une dérogation valable", "%1 blocking finding(s) waived by a valid derogation", "%1 blokkerende vaststelling(en) opgeheven door een geldige afwijking"),
    .waivedBy: ("couvert par la dérogation %1", "covered by derogation %1", "gedekt door afwijking %1"),
    .derogationAsOf: ("Validité appréciée au %1.", "Validity judged as of %1.", "Geldigheid beoordeeld op %1."),
    .noDerogation: ("Aucune dérogation enregistrée.", "No derogation recorded.", "Geen afwijking geregistreerd."),
    .inherentLevel: ("inhérent", "inherent", "inherent"),
    .residualLevel: ("résiduel", "residual", "residueel"),
    .basisLaw: ("loi, au-delà du référentiel", "law, beyond the reference text", "wet, verder dan het referentiekader"),
    .basisGoodPractice: ("bonne pratique, au-delà du référentiel", "good practice, beyond the reference text", "goede praktijk, verder dan het referentiekader"),
    .basisPolicy: ("choix de politique plus strict que le référentiel", "policy choice stricter than the reference text", "beleidskeuze strenger dan het referentiekader"),
    .context: ("Contexte et périmètre", "Context and scope", "Context en scope"),
    .genericAction: ("Action", "Action", "Actie"),
    .derogationNotADay: ("« %1 » n'est pas une date AAAA-MM-JJ : la dérogation ne compte pas tant que la date n'est pas corrigée.", "“%1” is not a YYYY-MM-DD date: the derogation does not count until it is corrected.", "‘%1’ is geen datum JJJJ-MM-DD: de afwijking telt niet zolang de datum niet is verbeterd."),
    .derogationStatus: ("État de la dérogation", "Derogation status", "Status van de afwijking"),
    .footerDerogation: ("↑↓ champ  Entrée remplir (puis champ suivant)  ←→ préc./suiv.  Suppr effacer la dérogation  Tab note  e preuves  f marquer  ? aide  q quitter", "↑↓ field  Enter fill in (then next field)  ←/→ prev/next  Del clear the derogation  Tab note  e evidence  f flag  ? help  q quit", "↑↓ veld  Enter invullen (dan volgend veld)  ←→ vorige/volgende  Del afwijking wissen  Tab notitie  e bewijs  f markeren  ? hulp  q stoppen"),
    .derogationCounts: ("valable aujourd'hui (référence présente, non expirée)", "valid today (a reference, not expired)", "vandaag geldig (referentie aanwezig, niet vervallen)"),
    .listInvalid: ("Réponses qui ne correspondent plus au questionnaire, comptées sans réponse (%1)", "Answers that no longer fit the questionnaire, counted as unanswered (%1)", "Antwoorden die niet meer bij de vragenlijst passen, geteld als onbeantwoord (%1)"),
    .questionnaireAnsweredUnder: ("Session répondue avec la version %1 du questionnaire ; version chargée : %2.", "Session answered under questionnaire version %1; version now loaded: %2.", "Sessie beantwoord met versie %1 van de vragenlijst; nu geladen versie: %2."),
  ]
}

/// A noun counted, singular or plural as each language wants: French uses the singular for 0 and
/// 1, English and Dutch for 1 only.
public enum CountedNoun: CaseIterable, Sendable {
  case section, question

  /// "1 section", "2 sections", "1 vraag", "2 vragen"...
  public func format(_ count: Int, _ language: InterfaceLanguage) -> String {
    let forms: (one: String, other: String)
    switch (self, language) {
    case (.section, .fr), (.section, .en): forms = ("section", "sections")
    case (.section, .nl): forms = ("sectie", "secties")
    case (.question, .fr), (.question, .en): forms = ("question", "questions")
    case (.question, .nl): forms = ("vraag", "vragen")
    }
    let singular = language == .fr ? abs(count) < 2 : count == 1
    return "\(count) " + (singular ? forms.one : forms.other)
  }
}

extension Severity {
  public var phrase: Phrase {
    switch self {
    case .low: return .severityLow
    case .medium: return .severityMedium
    case .high: return .severityHigh
    case .critical: return .severityCritical
    }
  }
}

extension SecurityDimension {
  public var phrase: Phrase {
    switch self {
    case .availability: return .availability
    case .integrity: return .integrity
    case .confidentiality: return .confidentiality
    }
  }
}

extension ComplianceValue {
  public var phrase: Phrase {
    switch self {
    case .compliant: return .compliant
    case .partial: return .partial
    case .noncompliant: return .noncompliant
    case .na: return .notApplicable
    case .unknown: return .unknown
    }
  }
}
