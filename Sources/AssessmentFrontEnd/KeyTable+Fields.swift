import AssessmentCore
import Foundation

/// What a key does while a text is typed (a note, an answer, a search, the identification form's
/// field): the keys the table binds; every other key is typed into the field (`type`).
public enum FieldAction: CaseIterable, Sendable {
  /// Typed into the field, or moves in it (the editor's keys the key bar names).
  case type
  /// Enter, and Tab on a derogation's field: hand the text over and go on.
  case confirm
  /// Esc (and Tab in a note): hand the text over and leave the field.
  case leave
  case save, quit
}

/// What a key does on the identification form (every key it does not bind is typed).
public enum FormAction: CaseIterable, Sendable {
  case type, nextField, previousField, confirm, about, quit
}

/// What a key does on the action plan form, no field being typed.
public enum PlanFormAction: CaseIterable, Sendable {
  case previous, next, edit, cycleStatus, status, close, save, quit
}

extension App {
  /// A note being typed: Enter makes a new line, Tab or Esc leaves.
  public static let noteKeys: [KeyBinding<FieldAction>] = [
    KeyBinding(
      [.enter], .type,
      bar: ("Note : Entrée nouvelle ligne", "Note: Enter new line", "Notitie: Enter nieuwe regel")),
    KeyBinding(
      [.left, .right, .up, .down], .type,
      bar: ("←→↑↓ déplacer", "←→↑↓ move", "←→↑↓ verplaatsen")),
    KeyBinding(
      [.tab, .escape], .leave,
      bar: ("Tab ou Échap terminer", "Tab or Esc done", "Tab of Esc klaar")),
    KeyBinding([.control("s")], .save),
    KeyBinding([.control("c"), .function(10)], .quit),
  ]

  /// A text answer or a derogation's field being typed (Tab is typed in a text answer).
  public static let textFieldKeys: [KeyBinding<FieldAction>] = [
    KeyBinding(
      [.enter], .confirm,
      bar: (
        "Entrée valider et suivante", "Enter confirm and next", "Enter bevestigen en volgende"
      )),
    KeyBinding(
      [.escape], .leave,
      bar: (
        "Échap quitter le champ (le texte est gardé)",
        "Esc leave the field (what is typed is kept)",
        "Esc veld verlaten (de tekst blijft bewaard)"
      )),
    KeyBinding([.control("s")], .save),
    KeyBinding([.control("c"), .function(10)], .quit),
  ]

  /// A derogation's field: Tab goes on to the next field, like Enter.
  public static let derogationFieldKeys: [KeyBinding<FieldAction>] =
    textFieldKeys.map { binding in
      binding.action == .confirm
        ? KeyBinding(binding.keys + [.tab], .confirm, bar: binding.bar) : binding
    }

  /// A number being typed: Esc keeps it only when it parses, and the key bar says so.
  public static let numberFieldKeys: [KeyBinding<FieldAction>] =
    textFieldKeys.map { binding in
      binding.action == .leave
        ? KeyBinding(
          binding.keys, .leave,
          bar: (
            "Échap quitter le champ (gardé si c'est un nombre, abandonné sinon)",
            "Esc leave the field (kept if it is a number, dropped otherwise)",
            "Esc veld verlaten (bewaard als het een getal is, anders niet)"
          )) : binding
    }

  /// A day being typed: Esc keeps it only when it is one, and the key bar says so.
  public static let dateFieldKeys: [KeyBinding<FieldAction>] =
    textFieldKeys.map { binding in
      binding.action == .leave
        ? KeyBinding(
          binding.keys, .leave,
          bar: (
            "Échap quitter le champ (gardé si c'est une date AAAA-MM-JJ, abandonné sinon)",
            "Esc leave the field (kept if it is a YYYY-MM-DD date, dropped otherwise)",
            "Esc veld verlaten (bewaard als het een datum JJJJ-MM-DD is, anders niet)"
          )) : binding
    }

  /// The search being typed (the prompt starts empty).
  public static let searchKeys: [KeyBinding<FieldAction>] = [
    KeyBinding([.enter], .confirm, bar: ("Entrée chercher", "Enter search", "Enter zoeken")),
    KeyBinding([.escape], .leave, bar: ("Échap annuler", "Esc cancel", "Esc annuleren")),
    KeyBinding([.control("c"), .function(10)], .quit),
  ]

  /// The identification form: Esc quits (nothing is asked before it is filled in).
  public static let formKeys: [KeyBinding<FormAction>] = [
    KeyBinding([.tab, .down], .nextField, bar: ("Tab/↑↓ champ", "Tab/↑↓ field", "Tab/↑↓ veld")),
    KeyBinding([.backTab, .up], .previousField),
    KeyBinding([.enter], .confirm, bar: ("Entrée suivant", "Enter next", "Enter volgende")),
    KeyBinding([.function(1)], .about),
    KeyBinding(
      [.escape, .control("c"), .function(10)], .quit,
      bar: ("Échap/Ctrl-C quitter", "Esc/Ctrl-C quit", "Esc/Ctrl-C stoppen")),
  ]

