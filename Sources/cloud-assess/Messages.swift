import AssessmentCore
import Foundation

/// The command line's own messages (errors, warnings, notices), in French, English and Dutch.
/// `%1`, `%2`... are filled by `format`. The store's errors have theirs in `StoreError.message`.
enum Messages: CaseIterable, TranslatedText {
  case journalKept, lastSaveFailed, skipped, noSessions, unknownTerminal, cursesMissing, nothingKept
  case editorMissing, editorFailed, outputOntoSession, templateUnreadable, xlsxNeedsOutput
  case questionnaireValid, oneProblemFound, problemsFound
  case listHeadings, listAnswered, listFinished
  case importWritten, importNothingWritten, importExists, importNotADirectory, importNoParent
  case importWriteFailed, importUnreadable, importBadLanguages

  var translations: (String, String, String) {
    switch self {
    case .unknownTerminal:
      return (
        "curses ne peut pas utiliser le terminal « %1 » (TERM) : l'assistant passe en mode texte (--plain)",
        "curses cannot use the terminal '%1' (TERM): the wizard runs in plain mode (--plain)",
        "curses kan de terminal ‘%1’ (TERM) niet gebruiken: de wizard draait in tekstmodus (--plain)"
      )
    case .cursesMissing:
      return (
        "la bibliothèque ncursesw est introuvable : l'assistant passe en mode texte (--plain) ; installez-la (paquet libncursesw6) pour le plein écran",
        "the ncursesw library cannot be found: the wizard runs in plain mode (--plain); install it (package libncursesw6) for the full screen",
        "de bibliotheek ncursesw is niet gevonden: de wizard draait in tekstmodus (--plain); installeer ze (pakket libncursesw6) voor het volledige scherm"
      )
    case .nothingKept:
      return (
        "rien n'a été saisi : aucune session n'a été conservée",
        "nothing was entered: no session was kept",
        "er werd niets ingevuld: er werd geen sessie bewaard"
      )
    case .editorMissing:
      return (
        "ni VISUAL ni EDITOR ne désigne un éditeur : le texte est inchangé",
        "neither VISUAL nor EDITOR names an editor: the text is unchanged",
        "VISUAL noch EDITOR wijst een editor aan: de tekst blijft ongewijzigd"
      )
    case .editorFailed:
      return (
        "l'éditeur a échoué (%2) : le texte est inchangé (éditeur : %1)",
        "the editor failed (%2); the text is unchanged (editor: %1)",
        "de editor is mislukt (%2); de tekst blijft ongewijzigd (editor: %1)"
      )
    case .outputOntoSession:
      return (
        "refus d'écrire le rapport dans %1 : c'est un fichier de la session (%2) ; choisissez un autre --output",
        "refusing to write the report to %1: it is a file of the session (%2); choose another --output",
        "het rapport wordt niet naar %1 geschreven: dat is een bestand van de sessie (%2); kies een andere --output"
      )
    case .xlsxNeedsOutput:
      return (
        "--format xlsx écrit un classeur (un fichier binaire) : donnez le fichier avec --output, par exemple --output evaluation.xlsx",
        "--format xlsx writes a workbook (a binary file): give the file with --output, for example --output assessment.xlsx",
        "--format xlsx schrijft een werkmap (een binair bestand): geef het bestand met --output, bijvoorbeeld --output beoordeling.xlsx"
      )
    case .templateUnreadable:
      return (
        "modèle %1 inutilisable : %2",
        "template %1 cannot be used: %2",
        "sjabloon %1 is onbruikbaar: %2"
      )
    case .journalKept:
      return (
        "%1 ; toutes les réponses sont conservées dans %2, que la prochaine reprise intègre",
        "%1; every answer is kept in %2, which the next resume folds in",
        "%1; elk antwoord blijft bewaard in %2, dat de volgende hervatting verwerkt"
      )
    case .lastSaveFailed:
      return (
        "le dernier enregistrement a échoué (%1) ; le fichier de session %2 contient les réponses jusqu'au dernier enregistrement réussi",
        "the last save failed (%1); the session file %2 holds the answers up to the last successful save",
        "de laatste opslag is mislukt (%1); het sessiebestand %2 bevat de antwoorden tot de laatste geslaagde opslag"
      )
    case .skipped: return ("ignoré %1 : %2", "skipped %1: %2", "overgeslagen %1: %2")
    case .questionnaireValid:
      return (
        "%1 : valide — %2 %3, %4, %5, langues %6",
        "%1: valid — %2 %3, %4, %5, languages %6",
        "%1: geldig — %2 %3, %4, %5, talen %6"
      )
    case .importWritten:
      return (
        "questionnaire %2 %3 écrit dans %1 : %4, %5, langues %6. Vérifiez-le avec « cloud-assess validate %1 », parcourez-le avec « cloud-assess new --questionnaire %1 »",
        "questionnaire %2 %3 written to %1: %4, %5, languages %6. Check it with 'cloud-assess validate %1', walk it with 'cloud-assess new --questionnaire %1'",
        "vragenlijst %2 %3 weggeschreven in %1: %4, %5, talen %6. Controleer ze met ‘cloud-assess validate %1’, doorloop ze met ‘cloud-assess new --questionnaire %1’"
      )
    case .importNothingWritten:
      return (
        "rien n'a été écrit dans %1 : corrigez la bibliothèque ou donnez-en une autre",
        "nothing was written to %1: correct the library or give another one",
        "er werd niets weggeschreven in %1: verbeter de bibliotheek of geef een andere"
      )
    case .importExists:
      return (
        "%1 existe déjà : choisissez un autre --output, ou ajoutez --force pour le remplacer",
        "%1 already exists: choose another --output, or add --force to replace it",
        "%1 bestaat al: kies een andere --output, of voeg --force toe om het te vervangen"
      )
    case .importNotADirectory:
      return (
        "%1 existe et n'est pas un dossier : il n'est jamais remplacé ; choisissez un autre --output",
        "%1 exists and is not a directory: it is never replaced; choose another --output",
        "%1 bestaat en is geen map: het wordt nooit vervangen; kies een andere --output"
      )
    case .importNoParent:
      return (
        "le dossier %1, qui contiendrait le questionnaire, n'existe pas : créez-le d'abord",
        "the directory %1, which would hold the questionnaire, does not exist: create it first",
        "de map %1, die de vragenlijst zou bevatten, bestaat niet: maak ze eerst aan"
      )
    case .importWriteFailed:
      return (
        "impossible d'écrire %1 (%2) : la sortie est restée telle quelle",
        "cannot write %1 (%2): the output was left as it was",
        "kan %1 niet schrijven (%2): de uitvoer bleef zoals ze was"
      )
    case .importUnreadable:
      return (
        "impossible de lire la bibliothèque %1 : %2", "cannot read the library %1: %2",
        "kan de bibliotheek %1 niet lezen: %2"
      )
    case .importBadLanguages:
      return (
        "--lang « %1 » : donnez des codes de langue séparés par des virgules, chacun une fois, p. ex. --lang fr,nl,en",
        "--lang '%1': give language codes separated by commas, each once, e.g. --lang fr,nl,en",
        "--lang ‘%1’: geef taalcodes gescheiden door komma's, elk één keer, bv. --lang fr,nl,en"
      )
    case .oneProblemFound: return ("1 problème trouvé", "1 problem found", "1 probleem gevonden")
    case .problemsFound:
      return ("%1 problèmes trouvés", "%1 problems found", "%1 problemen gevonden")
    // `list`'s columns, tab-separated: id, provider, service, progress, verdict, open, overdue,
    // expired evidence, last change.
    case .listHeadings:
      return (
        "ID\tFOURNISSEUR\tSERVICE\tAVANCEMENT\tVERDICT\tOUVERTES\tEN RETARD\tPREUVES EXPIRÉES"
          + "\tDERNIÈRE MODIFICATION\tDÉCISION",
        "ID\tPROVIDER\tSERVICE\tPROGRESS\tVERDICT\tOPEN\tOVERDUE\tEXPIRED EVIDENCE\tLAST CHANGE"
          + "\tDECISION",
        "ID\tAANBIEDER\tDIENST\tVOORTGANG\tOORDEEL\tOPEN\tACHTERSTALLIG\tVERVALLEN BEWIJS"
          + "\tLAATSTE WIJZIGING\tBESLISSING"
      )
    case .listAnswered: return ("%1 répondues", "%1 answered", "%1 beantwoord")
    case .listFinished: return ("%1 (clôturée)", "%1 (finished)", "%1 (afgerond)")
    case .noSessions:
      return (
        "Aucune session enregistrée dans %1. Commencez-en une avec 'cloud-assess new'.",
        "No saved sessions in %1. Start one with 'cloud-assess new'.",
        "Geen opgeslagen sessies in %1. Begin er een met 'cloud-assess new'."
      )
    }
  }
}
