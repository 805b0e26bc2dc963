import AssessmentCore
import Foundation
import QuestionnaireFormat

/// A problem found in a questionnaire file, located by file, line and column (1-based): the
/// reader's own type.
public typealias QuestionnaireProblem = FormatProblem

/// Every error of the store, with the text the user sees in each interface language
/// (`message(_:)`; `errorDescription` is the English one).
public enum StoreError: Error, Equatable, LocalizedError {
  case questionnaireInvalid([QuestionnaireProblem])
  case questionnaireUnreadable(path: String, reason: String)
  case unknownQuestionnaire(String, known: [String])
  case sessionNotFound(String, directory: String)
  case sessionUnreadable(path: String, reason: String)
  case sessionCorrupt(path: String, reason: String)
  case sessionFromTheFuture(path: String, version: Int, supported: Int)
  /// Git merged the session as text (its merge driver not configured) and left its conflict
  /// markers in it.
  case sessionHasConflictMarkers(path: String)
  case sessionLocked(path: String, holder: String)
  case invalidSessionID(String)
  case notARegularFile(path: String)
  case writeFailed(path: String, reason: String)
  /// `--questionnaire` named another questionnaire than the session's; `pass` is the value that
  /// works (the recorded file, or the built-in id), nil when neither is known.
  case questionnaireMismatch(path: String, expected: String, found: String, pass: String?)
  /// The session records the file of its questionnaire, and no file is there any more.
  case questionnaireFileMissing(path: String, id: String, file: String)
  /// The file the session records now holds another questionnaire.
  case questionnaireFileReplaced(path: String, id: String, file: String, found: String)
  /// The session's questionnaire is not built in and the session does not record its file.
  case questionnaireNotRecorded(path: String, id: String)

  public var errorDescription: String? { message(.en) }

