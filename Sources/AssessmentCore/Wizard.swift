import Foundation

/// The wizard state machine: `reduce(state, event) -> [effect]`, pure and total.
///
/// An event that makes no sense in the current phase changes nothing.
public struct Wizard: Sendable {
  public let questionnaire: Questionnaire

  public init(questionnaire: Questionnaire) {
    self.questionnaire = questionnaire
  }

  /// A new assessment, on the identification form.
  public func start(at date: Date) -> WizardState {
    var state = WizardState(
      metadata: SessionMetadata(created: date, updated: date),
      visibility: questionnaire.visibility(answers: [:]))
    state.cursor = firstVisible(state) ?? 0
    recount(&state)
    return state
  }

  /// A saved assessment, reopened where it was left. The review and summary reopen on their
  /// question; a cursor out of range or on a question that no longer applies moves to the nearest
  /// one that does.
  public func resume(
    phase: Phase, metadata: SessionMetadata, answers: [String: Answer], cursor: Int
  ) -> WizardState {
    var state = WizardState(
      phase: phase == .review || phase == .summary ? .questions : phase, metadata: metadata,
      answers: answers, cursor: cursor, visibility: questionnaire.visibility(answers: answers))
    settleCursor(&state)
    recount(&state)
    return state
  }

  public func reduce(_ state: inout WizardState, _ event: WizardEvent) -> [WizardEffect] {
    let before = PersistedPart(state)
    var answersChanged = false
    var effects: [WizardEffect] = []
    switch (state.phase, event) {
    case (.identification, .identificationEdited(let field, let value, let date)):
      guard state.metadata[field] != value else { break }
      state.metadata[field] = value
      state.metadata.updated = date
    case (.identification, .identificationConfirmed(let date)):
      guard missingIdentification(state).isEmpty else { break }
      state.phase = .questions
      state.metadata.updated = date
      settleCursor(&state)
    case (.questions, .answerChosen(let value, let date)):
      guard let question = current(state), accepts(question, value) else { break }
      // Answering anew is one way to settle a conflict.
      answersChanged = updateAnswer(&state, question.id, date: date) {
        $0.value = value
        $0.conflict = nil
      }
    case (.questions, .claimTaken(let date)):
      guard let question = current(state), let claim = state.answers[question.id]?.claim,
        let value = claim.value, accepts(question, value)
      else { break }
      // The claim's evidence comes with it: the answer now rests on those documents, and their
      // validity is watched like any other record's.
      answersChanged = updateAnswer(&state, question.id, date: date, origin: .claimTaken) {
        $0.value = value
        $0.conflict = nil
        for record in claim.evidence where !$0.evidence.contains(record) {
          $0.evidence.append(record)
        }
      }
    case (.questions, .answerCleared(let date)):
      guard let question = current(state),
        state.answers[question.id]?.value != nil || state.answers[question.id]?.conflict != nil
      else { break }
      answersChanged = updateAnswer(&state, question.id, date: date) {
        $0.value = nil
        $0.answeredAt = nil
        $0.conflict = nil
      }
    case (.questions, .conflictResolved(let side, let date)):
      guard let question = current(state), let conflict = state.answers[question.id]?.conflict
      else { break }
      let stamp = side == .theirs && conflict.theirs.value != state.answers[question.id]?.value
      answersChanged = updateAnswer(&state, question.id, date: date, stamp: stamp) {
        $0 = $0.resolvingConflict(taking: side)
      }
    case (.questions, .noteEdited(let note, let date)):
      guard let question = current(state), (state.answers[question.id]?.note ?? "") != note else {
        break
      }
      answersChanged = updateAnswer(&state, question.id, date: date, stamp: false) {
        $0.note = note
      }
    case (.questions, .evidenceAdded(let record, let date)):
      let record = record.trimmed
      guard let question = current(state), !record.reference.isEmpty, record.hasValidDays else {
        break
      }
      answersChanged = updateAnswer(&state, question.id, date: date, stamp: false) {
        $0.evidence.append(record)
      }
    case (.questions, .evidenceRemoved(let index, let date)):
      guard let question = current(state),
        state.answers[question.id]?.evidence.indices.contains(index) == true
      else { break }
      answersChanged = updateAnswer(&state, question.id, date: date, stamp: false) {
        _ = $0.evidence.remove(at: index)
      }
    case (.questions, .evidenceEdited(let index, let record, let date)):
      let record = record.trimmed
      guard let question = current(state),
        let recorded = state.answers[question.id]?.evidence,
        recorded.indices.contains(index), recorded[index] != record, record.hasValidDays
      else { break }
      answersChanged = updateAnswer(&state, question.id, date: date, stamp: false) {
        if record.reference.isEmpty {
          _ = $0.evidence.remove(at: index)
        } else {
          $0.evidence[index] = record
        }
      }
    case (.questions, .flagToggled(let date)):
      guard let question = current(state) else { break }
      answersChanged = updateAnswer(&state, question.id, date: date, stamp: false) {
        $0.flagged.toggle()
      }
    // The action plan is follow-up, not answering: it is kept up on a finished assessment too.
    case (.questions, .actionEdited(let action, let date)),
      (.finished, .actionEdited(let action, let date)):
      guard let question = current(state) else { break }
      if action.status == .riskAccepted, !blockingRules(holdingFor: question.id, state).isEmpty {
        break
      }
      let stored = action.isBlank ? nil : action
      guard state.answers[question.id]?.action != stored else { break }
      answersChanged = updateAnswer(&state, question.id, date: date, stamp: false) {
        $0.action = stored
      }
    case (.questions, .answerConfirmed(let date)):
      guard let question = current(state), state.answers[question.id]?.reverify == true else {
        break
      }
      answersChanged = updateAnswer(&state, question.id, date: date) { $0.reverify = false }
    case (.questions, .nextPressed):
      if let next = nextVisible(state, after: state.cursor) {
        state.cursor = next
      } else {
        state.phase = .review
      }
    case (.questions, .backPressed):
      if let previous = previousVisible(state, before: state.cursor) { state.cursor = previous }
    case (.review, .backPressed):
      state.phase = .questions
    case (.questions, .sectionJumped(let index)), (.review, .sectionJumped(let index)),
      (.summary, .sectionJumped(let index)):
      guard questionnaire.sections.indices.contains(index),
        let target = questionnaire.sectionIndexOfQuestion.indices.first(where: {
          questionnaire.sectionIndexOfQuestion[$0] == index && state.visibility[$0]
        })
      else { break }
      jump(&state, to: target)
    case (.questions, .questionJumped(let id)), (.review, .questionJumped(let id)),
      (.summary, .questionJumped(let id)):
      guard let target = questionnaire.index(of: id), state.visibility[target] else { break }
      jump(&state, to: target)
    case (.finished, .questionJumped(let id)):
      // The question whose plan is followed up; the assessment stays finished.
      guard let target = questionnaire.index(of: id), state.visibility[target] else { break }
      state.cursor = target
    case (.questions, .returnPressed):
      while let origin = state.history.popLast() {
        guard state.visibility.indices.contains(origin), state.visibility[origin] else { continue }
        state.cursor = origin
        break
      }
    case (.questions, .searchSubmitted(let query)):
      let matches = questionnaire.search(query, visibility: state.visibility)
      state.search = SearchState(query: query, matches: matches)
      if let first = matches.first(where: { $0 > state.cursor }) ?? matches.first {
        state.search?.current = matches.firstIndex(of: first) ?? 0
        jump(&state, to: first)
      }
    case (.questions, .nextMatchPressed):
      guard var search = state.search, !search.matches.isEmpty else { break }
      search.current = (search.current + 1) % search.matches.count
      state.search = search
      jump(&state, to: search.matches[search.current])
    case (.questions, .reviewOpened):
      state.phase = .review
    case (.questions, .summaryOpened), (.review, .summaryOpened):
      state.phase = .summary
    case (.review, .overlayClosed), (.summary, .overlayClosed):
      state.phase = .questions
    case (.questions, .finishRequested), (.review, .finishRequested),
      (.summary, .finishRequested):
      state.phase = .finished
    case (.finished, .reopenRequested):
      state.phase = .questions
    case (_, .saveRequested):
      effects.append(.save)
    case (_, .saveSucceeded(let date)):
      state.saveStatus = .saved(date)
      state.unsaved.ids.removeAll()
      state.unsaved.origins.removeAll()
    case (_, .saveFailed(let message)):
      state.saveStatus = .failed(message)
    case (_, .quitRequested):
      return [.save, .exit]
    default:
      break
    }
    if answersChanged || PersistedPart(state) != before, !effects.contains(.save) {
      effects.insert(.save, at: 0)
    }
    return effects
  }

