import AssessmentCore
import Foundation

/// Turns keys into wizard events, and keeps the front end's own state. Pure: the runner gives it
/// keys and the time, and performs the effects it returns.
public struct App: Sendable {
  public let wizard: Wizard
  /// The assessment a re-assessment was carried from, as the store read it: its summary shows
  /// the changes since then, like `cloud-assess summary`.
  public var previous: PreviousSession?
  /// How often the field being typed is handed over (and so saved).
  public static let fieldHandOverInterval: TimeInterval = 3

  public init(questionnaire: Questionnaire) {
    wizard = Wizard(questionnaire: questionnaire)
  }

  var questionnaire: Questionnaire { wizard.questionnaire }

  /// A front-end state for a wizard state, with the form or the options set up.
  public func makeState(_ wizardState: WizardState, language: InterfaceLanguage) -> AppState {
    var state = AppState(wizard: wizardState, language: language)
    if wizardState.phase == .identification { openForm(&state, SessionMetadata.Field.allCases[0]) }
    syncOptionCursor(&state)
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
  private func syncOptionCursor(_ state: inout AppState) {
    state.optionCursor = nil
    guard let question = wizard.current(state.wizard),
      case .choice(let id)? = state.wizard.answers[question.id]?.value
    else { return }
    state.optionCursor = question.choices(state.language, questionnaire).firstIndex { $0.id == id }
  }

  // MARK: - The field being edited

  /// Opens a field for editing; it is handed over from now on.
  private func open(_ state: inout AppState, _ target: EditedField.Target, text: String, now: Date?) {
    state.field = EditedField(target, text: text)
    state.fieldHandedOverAt = now
  }

  private func openForm(_ state: inout AppState, _ field: SessionMetadata.Field, now: Date? = nil) {
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
    case .event(let event):
      let effects = send(&state, event)
      field.handedOver = field.editor.text
      if case .evidence(let index) = field.target, let question = wizard.current(state.wizard) {
        let count = state.wizard.answers[question.id]?.evidence.count ?? 0
        if index == nil, case .evidenceAdded = event { field.target = .evidence(index: count - 1) }
        if index != nil, field.editor.text.allSatisfy(\.isWhitespace) { field.target = .evidence(index: nil) }
      }
      state.field = field
      return effects
    }
  }

  /// Hands over and closes the field being edited. Nil when it cannot be handed over: the field
  /// stays open with a notice saying why.
  private func leaveField(_ state: inout AppState, now: Date) -> [WizardEffect]? {
    guard let effects = handOver(&state, now: now) else { return nil }
    state.field = nil
    if state.wizard.phase == .questions { state.mode = .browsing }
    return effects
  }

  /// Quits after handing over the field being edited; refused (with the notice) while it holds
  /// a number that does not parse, which would otherwise be lost.
  private func quit(_ state: inout AppState, now: Date) -> [WizardEffect] {
    guard let effects = handOver(&state, now: now) else {
      state.notice = (state.notice ?? "") + " — " + Phrase.invalidNumberOnQuit.text(state.language)
      return []
    }
    return effects + send(&state, .quitRequested)
  }

  /// What the editor started by Ctrl-E gave: its text replaces the field's (the final newlines,
  /// which editors add, removed) and is handed over at once; a failure leaves the text as it was
  /// and shows the message (written by whoever ran the editor, in the interface language).
  public func externalEditFinished(_ state: inout AppState, _ outcome: ExternalEdit, now: Date) -> [WizardEffect] {
    state.externalEdit = nil
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
    if let last = state.fieldHandedOverAt, now.timeIntervalSince(last) < Self.fieldHandOverInterval {
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
      state.notice = Phrase.notKept.format(state.language, field.editor.text)
    }
    state.field = nil
    return effects + send(&state, .quitRequested)
  }

  private func isDerogationField(_ state: AppState) -> Bool {
    if case .derogation? = state.field?.target { return true }
    return false
  }

