import AssessmentCore
import Foundation

/// Turns keys into wizard events, and keeps the front end's own state. Pure: the runner gives it
/// keys and the time, and performs the effects it returns.
public struct App: Sendable {
  public let wizard: Wizard
  /// How often a note being typed is handed over (and so saved).
  public static let noteFlushInterval: TimeInterval = 3

  public init(questionnaire: Questionnaire) {
    wizard = Wizard(questionnaire: questionnaire)
  }

  var questionnaire: Questionnaire { wizard.questionnaire }

  /// A front-end state for a wizard state, with the form or the options set up.
  public func makeState(_ wizardState: WizardState, language: InterfaceLanguage) -> AppState {
    var state = AppState(wizard: wizardState, language: language)
    state.formEditor = TextEditor(wizardState.metadata[SessionMetadata.Field.allCases[0]])
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
    }
    return effects
  }

  private func syncOptionCursor(_ state: inout AppState) {
    guard let question = wizard.current(state.wizard) else {
      state.optionCursor = 0
      return
    }
    let choices = question.choices(state.language, questionnaire)
    if case .choice(let id)? = state.wizard.answers[question.id]?.value,
      let index = choices.firstIndex(where: { $0.id == id })
    {
      state.optionCursor = index
    } else {
      state.optionCursor = 0
    }
  }

  /// Called regularly: hands a note being typed to the wizard every few seconds.
  public func tick(_ state: inout AppState, now: Date) -> [WizardEffect] {
    guard case .editingNote(let editor) = state.mode,
      let question = wizard.current(state.wizard),
      editor.text != (state.wizard.answers[question.id]?.note ?? "")
    else { return [] }
    if let flushed = state.noteFlushedAt, now.timeIntervalSince(flushed) < Self.noteFlushInterval {
      return []
    }
    state.noteFlushedAt = now
    return send(&state, .noteEdited(editor.text, at: now))
  }

  /// Handles one key.
  public func handle(_ state: inout AppState, _ key: Key, now: Date) -> [WizardEffect] {
    state.notice = nil
    if key == .resize { return [] }
    if state.isTooSmall {
      if isQuit(key) { return leaveField(&state, now: now) + send(&state, .quitRequested) }
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
    func commit(_ state: inout AppState) -> [WizardEffect] {
      send(&state, .identificationEdited(fields[state.formField], state.formEditor.text, at: now))
    }
    func move(_ state: inout AppState, to field: Int) -> [WizardEffect] {
      let effects = commit(&state)
      state.formField = (field + fields.count) % fields.count
      state.formEditor = TextEditor(state.wizard.metadata[fields[state.formField]])
      return effects
    }
    switch key {
    case .control("c"), .function(10), .escape:
      return commit(&state) + send(&state, .quitRequested)
    case .tab, .down:
      return move(&state, to: state.formField + 1)
    case .backTab, .up:
      return move(&state, to: state.formField - 1)
    case .enter:
      var effects = commit(&state)
      let missing = wizard.missingIdentification(state.wizard)
      if missing.isEmpty {
        effects += send(&state, .identificationConfirmed(at: now))
      } else if let next = fields.firstIndex(of: missing[0]) {
        state.formField = next
        state.formEditor = TextEditor(state.wizard.metadata[fields[next]])
        if missing.count < fields.count || next != 0 {
          state.notice = Phrase.identificationMissing.format(
            state.language, missing.map { $0.phrase.text(state.language) }.joined(separator: ", "))
        }
      }
      return effects
    default:
      edit(&state.formEditor, key)
      return []
    }
  }

  /// Applies an editing key to a text field.
  private func edit(_ editor: inout TextEditor, _ key: Key) {
    switch key {
    case .character(let character): editor.insert(character)
    case .backspace: editor.backspace()
    case .delete: editor.deleteForward()
    case .left: editor.moveLeft()
    case .right: editor.moveRight()
    case .home, .control("a"): editor.moveHome()
    case .end, .control("e"): editor.moveEnd()
    case .up: editor.moveVertically(-1)
    case .down: editor.moveVertically(1)
    case .enter where editor.multiline: editor.insert("\n")
    default: break
    }
  }

  // MARK: - Questions

  /// Hands a note or field being edited to the wizard before anything else happens.
  private func leaveField(_ state: inout AppState, now: Date) -> [WizardEffect] {
    switch state.mode {
    case .editingNote(let editor):
      state.mode = .browsing
      return send(&state, .noteEdited(editor.text, at: now))
    default:
      state.mode = .browsing
      return []
    }
  }

  private func handleQuestions(_ state: inout AppState, _ key: Key, now: Date) -> [WizardEffect] {
    switch state.mode {
    case .browsing: return handleBrowsing(&state, key, now: now)
    case .editingNote(var editor):
      switch key {
      case .tab, .escape:
        return leaveField(&state, now: now)
      case .control("s"):
        return send(&state, .noteEdited(editor.text, at: now)) + send(&state, .saveRequested)
      case .control("c"):
        return leaveField(&state, now: now) + send(&state, .quitRequested)
      default:
        edit(&editor, key)
        state.mode = .editingNote(editor)
        return []
      }
    case .editingAnswer(var editor):
      switch key {
      case .escape:
        state.mode = .browsing
        return []
      case .enter:
        guard let question = wizard.current(state.wizard) else { return [] }
        let text = editor.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty {
          state.mode = .browsing
          return send(&state, .answerCleared(at: now))
        }
        let value: AnswerValue
        if question.type == .number {
          switch NumberInput.parse(text, for: question, language: state.language) {
          case .success(let number):
            value = .number(number)
          case .failure(let failure):
            state.notice = failure.message(text, state.language)
            return []
          }
        } else {
          value = .text(editor.text)
        }
        state.mode = .browsing
        return send(&state, .answerChosen(value, at: now)) + send(&state, .nextPressed)
      case .control("c"):
        state.mode = .browsing
        return send(&state, .quitRequested)
      default:
        edit(&editor, key)
        state.mode = .editingAnswer(editor)
        return []
      }
    case .help(let scroll):
      switch key {
      case .up, .character("k"): state.mode = .help(scroll: max(0, scroll - 1))
      case .down, .character("j"): state.mode = .help(scroll: scroll + 1)
      case .pageUp: state.mode = .help(scroll: max(0, scroll - (state.height - 6)))
      case .pageDown, .character(" "): state.mode = .help(scroll: scroll + state.height - 6)
      case .control("c"): return send(&state, .quitRequested)
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
      case .control("c"):
        state.mode = .browsing
        return send(&state, .quitRequested)
      default:
        edit(&editor, key)
        state.mode = .searching(editor)
      }
      return []
    case .contents(let selection):
      let sections = wizard.visibleSections(state.wizard)
      switch key {
      case .up, .character("k"): state.mode = .contents(selection: max(0, selection - 1))
      case .down, .character("j"):
        state.mode = .contents(selection: min(max(sections.count - 1, 0), selection + 1))
      case .enter:
        state.mode = .browsing
        guard sections.indices.contains(selection) else { return [] }
        return send(&state, .sectionJumped(sections[selection]))
      case .control("c"): return send(&state, .quitRequested)
      default: state.mode = .browsing
      }
      return []
    case .evidence(var editor, let selection):
      guard let question = wizard.current(state.wizard) else {
        state.mode = .browsing
        return []
      }
      let items = state.wizard.answers[question.id]?.evidence ?? []
      switch key {
      case .escape:
        state.mode = .browsing
        return []
      case .control("c"):
        state.mode = .browsing
        return send(&state, .quitRequested)
      case .enter:
        guard !editor.text.trimmingCharacters(in: .whitespaces).isEmpty else { return [] }
        let effects = send(&state, .evidenceAdded(editor.text, at: now))
        state.mode = .evidence(TextEditor(), selection: nil)
        return effects
      case .up:
        guard !items.isEmpty else { return [] }
        state.mode = .evidence(editor, selection: max(0, (selection ?? items.count) - 1))
        return []
      case .down:
        guard let selection else { return [] }
        state.mode = .evidence(editor, selection: selection + 1 < items.count ? selection + 1 : nil)
        return []
      case .delete where selection != nil:
        guard let selection else { return [] }
        let effects = send(&state, .evidenceRemoved(selection, at: now))
        let remaining = items.count - 1
        state.mode = .evidence(editor, selection: remaining == 0 ? nil : min(selection, remaining - 1))
        return effects
      default:
        edit(&editor, key)
        state.mode = .evidence(editor, selection: nil)
        return []
      }
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
        state.mode = .editingNote(TextEditor(state.wizard.answers[question.id]?.note ?? "", multiline: true))
        state.noteFlushedAt = now
        return effects
      }
      if advance { effects += send(&state, .nextPressed) }
      return effects
    }
    switch key {
    case .up, .character("k"):
      state.optionCursor = max(0, state.optionCursor - 1)
      return []
    case .down, .character("j"):
      state.optionCursor = min(max(choices.count - 1, 0), state.optionCursor + 1)
      return []
    case .character(let digit) where digit.isASCII && ("1"..."9").contains(digit):
      return choose(Int(String(digit))! - 1, advance: false)
    case .character(" ") where question.type == .multiple:
      return choose(state.optionCursor, advance: false)
    case .enter:
      switch question.type {
      case .text, .number:
        let current = answer?.value.map { $0.display(question, state.language, questionnaire) } ?? ""
        state.mode = .editingAnswer(TextEditor(current))
        return []
      case .multiple:
        return send(&state, .nextPressed)
      default:
        return choose(state.optionCursor, advance: true)
      }
    case .left, .pageUp, .backTab:
      return send(&state, .backPressed)
    case .right, .pageDown:
      return send(&state, .nextPressed)
    case .tab:
      state.mode = .editingNote(TextEditor(answer?.note ?? "", multiline: true))
      state.noteFlushedAt = now
      return []
    case .character("e"):
      state.mode = .evidence(TextEditor(), selection: nil)
      return []
    case .character("f"):
      return send(&state, .flagToggled(at: now))
    case .character("?"), .function(1):
      state.mode = .help(scroll: 0)
      return []
    case .character("/"):
      state.mode = .searching(TextEditor(state.wizard.search?.query ?? ""))
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
      state.mode = .contents(selection: sections.firstIndex(of: current) ?? 0)
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
    let targets = reviewEntries(state).compactMap(\.position)
    switch key {
    case .up, .character("k"):
      state.listSelection = max(0, state.listSelection - 1)
    case .down, .character("j"):
      state.listSelection = min(max(targets.count - 1, 0), state.listSelection + 1)
    case .enter:
      guard targets.indices.contains(state.listSelection) else { return [] }
      return send(&state, .questionJumped(questionnaire.questions[targets[state.listSelection]].id))
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
    let summary = RiskEngine(questionnaire: questionnaire).summarize(state.wizard)
    return SummaryReport(
      questionnaire: questionnaire, summary: summary, answers: state.wizard.answers,
      language: state.language, digest: state.questionnaireDigest)
  }

  private func handleSummary(_ state: inout AppState, _ key: Key) -> [WizardEffect] {
    let page = max(1, state.height - 5)
    switch key {
    case .up, .character("k"): state.listSelection = max(0, state.listSelection - 1)
    case .down, .character("j"): state.listSelection += 1
    case .pageUp: state.listSelection = max(0, state.listSelection - page)
    case .pageDown, .character(" "): state.listSelection += page
    case .home: state.listSelection = 0
    case .enter:
      guard let target = summaryTarget(state) else { return [] }
      if state.wizard.phase == .finished {
        return send(&state, .reopenRequested) + send(&state, .questionJumped(target))
      }
      return send(&state, .questionJumped(target))
    case .escape, .left, .character("S"):
      return state.wizard.phase == .finished
        ? send(&state, .reopenRequested) : send(&state, .overlayClosed)
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

extension SessionMetadata.Field {
  public var phrase: Phrase {
    switch self {
    case .organisation: return .organisation
    case .assessor: return .assessor
    case .provider: return .provider
    case .service: return .service
    }
  }
}