  // MARK: - Queries for the screens

  /// The current question, when the cursor is on one that applies.
  public func current(_ state: WizardState) -> Question? {
    guard questionnaire.questions.indices.contains(state.cursor),
      state.visibility.indices.contains(state.cursor), state.visibility[state.cursor]
    else { return nil }
    return questionnaire.questions[state.cursor]
  }

  /// The identification fields still empty; the form cannot be confirmed until there are none.
  public func missingIdentification(_ state: WizardState) -> [SessionMetadata.Field] {
    SessionMetadata.Field.allCases.filter {
      state.metadata[$0].isBlank
    }
  }

  /// Answered questions among those that apply, over the whole questionnaire.
  public func progress(_ state: WizardState) -> Progress {
    if state.tally.isCurrent { return state.tally.total }
    return progress(state, positions: questionnaire.questions.indices)
  }

  /// Answered questions among those that apply, in one section.
  public func progress(_ state: WizardState, section: Int) -> Progress {
    guard questionnaire.sectionRanges.indices.contains(section) else {
      return Progress(answered: 0, applicable: 0)
    }
    if state.tally.isCurrent { return state.tally.sections[section] }
    return progress(state, positions: questionnaire.sectionRanges[section])
  }

  /// The rank (1-based) of the current question among those that apply.
  public func visibleRank(_ state: WizardState) -> Int {
    guard state.visibility.indices.contains(state.cursor) else { return 0 }
    return state.visibility[...state.cursor].filter { $0 }.count
  }

