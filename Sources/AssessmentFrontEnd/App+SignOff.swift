import AssessmentCore
import AssessmentReports
import Foundation

/// How recording a decision ended, as the runner reports it.
public enum SignOffOutcome: Equatable, Sendable {
  /// Recorded: the session's decisions, the new one last.
  case recorded([SignOff])
  /// The session could not be written: the message.
  case failed(String)
}

/// Management's decision form (`D` on the summary): the decision, who took it, their role, the
/// reference of the minutes, the day, the conditions; recorded by the runner once checked
/// against the verdict.
extension App {
  /// The form's rows: the decision, the text fields, then the row that records it.
  public static let signOffRows = 2 + SignOffDraft.textFields.count

  func openSignOff(_ state: inout AppState) {
    // What was typed on a refused attempt is kept; the decision proposed is the verdict's.
    state.signOffDraft.decision = SignOffDraft.proposed(for: summaryReport(state).summary.verdict)
    state.signOffProblem = []
    state.field = nil
    state.mode = .signOff(selection: 0)
  }

  /// Keys on the form; a text field being typed takes the text fields' keys.
  func handleSignOff(_ state: inout AppState, _ key: Key, selection: Int, now: Date)
    -> [AppEffect]
  {
    let fields = SignOffDraft.textFields
    if let field = state.field, case .signOff = field.target {
      switch Self.textFieldKeys.action(for: key) ?? .type {
      case .confirm:
        guard handOver(&state, now: now) != nil else { return [] }
        state.field = nil
        let next = selection + 1
        if next <= fields.count {
          open(
            &state, .signOff(fields[next - 1]), text: state.signOffDraft[fields[next - 1]], now: now
          )
        }
        state.mode = .signOff(selection: next)
      case .leave:
        if handOver(&state, now: now) == nil {
          state.notice = FrontEndText.notKept.format(state.language, field.editor.text)
        }
        state.field = nil
      case .quit:
        return quit(&state, now: now).map(AppEffect.init)
      case .type, .save:
        state.field?.editor.apply(key)
      }
      return []
    }
    guard let action = Self.signOffFormKeys.action(for: key) else { return [] }
    let decisions = SignOff.Decision.allCases
    switch action {
    case .previous: state.mode = .signOff(selection: max(0, selection - 1))
    case .next: state.mode = .signOff(selection: min(Self.signOffRows - 1, selection + 1))
    case .cycleDecision:
      let index = decisions.firstIndex(of: state.signOffDraft.decision) ?? 0
      state.signOffDraft.decision = decisions[(index + 1) % decisions.count]
    case .decision:
      guard case .character(let digit) = key, let number = Int(String(digit)),
        decisions.indices.contains(number - 1)
      else { return [] }
      state.signOffDraft.decision = decisions[number - 1]
    case .edit:
      if selection == 0 {
        let index = decisions.firstIndex(of: state.signOffDraft.decision) ?? 0
        state.signOffDraft.decision = decisions[(index + 1) % decisions.count]
      } else if selection >= Self.signOffRows - 1 {
        return recordSignOff(&state, now: now)
      } else {
        let field = fields[selection - 1]
        open(&state, .signOff(field), text: state.signOffDraft[field], now: now)
      }
    case .close:
      state.signOffProblem = []
      state.mode = .browsing
    case .quit:
      return quit(&state, now: now).map(AppEffect.init)
    }
    return []
  }

  /// The decision on the form, checked against the summary on screen: refused with why (the
  /// blocking findings named), else saved and recorded by the runner.
  public func recordSignOff(_ state: inout AppState, now: Date) -> [AppEffect] {
    let report = summaryReport(state)
    let today = String(Timestamp.format(now).prefix(10))
    let draft = state.signOffDraft
    if let problem = SignOff.problem(
      by: draft.by, role: draft.role, decision: draft.decision, reference: draft.reference,
      on: draft.day(today: today), conditions: draft.conditions, summary: report.summary,
      today: today)
    {
      state.signOffProblem = report.problemLines(problem, decision: draft.decision)
      return []
    }
    state.signOffProblem = []
    var recorded = draft
    recorded.on = draft.day(today: today)
    // The decision is taken on what the summary shows: anything not saved yet is saved first.
    return [.save, .recordSignOff(recorded)]
  }

  /// What recording the decision gave: the summary again with the decision, or the form with
  /// why it could not be written.
  public func signOffFinished(_ state: inout AppState, _ outcome: SignOffOutcome) {
    switch outcome {
    case .recorded(let signOffs):
      state.signOffs = signOffs
      state.mode = .browsing
      if let last = signOffs.last {
        let report = summaryReport(state)
        state.notice = TeamPhrase.signOffSaved.format(
          state.language, report.decisionSentence(last))
      }
    case .failed(let message):
      state.signOffProblem = [message]
    }
  }
}
