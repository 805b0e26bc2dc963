import AssessmentCore

/// The provider workbook's texts: its sheets, the cover, the headings and what the import says.
/// `%1`, `%2`... are filled by `format`.
enum ProviderText: CaseIterable, Sendable, TranslatedText {
  case coverSheet, questionsSheet, title, deadline, noDeadline, howTo
  case stepWhere, stepAnswer, stepExplain, stepEvidence, stepColumns, stepReturn, returnToUnknown
  case questionnaire, questionnaireID, questionnaireVersion, questionnaireDigest, session
  case exported, questionCount
  case idHeading, sectionHeading, citationHeading, questionHeading, helpHeading, answerHeading
  case explanationHeading, evidenceHeading, validUntilHeading, remarksHeading
  case exported1, deadlineNotADay, outputOntoSession
  case importRead, importChanged, importDryRun, importNothing, importDone, importRefused

  var translations: (String, String, String) {
    switch self {
    case .coverSheet: return ("Couverture", "Cover", "Voorblad")
    case .questionsSheet: return ("Questions", "Questions", "Vragen")
    case .title:
      return (
        "Questionnaire destiné au fournisseur", "Questionnaire for the provider",
        "Vragenlijst voor de leverancier"
      )
    case .deadline:
      return ("À renvoyer au plus tard le", "To return by", "Terug te sturen uiterlijk op")
    case .noDeadline: return ("(pas de date fixée)", "(no date set)", "(geen datum vastgelegd)")
    case .howTo: return ("Comment le remplir", "How to fill it in", "Hoe invullen")
    case .stepWhere:
      return (
        "1. Répondez dans la feuille « %1 », une ligne par question. Les colonnes de la question (identifiant, section, référence, question, aide) sont protégées, sans mot de passe ; les cellules à remplir sont sur fond jaune.",
        "1. Answer in the sheet '%1', one row per question. The question's columns (id, section, reference, question, help) are protected, without a password; the cells to fill in are yellow.",
        "1. Antwoord in het blad ‘%1’, één rij per vraag. De kolommen van de vraag (id, sectie, referentie, vraag, hulp) zijn beveiligd, zonder wachtwoord; de in te vullen cellen zijn geel."
      )
    case .stepAnswer:
      return (
        "2. « %1 » : choisissez dans la liste déroulante : %2. Une question qui a ses propres choix (oui ou non, un lieu) a sa propre liste.",
        "2. '%1': choose from the drop-down list: %2. A question with choices of its own (yes or no, a place) has its own list.",
        "2. ‘%1’: kies uit de keuzelijst: %2. Een vraag met eigen keuzes (ja of nee, een plaats) heeft haar eigen lijst."
      )
    case .stepExplain:
      return (
        "3. « %1 » : ce que vous faites pour y satisfaire (une mesure, une procédure, une clause du contrat). Pour « Non applicable », dites pourquoi.",
        "3. '%1': what you do to meet it (a measure, a procedure, a contract clause). For 'Not applicable', say why.",
        "3. ‘%1’: wat u doet om eraan te voldoen (een maatregel, een procedure, een contractbepaling). Bij ‘Niet van toepassing’: vermeld waarom."
      )
    case .stepEvidence:
      return (
        "4. « %1 » : le document qui le montre, avec sa version ou sa date (par exemple un rapport ISAE 3402 ou SOC 2 type II, un certificat ISO 27001, un article du contrat) ; « %2 » : le dernier jour de sa validité.",
        "4. '%1': the document that shows it, with its version or date (for instance an ISAE 3402 or SOC 2 type II report, an ISO 27001 certificate, a contract article); '%2': the last day it is valid.",
        "4. ‘%1’: het document dat het aantoont, met zijn versie of datum (bijvoorbeeld een ISAE 3402- of SOC 2 type II-rapport, een ISO 27001-certificaat, een contractartikel); ‘%2’: de laatste dag van zijn geldigheid."
      )
    case .stepColumns:
      return (
        "5. Vous pouvez ajouter, réordonner ou élargir des colonnes. Ne modifiez ni la colonne « %1 » ni la ligne 1, masquée : elles identifient les questions et les colonnes lors de la lecture de vos réponses.",
        "5. You may add, reorder or widen columns. Change neither the column '%1' nor row 1, which is hidden: they identify the questions and the columns when your answers are read back.",
        "5. U mag kolommen toevoegen, herschikken of verbreden. Wijzig noch de kolom ‘%1’ noch rij 1, die verborgen is: ze identificeren de vragen en de kolommen wanneer uw antwoorden worden ingelezen."
      )
    case .stepReturn:
      return (
        "6. Renvoyez ce classeur, au format .xlsx, à %1. Vos réponses sont vos déclarations : l'évaluateur les examine avec leurs preuves, elles ne deviennent pas ses conclusions d'elles-mêmes.",
        "6. Return this workbook, as .xlsx, to %1. Your answers are your statements: the assessor examines them with their evidence; they do not become the assessor's conclusions by themselves.",
        "6. Stuur deze werkmap terug, als .xlsx, naar %1. Uw antwoorden zijn uw verklaringen: de beoordelaar onderzoekt ze met hun bewijsstukken; ze worden niet vanzelf de conclusies van de beoordelaar."
      )
    case .returnToUnknown:
      return (
        "la personne qui vous l'a envoyé", "the person who sent it to you",
        "de persoon die ze u heeft bezorgd"
      )
    case .questionnaire: return ("Questionnaire", "Questionnaire", "Vragenlijst")
    case .questionnaireID:
      return ("Identifiant du questionnaire", "Questionnaire id", "Id van de vragenlijst")
    case .questionnaireVersion:
      return ("Version du questionnaire", "Questionnaire version", "Versie van de vragenlijst")
    case .questionnaireDigest:
      return (
        "Empreinte du questionnaire (SHA-256)", "Questionnaire digest (SHA-256)",
        "Vingerafdruk van de vragenlijst (SHA-256)"
      )
    case .session: return ("Session d'évaluation", "Assessment session", "Beoordelingssessie")
    case .exported: return ("Exporté le", "Exported on", "Geëxporteerd op")
    case .questionCount:
      return ("Questions à remplir", "Questions to answer", "Te beantwoorden vragen")
    case .idHeading: return ("Identifiant", "Id", "Id")
    case .sectionHeading: return ("Section", "Section", "Sectie")
    case .citationHeading: return ("Référence", "Reference", "Referentie")
    case .questionHeading: return ("Question", "Question", "Vraag")
    case .helpHeading: return ("Aide", "Help", "Hulp")
    case .answerHeading: return ("Votre réponse", "Your answer", "Uw antwoord")
    case .explanationHeading: return ("Explication", "Explanation", "Toelichting")
    case .evidenceHeading:
      return (
        "Preuve (document, version ou date)", "Evidence (document, version or date)",
        "Bewijsstuk (document, versie of datum)"
      )
    case .validUntilHeading:
      return (
        "Preuve valable jusqu'au (AAAA-MM-JJ)", "Evidence valid until (YYYY-MM-DD)",
        "Bewijsstuk geldig tot (JJJJ-MM-DD)"
      )
    case .remarksHeading: return ("Remarques", "Remarks", "Opmerkingen")
    case .exported1:
      return (
        "%1 question(s) pour le fournisseur écrite(s) dans %2 (session %3)",
        "%1 question(s) for the provider written to %2 (session %3)",
        "%1 vraag/vragen voor de leverancier weggeschreven in %2 (sessie %3)"
      )
    case .importRead:
      return (
        "%1 (SHA-256 %2…) : %3 réponse(s) du fournisseur lue(s) : %4 nouvelle(s), %5 modifiée(s) depuis l'import précédent, %6 inchangée(s) ; %7 question(s) laissée(s) sans réponse",
        "%1 (SHA-256 %2…): %3 provider answer(s) read: %4 new, %5 changed since the previous import, %6 unchanged; %7 question(s) left unanswered",
        "%1 (SHA-256 %2…): %3 antwoord(en) van de leverancier gelezen: %4 nieuw, %5 gewijzigd sinds de vorige import, %6 ongewijzigd; %7 vraag/vragen zonder antwoord gelaten"
      )
    case .importChanged:
      return (
        "Modifiées depuis l'import précédent (l'ancienne déclaration est conservée) : %1",
        "Changed since the previous import (the earlier claim is kept): %1",
        "Gewijzigd sinds de vorige import (de vorige verklaring blijft bewaard): %1"
      )
    case .importDryRun:
      return (
        "Essai (--dry-run) : rien n'a été écrit.", "Dry run (--dry-run): nothing was written.",
        "Test (--dry-run): er werd niets weggeschreven."
      )
    case .importNothing:
      return (
        "Rien de nouveau : la session est inchangée.", "Nothing new: the session is unchanged.",
        "Niets nieuws: de sessie is ongewijzigd."
      )
    case .importDone:
      return (
        "Les déclarations du fournisseur sont enregistrées dans la session ; elles ne deviennent pas vos réponses d'elles-mêmes.",
        "The provider's claims are recorded in the session; they do not become your answers by themselves.",
        "De verklaringen van de leverancier zijn in de sessie opgeslagen; ze worden niet vanzelf uw antwoorden."
      )
    case .importRefused:
      return (
        "%1 : %2 problème(s) ; rien n'a été importé, la session est inchangée",
        "%1: %2 problem(s); nothing was imported, the session is unchanged",
        "%1: %2 probleem/problemen; er werd niets geïmporteerd, de sessie is ongewijzigd"
      )
    case .deadlineNotADay:
      return (
        "--deadline « %1 » n'est pas une date ; écrivez-la AAAA-MM-JJ, par exemple 2027-01-15",
        "--deadline '%1' is not a date; write it as YYYY-MM-DD, e.g. 2027-01-15",
        "--deadline ‘%1’ is geen datum; schrijf ze als JJJJ-MM-DD, bv. 2027-01-15"
      )
    case .outputOntoSession:
      return (
        "--output %1 écraserait un fichier de la session (%2) : choisissez un autre fichier",
        "--output %1 would overwrite a file of the session (%2): choose another file",
        "--output %1 zou een bestand van de sessie overschrijven (%2): kies een ander bestand"
      )
    }
  }
}