  /// How many questions apply (optional and derogation questions included: the walk shows them).
  public func visibleCount(_ state: WizardState) -> Int {
    state.visibility.reduce(0) { $0 + ($1 ? 1 : 0) }
  }

  /// The sections that hold at least one question that applies, by index.
  public func visibleSections(_ state: WizardState) -> [Int] {
    if state.tally.isCurrent {
      return state.tally.sections.indices.filter { state.tally.sections[$0].applicable > 0 }
    }
    var seen = Set<Int>()
    var result: [Int] = []
    for (position, visible) in state.visibility.enumerated() where visible {
      let section = questionnaire.sectionIndexOfQuestion[position]
      if seen.insert(section).inserted { result.append(section) }
    }
    return result
  }

  /// What is left to do before finishing, in walking order.
  public func review(_ state: WizardState) -> ReviewList {
    var list = ReviewList()
    for (position, question) in questionnaire.questions.enumerated()
    where state.visibility[position] {
      let answer = state.answers[question.id]
      if questionnaire.value(answer, question) == nil, question.isRequired {
        list.unanswered.append(position)
      }
      if answer?.flagged == true { list.flagged.append(position) }
      if answer?.isUnjustifiedNotApplicable == true {
        list.unjustifiedNotApplicable.append(position)
      }
      if answer?.conflict != nil { list.conflicts.append(position) }
    }
    return list
  }

  /// The blocking rules naming a question that hold now (hidden answers never block), or that
  /// allow no exception (`derogation: none`) and would hold were its answer a gap: a risk they
  /// find cannot be accepted, only closed or, where the rule allows one, waived by a formal
  /// derogation (``BlockingRule/refusesAcceptance(of:_:)``, as the summary judges it).
  public func blockingRules(holdingFor questionID: String, _ state: WizardState) -> [BlockingRule] {
    let answer = questionnaire.visibleAnswer(state.answers, state.visibility)
    return questionnaire.blockingRules.filter { $0.refusesAcceptance(of: questionID, answer) }
  }

  /// Answers kept for question ids this questionnaire does not have.
  public func orphanAnswerIDs(_ state: WizardState) -> [String] {
    state.answers.keys.filter { questionnaire.index(of: $0) == nil }.sorted()
  }

  // MARK: - Helpers

  private func progress<C: Collection>(_ state: WizardState, positions: C) -> Progress
  where C.Element == Int {
    var progress = Progress(answered: 0, applicable: 0)
    for position in positions where state.visibility[position] {
      add(
        contribution(position, state.answers[questionnaire.questions[position].id]), to: &progress)
    }
    return progress
  }

  /// What one applicable question adds to the progress (each count 0 or 1); the risk engine
  /// counts the same.
  private func contribution(_ position: Int, _ answer: Answer?) -> Progress {
    let question = questionnaire.questions[position]
    let fits = questionnaire.value(answer, question) != nil
    let carried = fits && answer?.reverify == true
    let unjustified =
      fits && question.type == .compliance && answer?.isUnjustifiedNotApplicable == true
    let required = question.isRequired ? 1 : 0
    return Progress(
      answered: fits ? required : 0, applicable: required,
      verified: fits && !carried ? required : 0,
      toReverify: carried ? 1 : 0, unjustifiedNotApplicable: unjustified ? 1 : 0)
  }

  private func add(_ counts: Progress, to progress: inout Progress, sign: Int = 1) {
    progress.applicable += sign * counts.applicable
    progress.answered += sign * counts.answered
    progress.verified += sign * counts.verified
    progress.toReverify += sign * counts.toReverify
    progress.unjustifiedNotApplicable += sign * counts.unjustifiedNotApplicable
  }

  private func accepts(_ question: Question, _ value: AnswerValue) -> Bool {
    questionnaire.fits(value, question)
  }

