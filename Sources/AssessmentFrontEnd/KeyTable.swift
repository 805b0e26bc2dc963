import AssessmentCore
import Foundation

/// A key binding of a screen: the keys, what they do and what the screen's key bar says of them.
/// A screen's bindings are one table: its handler looks the key up and switches over the action
/// (a key not in the table does nothing), and its key bar is made of the table's `bar` texts; the
/// README's key table is checked against the tables (`KeyTableTests`).
public struct KeyBinding<Action: Sendable>: Sendable {
  public let keys: [Key]
  public let action: Action
  /// The key bar's words for these keys (key names, then what they do) in French, English and
  /// Dutch; nil for keys the bar leaves out (a synonym such as k and j, or keys named together
  /// with a neighbour's, as ↑↓ PgUp/PgDn).
  public let bar: (String, String, String)?
  /// The help's words for these keys (what they do) in French, English and Dutch; nil for keys
  /// the help names with the binding before (↓ j with ↑ k).
  public let help: (String, String, String)?

  /// Whether any typed character the table binds to nothing else does this too (a list closed
  /// by a typed key).
  public let anyOtherCharacter: Bool

  init(
    _ keys: [Key], _ action: Action, anyOtherCharacter: Bool = false,
    bar: (String, String, String)? = nil, help: (String, String, String)? = nil
  ) {
    self.keys = keys
    self.action = action
    self.anyOtherCharacter = anyOtherCharacter
    self.bar = bar
    self.help = help
  }
}

extension Array {
  /// The action a key is bound to in this table, if any.
  public func action<Action>(for key: Key) -> Action? where Element == KeyBinding<Action> {
    if let binding = first(where: { $0.keys.contains(key) }) { return binding.action }
    guard case .character = key else { return nil }
    return first { $0.anyOtherCharacter }?.action
  }

  /// The key bar this table makes: its bindings' bar texts in order, two spaces apart.
  public func keyBar<Action>(_ language: InterfaceLanguage) -> String
  where Element == KeyBinding<Action> {
    compactMap { binding in
      binding.bar.map { bar in
        switch language {
        case .fr: return bar.0
        case .en: return bar.1
        case .nl: return bar.2
        }
      }
    }.joined(separator: "  ")
  }
}

/// What a key does on the question screen (the options focused, nothing being typed).
public enum QuestionAction: CaseIterable, Sendable {
  case highlightPrevious, highlightNext, pick, toggle, confirm, previous, next, note, evidence
  case flag, plan, confirmCarried, takeClaim, help, search, nextMatch, goBack, contents, review
  case summary, finish, clear, save, quit, takeOurs, takeTheirs
}

