import AssessmentCore
import Foundation

/// The question screen's keys: choices, answer fields, note, evidence, search, jumps.
extension App {
  // MARK: - Questions

  func handleQuestions(_ state: inout AppState, _ key: Key, now: Date) -> [WizardEffect] {
    switch state.mode {
    case .browsing: return handleBrowsing(&state, key, now: now)
    case .editingNote: return handleNoteEditing(&state, key, now: now)
    case .editingAnswer: return handleAnswerEditing(&state, key, now: now)
    case .help(let scroll): return handleHelp(&state, key, scroll: scroll, now: now)
    case .searching(let editor): return handleSearching(&state, key, editor: editor, now: now)
    case .contents(let selection):
      return handleContents(&state, key, selection: selection, now: now)
    case .evidence(let selection):
      return handleEvidence(&state, key, selection: selection, now: now)
    case .plan(let selection):
      return handlePlan(&state, key, selection: selection, now: now)
    case .confirmingFinish: return handleFinishConfirmation(&state, key, now: now)
    case .signOff:
      // The decision form belongs to the summary: on the questions, it is closed.
      state.mode = .browsing
      return handleBrowsing(&state, key, now: now)
    }
  }

  /// The note being typed.
  func handleNoteEditing(_ state: inout AppState, _ key: Key, now: Date) -> [WizardEffect] {
    switch Self.noteKeys.action(for: key) ?? .type {
    case .leave, .confirm:
      return leaveField(&state, now: now) ?? []
    case .save:
      return (handOver(&state, now: now) ?? []) + send(&state, .saveRequested)
    case .quit:
      return quit(&state, now: now)
    case .type:
      state.field?.editor.apply(key)
      return []
    }
  }

