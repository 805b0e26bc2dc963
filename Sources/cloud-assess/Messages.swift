import AssessmentCore
import Foundation

/// The command line's own messages (errors, warnings, notices), in French, English and Dutch.
/// `%1`, `%2`... are filled by `format`. The store's errors have theirs in `StoreError.message`.
enum Messages: CaseIterable {
  case needsTerminal, journalKept, lastSaveFailed, skipped, noSessions, outputOntoSession
  case templateUnreadable

  func text(_ language: InterfaceLanguage) -> String {
    let entry = Self.table[self] ?? ("", "", "")
    switch language {
    case .fr: return entry.0
    case .en: return entry.1
    case .nl: return entry.2
    }
  }

  /// The text with `%1`... replaced by the arguments, in one pass (an argument is never itself
  /// scanned for placeholders).
  func format(_ language: InterfaceLanguage, _ arguments: String...) -> String {
    var result = ""
    var characters = text(language)[...]
    while let character = characters.popFirst() {
      if character == "%", let digit = characters.first?.wholeNumberValue, digit >= 1,
        digit <= arguments.count
      {
        characters.removeFirst()
        result += arguments[digit - 1]
      } else {
        result.append(character)
      }
    }
    return result
  }

  static let table: [Messages: (String, String, String)] = [
    .outputOntoSession: (
      "refus d'écrire le rapport dans %1 : c'est un fichier de la session (%2) ; choisissez un autre --output",
      "refusing to write the report to %1: it is a file of the session (%2); choose another --output",
      "het rapport wordt niet naar %1 geschreven: dat is een bestand van de sessie (%2); kies een andere --output"
    ),
    .templateUnreadable: (
      "modèle %1 inutilisable : %2",
      "template %1 cannot be used: %2",
      "sjabloon %1 is onbruikbaar: %2"
    ),
    .needsTerminal: (
      "l'assistant a besoin d'un terminal (l'entrée et la sortie standard ne sont pas toutes deux des terminaux) ; sans terminal, utilisez 'cloud-assess list', 'cloud-assess summary SESSION' ou 'cloud-assess validate'",
      "the wizard needs a terminal (stdin and stdout are not both terminals); without one, use 'cloud-assess list', 'cloud-assess summary SESSION' or 'cloud-assess validate'",
      "de wizard heeft een terminal nodig (standaardinvoer en -uitvoer zijn niet allebei terminals); gebruik zonder terminal 'cloud-assess list', 'cloud-assess summary SESSION' of 'cloud-assess validate'"
    ),
    .journalKept: (
      "%1 ; toutes les réponses sont conservées dans %2, que la prochaine reprise intègre",
      "%1; every answer is kept in %2, which the next resume folds in",
      "%1; elk antwoord blijft bewaard in %2, dat de volgende hervatting verwerkt"
    ),
    .lastSaveFailed: (
      "le dernier enregistrement a échoué (%1) ; le fichier de session %2 contient les réponses jusqu'au dernier enregistrement réussi",
      "the last save failed (%1); the session file %2 holds the answers up to the last successful save",
      "de laatste opslag is mislukt (%1); het sessiebestand %2 bevat de antwoorden tot de laatste geslaagde opslag"
    ),
    .skipped: ("ignoré %1 : %2", "skipped %1: %2", "overgeslagen %1: %2"),
    .noSessions: (
      "Aucune session enregistrée dans %1. Commencez-en une avec 'cloud-assess new'.",
      "No saved sessions in %1. Start one with 'cloud-assess new'.",
      "Geen opgeslagen sessies in %1. Begin er een met 'cloud-assess new'."
    ),
  ]
}
