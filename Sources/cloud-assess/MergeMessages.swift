import AssessmentCore
import Foundation

/// The messages of `merge` and `git-setup`, in French, English and Dutch (`%1`, `%2`... filled by
/// `format`).
enum MergeMessages: CaseIterable, TranslatedText {
  case answerConflicts, identificationConflict, gitSetupDone, gitSetupUnchanged, driverNotShared
  case fileWritten, fileUnchanged

  var translations: (String, String, String) {
    switch self {
    case .answerConflicts:
      return (
        "%1 : %2 modifiée(s) différemment des deux côtés : %3. Les deux réponses sont gardées dans la session ; choisissez dans l'assistant (cloud-assess resume %1), qui les montre d'abord, puis git add %1",
        "%1: %2 changed differently on both sides: %3. Both answers are kept in the session; choose in the wizard (cloud-assess resume %1), which shows them first, then git add %1",
        "%1: %2 aan beide kanten verschillend gewijzigd: %3. Beide antwoorden blijven in de sessie; kies in de wizard (cloud-assess resume %1), die ze eerst toont, en daarna git add %1"
      )
    case .identificationConflict:
      return (
        "%1 : le champ « %2 » de l'identification a été modifié des deux côtés : « %3 » est gardé, « %4 » reste dans l'historique de l'identification ; corrigez-le dans l'assistant s'il le faut, puis git add %1",
        "%1: the identification's field '%2' was changed on both sides: '%3' is kept, '%4' stays in the identification's history; correct it in the wizard if needed, then git add %1",
        "%1: het identificatieveld ‘%2’ is aan beide kanten gewijzigd: ‘%3’ blijft behouden, ‘%4’ blijft in de geschiedenis van de identificatie; verbeter het zo nodig in de wizard, en daarna git add %1"
      )
    case .gitSetupDone:
      return (
        "dépôt %1 : git fusionne désormais les fichiers de session du dossier %2 avec « %3 »",
        "repository %1: git now merges the session files in folder %2 with '%3'",
        "repository %1: git voegt de sessiebestanden in map %2 voortaan samen met ‘%3’"
      )
    case .gitSetupUnchanged:
      return (
        "dépôt %1 : déjà configuré, git fusionne les fichiers de session du dossier %2 avec « %3 »",
        "repository %1: already set up, git merges the session files in folder %2 with '%3'",
        "repository %1: al ingesteld, git voegt de sessiebestanden in map %2 samen met ‘%3’"
      )
    case .fileWritten: return ("écrit : %1", "written: %1", "geschreven: %1")
    case .fileUnchanged: return ("inchangé : %1", "unchanged: %1", "ongewijzigd: %1")
    case .driverNotShared:
      return (
        "git ne lit pas le pilote de fusion dans les fichiers validés, seulement dans la configuration de chaque dépôt : validez .gitattributes et .gitignore, et chaque personne lance cloud-assess git-setup une fois dans son clone (sinon git fusionne les sessions comme du texte ; docs/team.md)",
        "git does not read the merge driver from committed files, only from each repository's configuration: commit .gitattributes and .gitignore, and have each person run cloud-assess git-setup once in their clone (otherwise git merges the sessions as text; docs/team.md)",
        "git leest de samenvoegdriver (merge driver) niet uit gecommitte bestanden, alleen uit de configuratie van elke repository: commit .gitattributes en .gitignore, en laat iedereen cloud-assess git-setup één keer in de eigen kloon uitvoeren (anders voegt git de sessies als tekst samen; docs/team.md)"
      )
    }
  }
}

/// "1 answer", "3 answers".
enum MergeNoun {
  static func answers(_ count: Int, _ language: InterfaceLanguage) -> String {
    switch language {
    case .fr: return count == 1 ? "1 réponse" : "\(count) réponses"
    case .en: return count == 1 ? "1 answer" : "\(count) answers"
    case .nl: return count == 1 ? "1 antwoord" : "\(count) antwoorden"
    }
  }
}
