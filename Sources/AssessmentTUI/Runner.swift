import AssessmentCore
import AssessmentFrontEnd
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
  /// Records management's decision in the session (the summary's `D`).
  let recordSignOff: ((SignOffDraft) -> SignOffOutcome)?
  public private(set) var state: AppState
  /// The signal that ended the run, if one did.
  public private(set) var endedBySignal: Int32?
  /// What a signal made the wizard drop (a number that did not parse), for the caller to print.
  public private(set) var lostOnExit: String?

  public init(
    app: App, terminal: Terminal, state: AppState, save: @escaping (WizardState) -> String?,
    clock: @escaping () -> Date, signal: @escaping () -> Int32? = { nil },
    editor: ((String) -> ExternalEdit)? = nil,
    recordSignOff: ((SignOffDraft) -> SignOffOutcome)? = nil
  ) {
    self.editor = editor
    self.recordSignOff = recordSignOff
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
  private let sighupNumber: Int32 = 1

  /// Loops until the wizard asks to exit (or a signal arrives, which saves first).
  public func run() {
    state.width = terminal.size.width
    state.height = terminal.size.height
    screen.draw(state, on: terminal)
    var quickEmptyReads = 0
    while true {
      // A terminal that went away without SIGHUP answers every read at once with nothing:
      // treat a long run of those as a hang-up rather than spinning.
      if quickEmptyReads > 200 { interruptedBy = sighupNumber }
      if let number = interruptedBy ?? signal() {
        endedBySignal = number
        // Whatever field is being edited is handed over before quitting.
        state.notice = nil
        _ = perform(app.interrupted(&state, now: clock()).map(AppEffect.init))
        lostOnExit = state.notice
        return
      }
      let started = Date()
      let key = terminal.readKey(timeoutMilliseconds: 250)
      quickEmptyReads =
        key == nil && Date().timeIntervalSince(started) < 0.01 ? quickEmptyReads + 1 : 0
      let resized = terminal.size.width != state.width || terminal.size.height != state.height
      state.width = terminal.size.width
      state.height = terminal.size.height
      let now = clock()
      let effects =
        key.map { app.handle(&state, $0, now: now) }
        ?? app.tick(&state, now: now).map(AppEffect.init)
      let exit = perform(effects)
      if key != nil || resized || !effects.isEmpty { screen.draw(state, on: terminal) }
      if exit { return }
    }
  }

  /// Performs effects in order; true when one asks to exit. The editor (Ctrl-E) runs where its
  /// effect comes, and what it gave is handed to the App, whose effects follow.
  private func perform(_ effects: [AppEffect]) -> Bool {
    var exit = false
    var pending: [WizardEffect] = []
    for effect in effects {
      switch effect {
      case .save: pending.append(.save)
      case .exit: pending.append(.exit)
      case .editExternally(let text):
        exit = app.perform(pending, on: &state, save: save, now: clock).exit || exit
        pending = []
        let outcome = editor?(text) ?? .failed("")
        pending = app.externalEditFinished(&state, outcome, now: clock())
        if editor == nil { state.notice = nil }
      case .recordSignOff(let draft):
        // The saves before it first: the decision is taken on what is saved.
        exit = app.perform(pending, on: &state, save: save, now: clock).exit || exit
        pending = []
        if let recordSignOff { app.signOffFinished(&state, recordSignOff(draft)) }
      }
    }
    return app.perform(pending, on: &state, save: save, now: clock).exit || exit
  }
}