  /// Changes one answer; true when it changed. Visibility is recomputed only when a condition
  /// reads this question; the tally follows the change. `origin`, other than `edited`, is kept
  /// for the store, which records it in the answer's history (a claim taken, a conflict
  /// resolved).
  @discardableResult
  private func updateAnswer(
    _ state: inout WizardState, _ id: String, date: Date, stamp: Bool = true,
    origin: AnswerChange.Origin = .edited, _ change: (inout Answer) -> Void
  ) -> Bool {
    let previous = state.answers[id]
    var answer = previous ?? Answer()
    let valueBefore = answer.value
    change(&answer)
    if stamp, answer.value != nil { answer.answeredAt = date }
    // Giving, changing or clearing a carried answer is re-verifying it.
    if stamp { answer.reverify = false }
    let stored: Answer? = answer.isEmpty ? nil : answer
    guard stored != previous else { return false }
    let tallyWasCurrent = state.tally.isCurrent
    let position = questionnaire.index(of: id)
    let countedBefore = position.map { contribution($0, previous) }
    state.answers[id] = stored
    state.unsaved.ids.insert(id)
    state.unsaved.origins[id] = origin == .edited ? nil : origin
    state.metadata.updated = date
    if answer.value != valueBefore, questionnaire.conditionQuestionIDs.contains(id) {
      state.visibility = questionnaire.visibility(answers: state.answers)
      if let search = state.search {
        let matches = questionnaire.search(search.query, visibility: state.visibility)
        state.search = SearchState(
          query: search.query, matches: matches,
          current: min(search.current, max(matches.count - 1, 0)))
      }
      settleCursor(&state)
      recount(&state)
    } else if tallyWasCurrent {
      state.tally.isCurrent = true
      if let position, let countedBefore, state.visibility.indices.contains(position),
        state.visibility[position]
      {
        let section = questionnaire.sectionIndexOfQuestion[position]
        let countedNow = contribution(position, stored)
        add(countedBefore, to: &state.tally.total, sign: -1)
        add(countedBefore, to: &state.tally.sections[section], sign: -1)
        add(countedNow, to: &state.tally.total)
        add(countedNow, to: &state.tally.sections[section])
      }
    }
    return true
  }

  /// Counts answered and applicable questions afresh, overall and per section.
  private func recount(_ state: inout WizardState) {
    var tally = Tally()
    tally.sections = Array(
      repeating: Progress(answered: 0, applicable: 0), count: questionnaire.sections.count)
    for (position, question) in questionnaire.questions.enumerated()
    where state.visibility.indices.contains(position) && state.visibility[position] {
      let counts = contribution(position, state.answers[question.id])
      add(counts, to: &tally.total)
      add(counts, to: &tally.sections[questionnaire.sectionIndexOfQuestion[position]])
    }
    tally.isCurrent = true
    state.tally = tally
  }

  private func jump(_ state: inout WizardState, to target: Int) {
    if state.phase == .questions, target != state.cursor { state.history.append(state.cursor) }
    state.cursor = target
    state.phase = .questions
  }

  private func settleCursor(_ state: inout WizardState) {
    if state.visibility.indices.contains(state.cursor), state.visibility[state.cursor] { return }
    if let next = nextVisible(state, after: state.cursor)
      ?? previousVisible(state, before: state.cursor)
    {
      state.cursor = next
    } else {
      state.cursor = 0
    }
  }

  private func firstVisible(_ state: WizardState) -> Int? {
    state.visibility.firstIndex(of: true)
  }

  private func nextVisible(_ state: WizardState, after position: Int) -> Int? {
    let start = max(position + 1, 0)
    guard start < state.visibility.count else { return nil }
    return state.visibility[start...].firstIndex(of: true)
  }

  private func previousVisible(_ state: WizardState, before position: Int) -> Int? {
    let end = min(position, state.visibility.count)
    guard end > 0 else { return nil }
    return state.visibility[..<end].lastIndex(of: true)
  }
}

/// What the review screen lists, as question positions in walking order.
public struct ReviewList: Equatable, Sendable {
  /// Answers two merged copies of the session disagree on: listed first, to be settled.
  public var conflicts: [Int] = []
  public var unanswered: [Int] = []
  public var flagged: [Int] = []
  public var unjustifiedNotApplicable: [Int] = []

  public init(
    unanswered: [Int] = [], flagged: [Int] = [], unjustifiedNotApplicable: [Int] = [],
    conflicts: [Int] = []
  ) {
    self.conflicts = conflicts
    self.unanswered = unanswered
    self.flagged = flagged
    self.unjustifiedNotApplicable = unjustifiedNotApplicable
  }

  public var isEmpty: Bool {
    unanswered.isEmpty && flagged.isEmpty && unjustifiedNotApplicable.isEmpty && conflicts.isEmpty
  }
}

/// The part of the state a session file keeps besides the answers (whose changes
/// `updateAnswer` reports, without comparing thousands of them); a change to it must be saved.
private struct PersistedPart: Equatable {
  var phase: Phase
  var metadata: SessionMetadata
  var cursor: Int

  init(_ state: WizardState) {
    phase = state.phase
    metadata = state.metadata
    cursor = state.cursor
  }
}