  /// The message in an interface language.
  public func message(_ language: InterfaceLanguage) -> String {
    let pick = language.pick
    switch self {
    case .questionnaireInvalid(let problems):
      let count = problems.count
      return pick(
        "le questionnaire a \(count) problème\(count == 1 ? "" : "s") :",
        "the questionnaire has \(count) problem\(count == 1 ? "" : "s"):",
        "de vragenlijst heeft \(count) probleem\(count == 1 ? "" : "en"):")
        + "\n" + problems.map { "  \($0)" }.joined(separator: "\n")
    case .questionnaireUnreadable(let path, let reason):
      return pick(
        "impossible de lire le questionnaire \(path) : \(reason)",
        "cannot read the questionnaire \(path): \(reason)",
        "kan de vragenlijst \(path) niet lezen: \(reason)")
    case .unknownQuestionnaire(let id, let known):
      let list = known.joined(separator: ", ")
      return pick(
        "aucun questionnaire intégré « \(id) » ni fichier de ce nom ; intégrés : \(list) (ou donnez le chemin d'un fichier YAML)",
        "no built-in questionnaire '\(id)' and no such file; built-in: \(list) (or give the path of a YAML file)",
        "geen ingebouwde vragenlijst ‘\(id)’ en geen bestand met die naam; ingebouwd: \(list) (of geef het pad van een YAML-bestand)"
      )
    case .sessionNotFound(let name, let directory):
      return pick(
        "aucune session « \(name) » dans \(directory) ; 'cloud-assess list' montre les sessions enregistrées",
        "no session '\(name)' in \(directory); 'cloud-assess list' shows the saved sessions",
        "geen sessie ‘\(name)’ in \(directory); 'cloud-assess list' toont de opgeslagen sessies")
    case .sessionUnreadable(let path, let reason):
      return pick(
        "impossible de lire la session \(path) : \(reason)",
        "cannot read the session \(path): \(reason)",
        "kan de sessie \(path) niet lezen: \(reason)")
    case .sessionCorrupt(let path, let reason):
      if path.hasSuffix(".journal") {
        let session = String(path.dropLast(8)) + ".json"
        return pick(
          "le journal de session \(path) est endommagé : \(reason). Les deux fichiers sont restés intacts ; mettre le journal de côté rouvre \(session) tel qu'à son dernier enregistrement complet (les premières lignes du journal contiennent les réponses plus récentes)",
          "the session journal \(path) is damaged: \(reason). Both files were left untouched; moving the journal aside reopens \(session) as of its last full save (the journal's earlier lines hold the later answers)",
          "het sessiejournaal \(path) is beschadigd: \(reason). Beide bestanden zijn onaangeroerd gelaten; het journaal opzijzetten heropent \(session) zoals bij de laatste volledige opslag (de eerdere regels van het journaal bevatten de latere antwoorden)"
        )
      }
      return pick(
        "le fichier de session \(path) est endommagé : \(reason). Il est resté intact ; restaurez-le depuis une sauvegarde ou commencez une nouvelle session",
        "the session file \(path) is damaged: \(reason). It was left untouched; restore it from a backup or start a new session",
        "het sessiebestand \(path) is beschadigd: \(reason). Het is onaangeroerd gelaten; zet het terug uit een back-up of begin een nieuwe sessie"
      )
    case .sessionFromTheFuture(let path, let version, let supported):
      return pick(
        "le fichier de session \(path) a le schemaVersion \(version), plus récent que ce que ce cloud-assess comprend (\(supported)) ; mettez cloud-assess à jour pour l'ouvrir. Le fichier est resté intact",
        "the session file \(path) has schemaVersion \(version), newer than this cloud-assess understands (\(supported)); upgrade cloud-assess to open it. The file was left untouched",
        "het sessiebestand \(path) heeft schemaVersion \(version), nieuwer dan deze cloud-assess begrijpt (\(supported)); werk cloud-assess bij om het te openen. Het bestand is onaangeroerd gelaten"
      )
    case .sessionHasConflictMarkers(let path):
      return pick(
        "le fichier de session \(path) contient des marques de conflit de git (<<<<<<<) : git l'a fusionné comme du texte, car le pilote de fusion de cloud-assess n'est pas configuré sur cette machine. Il est resté intact. Pour réparer : cloud-assess git-setup, puis git checkout -m \(path) refait la fusion avec le pilote (docs/team.md)",
        "the session file \(path) holds git's conflict markers (<<<<<<<): git merged it as text because cloud-assess's merge driver is not configured on this machine. It was left untouched. To repair: cloud-assess git-setup, then git checkout -m \(path) merges it again with the driver (docs/team.md)",
        "het sessiebestand \(path) bevat conflictmarkeringen van git (<<<<<<<): git heeft het als tekst samengevoegd omdat de samenvoegdriver (merge driver) van cloud-assess op deze machine niet ingesteld is. Het is onaangeroerd gelaten. Herstellen: cloud-assess git-setup, daarna voegt git checkout -m \(path) het opnieuw samen met de driver (docs/team.md)"
      )
    case .sessionLocked(let path, let holder):
      return pick(
        "la session \(path) est ouverte dans un autre cloud-assess (\(holder)) ; fermez d'abord celui-là",
        "the session \(path) is open in another cloud-assess (\(holder)); close that one first",
        "de sessie \(path) is geopend in een andere cloud-assess (\(holder)); sluit die eerst")
    case .invalidSessionID(let id):
      return pick(
        "« \(id) » n'est pas un identifiant de session valide : lettres, chiffres, '-' et '_' seulement (ou donnez le chemin d'un fichier de session)",
        "'\(id)' is not a valid session id: use letters, digits, '-' and '_' only (or give the path of a session file)",
        "‘\(id)’ is geen geldige sessie-id: gebruik alleen letters, cijfers, '-' en '_' (of geef het pad van een sessiebestand)"
      )
    case .notARegularFile(let path):
      return pick(
        "\(path) n'est pas un fichier ordinaire (un lien symbolique ou un répertoire) ; cloud-assess ne le suit ni ne le remplace",
        "\(path) is not a regular file (a symbolic link or a directory); cloud-assess neither follows nor replaces it",
        "\(path) is geen gewoon bestand (een symbolische koppeling of een map); cloud-assess volgt noch vervangt het"
      )
    case .writeFailed(let path, let reason):
      return pick(
        "impossible d'enregistrer \(path) : \(reason)",
        "could not save \(path): \(reason)",
        "kon \(path) niet opslaan: \(reason)")
    case .questionnaireMismatch(let path, let expected, let found, let pass):
      guard let pass else {
        return pick(
          "la session \(path) a été faite avec le questionnaire « \(expected) », pas « \(found) » ; ouvrez-la avec --questionnaire suivi du chemin du fichier YAML de « \(expected) »",
          "the session \(path) was made with the questionnaire '\(expected)', not '\(found)'; open it with --questionnaire and the path of the YAML file of '\(expected)'",
          "de sessie \(path) is gemaakt met de vragenlijst ‘\(expected)’, niet ‘\(found)’; open ze met --questionnaire en het pad van het YAML-bestand van ‘\(expected)’"
        )
      }
      return pick(
        "la session \(path) a été faite avec le questionnaire « \(expected) », pas « \(found) » ; ouvrez-la avec --questionnaire \(pass) (ou sans --questionnaire)",
        "the session \(path) was made with the questionnaire '\(expected)', not '\(found)'; open it with --questionnaire \(pass) (or without --questionnaire)",
        "de sessie \(path) is gemaakt met de vragenlijst ‘\(expected)’, niet ‘\(found)’; open ze met --questionnaire \(pass) (of zonder --questionnaire)"
      )
    case .questionnaireFileMissing(let path, let id, let file):
      return pick(
        "la session \(path) a été faite avec le questionnaire « \(id) » du fichier \(file), qui n'existe plus (déplacé ou supprimé ?) ; donnez son nouvel emplacement avec --questionnaire NOUVEAU-CHEMIN (la session le retient ensuite)",
        "the session \(path) was made with the questionnaire '\(id)' from \(file), which no longer exists (moved or deleted?); give its new place with --questionnaire NEW-PATH (the session then remembers it)",
        "de sessie \(path) is gemaakt met de vragenlijst ‘\(id)’ uit \(file), dat niet meer bestaat (verplaatst of verwijderd?); geef de nieuwe plaats met --questionnaire NIEUW-PAD (de sessie onthoudt die daarna)"
      )
    case .questionnaireFileReplaced(let path, let id, let file, let found):
      return pick(
        "la session \(path) a été faite avec le questionnaire « \(id) » du fichier \(file), qui contient maintenant le questionnaire « \(found) » ; donnez le fichier de « \(id) » avec --questionnaire CHEMIN",
        "the session \(path) was made with the questionnaire '\(id)' from \(file), which now holds the questionnaire '\(found)'; give the file of '\(id)' with --questionnaire PATH",
        "de sessie \(path) is gemaakt met de vragenlijst ‘\(id)’ uit \(file), dat nu de vragenlijst ‘\(found)’ bevat; geef het bestand van ‘\(id)’ met --questionnaire PAD"
      )
    case .questionnaireNotRecorded(let path, let id):
      return pick(
        "la session \(path) a été faite avec le questionnaire « \(id) », qui n'est pas intégré, et elle ne retient pas son fichier (session antérieure à cette version) ; donnez le fichier YAML avec --questionnaire CHEMIN (la session le retient ensuite)",
        "the session \(path) was made with the questionnaire '\(id)', which is not built in, and it does not record its file (a session older than this version); give the YAML file with --questionnaire PATH (the session then remembers it)",
        "de sessie \(path) is gemaakt met de vragenlijst ‘\(id)’, die niet ingebouwd is, en ze onthoudt het bestand niet (een sessie ouder dan deze versie); geef het YAML-bestand met --questionnaire PAD (de sessie onthoudt het daarna)"
      )
    }
  }
}
