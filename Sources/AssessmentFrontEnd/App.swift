import AssessmentCore
import Foundation
import SystemSupport

/// Turns keys into wizard events, and keeps the front end's own state. Pure: the runner gives it
/// keys and the time, and performs the effects it returns.
public struct App: Sendable {
  public let wizard: Wizard
  /// The assessment a re-assessment was carried from, as the store read it: its summary shows
  /// the changes since then, like `cloud-assess summary`.
  public var previous: PreviousSession?
  /// How often the field being typed is handed over (and so saved).
  public static let fieldHandOverInterval: TimeInterval = 3
  /// The SHA-256, in lowercase hexadecimal, of a regular file attached as evidence: a front end
  /// reads no file, so the program hands in how (`AssessmentStore`'s
  /// `EvidenceFiles.digest(ofFileAt:)`).
  public let fileDigest: @Sendable (String) throws(FileContents.Failure) -> String

  public init(
    questionnaire: Questionnaire,
    fileDigest: @escaping @Sendable (String) throws(FileContents.Failure) -> String
  ) {
    wizard = Wizard(questionnaire: questionnaire)
    self.fileDigest = fileDigest
  }

  var questionnaire: Questionnaire { wizard.questionnaire }

  /// A front-end state for a wizard state, with the form or the options set up.
  public func makeState(_ wizardState: WizardState, language: InterfaceLanguage) -> AppState {
    var state = AppState(wizard: wizardState, language: language)
    if wizardState.phase == .identification { openForm(&state, SessionMetadata.Field.allCases[0]) }
    syncOptionCursor(&state)
    openOnFirstConflict(&state)
    return state
  }

  /// Sends an event to the wizard, keeping the highlighted choice on the current answer when the
  /// question changes.
  @discardableResult
  public func send(_ state: inout AppState, _ event: WizardEvent) -> [WizardEffect] {
    let before = state.wizard.cursor
    let phaseBefore = state.wizard.phase
    let effects = wizard.reduce(&state.wizard, event)
    if state.wizard.cursor != before || state.wizard.phase != phaseBefore {
      syncOptionCursor(&state)
      state.listSelection = 0
      state.listOffset = 0
    }
    return effects
  }

  /// The highlight follows the recorded answer of a single choice; an unanswered question (and a
  /// multiple choice) has none, so that Enter never records an option nobody chose.
  func syncOptionCursor(_ state: inout AppState) {
    state.optionCursor = nil
    guard let question = wizard.current(state.wizard),
      case .choice(let id)? = state.wizard.answers[question.id]?.value
    else { return }
    state.optionCursor = question.choices(state.language, questionnaire).firstIndex { $0.id == id }
  }

  // MARK: - The field being edited

  /// Opens a field for editing; it is handed over from now on.
  func open(_ state: inout AppState, _ target: EditedField.Target, text: String, now: Date?) {
    state.field = EditedField(target, text: text)
    state.fieldHandedOverAt = now
  }

  func openForm(_ state: inout AppState, _ field: SessionMetadata.Field, now: Date? = nil) {
    open(&state, .identification(field), text: state.wizard.metadata[field], now: now)
  }

  /// Hands the field being edited to the wizard, whatever it is. Returns nil, with the field
  /// untouched, when its text cannot be handed over (a number that does not parse).
  @discardableResult
  public func handOver(_ state: inout AppState, now: Date) -> [WizardEffect]? {
    guard var field = state.field else { return [] }
    state.fieldHandedOverAt = now
    if field.isHandedOver { return [] }
    let question = wizard.current(state.wizard)
    let answer = question.flatMap { state.wizard.answers[$0.id] }
    switch field.handover(question: question, answer: answer, language: state.language, now: now) {
    case .nothing:
      return []
    case .invalid(let message):
      state.notice = message
      return nil
    case .attach(let index, let path):
      switch attach(&state, evidence: index, path: path, now: now) {
      case .success(let effects):
        field.handedOver = field.editor.text
        state.field = field
        return effects
      case .failure(let failure):
        state.notice = failure.message
        return nil
      }
    case .draft(let target, let text):
      state.signOffDraft[target] = text
      field.handedOver = field.editor.text
      state.field = field
      return []
    case .event(let event):
      let effects = send(&state, event)
      field.handedOver = field.editor.text
      if case .evidence(let index) = field.target, let question = wizard.current(state.wizard) {
        let count = state.wizard.answers[question.id]?.evidence.count ?? 0
        if index == nil, case .evidenceAdded = event { field.target = .evidence(index: count - 1) }
        if index != nil, field.editor.text.allSatisfy(\.isWhitespace) {
          field.target = .evidence(index: nil)
        }
      }
      state.field = field
      return effects
    }
  }

