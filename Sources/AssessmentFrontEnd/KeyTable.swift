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

  /// Whether any typed character the table binds to nothing else does this too (a list closed
  /// by a typed key).
  public let anyOtherCharacter: Bool

  init(
    _ keys: [Key], _ action: Action, anyOtherCharacter: Bool = false,
    bar: (String, String, String)? = nil
  ) {
    self.keys = keys
    self.action = action
    self.anyOtherCharacter = anyOtherCharacter
    self.bar = bar
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
  case flag, plan, confirmCarried, help, search, nextMatch, goBack, contents, review, summary
  case finish, clear, save, quit
}

extension App {
  /// The question screen's keys. A digit or a sign on a number question starts typing the
  /// number before this table is read.
  public static let questionKeys: [KeyBinding<QuestionAction>] = [
    KeyBinding([.up, .character("k")], .highlightPrevious),
    KeyBinding([.down, .character("j")], .highlightNext),
    KeyBinding((1...9).map { .character(Character(String($0))) }, .pick),
    KeyBinding([.character(" ")], .toggle),
    KeyBinding([.enter], .confirm),
    KeyBinding([.left, .pageUp, .backTab], .previous),
    KeyBinding([.right, .pageDown], .next),
    KeyBinding([.tab], .note),
    KeyBinding([.character("e")], .evidence),
    KeyBinding([.character("f")], .flag),
    KeyBinding([.character("a")], .plan),
    KeyBinding([.character("c")], .confirmCarried),
    KeyBinding([.character("?"), .function(1)], .help),
    KeyBinding([.character("/")], .search),
    KeyBinding([.character("n")], .nextMatch),
    KeyBinding([.character("u")], .goBack),
    KeyBinding([.character("g")], .contents),
    KeyBinding([.character("r")], .review),
    KeyBinding([.character("S")], .summary),
    KeyBinding([.character("F")], .finish),
    KeyBinding([.character("x"), .delete, .backspace], .clear),
    KeyBinding([.character("s"), .control("s")], .save),
    KeyBinding([.character("q"), .function(10), .control("c")], .quit),
  ]
}

/// What a key does on the review (unanswered, flagged, unjustified N/A).
public enum ReviewAction: CaseIterable, Sendable {
  case previous, next, pageUp, pageDown, go, finish, summary, close, save, quit
}

/// What a key does on the risk summary; on a finished assessment's, see `finishedSummaryKeys`.
public enum SummaryAction: CaseIterable, Sendable {
  case previous, next, pageUp, pageDown, first, last, go, plan, reopen, close, save, quit
}

extension App {
  public static let reviewKeys: [KeyBinding<ReviewAction>] = [
    KeyBinding(
      [.up, .character("k")], .previous,
      bar: ("↑↓ PgPréc/PgSuiv choisir", "↑↓ PgUp/PgDn choose", "↑↓ PgUp/PgDn kiezen")),
    KeyBinding([.down, .character("j")], .next),
    KeyBinding([.pageUp], .pageUp),
    KeyBinding([.pageDown], .pageDown),
    KeyBinding(
      [.enter], .go,
      bar: ("Entrée aller à la question", "Enter go to question", "Enter naar vraag")),
    KeyBinding(
      [.character("F"), .character("f")], .finish, bar: ("F clôturer", "F finish", "F afronden")),
    KeyBinding([.character("S")], .summary, bar: ("S résumé", "S summary", "S samenvatting")),
    KeyBinding(
      [.escape, .left, .backspace, .character("r")], .close,
      bar: ("Échap retour", "Esc back", "Esc terug")),
    KeyBinding([.character("s"), .control("s")], .save),
    KeyBinding([.character("q"), .function(10), .control("c")], .quit),
  ]

  /// The summary's keys while the assessment is open.
  public static let summaryKeys: [KeyBinding<SummaryAction>] = [
    KeyBinding(
      [.up, .character("k")], .previous,
      bar: ("↑↓ PgPréc/PgSuiv défiler", "↑↓ PgUp/PgDn scroll", "↑↓ PgUp/PgDn scrollen")),
    KeyBinding([.down, .character("j")], .next),
    KeyBinding([.pageUp], .pageUp),
    KeyBinding([.pageDown, .character(" ")], .pageDown),
    KeyBinding([.home], .first),
    KeyBinding([.end], .last),
    KeyBinding(
      [.enter], .go,
      bar: ("Entrée aller à l'écart", "Enter go to gap", "Enter naar tekortkoming")),
    KeyBinding([.character("a")], .plan, bar: ("a plan d'action", "a action plan", "a actieplan")),
    KeyBinding(
      [.escape, .left, .character("S")], .close, bar: ("Échap retour", "Esc back", "Esc terug")),
    KeyBinding([.character("s"), .control("s")], .save),
    KeyBinding(
      [.character("q"), .function(10), .control("c")], .quit,
      bar: ("q quitter", "q quit", "q stoppen")),
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
      [.character("o")], .reopen,
      bar: ("o rouvrir l'évaluation", "o reopen the assessment", "o beoordeling heropenen")),
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