  /// Handles one key.
  public func handle(_ state: inout AppState, _ key: Key, now: Date) -> [WizardEffect] {
    state.notice = nil
    state.now = now
    if key == .resize { return [] }
    if state.isTooSmall {
      if isQuit(key) { return quit(&state, now: now) }
      return []
    }
    switch state.wizard.phase {
    case .identification: return handleForm(&state, key, now: now)
    case .questions: return handleQuestions(&state, key, now: now)
    case .review: return handleReview(&state, key)
    case .summary, .finished: return handleSummary(&state, key)
    }
  }

  private func isQuit(_ key: Key) -> Bool {
    key == .control("c") || key == .function(10) || key == .character("q")
  }

  // MARK: - Identification form

  private func handleForm(_ state: inout AppState, _ key: Key, now: Date) -> [WizardEffect] {
    let fields = SessionMetadata.Field.allCases
    func move(_ state: inout AppState, to index: Int) -> [WizardEffect] {
      let effects = handOver(&state, now: now) ?? []
      openForm(&state, fields[(index + fields.count) % fields.count], now: now)
      return effects
    }
    switch key {
    case .control("c"), .function(10), .escape:
      return quit(&state, now: now)
    case .tab, .down:
      return move(&state, to: state.formField + 1)
    case .backTab, .up:
      return move(&state, to: state.formField - 1)
    case .enter:
      var effects = handOver(&state, now: now) ?? []
      let missing = wizard.missingIdentification(state.wizard)
      if missing.isEmpty {
        state.field = nil
        effects += send(&state, .identificationConfirmed(at: now))
      } else {
        let wasFirst = state.formField == 0
        openForm(&state, missing[0], now: now)
        if missing.count < fields.count || !wasFirst || state.formField != 0 {
          state.notice = Phrase.identificationMissing.format(
            state.language, missing.map { questionnaire.identificationLabel($0, state.language) }.joined(separator: ", "))
        }
      }
      return effects
    default:
      state.field?.editor.apply(key)
      return []
    }
  }

  // MARK: - Questions