extension App {
  /// The question screen's keys. A digit or a sign on a number question starts typing the
  /// number before this table is read.
  public static let questionKeys: [KeyBinding<QuestionAction>] = [
    KeyBinding(
      [.up, .character("k")], .highlightPrevious,
      help: (
        "mettre une option en évidence (aucune ne l'est sur une question sans réponse)",
        "highlight an option (none is on an unanswered question)",
        "een optie markeren (geen enkele bij een onbeantwoorde vraag)"
      )),
    KeyBinding([.down, .character("j")], .highlightNext),
    KeyBinding(
      (1...9).map { .character(Character(String($0))) }, .pick,
      help: (
        "choisir l'option N (choix multiple : la cocher ou la décocher) ; sur une question à nombre, un chiffre commence la saisie",
        "pick option N (multiple choice: tick or untick it); on a number question, a digit starts typing the number",
        "optie N kiezen (meerkeuze: aan- of uitvinken); bij een vraag naar een getal begint een cijfer het typen"
      )),
    KeyBinding(
      [.character(" ")], .toggle,
      help: (
        "cocher ou décocher l'option en évidence (choix multiple)",
        "tick or untick the highlighted option (multiple choice)",
        "de gemarkeerde optie aan- of uitvinken (meerkeuze)"
      )),
    KeyBinding(
      [.enter], .confirm,
      help: (
        "enregistrer l'option en évidence et passer à la suivante ; sans option en évidence, passer sans rien enregistrer ; sur une question à nombre, à texte ou de dérogation, saisir la réponse",
        "record the highlighted option and go to the next question; with none highlighted, move on without recording anything; on a number, text or derogation question, type the answer",
        "de gemarkeerde optie opslaan en naar de volgende vraag; zonder gemarkeerde optie verdergaan zonder iets op te slaan; bij een vraag naar een getal, een tekst of een afwijking het antwoord typen"
      )),
    KeyBinding(
      [.left, .pageUp, .backTab], .previous,
      help: ("question précédente", "previous question", "vorige vraag")),
    KeyBinding(
      [.right, .pageDown], .next, help: ("question suivante", "next question", "volgende vraag")),
    KeyBinding([.tab], .note, help: ("note", "note", "notitie")),
    KeyBinding([.character("e")], .evidence, help: ("preuves", "evidence", "bewijs")),
    KeyBinding(
      [.character("f")], .flag,
      help: ("marquer à revoir", "flag for review", "markeren om na te kijken")),
    KeyBinding(
      [.character("a")], .plan,
      help: (
        "plan d'action de l'écart (aussi depuis un écart du résumé)",
        "action plan of the gap (also from a gap in the summary)",
        "actieplan van de tekortkoming (ook vanuit een tekortkoming in de samenvatting)"
      )),
    KeyBinding(
      [.character("c")], .confirmCarried,
      help: (
        "confirmer une réponse reprise de l'an dernier (à revérifier)",
        "confirm an answer carried from last year (to re-verify)",
        "een antwoord van vorig jaar bevestigen (opnieuw te controleren)"
      )),
    KeyBinding(
      [.character("p")], .takeClaim,
      help: (
        "reprendre la réponse du fournisseur (de son classeur importé) comme votre réponse",
        "take the provider's answer (from its imported workbook) as yours",
        "het antwoord van de leverancier (uit de ingelezen werkmap) als uw antwoord overnemen"
      )),
    KeyBinding(
      [.character("o")], .takeOurs,
      help: (
        "conflit de fusion : garder notre réponse (celle de cette copie)",
        "merge conflict: keep our answer (this copy's)",
        "samenvoegconflict: ons antwoord behouden (dat van deze kopie)"
      )),
    KeyBinding(
      [.character("t")], .takeTheirs,
      help: (
        "conflit de fusion : prendre leur réponse (celle de l'autre copie) ; répondre autrement tranche aussi le conflit",
        "merge conflict: take their answer (the other copy's); answering anew settles it too",
        "samenvoegconflict: hun antwoord overnemen (dat van de andere kopie); een ander antwoord geven beslecht het conflict ook"
      )),
    KeyBinding(
      [.character("?"), .function(1)], .help,
      help: ("cette aide", "this help", "deze hulp")),
    KeyBinding([.character("/")], .search, help: ("chercher", "search", "zoeken")),
    KeyBinding(
      [.character("n")], .nextMatch,
      help: (
        "résultat suivant de la recherche", "next match of the search", "volgende zoekresultaat"
      )),
    KeyBinding(
      [.character("u")], .goBack,
      help: (
        "revenir là d'où vient le dernier saut", "go back to where the last jump came from",
        "terug naar waar de laatste sprong vandaan kwam"
      )),
    KeyBinding([.character("g")], .contents, help: ("sommaire", "contents", "inhoud")),
    KeyBinding(
      [.character("r")], .review,
      help: (
        "revue (sans réponse, marquées, N/A non justifiés)",
        "review (unanswered, flagged, unjustified N/A)",
        "nazicht (onbeantwoord, gemarkeerd, N.v.t. zonder verantwoording)"
      )),
    KeyBinding([.character("S")], .summary, help: ("résumé", "summary", "samenvatting")),
    KeyBinding(
      [.character("F")], .finish,
      help: ("clôturer l'évaluation", "finish the assessment", "de beoordeling afronden")),
    KeyBinding(
      [.character("x"), .delete, .backspace], .clear,
      help: ("effacer la réponse", "clear the answer", "het antwoord wissen")),
    KeyBinding(
      [.character("s"), .control("s")], .save, help: ("enregistrer", "save", "opslaan")),
    KeyBinding(
      [.character("q"), .function(10), .control("c")], .quit,
      help: ("quitter", "quit", "stoppen")),
  ]
}

/// What a key does on the review (unanswered, flagged, unjustified N/A).
public enum ReviewAction: CaseIterable, Sendable {
  case previous, next, pageUp, pageDown, go, finish, summary, close, save, quit
}

/// What a key does on the risk summary; on a finished assessment's, see `finishedSummaryKeys`.
public enum SummaryAction: CaseIterable, Sendable {
  case previous, next, pageUp, pageDown, first, last, go, plan, signOff, reopen, close, save, quit
}

