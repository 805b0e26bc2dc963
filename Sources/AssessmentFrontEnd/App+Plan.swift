import AssessmentCore
import AssessmentReports
import Foundation

/// The action plan form's keys (`a` on a question or a gap).
extension App {
  // MARK: - Action plan

  /// The rows of the plan form: the status, then the text fields.
  public static let planRows = 1 + PlanAction.Field.allCases.count

  func openPlan(_ state: inout AppState) {
    guard wizard.current(state.wizard) != nil else { return }
    state.field = nil
    state.mode = .plan(selection: 0)
  }

  /// Sets the status of the current question's action; "risk accepted" is refused, with the
  /// reason in the notice, while a blocking rule naming the question holds. Shared by the plan
  /// form and plain mode's `plan`.
  public func setActionStatus(_ state: inout AppState, _ status: ActionStatus, now: Date)
    -> [WizardEffect]
  {
    guard let question = wizard.current(state.wizard) else { return [] }
    var action = state.wizard.answers[question.id]?.action ?? PlanAction()
    action.status = status
    if status == .riskAccepted {
      let rules = wizard.blockingRules(holdingFor: question.id, state.wizard)
      if !rules.isEmpty {
        state.notice = SummaryReport.acceptanceText(
          .blocking(rules.map(\.id)), action: action, questionnaire: questionnaire,
          language: state.language)
        return []
      }
    }
    return send(&state, .actionEdited(action, at: now))
  }

  func handlePlan(_ state: inout AppState, _ key: Key, selection: Int, now: Date) -> [WizardEffect]
  {
    guard let question = wizard.current(state.wizard) else {
      state.mode = .browsing
      state.field = nil
      return []
    }
    let fields = PlanAction.Field.allCases
    if let field = state.field, case .action = field.target {
      // Typing in a field: Enter hands it over and opens the next one; Esc hands it over and
      // closes it, or drops what cannot be handed over (a date that is not one) and says so.
      switch Self.planFieldKeys.action(for: key) ?? .type {
      case .confirm:
        guard let effects = handOver(&state, now: now) else { return [] }
        state.field = nil
        let next = selection + 1
        // The acceptance's fields only when the risk is accepted (as plain mode asks them).
        let accepted = state.wizard.answers[question.id]?.action?.status == .riskAccepted
        if next < Self.planRows, accepted || !fields[next - 1].isAcceptance {
          let nextField = fields[next - 1]
          open(
            &state, .action(nextField),
            text: state.wizard.answers[question.id]?.action?[nextField] ?? "", now: now)
          state.mode = .plan(selection: next)
        } else {
          state.mode = .plan(selection: selection)
        }
        return effects
      case .leave:
        if let effects = handOver(&state, now: now) {
          state.field = nil
          return effects
        }
        state.notice = FrontEndText.notKept.format(state.language, field.editor.text)
        state.field = nil
        return []
      case .quit:
        return quit(&state, now: now)
      case .type, .save:
        state.field?.editor.apply(key)
        return []
      }
    }
    guard let action = Self.planFormKeys.action(for: key) else { return [] }
    switch action {
    case .previous:
      state.mode = .plan(selection: max(0, selection - 1))
    case .next:
      state.mode = .plan(selection: min(Self.planRows - 1, selection + 1))
    case .status:
      guard case .character(let digit) = key, let number = Int(String(digit)),
        ActionStatus.allCases.indices.contains(number - 1)
      else { return [] }
      return setActionStatus(&state, ActionStatus.allCases[number - 1], now: now)
    case .edit, .cycleStatus:
      // On the status row, Enter and Space step to the next status; on a field, Enter edits it.
      if selection == 0 {
        let current = state.wizard.answers[question.id]?.action?.status ?? .open
        let all = ActionStatus.allCases
        return setActionStatus(
          &state, all[((all.firstIndex(of: current) ?? 0) + 1) % all.count], now: now)
      }
      guard action == .edit else { return [] }
      let field = fields[selection - 1]
      open(
        &state, .action(field), text: state.wizard.answers[question.id]?.action?[field] ?? "",
        now: now)
    case .close:
      state.mode = .browsing
    case .quit:
      return quit(&state, now: now)
    case .save:
      return send(&state, .saveRequested)
    }
    return []
  }
}