  private func handleQuestions(_ state: inout AppState, _ key: Key, now: Date) -> [WizardEffect] {
    switch state.mode {
    case .browsing: return handleBrowsing(&state, key, now: now)
    case .editingNote:
      switch key {
      case .tab, .escape:
        return leaveField(&state, now: now) ?? []
      case .control("s"):
        return (handOver(&state, now: now) ?? []) + send(&state, .saveRequested)
      case .control("c"), .function(10):
        return quit(&state, now: now)
      case .control("e"):
        state.externalEdit = state.field?.editor.text
        return []
      default:
        state.field?.editor.apply(key)
        return []
      }
    case .editingAnswer:
      switch key {
      case .control("e") where state.field?.target == .answer(.text):
        state.externalEdit = state.field?.editor.text
        return []
      case .escape:
        if let effects = leaveField(&state, now: now) { return effects }
        // Esc always leaves: a number that does not parse is dropped, and the notice says so.
        state.notice = Phrase.notKept.format(state.language, state.field?.editor.text ?? "")
        state.field = nil
        state.mode = .browsing
        return []
      case .enter, .tab where isDerogationField(state):
        if case .derogation(let field)? = state.field?.target {
          // A derogation's field: on to the next field of the record, not the next question.
          let typed = state.field?.editor.text.trimmingCharacters(in: .whitespaces) ?? ""
          guard let effects = leaveField(&state, now: now) else { return [] }
          if field.isDate, !typed.isEmpty, !DerogationRecord.isDay(typed) {
            state.notice = Phrase.derogationNotADay.format(state.language, typed)
          }
          // Like a form: the next field opens for typing; the last one returns to the question.
          let fields = DerogationRecord.Field.allCases
          let index = fields.firstIndex(of: field) ?? 0
          state.optionCursor = index
          if index + 1 < fields.count {
            let next = fields[index + 1]
            state.optionCursor = index + 1
            var record = DerogationRecord()
            if let question = wizard.current(state.wizard),
              case .derogation(let recorded)? = state.wizard.answers[question.id]?.value
            {
              record = recorded
            }
            open(&state, .derogation(next), text: record[next], now: now)
            state.mode = .editingAnswer
          }
          return effects
        }
        let blank = state.field?.editor.text.allSatisfy(\.isWhitespace) ?? true
        guard let effects = leaveField(&state, now: now) else { return [] }
        return blank ? effects : effects + send(&state, .nextPressed)
      case .control("s"):
        return (handOver(&state, now: now) ?? []) + send(&state, .saveRequested)
      case .control("c"), .function(10):
        return quit(&state, now: now)
      default:
        state.field?.editor.apply(key)
        return []
      }
    case .help(let scroll):
      let total = HelpScreen(screen: Screen(app: self)).lines(state, width: state.width - 4).count
      let last = Viewport.maxOffset(total: total, rows: state.listRows)
      let page = Viewport.page(rows: state.listRows)
      switch key {
      case .up, .character("k"): state.mode = .help(scroll: max(0, min(scroll, last) - 1))
      case .down, .character("j"): state.mode = .help(scroll: min(last, scroll + 1))
      case .pageUp: state.mode = .help(scroll: max(0, min(scroll, last) - page))
      case .pageDown, .character(" "): state.mode = .help(scroll: min(last, scroll + page))
      case .home: state.mode = .help(scroll: 0)
      case .end: state.mode = .help(scroll: last)
      case .control("c"), .function(10): return quit(&state, now: now)
      default: state.mode = .browsing
      }
      return []
    case .searching(var editor):
      switch key {
      case .escape:
        state.mode = .browsing
      case .enter:
        state.mode = .browsing
        let query = editor.text.trimmingCharacters(in: .whitespaces)
        guard !query.isEmpty else { return [] }
        let effects = send(&state, .searchSubmitted(query))
        state.notice = searchNotice(state)
        return effects
      case .control("c"), .function(10):
        state.mode = .browsing
        return quit(&state, now: now)
      default:
        editor.apply(key)
        state.mode = .searching(editor)
      }
      return []
    case .contents(let selection):
      let sections = wizard.visibleSections(state.wizard)
      var selection = selection
      switch key {
      case .up, .character("k"): selection = max(0, selection - 1)
      case .down, .character("j"): selection = min(max(sections.count - 1, 0), selection + 1)
      case .pageUp, .pageDown:
        state.listOffset = Viewport.paged(
          state.listOffset, forward: key == .pageDown, total: sections.count, rows: state.listRows)
        selection = min(max(sections.count - 1, 0), state.listOffset)
      case .enter:
        state.mode = .browsing
        guard sections.indices.contains(selection) else { return [] }
        return send(&state, .sectionJumped(sections[selection]))
      case .control("c"), .function(10): return quit(&state, now: now)
      default:
        state.mode = .browsing
        return []
      }
      state.mode = .contents(selection: selection)
      state.listOffset = Viewport.settle(state.listOffset, focus: selection, total: sections.count, rows: state.listRows)
      return []
    case .evidence(let selection):
      return handleEvidence(&state, key, selection: selection, now: now)
    case .plan(let selection):
      return handlePlan(&state, key, selection: selection, now: now)
    case .confirmingFinish:
      state.mode = .browsing
      switch key {
      case .character("y"), .character("Y"), .character("o"), .character("O"), .character("j"),
        .character("J"):
        return send(&state, .finishRequested)
      default:
        return []
      }
    }
  }