extension App {
  public static let reviewKeys: [KeyBinding<ReviewAction>] = [
    KeyBinding(
      [.up, .character("k")], .previous,
      bar: ("↑↓ PgPréc/PgSuiv choisir", "↑↓ PgUp/PgDn choose", "↑↓ PgUp/PgDn kiezen"),
      help: ("choisir une question", "choose a question", "een vraag kiezen")),
    KeyBinding([.down, .character("j")], .next),
    KeyBinding([.pageUp], .pageUp),
    KeyBinding([.pageDown], .pageDown),
    KeyBinding(
      [.enter], .go,
      bar: ("Entrée aller à la question", "Enter go to question", "Enter naar vraag"),
      help: ("aller à la question", "go to the question", "naar de vraag gaan")),
    KeyBinding(
      [.character("F"), .character("f")], .finish, bar: ("F clôturer", "F finish", "F afronden"),
      help: ("clôturer l'évaluation", "finish the assessment", "de beoordeling afronden")),
    KeyBinding(
      [.character("S")], .summary, bar: ("S résumé", "S summary", "S samenvatting"),
      help: ("résumé", "summary", "samenvatting")),
    KeyBinding(
      [.escape, .left, .backspace, .character("r")], .close,
      bar: ("Échap retour", "Esc back", "Esc terug"),
      help: ("retour aux questions", "back to the questions", "terug naar de vragen")),
    KeyBinding(
      [.character("s"), .control("s")], .save, help: ("enregistrer", "save", "opslaan")),
    KeyBinding(
      [.character("q"), .function(10), .control("c")], .quit,
      help: ("quitter", "quit", "stoppen")),
  ]

  /// The summary's keys while the assessment is open.
  public static let summaryKeys: [KeyBinding<SummaryAction>] = [
    KeyBinding(
      [.up, .character("k")], .previous,
      bar: ("↑↓ PgPréc/PgSuiv défiler", "↑↓ PgUp/PgDn scroll", "↑↓ PgUp/PgDn scrollen"),
      help: (
        "choisir un écart, défiler", "choose a gap, scroll", "een tekortkoming kiezen, scrollen"
      )),
    KeyBinding([.down, .character("j")], .next),
    KeyBinding([.pageUp], .pageUp),
    KeyBinding([.pageDown, .character(" ")], .pageDown),
    KeyBinding([.home], .first),
    KeyBinding([.end], .last),
    KeyBinding(
      [.enter], .go,
      bar: ("Entrée aller à l'écart", "Enter go to gap", "Enter naar tekortkoming"),
      help: (
        "aller à la question de l'écart", "go to the gap's question",
        "naar de vraag van de tekortkoming gaan"
      )),
    KeyBinding(
      [.character("a")], .plan, bar: ("a plan d'action", "a action plan", "a actieplan"),
      help: ("plan d'action de l'écart", "action plan of the gap", "actieplan van de tekortkoming")),
    KeyBinding(
      [.character("D")], .signOff, bar: ("D décision", "D decision", "D beslissing"),
      help: (
        "décision de la direction", "management's decision", "beslissing van de directie"
      )),
    KeyBinding(
      [.escape, .left, .character("S")], .close, bar: ("Échap retour", "Esc back", "Esc terug"),
      help: ("retour aux questions", "back to the questions", "terug naar de vragen")),
    KeyBinding(
      [.character("s"), .control("s")], .save, help: ("enregistrer", "save", "opslaan")),
    KeyBinding(
      [.character("q"), .function(10), .control("c")], .quit,
      bar: ("q quitter", "q quit", "q stoppen"), help: ("quitter", "quit", "stoppen")),
  ]

  /// The summary's keys once the assessment is finished: o reopens it; Enter, Esc and S only say
  /// how (`close`, answered by a notice), since a finished assessment is reopened only on purpose.
  public static let finishedSummaryKeys: [KeyBinding<SummaryAction>] = [
    KeyBinding(
      [.up, .character("k")], .previous,
      bar: ("↑↓ PgPréc/PgSuiv défiler", "↑↓ PgUp/PgDn scroll", "↑↓ PgUp/PgDn scrollen")),
    KeyBinding([.down, .character("j")], .next),
    KeyBinding([.pageUp], .pageUp),
    KeyBinding([.pageDown, .character(" ")], .pageDown),
    KeyBinding([.home], .first),
    KeyBinding([.end], .last),
    KeyBinding([.enter], .go),
    KeyBinding(
      [.character("a")], .plan,
      bar: (
        "a plan d'action de l'écart", "a action plan of the gap",
        "a actieplan van de tekortkoming"
      )),
    KeyBinding(
      [.character("D")], .signOff, bar: ("D décision", "D decision", "D beslissing")),
    KeyBinding(
      [.character("o")], .reopen,
      bar: ("o rouvrir l'évaluation", "o reopen the assessment", "o beoordeling heropenen"),
      help: (
        "rouvrir l'évaluation clôturée", "reopen the finished assessment",
        "de afgeronde beoordeling heropenen"
      )),
    KeyBinding([.escape, .left, .character("S")], .close),
    KeyBinding([.character("s"), .control("s")], .save),
    KeyBinding(
      [.character("q"), .function(10), .control("c")], .quit,
      bar: ("q quitter", "q quit", "q stoppen")),
  ]
}

