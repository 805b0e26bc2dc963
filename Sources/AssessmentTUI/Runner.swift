import AssessmentCore
import Foundation

/// Runs the wizard on a terminal: draws, reads keys, hands them to the ``App`` and performs the
/// effects. All decisions are the App's; this is the only place with a clock and I/O.
public final class Runner {
  let app: App
  let screen: Screen
  let terminal: Terminal
  /// Saves the session; returns an error message when it could not.
  let save: (WizardState) -> String?
  let clock: () -> Date
  let signal: () -> Int32?
  /// Runs `$VISUAL`/`$EDITOR` on a text (Ctrl-E), the terminal restored around it.
  let editor: ((String) -> ExternalEdit)?
  public private(set) var state: AppState
  /// The signal that ended the run, if one did.
  public private(set) var endedBySignal: Int32?
  /// What a signal made the wizard drop (a number that did not parse), for the caller to print.
  public private(set) var lostOnExit: String?

  public init(
    app: App, terminal: Terminal, state: AppState, save: @escaping (WizardState) -> String?,
    clock: @escaping () -> Date, signal: @escaping () -> Int32? = { nil },
    editor: ((String) -> ExternalEdit)? = nil
  ) {
    self.editor = editor
    self.app = app
    self.screen = Screen(app: app)
    self.terminal = terminal
    self.state = state
    self.save = save
    self.clock = clock
    self.signal = signal
  }

  /// Set when the terminal is lost without a signal.
  private var interruptedBy: Int32?
  /// SIGHUP's number (1 on every POSIX system), without importing the C library here.
  private let SIGHUP_NUMBER: Int32 = 1

  /// Loops until the wizard asks to exit (or a signal arrives, which saves first).
  public func run() {
    state.width = terminal.size.width
    state.height = terminal.size.height
    screen.draw(state, on: terminal)
    var quickEmptyReads = 0
    while true {
      // A terminal that went away without SIGHUP answers every read at once with nothing:
      // treat a long run of those as a hang-up rather than spinning.
      if quickEmptyReads > 200 { interruptedBy = SIGHUP_NUMBER }
      if let number = interruptedBy ?? signal() {
        endedBySignal = number
        // Whatever field is being edited is handed over before quitting.
        state.notice = nil
        _ = perform(app.interrupted(&state, now: clock()))
        lostOnExit = state.notice
        return
      }
      let started = Date()
      let key = terminal.readKey(timeoutMilliseconds: 250)
      quickEmptyReads = key == nil && Date().timeIntervalSince(started) < 0.01 ? quickEmptyReads + 1 : 0
      let resized = terminal.size.width != state.width || terminal.size.height != state.height
      state.width = terminal.size.width
      state.height = terminal.size.height
      let now = clock()
      var effects = key.map { app.handle(&state, $0, now: now) } ?? app.tick(&state, now: now)
      if let text = state.externalEdit {
        let outcome = editor?(text) ?? .failed("")
        effects += app.externalEditFinished(&state, outcome, now: clock())
        if editor == nil { state.notice = nil }
      }
      let exit = perform(effects)
      if key != nil || resized || !effects.isEmpty { screen.draw(state, on: terminal) }
      if exit { return }
    }
  }

  /// Performs effects in order; true when one asks to exit.
  private func perform(_ effects: [WizardEffect]) -> Bool {
    app.perform(effects, on: &state, save: save, now: clock).exit
  }
}

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
  var items: [(String, String, Choice)] {
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

  public func draw(on terminal: Terminal) {
    terminal.clear()
    terminal.hideCursor()
    let (width, height) = terminal.size
    if width < AppState.minimumWidth || height < AppState.minimumHeight {
      terminal.draw(row: height / 2, column: 0, Phrase.tooSmall.format(language, width, height), style: .bold)
      terminal.present()
      return
    }
    terminal.draw(row: 0, column: 0, String(repeating: " ", count: width), style: .reverse)
    terminal.draw(row: 0, column: 1, DisplayWidth.truncate(Phrase.startTitle.text(language), to: width - 2), style: TextStyle(bold: true, reverse: true))
    var row = 2
    let items = self.items
    let visible = height - 6
    let offset = selection >= visible ? selection - visible + 1 : 0
    if entries.isEmpty && offersNew {
      terminal.draw(row: height - 4, column: 2, Phrase.startNoSessions.text(language), style: .dim)
    }
    for (index, item) in items.enumerated().dropFirst(offset).prefix(visible) {
      let selected = index == selection
      let detailWidth = DisplayWidth.of(item.1)
      let title = DisplayWidth.pad((selected ? "› " : "  ") + item.0, to: width - 6 - detailWidth)
      terminal.draw(row: row, column: 2, title + "  " + item.1, style: selected ? .reverse : (index == 0 && offersNew ? .bold : .plain))
      if selected { terminal.placeCursor(row: row, column: 2) }
      row += 1
    }
    let keys = Phrase.footerStart.text(language)
    terminal.draw(row: height - 1, column: 0, String(repeating: " ", count: width), style: .reverse)
    terminal.draw(row: height - 1, column: 1, DisplayWidth.truncate(keys, to: width - 2), style: .reverse)
    terminal.present()
  }

  /// Shows the menu until a choice is made.
  public mutating func run(on terminal: Terminal, signal: () -> Int32? = { nil }) -> Choice {
    draw(on: terminal)
    while true {
      if signal() != nil { return .quit }
      guard let key = terminal.readKey(timeoutMilliseconds: 250) else { continue }
      if let choice = handle(key) { return choice }
      draw(on: terminal)
    }
  }
}