  private func handleEvidence(_ state: inout AppState, _ key: Key, selection: Int?, now: Date) -> [WizardEffect] {
    guard let question = wizard.current(state.wizard) else {
      state.mode = .browsing
      state.field = nil
      return []
    }
    /// The reference being typed becomes an item of the list, and the field a new one.
    func settle(_ state: inout AppState) -> [WizardEffect] {
      let effects = handOver(&state, now: now) ?? []
      open(&state, .evidence(index: nil), text: "", now: now)
      return effects
    }
    switch key {
    case .escape:
      return leaveField(&state, now: now) ?? []
    case .control("c"), .function(10):
      return quit(&state, now: now)
    case .enter:
      guard state.field?.editor.text.allSatisfy(\.isWhitespace) == false else { return [] }
      return settle(&state)
    case .up, .down:
      let effects = state.field?.editor.text.isEmpty == false ? settle(&state) : []
      let count = state.wizard.answers[question.id]?.evidence.count ?? 0
      guard count > 0 else { return effects }
      if key == .up {
        state.mode = .evidence(selection: max(0, (selection ?? count) - 1))
      } else if let selection {
        state.mode = .evidence(selection: selection + 1 < count ? selection + 1 : nil)
      }
      return effects
    case .delete where selection != nil:
      guard let selection else { return [] }
      let effects = send(&state, .evidenceRemoved(selection, at: now))
      let remaining = state.wizard.answers[question.id]?.evidence.count ?? 0
      state.mode = .evidence(selection: remaining == 0 ? nil : min(selection, remaining - 1))
      return effects
    default:
      state.field?.editor.apply(key)
      state.mode = .evidence(selection: nil)
      return []
    }
  }

  // MARK: - Action plan

  /// The rows of the plan form: the status, then the text fields.
  public static let planRows = 1 + PlanAction.Field.allCases.count

  private func openPlan(_ state: inout AppState) {
    guard wizard.current(state.wizard) != nil else { return }
    state.field = nil
    state.mode = .plan(selection: 0)
  }

  /// Sets the status of the current question's action; "risk accepted" is refused, with the
  /// reason in the notice, while a blocking rule naming the question holds. Shared by the plan
  /// form and plain mode's `plan`.
  public func setActionStatus(_ state: inout AppState, _ status: ActionStatus, now: Date) -> [WizardEffect] {
    guard let question = wizard.current(state.wizard) else { return [] }
    var action = state.wizard.answers[question.id]?.action ?? PlanAction()
    action.status = status
    if status == .riskAccepted {
      let rules = wizard.blockingRules(holdingFor: question.id, state.wizard)
      if !rules.isEmpty {
        state.notice = SummaryReport.acceptanceText(
          .blocking(rules.map(\.id)), action: action, questionnaire: questionnaire, language: state.language)
        return []
      }
    }
    return send(&state, .actionEdited(action, at: now))
  }

  private func handlePlan(_ state: inout AppState, _ key: Key, selection: Int, now: Date) -> [WizardEffect] {
    guard let question = wizard.current(state.wizard) else {
      state.mode = .browsing
      state.field = nil
      return []
    }
    let fields = PlanAction.Field.allCases
    if let field = state.field, case .action = field.target {
      // Typing in a field: Enter hands it over and opens the next one; Esc hands it over and
      // closes it, or drops what cannot be handed over (a date that is not one) and says so.
      switch key {
      case .enter, .tab:
        guard let effects = handOver(&state, now: now) else { return [] }
        state.field = nil
        let next = selection + 1
        if next < Self.planRows {
          let nextField = fields[next - 1]
          open(&state, .action(nextField), text: state.wizard.answers[question.id]?.action?[nextField] ?? "", now: now)
        }
        state.mode = .plan(selection: min(next, Self.planRows - 1))
        return effects
      case .escape:
        if let effects = handOver(&state, now: now) {
          state.field = nil
          return effects
        }
        state.notice = Phrase.notKept.format(state.language, field.editor.text)
        state.field = nil
        return []
      case .control("c"), .function(10):
        return quit(&state, now: now)
      default:
        state.field?.editor.apply(key)
        return []
      }
    }
    switch key {
    case .up, .character("k"):
      state.mode = .plan(selection: max(0, selection - 1))
    case .down, .character("j"):
      state.mode = .plan(selection: min(Self.planRows - 1, selection + 1))
    case .character(let digit) where ("1"..."4").contains(digit):
      return setActionStatus(&state, ActionStatus.allCases[Int(String(digit))! - 1], now: now)
    case .enter, .character(" "):
      if selection == 0 {
        let current = state.wizard.answers[question.id]?.action?.status ?? .open
        let all = ActionStatus.allCases
        return setActionStatus(&state, all[((all.firstIndex(of: current) ?? 0) + 1) % all.count], now: now)
      }
      guard key == .enter else { return [] }
      let field = fields[selection - 1]
      open(&state, .action(field), text: state.wizard.answers[question.id]?.action?[field] ?? "", now: now)
    case .escape, .left, .character("a"):
      state.mode = .browsing
    case .character("q"), .function(10), .control("c"):
      return quit(&state, now: now)
    case .character("s"), .control("s"):
      return send(&state, .saveRequested)
    default:
      break
    }
    return []
  }

