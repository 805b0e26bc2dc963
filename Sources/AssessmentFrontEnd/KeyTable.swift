import Foundation

/// A key binding of a screen: the keys and what they do. A screen's bindings are one table, its
/// handler a function per action; the README's key table is checked against the tables
/// (`KeyTableTests`).
public struct KeyBinding<Action: Sendable>: Sendable {
  public let keys: [Key]
  public let action: Action

  init(_ keys: [Key], _ action: Action) {
    self.keys = keys
    self.action = action
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
