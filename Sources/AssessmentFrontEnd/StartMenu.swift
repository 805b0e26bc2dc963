import AssessmentCore
import Foundation

/// The start screen: a new assessment, one of the saved ones, or quit.
public struct StartMenu: Equatable, Sendable {
  public struct Entry: Equatable, Sendable {
    public var path: String
    public var title: String
    public var detail: String

    public init(path: String, title: String, detail: String) {
      self.path = path
      self.title = title
      self.detail = detail
    }
  }

  public enum Choice: Equatable, Sendable {
    case new
    case resume(path: String)
    case quit
  }

  public var entries: [Entry]
  public var offersNew: Bool
  public var selection = 0
  public var language: InterfaceLanguage

  public init(entries: [Entry], offersNew: Bool = true, language: InterfaceLanguage) {
    self.entries = entries
    self.offersNew = offersNew
    self.language = language
  }

  /// The menu's items: new, the sessions, quit.
  public var items: [(String, String, Choice)] {
    var items: [(String, String, Choice)] = []
    if offersNew { items.append((FrontEndText.startNew.text(language), "", .new)) }
    items += entries.map { ($0.title, $0.detail, .resume(path: $0.path)) }
    items.append((FrontEndText.startQuit.text(language), "", .quit))
    return items
  }

  /// Handles a key; returns the choice once one is made.
  public mutating func handle(_ key: Key) -> Choice? {
    guard let action = Self.keys.action(for: key) else { return nil }
    switch action {
    case .previous: selection = max(0, selection - 1)
    case .next: selection = min(items.count - 1, selection + 1)
    case .open: return items[selection].2
    case .quit: return .quit
    }
    return nil
  }

  /// What a key does on the start screen.
  public enum Action: CaseIterable, Sendable {
    case previous, next, open, quit
  }

  public static let keys: [KeyBinding<Action>] = [
    KeyBinding([.up, .character("k")], .previous, bar: ("↑↓ choisir", "↑↓ choose", "↑↓ kiezen")),
    KeyBinding([.down, .character("j")], .next),
    KeyBinding([.enter], .open, bar: ("Entrée ouvrir", "Enter open", "Enter openen")),
    KeyBinding(
      [.character("q"), .escape, .control("c"), .function(10)], .quit,
      bar: ("q quitter", "q quit", "q stoppen")),
  ]
}