  private func searchNotice(_ state: AppState) -> String? {
    guard let search = state.wizard.search else { return nil }
    if search.matches.isEmpty { return Phrase.searchNone.format(state.language, search.query) }
    return Phrase.searchMatches.format(
      state.language, search.current + 1, search.matches.count, search.query)
  }

  private func handleBrowsing(_ state: inout AppState, _ key: Key, now: Date) -> [WizardEffect] {
    guard let question = wizard.current(state.wizard) else {
      if isQuit(key) { return send(&state, .quitRequested) }
      if key == .character("r") { return send(&state, .reviewOpened) }
      return []
    }
    let choices = question.choices(state.language, questionnaire)
    let answer = state.wizard.answers[question.id]
    func choose(_ index: Int, advance: Bool) -> [WizardEffect] {
      guard choices.indices.contains(index) else { return [] }
      state.optionCursor = index
      if question.type == .multiple {
        var chosen = Set<String>()
        if case .choices(let ids)? = answer?.value { chosen = Set(ids) }
        if chosen.contains(choices[index].id) {
          chosen.remove(choices[index].id)
        } else {
          chosen.insert(choices[index].id)
        }
        let ordered = choices.map(\.id).filter(chosen.contains)
        return ordered.isEmpty
          ? send(&state, .answerCleared(at: now))
          : send(&state, .answerChosen(.choices(ordered), at: now))
      }
      var effects = send(&state, .answerChosen(.choice(choices[index].id), at: now))
      if question.type == .compliance, choices[index].id == ComplianceValue.na.rawValue,
        state.wizard.answers[question.id]?.isUnjustifiedNotApplicable == true
      {
        state.notice = Phrase.justificationRequired.text(state.language)
        open(&state, .note, text: state.wizard.answers[question.id]?.note ?? "", now: now)
        state.mode = .editingNote
        return effects
      }
      if advance { effects += send(&state, .nextPressed) }
      return effects
    }
    switch key {
    case .up, .character("k"):
      // A derogation's fields are walked like choices.
      let count = question.type == .derogation ? DerogationRecord.Field.allCases.count : choices.count
      guard count > 0 else { return [] }
      state.optionCursor = state.optionCursor.map { max(0, $0 - 1) } ?? count - 1
      return []
    case .down, .character("j"):
      let count = question.type == .derogation ? DerogationRecord.Field.allCases.count : choices.count
      guard count > 0 else { return [] }
      state.optionCursor = state.optionCursor.map { min(count - 1, $0 + 1) } ?? 0
      return []
    case .character(let digit) where digit.isASCII && ("1"..."9").contains(digit):
      return choose(Int(String(digit))! - 1, advance: false)
    case .character(" ") where question.type == .multiple:
      guard let cursor = state.optionCursor else { return [] }
      return choose(cursor, advance: false)
    case .enter:
      switch question.type {
      case .derogation:
        // The highlighted field of the record (the first one when none is).
        let fields = DerogationRecord.Field.allCases
        let field = fields[min(fields.count - 1, state.optionCursor ?? 0)]
        state.optionCursor = fields.firstIndex(of: field)
        var record = DerogationRecord()
        if case .derogation(let recorded)? = answer?.value { record = recorded }
        open(&state, .derogation(field), text: record[field], now: now)
        state.mode = .editingAnswer
        return []
      case .text, .number:
        let current = answer?.value.map { $0.display(question, state.language, questionnaire) } ?? ""
        open(&state, .answer(question.type), text: current, now: now)
        state.mode = .editingAnswer
        return []
      case .multiple:
        return send(&state, .nextPressed)
      default:
        // Only an explicit choice is recorded: without a highlighted option, Enter moves on.
        guard let cursor = state.optionCursor else { return send(&state, .nextPressed) }
        return choose(cursor, advance: true)
      }
    case .left, .pageUp, .backTab:
      return send(&state, .backPressed)
    case .right, .pageDown:
      return send(&state, .nextPressed)
    case .tab:
      open(&state, .note, text: answer?.note ?? "", now: now)
      state.mode = .editingNote
      return []
    case .character("e"):
      open(&state, .evidence(index: nil), text: "", now: now)
      state.mode = .evidence(selection: nil)
      return []
    case .character("f"):
      return send(&state, .flagToggled(at: now))
    case .character("a"):
      openPlan(&state)
      return []
    case .character("c"):
      guard answer?.reverify == true else {
        state.notice = PlanPhrase.notCarried.text(state.language)
        return []
      }
      let effects = send(&state, .answerConfirmed(at: now))
      state.notice = PlanPhrase.reverifyConfirmed.text(state.language)
      return effects
    case .character("?"), .function(1):
      state.mode = .help(scroll: 0)
      return []
    case .character("/"):
      // A new search starts empty; n repeats the last one.
      state.mode = .searching(TextEditor())
      return []
    case .character("n"):
      let effects = send(&state, .nextMatchPressed)
      state.notice = searchNotice(state)
      return effects
    case .character("u"):
      return send(&state, .returnPressed)
    case .character("g"):
      let sections = wizard.visibleSections(state.wizard)
      let current = questionnaire.sectionIndexOfQuestion[state.wizard.cursor]
      let selection = sections.firstIndex(of: current) ?? 0
      state.mode = .contents(selection: selection)
      state.listOffset = Viewport.settle(0, focus: selection, total: sections.count, rows: state.listRows)
      return []
    case .character("r"):
      return send(&state, .reviewOpened)
    case .character("S"):
      return send(&state, .summaryOpened)
    case .character("F"):
      state.mode = .confirmingFinish
      return []
    case .character("x"), .delete, .backspace:
      return send(&state, .answerCleared(at: now))
    case .character("s"), .control("s"):
      return send(&state, .saveRequested)
    case .character("q"), .function(10), .control("c"):
      return send(&state, .quitRequested)
    default:
      return []
    }
  }

