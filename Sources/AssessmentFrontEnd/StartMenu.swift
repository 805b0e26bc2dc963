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
    if offersNew { items.append((Phrase.startNew.text(language), "", .new)) }
    items += entries.map { ($0.title, $0.detail, .resume(path: $0.path)) }
    items.append((Phrase.startQuit.text(language), "", .quit))
    return items
  }

  /// Handles a key; returns the choice once one is made.
  public mutating func handle(_ key: Key) -> Choice? {
    switch key {
    case .up, .character("k"): selection = max(0, selection - 1)
    case .down, .character("j"): selection = min(items.count - 1, selection + 1)
    case .enter: return items[selection].2
    case .character("q"), .escape, .control("c"), .function(10): return .quit
    default: break
    }
    return nil
  }
}