  /// The questionnaire's description whole (F1 from the identification form): every key it
  /// does not bind goes back to the form.
  public static let aboutKeys: [KeyBinding<HelpAction>] = [
    KeyBinding(
      [.up], .previous,
      bar: ("↑↓ PgPréc/PgSuiv défiler", "↑↓ PgUp/PgDn scroll", "↑↓ PgUp/PgDn scrollen")),
    KeyBinding([.down], .next),
    KeyBinding([.pageUp], .pageUp),
    KeyBinding([.pageDown], .pageDown),
    KeyBinding([.home], .first),
    KeyBinding([.end], .last),
    KeyBinding([.escape], .close, bar: ("Échap fermer", "Esc close", "Esc sluiten")),
    KeyBinding([.control("c"), .function(10)], .quit),
  ]

  /// The action plan form, no field being typed (a field being typed takes `textFieldKeys`'s
  /// keys: Enter and Tab hand it over and open the next one, Esc closes it).
  public static let planFormKeys: [KeyBinding<PlanFormAction>] = [
    KeyBinding(
      [.up, .character("k")], .previous, bar: ("↑↓ champ", "↑↓ field", "↑↓ veld"),
      help: ("choisir un champ", "choose a field", "een veld kiezen")),
    KeyBinding([.down, .character("j")], .next),
    KeyBinding(
      [.enter], .edit, bar: ("Entrée modifier", "Enter edit", "Enter wijzigen"),
      help: ("modifier le champ", "edit the field", "het veld wijzigen")),
    KeyBinding(
      [.character(" ")], .cycleStatus,
      help: ("statut suivant", "next status", "volgende status")),
    KeyBinding(
      (1...ActionStatus.allCases.count).map { .character(Character(String($0))) }, .status,
      bar: ("1-4 statut", "1-4 status", "1-4 status"),
      help: ("choisir le statut N", "pick status N", "status N kiezen")),
    KeyBinding(
      [.escape, .left, .character("a")], .close, bar: ("Échap retour", "Esc back", "Esc terug"),
      help: ("retour à la question", "back to the question", "terug naar de vraag")),
    KeyBinding(
      [.character("s"), .control("s")], .save, help: ("enregistrer", "save", "opslaan")),
    KeyBinding(
      [.character("q"), .function(10), .control("c")], .quit,
      help: ("quitter", "quit", "stoppen")),
  ]
}

/// What a key does on the evidence list (a reference is always being typed at its foot).
public enum EvidenceAction: CaseIterable, Sendable {
  case type, add, previous, next, remove, close, quit
  /// Tab: the next part of the record (reference, issued on, valid until), then a new one.
  case nextPart
  /// Ctrl-O: the path of a file to attach to the record.
  case attach
}

extension App {
  /// A field of the action plan being typed: Enter and Tab hand it over and open the next one.
  public static let planFieldKeys: [KeyBinding<FieldAction>] = [
    KeyBinding([.enter, .tab], .confirm),
    KeyBinding([.escape], .leave),
    KeyBinding([.control("c"), .function(10)], .quit),
  ]

  /// The evidence list: Enter adds the reference typed, ↑↓ select one, Delete removes the
  /// selected one (with none selected, it deletes in the reference being typed).
  public static let evidenceKeys: [KeyBinding<EvidenceAction>] = [
    KeyBinding([.enter], .add, bar: ("Entrée ajouter", "Enter add", "Enter toevoegen")),
    KeyBinding([.up], .previous, bar: ("↑↓ choisir", "↑↓ choose", "↑↓ kiezen")),
    KeyBinding([.down], .next),
    KeyBinding([.delete], .remove, bar: ("Suppr retirer", "Del remove", "Del verwijderen")),
    KeyBinding(
      [.tab], .nextPart, bar: ("Tab dates", "Tab dates", "Tab data"),
      help: (
        "dates de la preuve (délivrée le, valable jusqu'au), puis une nouvelle",
        "the evidence's dates (issued on, valid until), then a new one",
        "de data van het bewijsstuk (uitgereikt op, geldig tot), daarna een nieuw"
      )),
    KeyBinding(
      [.control("o")], .attach, bar: ("^O fichier", "^O file", "^O bestand"),
      help: (
        "joindre un fichier à la preuve (son SHA-256 est enregistré)",
        "attach a file to the evidence (its SHA-256 is recorded)",
        "een bestand bij het bewijsstuk voegen (de SHA-256 ervan wordt geregistreerd)"
      )),
    KeyBinding([.escape], .close, bar: ("Échap fermer", "Esc close", "Esc sluiten")),
    KeyBinding([.control("c"), .function(10)], .quit),
  ]
}
