import AssessmentCore
import Foundation

/// The review's keys.
extension App {
  // MARK: - Review

  /// The review's lines: headings (no target) and questions (target position).
  public func reviewEntries(_ state: AppState) -> [(text: String, position: Int?)] {
    let list = wizard.review(state.wizard)
    let language = state.language
    var entries: [(String, Int?)] = []
    func group(_ heading: some TranslatedText, _ positions: [Int]) {
      guard !positions.isEmpty else { return }
      entries.append((heading.format(language, positions.count), nil))
      for position in positions {
        let question = questionnaire.questions[position]
        // Cited as the published text reads, like the question screen.
        let reference =
          question.refs.isEmpty
          ? question.id : questionnaire.citations(question.refs, language.rawValue)
        // Who must act on it: what is still to ask of the provider stands out.
        let owner = questionnaire.owner(at: position).name(language)
        entries.append(
          (
            "\(reference) — \(questionnaire.text(question.text, language.rawValue)) · \(owner)",
            position
          ))
      }
    }
    group(ConflictText.reviewHeading, list.conflicts)
    group(Phrase.reviewUnanswered, list.unanswered)
    group(Phrase.reviewFlagged, list.flagged)
    group(Phrase.reviewUnjustified, list.unjustifiedNotApplicable)
    return entries
  }

  func handleReview(_ state: inout AppState, _ key: Key) -> [WizardEffect] {
    let entries = reviewEntries(state)
    // The line of each entry that jumps somewhere, in order.
    let targetLines = entries.indices.filter { entries[$0].position != nil }
    func moveTo(_ selection: Int) {
      state.listSelection = min(max(targetLines.count - 1, 0), max(0, selection))
      let focus =
        targetLines.indices.contains(state.listSelection) ? targetLines[state.listSelection] : nil
      state.listOffset = Viewport.settle(
        state.listOffset, focus: focus, total: entries.count, rows: state.listRows)
    }
    guard let action = Self.reviewKeys.action(for: key) else { return [] }
    switch action {
    case .previous:
      moveTo(state.listSelection - 1)
    case .next:
      moveTo(state.listSelection + 1)
    case .pageUp, .pageDown:
      state.listOffset = Viewport.paged(
        state.listOffset, forward: action == .pageDown, total: entries.count, rows: state.listRows)
      // The first entry shown on the new page.
      moveTo(targetLines.firstIndex { $0 >= state.listOffset } ?? targetLines.count - 1)
    case .go:
      guard targetLines.indices.contains(state.listSelection),
        let position = entries[targetLines[state.listSelection]].position
      else { return [] }
      return send(&state, .questionJumped(questionnaire.questions[position].id))
    case .finish:
      if wizard.review(state.wizard).unanswered.isEmpty {
        return send(&state, .finishRequested)
      }
      let effects = send(&state, .overlayClosed)
      state.mode = .confirmingFinish
      return effects
    case .summary:
      return send(&state, .summaryOpened)
    case .close:
      return send(&state, .overlayClosed)
    case .quit:
      return send(&state, .quitRequested)
    case .save:
      return send(&state, .saveRequested)
    }
    return []
  }
}
