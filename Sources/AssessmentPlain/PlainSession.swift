import AssessmentCore
import AssessmentFrontEnd
import AssessmentReports
import Foundation

/// The wizard as lines: what to show before each prompt, the prompt, and what a typed line
/// does. Pure, like ``App``, whose state and events it shares: the same wizard state machine,
/// the same edited-field mechanism (a line is a field typed and left at once), the same texts.
/// ``PlainRunner`` reads the lines and performs the effects.
public struct PlainSession {
  public let app: App
  public var state: AppState

  /// What the next line answers (besides a command, which it may always be).
  enum Expecting: Equatable {
    case identification(SessionMetadata.Field)
    case question
    /// A field of the derogation record of the current question (they are asked in turn).
    case derogation(DerogationRecord.Field)
    /// The note justifying "not applicable".
    case justification
    /// The status of the current question's action plan (`plan`), then its text fields in turn
    /// (the acceptance's only for an accepted risk).
    case planStatus
    case plan(PlanAction.Field)
    case finishConfirmation
    /// A field of management's decision (`decision`), asked in turn from the review, the
    /// summary or a finished assessment.
    case signOff(SignOff.Field)
    /// The review, the summary, a finished assessment: commands only.
    case command
  }

  var expecting: Expecting
  /// What was last shown in full (a question, the review...), so that it is shown again only
  /// when it changes.
  var shown: String?

  /// What handling a line gave.
  public struct Reply: Equatable {
    public var lines: [String] = []
    public var effects: [WizardEffect] = []
    /// Why the line was refused (it changed nothing).
    public var refused: String?
    /// The line asked for a save (`save`): say when it was done.
    public var announcesSave = false
    /// Management's decision, checked, for the runner to record (after the effects).
    public var signOff: SignOffDraft?
  }

  public init(app: App, state: AppState) {
    self.app = app
    self.state = state
    self.state.field = nil
    self.state.mode = .browsing
    expecting = .command
    expecting = settled()
  }

  var language: InterfaceLanguage { state.language }
  var wizard: Wizard { app.wizard }
  var questionnaire: Questionnaire { app.wizard.questionnaire }

  // MARK: - Input

  /// The end of the input: the session is saved and left.
  public mutating func endOfInput(now: Date) -> [WizardEffect] {
    app.send(&state, .quitRequested)
  }

  /// Handles one typed line.
  public mutating func handle(_ line: String, now: Date) -> Reply {
    state.now = now
    state.notice = nil
    var reply = Reply()
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    if let (command, argument) = PlainCommand.parse(trimmed, language),
      expecting != .finishConfirmation
    {
      run(command, argument, now: now, &reply)
    } else {
      answer(trimmed, now: now, &reply)
    }
    if reply.refused == nil { expecting = settled(after: expecting) }
    return reply
  }

  /// What the next line answers, once a line has been handled.
  private func settled(after previous: Expecting? = nil) -> Expecting {
    if case .signOff? = previous, state.wizard.phase != .identification,
      state.wizard.phase != .questions
    {
      return previous ?? .command
    }
    switch state.wizard.phase {
    case .identification:
      if case .identification(let field)? = previous { return .identification(field) }
      return .identification(SessionMetadata.Field.allCases[0])
    case .questions:
      if let previous, previous == .justification || previous == .finishConfirmation {
        return previous
      }
      if let previous {
        switch previous {
        case .planStatus, .plan: return previous
        default: break
        }
      }
      if case .derogation(let field)? = previous, wizard.current(state.wizard)?.type == .derogation
      {
        return .derogation(field)
      }
      if wizard.current(state.wizard)?.type == .derogation { return .derogation(.reference) }
      return .question
    case .review, .summary:
      return previous == .finishConfirmation ? .finishConfirmation : .command
    case .finished:
      switch previous {
      case .planStatus?, .plan?: return previous ?? .command
      default: return .command
      }
    }
  }

  mutating func send(_ event: WizardEvent, _ reply: inout Reply) {
    reply.effects += app.send(&state, event)
  }

  /// Hands `text` to the wizard as the field `target`, typed and left at once; the notice says
  /// why when it cannot be (a number that does not parse).
  mutating func handOver(
    _ target: EditedField.Target, _ text: String, current: String, now: Date, _ reply: inout Reply
  ) -> Bool {
    var field = EditedField(target, text: current)
    field.editor = TextEditor(text, multiline: target == .note)
    state.field = field
    let effects = app.handOver(&state, now: now)
    state.field = nil
    guard let effects else {
      reply.refused = state.notice ?? ""
      state.notice = nil
      return false
    }
    reply.effects += effects
    return true
  }
}
