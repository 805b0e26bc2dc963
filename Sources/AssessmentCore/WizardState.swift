import Foundation

/// Where the assessor is in the walk.
public enum Phase: String, CaseIterable, Equatable, Sendable {
  /// The first form: organisation, assessor, provider, service.
  case identification
  case questions
  /// The list of what is left to do: unanswered, flagged, N/A without justification.
  case review
  case summary
  case finished
}

/// The result of the last save, for the status line.
public enum SaveStatus: Equatable, Sendable {
  case notSaved
  case saved(Date)
  case failed(String)
}

/// A search over the questions that apply.
public struct SearchState: Equatable, Sendable {
  public var query: String
  /// Positions of the matching questions, in walking order.
  public var matches: [Int]
  /// Index into `matches` of the current match.
  public var current: Int

  public init(query: String, matches: [Int], current: Int = 0) {
    self.query = query
    self.matches = matches
    self.current = current
  }
}

/// Everything the wizard knows. Pure data: the runner draws it and persists it.
public struct WizardState: Equatable, Sendable {
  public var phase: Phase
  public var metadata: SessionMetadata
  /// Answers keyed by question id, including those of hidden questions and of ids the
  /// questionnaire no longer has (kept, never dropped).
  public var answers: [String: Answer] { didSet { tally.isCurrent = false } }
  /// The current question, as a position in ``Questionnaire/questions``.
  public var cursor: Int
  /// Positions left by jumps (search, contents, review), newest last.
  public var history: [Int]
  /// Which questions apply; recomputed whenever an answer changes.
  public var visibility: [Bool] { didSet { tally.isCurrent = false } }
  /// Progress counts kept up to date by the wizard (derived data; see ``Tally``).
  public var tally = Tally()
  /// The answers changed since the last successful save, so that a save can write just those.
  public var unsaved = UnsavedAnswers()
  public var search: SearchState?
  public var saveStatus: SaveStatus

  public init(
    phase: Phase = .identification, metadata: SessionMetadata, answers: [String: Answer] = [:],
    cursor: Int = 0, history: [Int] = [], visibility: [Bool], search: SearchState? = nil,
    saveStatus: SaveStatus = .notSaved
  ) {
    self.phase = phase
    self.metadata = metadata
    self.answers = answers
    self.cursor = cursor
    self.history = history
    self.visibility = visibility
    self.search = search
    self.saveStatus = saveStatus
  }
}

/// Answered and applicable questions, overall and per section, as the wizard keeps them so that
/// the progress line costs nothing per keystroke on a large questionnaire. Derived from the
/// answers and the visibility: any change to those made outside the wizard marks it out of date,
/// and the queries then count afresh. It takes no part in equality.
public struct Tally: Equatable, Sendable {
  public var isCurrent = false
  public var total = Progress(answered: 0, applicable: 0)
  public var sections: [Progress] = []

  public init() {}

  public static func == (lhs: Tally, rhs: Tally) -> Bool { true }
}

/// The ids of the answers changed since the last successful save (bookkeeping for the saver; it
/// takes no part in equality). Cleared by ``WizardEvent/saveSucceeded(at:)``.
public struct UnsavedAnswers: Equatable, Sendable {
  public var ids: Set<String> = []
  /// How an answer changed when it was not typed (`edited`): a provider's claim taken, a
  /// conflict resolved. The store records it in the answer's history at the next save.
  public var origins: [String: AnswerChange.Origin] = [:]

  public init() {}

  public static func == (lhs: UnsavedAnswers, rhs: UnsavedAnswers) -> Bool { true }
}

/// What the assessor did.
public enum WizardEvent: Equatable, Sendable {
  case identificationEdited(SessionMetadata.Field, String, at: Date)
  case identificationConfirmed(at: Date)
  case answerChosen(AnswerValue, at: Date)
  case answerCleared(at: Date)
  case noteEdited(String, at: Date)
  /// A record added; one without a reference, or with a day that is not YYYY-MM-DD, is refused.
  case evidenceAdded(EvidenceRecord, at: Date)
  case evidenceRemoved(Int, at: Date)
  /// The record at an index replaced (while a part of it is being typed); a blank reference
  /// removes it, a day that is not YYYY-MM-DD is refused.
  case evidenceEdited(Int, EvidenceRecord, at: Date)
  case flagToggled(at: Date)
  /// The action plan of the current question's gap changed (a blank one removes it). Refused
  /// for "risk accepted" while a blocking rule naming the question holds.
  case actionEdited(PlanAction, at: Date)
  /// The conflict on the current question's answer (two merged copies of the session
  /// disagree) settled by taking one side; answering anew or clearing settles it too.
  case conflictResolved(ConflictSide, at: Date)
  /// The provider's latest claim on the current question taken as the assessor's answer: the
  /// history records it as taken, not typed. Nothing happens without a claim.
  case claimTaken(at: Date)
  /// The answer carried over from the previous assessment is confirmed as still true.
  case answerConfirmed(at: Date)
  case nextPressed
  case backPressed
  case sectionJumped(Int)
  case questionJumped(String)
  /// Return to where the last jump came from.
  case returnPressed
  case searchSubmitted(String)
  case nextMatchPressed
  case reviewOpened
  case summaryOpened
  /// Leave the review or the summary for the current question.
  case overlayClosed
  case finishRequested
  case reopenRequested
  case saveRequested
  case saveSucceeded(at: Date)
  case saveFailed(String)
  case quitRequested
}

/// One side of a merge conflict (``AnswerConflict``).
public enum ConflictSide: Equatable, Sendable {
  /// This copy's answer, as the conflict recorded it, with the changes made since.
  case ours
  /// The other copy's.
  case theirs
}

/// What the runner must do after an event.
public enum WizardEffect: Equatable, Sendable {
  /// Persist the session now.
  case save
  /// Leave the wizard (after performing the effects before this one).
  case exit
}