/// What a key does on the question's help.
public enum HelpAction: CaseIterable, Sendable {
  case previous, next, pageUp, pageDown, first, last, close, quit
}

/// What a key does on the table of contents.
public enum ContentsAction: CaseIterable, Sendable {
  case previous, next, pageUp, pageDown, first, last, go, close, quit
}

/// What a key does when asked whether to finish with questions unanswered.
public enum FinishAction: CaseIterable, Sendable {
  case confirm, decline
}

extension App {
  /// The question's help, scrolled; a typed key, Esc, Enter or ← closes it, other keys (function
  /// keys, Tab...) do not.
  public static let helpScreenKeys: [KeyBinding<HelpAction>] = [
    KeyBinding(
      [.up, .character("k")], .previous,
      bar: ("↑↓ PgPréc/PgSuiv défiler", "↑↓ PgUp/PgDn scroll", "↑↓ PgUp/PgDn scrollen")),
    KeyBinding([.down, .character("j")], .next),
    KeyBinding([.pageUp], .pageUp),
    KeyBinding([.pageDown, .character(" ")], .pageDown),
    KeyBinding([.home], .first),
    KeyBinding([.end], .last),
    KeyBinding(
      [.escape, .enter, .left, .backspace, .function(1)], .close, anyOtherCharacter: true,
      bar: ("Échap fermer", "Esc close", "Esc sluiten")),
    KeyBinding([.control("c"), .function(10)], .quit),
  ]

  /// The table of contents: closed by Esc, g again, ← or a typed key, not by other keys.
  public static let contentsKeys: [KeyBinding<ContentsAction>] = [
    KeyBinding(
      [.up, .character("k")], .previous,
      bar: ("↑↓ PgPréc/PgSuiv choisir", "↑↓ PgUp/PgDn choose", "↑↓ PgUp/PgDn kiezen")),
    KeyBinding([.down, .character("j")], .next),
    KeyBinding([.pageUp], .pageUp),
    KeyBinding([.pageDown], .pageDown),
    KeyBinding([.home], .first),
    KeyBinding([.end], .last),
    KeyBinding([.enter], .go, bar: ("Entrée aller", "Enter go", "Enter ga naar")),
    KeyBinding(
      [.escape, .left, .backspace], .close, anyOtherCharacter: true,
      bar: ("Échap fermer", "Esc close", "Esc sluiten")),
    KeyBinding([.control("c"), .function(10)], .quit),
  ]

  /// Finish with questions unanswered? Yes in each language's word (y, o for oui, j for ja);
  /// Esc, Enter, ← or another typed key for no. A function key or an arrow neither confirms nor
  /// dismisses the question. The question screen's key bar stays shown, the question itself in
  /// the notice line.
  public static let finishKeys: [KeyBinding<FinishAction>] = [
    KeyBinding("yYoOjJ".map { Key.character($0) }, .confirm),
    KeyBinding([.escape, .enter, .left, .backspace], .decline, anyOtherCharacter: true),
  ]
}

extension Key {
  /// How the README's key table names the key.
  public var readmeName: String {
    switch self {
    case .character(" "): return "Space"
    case .character(let character): return String(character)
    case .control(let character): return "Ctrl-" + character.uppercased()
    case .up: return "↑"
    case .down: return "↓"
    case .left: return "←"
    case .right: return "→"
    case .home: return "Home"
    case .end: return "End"
    case .pageUp: return "PgUp"
    case .pageDown: return "PgDn"
    case .enter: return "Enter"
    case .tab: return "Tab"
    case .backTab: return "Shift-Tab"
    case .backspace: return "Backspace"
    case .delete: return "Delete"
    case .escape: return "Esc"
    case .function(let number): return "F\(number)"
    case .resize: return "resize"
    case .paste: return "paste"
    }
  }
}