  // MARK: - Review

  /// The review's lines: headings (no target) and questions (target position).
  public func reviewEntries(_ state: AppState) -> [(text: String, position: Int?)] {
    let list = wizard.review(state.wizard)
    let language = state.language
    var entries: [(String, Int?)] = []
    func group(_ phrase: Phrase, _ positions: [Int]) {
      guard !positions.isEmpty else { return }
      entries.append((phrase.format(language, positions.count), nil))
      for position in positions {
        let question = questionnaire.questions[position]
        let reference = question.refs.first ?? question.id
        entries.append(("\(reference) — \(questionnaire.text(question.text, language.rawValue))", position))
      }
    }
    group(.reviewUnanswered, list.unanswered)
    group(.reviewFlagged, list.flagged)
    group(.reviewUnjustified, list.unjustifiedNotApplicable)
    return entries
  }

  private func handleReview(_ state: inout AppState, _ key: Key) -> [WizardEffect] {
    let entries = reviewEntries(state)
    // The line of each entry that jumps somewhere, in order.
    let targetLines = entries.indices.filter { entries[$0].position != nil }
    func moveTo(_ selection: Int) {
      state.listSelection = min(max(targetLines.count - 1, 0), max(0, selection))
      let focus = targetLines.indices.contains(state.listSelection) ? targetLines[state.listSelection] : nil
      state.listOffset = Viewport.settle(state.listOffset, focus: focus, total: entries.count, rows: state.listRows)
    }
    switch key {
    case .up, .character("k"):
      moveTo(state.listSelection - 1)
    case .down, .character("j"):
      moveTo(state.listSelection + 1)
    case .pageUp, .pageDown:
      state.listOffset = Viewport.paged(
        state.listOffset, forward: key == .pageDown, total: entries.count, rows: state.listRows)
      // The first entry shown on the new page.
      moveTo(targetLines.firstIndex { $0 >= state.listOffset } ?? targetLines.count - 1)
    case .enter:
      guard targetLines.indices.contains(state.listSelection),
        let position = entries[targetLines[state.listSelection]].position
      else { return [] }
      return send(&state, .questionJumped(questionnaire.questions[position].id))
    case .character("F"), .character("f"):
      if wizard.review(state.wizard).unanswered.isEmpty {
        return send(&state, .finishRequested)
      }
      let effects = send(&state, .overlayClosed)
      state.mode = .confirmingFinish
      return effects
    case .character("S"):
      return send(&state, .summaryOpened)
    case .escape, .left, .backspace, .character("r"):
      return send(&state, .overlayClosed)
    case .character("q"), .function(10), .control("c"):
      return send(&state, .quitRequested)
    case .character("s"), .control("s"):
      return send(&state, .saveRequested)
    default:
      break
    }
    return []
  }

