import AssessmentCore
import Foundation

/// What a key does on management's decision form, no field being typed.
public enum SignOffFormAction: CaseIterable, Sendable {
  case previous, next, edit, cycleDecision, decision, close, quit
}

extension App {
  /// Management's decision form (`D` on the summary), no field being typed (a field being typed
  /// takes `textFieldKeys`'s keys: Enter hands it over and opens the next one, Esc closes it).
  /// Enter on the last row records the decision.
  public static let signOffFormKeys: [KeyBinding<SignOffFormAction>] = [
    KeyBinding(
      [.up, .character("k")], .previous, bar: ("↑↓ champ", "↑↓ field", "↑↓ veld"),
      help: ("choisir un champ", "choose a field", "een veld kiezen")),
    KeyBinding([.down, .character("j"), .tab], .next),
    KeyBinding(
      [.enter], .edit,
      bar: (
        "Entrée modifier / enregistrer", "Enter edit / record", "Enter wijzigen / registreren"
      ),
      help: (
        "modifier le champ, ou enregistrer la décision (dernière ligne)",
        "edit the field, or record the decision (last row)",
        "het veld wijzigen, of de beslissing registreren (laatste regel)"
      )),
    KeyBinding(
      [.character(" ")], .cycleDecision,
      bar: ("Espace décision", "Space decision", "Spatie beslissing"),
      help: ("décision suivante", "next decision", "volgende beslissing")),
    KeyBinding(
      [.character("1"), .character("2"), .character("3")], .decision,
      help: ("choisir la décision", "choose the decision", "de beslissing kiezen")),
    KeyBinding(
      [.escape, .left], .close, bar: ("Échap annuler", "Esc cancel", "Esc annuleren"),
      help: (
        "fermer sans enregistrer", "close without recording", "sluiten zonder te registreren"
      )),
    KeyBinding(
      [.control("c"), .function(10)], .quit, help: ("quitter", "quit", "stoppen")),
  ]
}