  /// Hands over and closes the field being edited. Nil when it cannot be handed over: the field
  /// stays open with a notice saying why.
  func leaveField(_ state: inout AppState, now: Date) -> [WizardEffect]? {
    guard let effects = handOver(&state, now: now) else { return nil }
    state.field = nil
    if state.wizard.phase == .questions { state.mode = .browsing }
    return effects
  }

  /// Quits after handing over the field being edited; refused (with the notice) while it holds
  /// a number that does not parse, which would otherwise be lost.
  func quit(_ state: inout AppState, now: Date) -> [WizardEffect] {
    guard let effects = handOver(&state, now: now) else {
      state.notice =
        (state.notice ?? "") + " — " + FrontEndText.invalidNumberOnQuit.text(state.language)
      return []
    }
    return effects + send(&state, .quitRequested)
  }

  /// What the editor started by Ctrl-E gave: its text replaces the field's (the final newlines,
  /// which editors add, removed) and is handed over at once; a failure leaves the text as it was
  /// and shows the message (written by whoever ran the editor, in the interface language).
  public func externalEditFinished(_ state: inout AppState, _ outcome: ExternalEdit, now: Date)
    -> [WizardEffect]
  {
    guard var field = state.field else { return [] }
    switch outcome {
    case .edited(var text):
      while text.hasSuffix("\n") { text.removeLast() }
      field.editor = TextEditor(text, multiline: field.editor.multiline, limit: field.editor.limit)
      state.field = field
      return handOver(&state, now: now) ?? []
    case .failed(let reason):
      state.notice = reason
      return []
    }
  }

  /// Called regularly: hands the field being typed to the wizard every few seconds.
  public func tick(_ state: inout AppState, now: Date) -> [WizardEffect] {
    state.now = now
    guard let field = state.field, !field.isHandedOver else { return [] }
    // A path is read when confirmed, not at every pause in its typing.
    if case .evidenceFile = field.target { return [] }
    if let last = state.fieldHandedOverAt, now.timeIntervalSince(last) < Self.fieldHandOverInterval
    {
      return []
    }
    let notice = state.notice
    defer { state.notice = notice }
    return handOver(&state, now: now) ?? []
  }

  /// The way out on a signal or a lost terminal: whatever can be handed over is, then the wizard
  /// quits. A number that does not parse cannot be kept; the notice then says what was lost.
  public func interrupted(_ state: inout AppState, now: Date) -> [WizardEffect] {
    var effects: [WizardEffect] = []
    if let handed = handOver(&state, now: now) {
      effects = handed
    } else if let field = state.field {
      state.notice = FrontEndText.notKept.format(state.language, field.editor.text)
    }
    state.field = nil
    return effects + send(&state, .quitRequested)
  }

  func isDerogationField(_ state: AppState) -> Bool {
    if case .derogation? = state.field?.target { return true }
    return false
  }

  /// Handles one key: what the runner must do next, in order.
  public func handle(_ state: inout AppState, _ key: Key, now: Date) -> [AppEffect] {
    state.notice = nil
    state.now = now
    if key == .control("e"), !state.isTooSmall, let text = externalEditText(state) {
      return [.editExternally(text)]
    }
    if case .signOff(let selection) = state.mode, !state.isTooSmall, key != .resize,
      state.wizard.phase == .summary || state.wizard.phase == .finished
    {
      return handleSignOff(&state, key, selection: selection, now: now)
    }
    return dispatch(&state, key, now: now).map(AppEffect.init)
  }