  // MARK: - Summary

  public func summaryReport(_ state: AppState) -> SummaryReport {
    guard let previous else {
      let summary = RiskEngine(questionnaire: questionnaire).summarize(state.wizard, asOf: state.now)
      return summaryReport(state, summary: summary)
    }
    let current = ComparedAssessment(
      id: "", questionnaire: questionnaire, state: state.wizard, asOf: state.now ?? Date())
    var report = summaryReport(state, summary: current.summary)
    report.changesSince = previous.changes(to: current, language: state.language)
    return report
  }

  private func summaryReport(_ state: AppState, summary: RiskSummary) -> SummaryReport {
    var report = SummaryReport(
      questionnaire: questionnaire, summary: summary, answers: state.wizard.answers,
      language: state.language, digest: state.questionnaireDigest)
    report.answeredUnderVersion = state.answeredUnderVersion
    return report
  }

  private func handleSummary(_ state: inout AppState, _ key: Key) -> [WizardEffect] {
    let total = SummaryScreen.lines(app: self, state: state).count
    let finished = state.wizard.phase == .finished
    func moveTo(_ selection: Int) {
      state.listSelection = min(max(total - 1, 0), max(0, selection))
      state.listOffset = Viewport.settle(state.listOffset, focus: state.listSelection, total: total, rows: state.listRows)
    }
    switch key {
    case .up, .character("k"): moveTo(state.listSelection - 1)
    case .down, .character("j"): moveTo(state.listSelection + 1)
    case .pageUp, .pageDown, .character(" "):
      state.listOffset = Viewport.paged(
        state.listOffset, forward: key != .pageUp, total: total, rows: state.listRows)
      moveTo(state.listOffset)
    case .home:
      state.listOffset = 0
      moveTo(0)
    case .end:
      moveTo(total - 1)
    case .enter:
      // A finished assessment is reopened only by an explicit decision (o).
      if finished {
        state.notice = Phrase.finishedHint.text(state.language)
        return []
      }
      guard let target = summaryTarget(state) else { return [] }
      return send(&state, .questionJumped(target))
    case .character("a") where !finished:
      // The plan of the selected gap, edited from the summary's list of gaps.
      guard let target = summaryTarget(state) else { return [] }
      let effects = send(&state, .questionJumped(target))
      openPlan(&state)
      return effects
    case .character("o") where finished:
      let target = summaryTarget(state)
      var effects = send(&state, .reopenRequested)
      if let target { effects += send(&state, .questionJumped(target)) }
      return effects
    case .escape, .left, .character("S"):
      if finished {
        state.notice = Phrase.finishedHint.text(state.language)
        return []
      }
      return send(&state, .overlayClosed)
    case .character("q"), .function(10), .control("c"):
      return send(&state, .quitRequested)
    case .character("s"), .control("s"):
      return send(&state, .saveRequested)
    default:
      break
    }
    return []
  }

  /// The question of the selected summary line, when it names one. The runner clamps the
  /// selection to the lines it drew (``SummaryScreen``).
  func summaryTarget(_ state: AppState) -> String? {
    let lines = SummaryScreen.lines(app: self, state: state)
    guard lines.indices.contains(state.listSelection) else { return nil }
    return lines[state.listSelection].questionID
  }
}