  /// A text, number or derogation field being typed.
  func handleAnswerEditing(_ state: inout AppState, _ key: Key, now: Date) -> [WizardEffect] {
    let table = isDerogationField(state) ? Self.derogationFieldKeys : Self.textFieldKeys
    switch table.action(for: key) ?? .type {
    case .leave:
      if let effects = leaveField(&state, now: now) { return effects }
      // Esc always leaves: a number or a day that does not parse is dropped, and the notice says
      // so.
      let notKept: FrontEndText =
        state.field?.target == .answer(.date) ? .notADayNotKept : .notKept
      state.notice = notKept.format(state.language, state.field?.editor.text ?? "")
      state.field = nil
      state.mode = .browsing
      return []
    // Tab leaves a derogation's field like Enter (in a text answer it is typed).
    case .confirm:
      if case .derogation(let field)? = state.field?.target {
        // A derogation's field: on to the next field of the record, not the next question.
        let typed = state.field?.editor.text.trimmingCharacters(in: .whitespaces) ?? ""
        guard let effects = leaveField(&state, now: now) else { return [] }
        if field.isDate, !typed.isEmpty, !Day.isValid(typed) {
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
    case .save:
      return (handOver(&state, now: now) ?? []) + send(&state, .saveRequested)
    case .quit:
      return quit(&state, now: now)
    case .type:
      state.field?.editor.apply(key)
      return []
    }
  }

  /// The help of the question, scrolled.
  func handleHelp(_ state: inout AppState, _ key: Key, scroll: Int, now: Date) -> [WizardEffect] {
    let total = helpLines(state, width: state.width - 4).count
    let last = Viewport.maxOffset(total: total, rows: state.listRows)
    let page = Viewport.page(rows: state.listRows)
    guard let action = Self.helpScreenKeys.action(for: key) else { return [] }
    switch action {
    case .previous: state.mode = .help(scroll: max(0, min(scroll, last) - 1))
    case .next: state.mode = .help(scroll: min(last, scroll + 1))
    case .pageUp: state.mode = .help(scroll: max(0, min(scroll, last) - page))
    case .pageDown: state.mode = .help(scroll: min(last, scroll + page))
    case .first: state.mode = .help(scroll: 0)
    case .last: state.mode = .help(scroll: last)
    case .quit: return quit(&state, now: now)
    case .close: state.mode = .browsing
    }
    return []
  }

  /// The search being typed.
  func handleSearching(
    _ state: inout AppState, _ key: Key, editor: TextEditor, now: Date
  ) -> [WizardEffect] {
    var editor = editor
    switch Self.searchKeys.action(for: key) ?? .type {
    case .leave, .save:
      state.mode = .browsing
    case .confirm:
      state.mode = .browsing
      let query = editor.text.trimmingCharacters(in: .whitespaces)
      guard !query.isEmpty else { return [] }
      let effects = send(&state, .searchSubmitted(query))
      state.notice = searchNotice(state)
      return effects
    case .quit:
      state.mode = .browsing
      return quit(&state, now: now)
    case .type:
      editor.apply(key)
      state.mode = .searching(editor)
    }
    return []
  }

  /// The table of contents.
  func handleContents(
    _ state: inout AppState, _ key: Key, selection: Int, now: Date
  ) -> [WizardEffect] {
    let sections = wizard.visibleSections(state.wizard)
    var selection = selection
    guard let action = Self.contentsKeys.action(for: key) else { return [] }
    switch action {
    case .previous: selection = max(0, selection - 1)
    case .next: selection = min(max(sections.count - 1, 0), selection + 1)
    case .pageUp, .pageDown:
      state.listOffset = Viewport.paged(
        state.listOffset, forward: action == .pageDown, total: sections.count,
        rows: state.listRows)
      selection = min(max(sections.count - 1, 0), state.listOffset)
    case .first: selection = 0
    case .last: selection = max(sections.count - 1, 0)
    case .go:
      state.mode = .browsing
      guard sections.indices.contains(selection) else { return [] }
      return send(&state, .sectionJumped(sections[selection]))
    case .quit: return quit(&state, now: now)
    case .close:
      state.mode = .browsing
      return []
    }
    state.mode = .contents(selection: selection)
    state.listOffset = Viewport.settle(
      state.listOffset, focus: selection, total: sections.count, rows: state.listRows)
    return []
  }

  /// Finish with questions unanswered? y, or Esc (or another letter) for no.
  func handleFinishConfirmation(_ state: inout AppState, _ key: Key, now: Date) -> [WizardEffect] {
    guard let action = Self.finishKeys.action(for: key) else { return [] }
    state.mode = .browsing
    switch action {
    case .confirm: return send(&state, .finishRequested)
    case .decline: return []
    }
  }

  func handleEvidence(_ state: inout AppState, _ key: Key, selection: Int?, now: Date)
    -> [WizardEffect]
  {
    guard let question = wizard.current(state.wizard) else {
      state.mode = .browsing
      state.field = nil
      return []
    }
    /// The field being typed is handed over and becomes a new reference; nil (the field kept,
    /// the notice saying why) when it cannot be (a day that is not one, a file not read).
    func settle(_ state: inout AppState) -> [WizardEffect]? {
      guard let effects = handOver(&state, now: now) else { return nil }
      open(&state, .evidence(index: nil), text: "", now: now)
      state.mode = .evidence(selection: nil)
      return effects
    }
    /// The record the field or the selection is about, once what is typed is handed over.
    func record(_ state: AppState) -> Int? {
      switch state.field?.target {
      case .evidence(let index?)?, .evidenceDay(let index, _)?, .evidenceFile(let index)?:
        return index
      default: return selection
      }
    }
    let records = { (state: AppState) in state.wizard.answers[question.id]?.evidence ?? [] }
    let action = Self.evidenceKeys.action(for: key) ?? .type
    switch action {
    case .close:
      return leaveField(&state, now: now) ?? []
    case .quit:
      return quit(&state, now: now)
    case .add:
      if case .evidence? = state.field?.target,
        state.field?.editor.text.allSatisfy(\.isWhitespace) != false
      {
        return []
      }
      return settle(&state) ?? []
    case .nextPart, .attach:
      guard let effects = handOver(&state, now: now) else { return [] }
      guard let index = record(state), records(state).indices.contains(index) else {
        return effects
      }
      let recorded = records(state)[index]
      let next: EditedField.Target
      switch (action, state.field?.target) {
      case (.attach, _): next = .evidenceFile(index: index)
      case (_, .evidenceDay(_, .issuedOn)?): next = .evidenceDay(index: index, .validUntil)
      case (_, .evidenceDay(_, .validUntil)?), (_, .evidenceFile?):
        return effects + (settle(&state) ?? [])
      default: next = .evidenceDay(index: index, .issuedOn)
      }
      var text = recorded.file?.path ?? ""
      if case .evidenceDay(_, let part) = next { text = recorded[part] }
      open(&state, next, text: text, now: now)
      state.mode = .evidence(selection: nil)
      return effects
    case .previous, .next:
      var effects: [WizardEffect] = []
      var idle = state.field?.editor.text.isEmpty != false
      if case .evidence(nil)? = state.field?.target {} else { idle = false }
      if !idle {
        guard let settled = settle(&state) else { return [] }
        effects = settled
      }
      let count = records(state).count
      guard count > 0 else { return effects }
      if action == .previous {
        state.mode = .evidence(selection: max(0, (selection ?? count) - 1))
      } else if let selection {
        state.mode = .evidence(selection: selection + 1 < count ? selection + 1 : nil)
      }
      return effects
    case .remove where selection != nil:
      guard let selection else { return [] }
      let effects = send(&state, .evidenceRemoved(selection, at: now))
      let remaining = records(state).count
      state.mode = .evidence(selection: remaining == 0 ? nil : min(selection, remaining - 1))
      return effects
    case .remove, .type:
      state.field?.editor.apply(key)
      state.mode = .evidence(selection: nil)
      return []
    }
  }

  func searchNotice(_ state: AppState) -> String? {
    guard let search = state.wizard.search else { return nil }
    if search.matches.isEmpty {
      return FrontEndText.searchNone.format(state.language, search.query)
    }
    return FrontEndText.searchMatches.format(
      state.language, search.current + 1, search.matches.count, search.query)
  }

  func handleBrowsing(_ state: inout AppState, _ key: Key, now: Date) -> [WizardEffect] {
    guard let question = wizard.current(state.wizard) else {
      // The cursor on no question that applies: of the screen's keys, only leaving and the
      // review mean anything, as the same table binds them.
      switch Self.questionKeys.action(for: key) {
      case .quit?: return send(&state, .quitRequested)
      case .review?: return send(&state, .reviewOpened)
      default: return []
      }
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
    // On a number question, a digit or a sign starts typing the number, as in a spreadsheet's
    // cell: the field opens with what was typed (Enter opens it on the current answer).
    if question.type == .number, case .character(let typed) = key, typed.isASCII,
      typed.isNumber || "-+.,".contains(typed)
    {
      open(&state, .answer(.number), text: String(typed), now: now)
      state.mode = .editingAnswer
      return []
    }
    guard let action = Self.questionKeys.action(for: key) else {
      return []
    }
    let count = question.type == .derogation ? DerogationRecord.Field.allCases.count : choices.count
    switch action {
    case .highlightPrevious:
      // A derogation's fields are walked like choices.
      guard count > 0 else { return [] }
      state.optionCursor = state.optionCursor.map { max(0, $0 - 1) } ?? count - 1
      return []
    case .highlightNext:
      guard count > 0 else { return [] }
      state.optionCursor = state.optionCursor.map { min(count - 1, $0 + 1) } ?? 0
      return []
    case .pick:
      guard case .character(let digit) = key, let number = Int(String(digit)) else { return [] }
      return choose(number - 1, advance: false)
    case .toggle:
      guard question.type == .multiple, let cursor = state.optionCursor else { return [] }
      return choose(cursor, advance: false)
    case .confirm:
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
      case .text, .number, .date:
        let current =
          answer?.value.map { $0.display(question, state.language, questionnaire) } ?? ""
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
    case .previous: return send(&state, .backPressed)
    case .next: return send(&state, .nextPressed)
    case .note:
      open(&state, .note, text: answer?.note ?? "", now: now)
      state.mode = .editingNote
      return []
    case .evidence:
      open(&state, .evidence(index: nil), text: "", now: now)
      state.mode = .evidence(selection: nil)
      return []
    case .flag: return send(&state, .flagToggled(at: now))
    case .plan:
      openPlan(&state)
      return []
    case .takeOurs, .takeTheirs:
      guard answer?.conflict != nil else {
        state.notice = ConflictText.noConflict.text(state.language)
        return []
      }
      let effects = send(
        &state, .conflictResolved(action == .takeOurs ? .ours : .theirs, at: now))
      return effects + settleNextConflict(&state)
    case .confirmCarried:
      guard answer?.reverify == true else {
        state.notice = PlanPhrase.notCarried.text(state.language)
        return []
      }
      let effects = send(&state, .answerConfirmed(at: now))
      state.notice = PlanPhrase.reverifyConfirmed.text(state.language)
      return effects
    case .takeClaim:
      guard let value = answer?.claim?.value else {
        state.notice = ClaimPhrase.noClaim.text(state.language)
        return []
      }
      let effects = send(&state, .claimTaken(at: now))
      state.notice = ClaimPhrase.taken.format(
        state.language, value.display(question, state.language, questionnaire))
      return effects
    case .help:
      state.mode = .help(scroll: 0)
      return []
    case .search:
      // A new search starts empty; n repeats the last one.
      state.mode = .searching(TextEditor())
      return []
    case .nextMatch:
      let effects = send(&state, .nextMatchPressed)
      state.notice = searchNotice(state)
      return effects
    case .goBack: return send(&state, .returnPressed)
    case .contents:
      let sections = wizard.visibleSections(state.wizard)
      let current = questionnaire.sectionIndexOfQuestion[state.wizard.cursor]
      let selection = sections.firstIndex(of: current) ?? 0
      state.mode = .contents(selection: selection)
      state.listOffset = Viewport.settle(
        0, focus: selection, total: sections.count, rows: state.listRows)
      return []
    case .review: return send(&state, .reviewOpened)
    case .summary: return send(&state, .summaryOpened)
    case .finish:
      state.mode = .confirmingFinish
      return []
    case .clear: return send(&state, .answerCleared(at: now))
    case .save: return send(&state, .saveRequested)
    case .quit: return send(&state, .quitRequested)
    }
  }
}