  /// The text Ctrl-E hands to `$VISUAL`/`$EDITOR`: a note or a text answer being edited (in the
  /// other fields, Ctrl-E moves to the end of the line).
  func externalEditText(_ state: AppState) -> String? {
    guard state.wizard.phase == .questions, let field = state.field else { return nil }
    switch (state.mode, field.target) {
    case (.editingNote, _), (.editingAnswer, .answer(.text)): return field.editor.text
    default: return nil
    }
  }

  private func dispatch(_ state: inout AppState, _ key: Key, now: Date) -> [WizardEffect] {
    if key == .resize { return [] }
    // Pasted text is typed into the field being edited, and changes nothing anywhere else.
    if case .paste = key {
      typeIntoField(&state, key)
      return []
    }
    if state.isTooSmall {
      // What was typed just before the terminal shrank still reaches the field being edited.
      switch key {
      case .character, .backspace, .delete:
        if typeIntoField(&state, key) { return [] }
      default:
        break
      }
      if isQuit(key) { return quit(&state, now: now) }
      return []
    }
    switch state.wizard.phase {
    case .identification: return handleForm(&state, key, now: now)
    case .questions: return handleQuestions(&state, key, now: now)
    case .review: return handleReview(&state, key)
    case .summary: return handleSummary(&state, key)
    case .finished:
      if case .plan(let selection) = state.mode {
        return handlePlan(&state, key, selection: selection, now: now)
      }
      return handleSummary(&state, key)
    }
  }

  /// Performs the effects of a reduce for a front end's runner, in order: one save at most (its
  /// outcome reported back to the wizard), and whether one asks to exit. `saveFailure` is the
  /// message of a save that failed, for a front end that shows it.
  public func perform(
    _ effects: [WizardEffect], on state: inout AppState, save: (WizardState) -> String?,
    now: () -> Date
  ) -> (exit: Bool, saveFailure: String?) {
    var exit = false
    var saved = false
    var failure: String?
    for effect in effects {
      switch effect {
      case .save:
        guard !saved else { continue }
        saved = true
        if let message = save(state.wizard) {
          failure = message
          send(&state, .saveFailed(message))
        } else {
          send(&state, .saveSucceeded(at: now()))
        }
      case .exit:
        exit = true
      }
    }
    return (exit, failure)
  }

  /// Applies an editing key to the text being typed (a field, the search): false when there is
  /// none.
  @discardableResult
  func typeIntoField(_ state: inout AppState, _ key: Key) -> Bool {
    if state.wizard.phase == .questions, case .searching(var editor) = state.mode {
      editor.apply(key)
      state.mode = .searching(editor)
      return true
    }
    guard state.field != nil else { return false }
    state.field?.editor.apply(key)
    if case .evidence = state.mode { state.mode = .evidence(selection: nil) }
    return true
  }

  func isQuit(_ key: Key) -> Bool {
    key == .control("c") || key == .function(10) || key == .character("q")
  }
}

/// What the runner must do after a key: the wizard's effects (save, exit) and the front end's
/// own (run an editor), in order.
public enum AppEffect: Equatable, Sendable {
  /// Persist the session now.
  case save
  /// Leave the wizard (after performing the effects before this one).
  case exit
  /// Run `$VISUAL`/`$EDITOR` on this text (Ctrl-E), then report with
  /// ``App/externalEditFinished(_:_:now:)``.
  case editExternally(String)
  /// Record management's decision in the session (after the saves before it), then report
  /// with ``App/signOffFinished(_:_:)``.
  case recordSignOff(SignOffDraft)

  public init(_ effect: WizardEffect) {
    switch effect {
    case .save: self = .save
    case .exit: self = .exit
    }
  }
}
