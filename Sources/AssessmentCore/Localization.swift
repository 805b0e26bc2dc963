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

  /// A colon before what it introduces: French puts a space before it.
  public var colon: String { self == .fr ? " : " : ": " }

  /// Between the items of a list written on one line: French puts a space before the
  /// semicolon.
  public var listSeparator: String { self == .fr ? " ; " : "; " }

  /// The text of this language among the three, for messages written in place (an error's
  /// cases): `let pick = language.pick`, then `pick("…", "…", "…")`.
  public func pick(_ fr: String, _ en: String, _ nl: String) -> String {
    switch self {
    case .fr: return fr
    case .en: return en
    case .nl: return nl
    }
  }
}

/// Every interface text, in French, English and Dutch. `%1`, `%2`... are filled by `format`.
public enum Phrase: CaseIterable, Sendable {
  // Phases and screens
  case identificationTitle, organisation, assessor, provider, service, identificationHelp
  case identificationMissing, question, section, reference, severity, protects, note, evidence
  case flagged, noNote, conditionShown, helpTitle, whyAndEvidence
  case mappings, contentsTitle, reviewTitle
  case reviewUnanswered, reviewFlagged, reviewUnjustified, reviewEmpty, summaryTitle
  case saveFailed, answerHere, numberHere, dateHere, invalidNumber
  case evidenceTitle, evidenceAdd, evidenceNone, justificationRequired, finishConfirm
  case sectionIntro, quitMessage, resumeHint, finishedMessage
  case identificationNext, allAnswered
  case descriptionMore, descriptionTitle, notApplicableAnswer
  case conditionIs, conditionIsNot, conditionIncludes, conditionExcludes, conditionIsOneOf
  case conditionIsNoneOf, conditionOr, conditionAnd, conditionNot, conditionAnswered,
    conditionUnanswered
  case conditionLess, conditionLessOrEqual, conditionGreater, conditionGreaterOrEqual
  case conditionNor, quoted
  // Answers
  case compliant, partial, noncompliant, notApplicable, unknown, unanswered, yes, no
  case severityLow, severityMedium, severityHigh, severityCritical
  case availability, integrity, confidentiality
  // The verdict, and the words the wizard's screens share with the reports
  case verdict, verdictAcceptable, verdictConditions, verdictNotAcceptable, whatToDo, likelihood
  case impact, mitigatedBy, noGaps, answer, level, none, justification, impactRaised
  // Derogations, citations, what goes beyond the reference text, the register's two levels
  case derogations, derogationReference, derogationGrantedBy, derogationGrantedOn
  case derogationScope, derogationMeasures, derogationExpiresOn, derogationValid
  case derogationValidNothing, derogationGrantedOnName, derogationExpiresOnName
  case derogationNoReference, derogationExpired, derogationBadExpiry, waivedBy, noDerogation
  case basisLaw, basisGoodPractice, basisPolicy, context, genericAction, derogationNotADay
  case derogationNoGrantor, derogationNoGrantDate, derogationBadGrantDate, derogationGrantedAfter
  case derogationNoExpiry, derogationExpiryBeforeGrant, derogationRequiredFields
  case derogationStatus, derogationCounts
}

/// Texts in French, English and Dutch, one entry per case: every table of interface texts
/// (``Phrase``, the plan's, the reports', the command line's, plain mode's) reads and fills its
/// texts this one way. `%1`, `%2`... are filled by `format`, in one pass (an argument is never
/// itself scanned for placeholders).
///
/// Each table is a `switch` over its cases, not a dictionary: a case without its three texts does
/// not compile (a dictionary gave an empty text at run time), and nothing is built or hashed at
/// the first look-up (a dictionary of a few hundred entries was built, and its key type's
/// conformances looked up by the Swift runtime, at every start of the program).
public protocol TranslatedText {
  /// The texts: French, English, Dutch.
  var translations: (String, String, String) { get }
}

extension TranslatedText {
  /// The text in a language.
  public func text(_ language: InterfaceLanguage) -> String {
    let entry = translations
    switch language {
    case .fr: return entry.0
    case .en: return entry.1
    case .nl: return entry.2
    }
  }

  /// The text with `%1`, `%2`... replaced by the arguments.
  public func format(_ language: InterfaceLanguage, _ arguments: CustomStringConvertible...)
    -> String
  {
    text(language).substituting(arguments.map(\.description))
  }
}

extension Phrase: TranslatedText {
  public var translations: (String, String, String) {
    switch self {
    case .identificationTitle:
      return (
        "Identification de l'évaluation", "Identification of the assessment",
        "Identificatie van de beoordeling"
      )
    case .organisation: return ("Organisation", "Organisation", "Organisatie")
    case .assessor: return ("Évaluateur", "Assessor", "Beoordelaar")
    case .provider: return ("Fournisseur", "Provider", "Leverancier")
    case .service: return ("Service évalué", "Service assessed", "Beoordeelde dienst")
    case .identificationHelp:
      return (
        "Qui évalue quoi : ces informations figurent en tête du résumé.",
        "Who assesses what: these appear at the top of the summary.",
        "Wie beoordeelt wat: dit staat bovenaan de samenvatting."
      )
    case .identificationMissing:
      return ("À compléter : %1", "Still to fill in: %1", "Nog in te vullen: %1")
    case .question: return ("Question", "Question", "Vraag")
    case .section: return ("Section", "Section", "Sectie")
    case .reference: return ("Référence", "Reference", "Referentie")
    case .severity: return ("Gravité", "Severity", "Ernst")
    case .protects: return ("Protège", "Protects", "Beschermt")
    case .note: return ("Note", "Note", "Notitie")
    case .evidence: return ("Preuves", "Evidence", "Bewijsstukken")
    case .flagged: return ("⚑ À revoir", "⚑ Flagged for review", "⚑ Te herbekijken")
    case .noNote:
      return (
        "(aucune note — Tab pour écrire)", "(no note — Tab to write one)",
        "(geen notitie — Tab om te schrijven)"
      )
    case .conditionShown:
      return ("Affichée parce que : %1", "Shown because: %1", "Getoond omdat: %1")
    case .helpTitle: return ("Aide", "Help", "Hulp")
    case .whyAndEvidence:
      return (
        "Pourquoi et quelles preuves demander", "Why it matters and what evidence to ask for",
        "Waarom en welke bewijzen vragen"
      )
    case .mappings: return ("Correspondances", "Mappings", "Mappings")
    case .contentsTitle: return ("Table des matières", "Table of contents", "Inhoudstafel")
    case .reviewTitle:
      return ("Revue avant clôture", "Review before finishing", "Nazicht voor afronding")
    case .reviewUnanswered: return ("Sans réponse (%1)", "Unanswered (%1)", "Onbeantwoord (%1)")
    case .reviewFlagged: return ("À revoir (%1)", "Flagged (%1)", "Te herbekijken (%1)")
    case .reviewUnjustified:
      return (
        "Non applicable sans justification (%1)", "Not applicable without justification (%1)",
        "Niet van toepassing zonder verantwoording (%1)"
      )
    case .reviewEmpty:
      return (
        "Tout est répondu, rien n'est à revoir. F : clôturer l'évaluation.",
        "Everything is answered and nothing is flagged. F: finish the assessment.",
        "Alles is beantwoord, niets te herbekijken. F: beoordeling afronden."
      )
    case .summaryTitle: return ("Résumé des risques", "Risk summary", "Risicosamenvatting")
    case .saveFailed:
      return (
        "ÉCHEC de l'enregistrement : %1 — les réponses restent en mémoire, nouvel essai au prochain changement",
        "SAVE FAILED: %1 — answers are kept in memory and saving is retried at the next change",
        "OPSLAAN MISLUKT: %1 — antwoorden blijven in het geheugen, nieuwe poging bij de volgende wijziging"
      )
    case .answerHere: return ("Réponse : ", "Answer: ", "Antwoord: ")
    case .numberHere: return ("Nombre : ", "Number: ", "Getal: ")
    case .dateHere: return ("Date (AAAA-MM-JJ) : ", "Date (YYYY-MM-DD): ", "Datum (JJJJ-MM-DD): ")
    case .invalidNumber:
      return ("« %1 » n'est pas un nombre", "“%1” is not a number", "‘%1’ is geen getal")
    case .evidenceTitle:
      return (
        "Preuves de cette question", "Evidence for this question", "Bewijsstukken voor deze vraag"
      )
    case .evidenceAdd: return ("Ajouter : ", "Add: ", "Toevoegen: ")
    case .evidenceNone:
      return ("(aucune preuve enregistrée)", "(no evidence recorded)", "(geen bewijsstukken)")
    case .justificationRequired:
      return (
        "Non applicable exige une justification : écrivez-la dans la note (Tab).",
        "Not applicable needs a justification: write it in the note (Tab).",
        "Niet van toepassing vereist een verantwoording: schrijf ze in de notitie (Tab)."
      )
    case .finishConfirm:
      return (
        "Clôturer l'évaluation ? %1 sans réponse. o : oui, Échap : non",
        "Finish the assessment? %1 unanswered. y: yes, Esc: no",
        "Beoordeling afronden? %1 onbeantwoord. j: ja, Esc: nee"
      )
    case .sectionIntro: return ("Introduction", "Introduction", "Inleiding")
    case .quitMessage:
      return ("Session enregistrée : %1", "Session saved: %1", "Sessie opgeslagen: %1")
    case .resumeHint:
      return (
        "Pour reprendre : cloud-assess resume %1", "To resume: cloud-assess resume %1",
        "Hervatten: cloud-assess resume %1"
      )
    case .finishedMessage:
      return ("Évaluation clôturée.", "Assessment finished.", "Beoordeling afgerond.")
    case .identificationNext:
      return (
        "Entrée : champ suivant, puis commencer", "Enter: next field, then start",
        "Enter: volgend veld, dan beginnen"
      )
    case .notApplicableAnswer: return ("Non applicable", "Not applicable", "Niet van toepassing")
    case .descriptionMore: return ("F1 : lire la suite", "F1: read the rest", "F1: de rest lezen")
    case .descriptionTitle:
      return ("À propos du questionnaire", "About the questionnaire", "Over de vragenlijst")
    case .conditionIs: return ("« %1 » vaut « %2 »", "“%1” is “%2”", "‘%1’ is ‘%2’")
    case .conditionIsNot:
      return ("« %1 » ne vaut pas « %2 »", "“%1” is not “%2”", "‘%1’ is niet ‘%2’")
    case .conditionIncludes:
      return ("« %1 » comprend « %2 »", "“%1” includes “%2”", "‘%1’ omvat ‘%2’")
    case .conditionExcludes:
      return ("« %1 » ne comprend pas « %2 »", "“%1” does not include “%2”", "‘%1’ omvat ‘%2’ niet")
    case .conditionIsOneOf: return ("« %1 » vaut %2", "“%1” is %2", "‘%1’ is %2")
    case .conditionIsNoneOf:
      return ("« %1 » ne vaut ni %2", "“%1” is neither %2", "‘%1’ is noch %2")
    case .conditionOr: return ("ou", "or", "of")
    case .conditionAnd: return ("et", "and", "en")
    case .conditionNor: return ("ni", "nor", "noch")
    case .quoted: return ("« %1 »", "“%1”", "‘%1’")
    case .conditionNot: return ("non (%1)", "not (%1)", "niet (%1)")
    case .conditionAnswered:
      return ("« %1 » a une réponse", "“%1” is answered", "‘%1’ is beantwoord")
    case .conditionUnanswered:
      return (
        "« %1 » n'a pas encore de réponse", "“%1” is not answered yet",
        "‘%1’ is nog niet beantwoord"
      )
    case .conditionLess:
      return ("« %1 » vaut moins de %2", "“%1” is less than %2", "‘%1’ is minder dan %2")
    case .conditionLessOrEqual:
      return ("« %1 » vaut au plus %2", "“%1” is at most %2", "‘%1’ is hoogstens %2")
    case .conditionGreater:
      return ("« %1 » vaut plus de %2", "“%1” is more than %2", "‘%1’ is meer dan %2")
    case .conditionGreaterOrEqual:
      return ("« %1 » vaut au moins %2", "“%1” is at least %2", "‘%1’ is minstens %2")
    case .allAnswered:
      return (
        "Toutes les questions applicables ont une réponse.",
        "Every applicable question is answered.", "Alle toepasselijke vragen zijn beantwoord."
      )
    case .compliant: return ("Conforme", "Compliant", "Conform")
    case .partial: return ("Partiellement conforme", "Partially compliant", "Gedeeltelijk conform")
    case .noncompliant: return ("Non conforme", "Non-compliant", "Niet conform")
    case .notApplicable:
      return (
        "Non applicable (justification requise)", "Not applicable (justification required)",
        "Niet van toepassing (verantwoording vereist)"
      )
    case .unknown:
      return ("Inconnu (à vérifier)", "Unknown (to verify)", "Onbekend (te verifiëren)")
    case .unanswered: return ("Sans réponse", "Unanswered", "Onbeantwoord")
    case .yes: return ("Oui", "Yes", "Ja")
    case .no: return ("Non", "No", "Nee")
    case .severityLow: return ("faible", "low", "laag")
    case .severityMedium: return ("moyenne", "medium", "gemiddeld")
    case .severityHigh: return ("élevée", "high", "hoog")
    case .severityCritical: return ("critique", "critical", "kritiek")
    case .availability: return ("disponibilité", "availability", "beschikbaarheid")
    case .integrity: return ("intégrité", "integrity", "integriteit")
    case .confidentiality: return ("confidentialité", "confidentiality", "vertrouwelijkheid")
    case .verdict: return ("Verdict", "Verdict", "Oordeel")
    case .verdictAcceptable: return ("ACCEPTABLE", "ACCEPTABLE", "AANVAARDBAAR")
    case .verdictConditions:
      return (
        "ACCEPTABLE SOUS CONDITIONS", "ACCEPTABLE WITH CONDITIONS", "AANVAARDBAAR ONDER VOORWAARDEN"
      )
    case .verdictNotAcceptable: return ("NON ACCEPTABLE", "NOT ACCEPTABLE", "NIET AANVAARDBAAR")
    case .whatToDo: return ("À faire", "What to do", "Te doen")
    case .likelihood: return ("Vraisemblance", "Likelihood", "Waarschijnlijkheid")
    case .impact: return ("Impact", "Impact", "Impact")
    case .mitigatedBy: return ("atténué par", "mitigated by", "beperkt door")
    case .noGaps: return ("Aucun écart.", "No gap.", "Geen tekortkoming.")
    case .answer: return ("Réponse", "Answer", "Antwoord")
    case .level: return ("Niveau", "Level", "Niveau")
    case .none: return ("aucune", "none", "geen")
    case .justification: return ("Justification", "Justification", "Verantwoording")
    case .impactRaised: return ("impact ajusté", "impact adjusted", "impact aangepast")
    case .derogations: return ("Dérogations", "Derogations", "Afwijkingen")
    case .derogationReference: return ("Référence", "Reference", "Referentie")
    case .derogationGrantedBy: return ("Accordée par", "Granted by", "Toegestaan door")
    case .derogationGrantedOn:
      return ("Accordée le (AAAA-MM-JJ)", "Granted on (YYYY-MM-DD)", "Toegestaan op (JJJJ-MM-DD)")
    case .derogationScope: return ("Portée", "Scope", "Draagwijdte")
    case .derogationMeasures:
      return ("Mesures compensatoires", "Compensating measures", "Compenserende maatregelen")
    case .derogationExpiresOn:
      return (
        "Échéance ou révision (AAAA-MM-JJ)", "Expiry or review (YYYY-MM-DD)",
        "Vervaldatum of herziening (JJJJ-MM-DD)"
      )
    case .derogationValid:
      return (
        "valable ; lève le constat bloquant de %1", "valid; waives the blocking finding of %1",
        "geldig; heft de blokkerende vaststelling van %1 op"
      )
    case .derogationValidNothing:
      return (
        "valable ; aucun constat bloquant à lever", "valid; no blocking finding to waive",
        "geldig; geen blokkerende vaststelling op te heffen"
      )
    case .derogationGrantedOnName: return ("Accordée le", "Granted on", "Toegestaan op")
    case .derogationExpiresOnName:
      return ("Échéance ou révision", "Expiry or review", "Vervaldatum of herziening")
    case .derogationNoReference:
      return (
        "sans référence : ne compte pas", "no reference: does not count",
        "zonder referentie: telt niet"
      )
    case .derogationNoGrantor:
      return (
        "sans qui l'a accordée : ne compte pas", "no record of who granted it: does not count",
        "zonder wie ze heeft toegestaan: telt niet"
      )
    case .derogationNoGrantDate:
      return (
        "sans date d'octroi : ne compte pas", "no date granted: does not count",
        "zonder datum van toekenning: telt niet"
      )
    case .derogationBadGrantDate:
      return (
        "date d'octroi « %1 » qui n'est pas une date AAAA-MM-JJ : ne compte pas",
        "date granted “%1” is not a YYYY-MM-DD date: does not count",
        "datum van toekenning ‘%1’ is geen datum JJJJ-MM-DD: telt niet"
      )
    case .derogationGrantedAfter:
      return (
        "accordée le %1, après le jour du résumé : ne compte pas",
        "granted on %1, after the day of the summary: does not count",
        "toegestaan op %1, na de dag van de samenvatting: telt niet"
      )
    case .derogationNoExpiry:
      return (
        "sans échéance ni date de révision : ne compte pas",
        "no expiry or review date: does not count",
        "zonder vervaldatum of herzieningsdatum: telt niet"
      )
    case .derogationExpiryBeforeGrant:
      return (
        "échéance %1 antérieure à la date d'octroi : ne compte pas",
        "expiry %1 before the date granted: does not count",
        "vervaldatum %1 vóór de datum van toekenning: telt niet"
      )
    case .derogationRequiredFields:
      return (
        "* obligatoire : sans ces champs, la dérogation ne compte pas.",
        "* required: without these fields, the derogation does not count.",
        "* verplicht: zonder deze velden telt de afwijking niet."
      )
    case .derogationExpired:
      return (
        "expirée le %1 : ne compte plus", "expired on %1: no longer counts",
        "vervallen op %1: telt niet meer"
      )
    case .derogationBadExpiry:
      return (
        "échéance « %1 » qui n'est pas une date AAAA-MM-JJ : ne compte pas",
        "expiry “%1” is not a YYYY-MM-DD date: does not count",
        "vervaldatum ‘%1’ is geen datum JJJJ-MM-DD: telt niet"
      )
    case .waivedBy:
      return (
        "couvert par la dérogation %1", "covered by derogation %1", "gedekt door afwijking %1"
      )
    case .noDerogation:
      return (
        "Aucune dérogation enregistrée.", "No derogation recorded.", "Geen afwijking geregistreerd."
      )
    case .basisLaw:
      return (
        "loi, au-delà du référentiel", "law, beyond the reference text",
        "wet, verder dan het referentiekader"
      )
    case .basisGoodPractice:
      return (
        "bonne pratique, au-delà du référentiel", "good practice, beyond the reference text",
        "goede praktijk, verder dan het referentiekader"
      )
    case .basisPolicy:
      return (
        "choix de politique plus strict que le référentiel",
        "policy choice stricter than the reference text",
        "beleidskeuze strenger dan het referentiekader"
      )
    case .context: return ("Contexte et périmètre", "Context and scope", "Context en scope")
    case .genericAction: return ("Recommandation", "Recommendation", "Aanbeveling")
    case .derogationNotADay:
      return (
        "« %1 » n'est pas une date AAAA-MM-JJ : la dérogation ne compte pas tant que la date n'est pas corrigée.",
        "“%1” is not a YYYY-MM-DD date: the derogation does not count until it is corrected.",
        "‘%1’ is geen datum JJJJ-MM-DD: de afwijking telt niet zolang de datum niet is verbeterd."
      )
    case .derogationStatus:
      return ("État de la dérogation", "Derogation status", "Status van de afwijking")
    case .derogationCounts:
      return (
        "valable aujourd'hui (référence présente, non expirée)",
        "valid today (a reference, not expired)",
        "vandaag geldig (referentie aanwezig, niet vervallen)"
      )
    }
  }
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
