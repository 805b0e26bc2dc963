import AssessmentCore
import AssessmentReports
import Foundation

/// The summary's keys, and the summary report the screen and the runner draw.
extension App {
  // MARK: - Summary

  public func summaryReport(_ state: AppState) -> SummaryReport {
    SummaryReport.assemble(
      questionnaire: questionnaire, digest: state.questionnaireDigest, state: state.wizard,
      asOf: state.now, answeredUnderVersion: state.answeredUnderVersion, previous: previous,
      language: state.language, signOffs: state.signOffs)
  }

  /// The summary's lines wrapped to the width the screen draws them at.
  public func summaryLines(_ state: AppState) -> [SummaryLine] {
    let report = summaryReport(state)
    let width = max(20, state.width - 4)
    var result: [SummaryLine] = []
    for line in report.lines() {
      // A line that fits is kept as it is (its spacing may align columns); a table row is never
      // wrapped, only cut.
      if DisplayWidth.of(line.text) <= width || line.isTableRow {
        var kept = line
        kept.text = DisplayWidth.truncate(line.text, to: width)
        result.append(kept)
        continue
      }
      let indent = String(line.text.prefix { $0 == " " })
      let wrapped = DisplayWidth.wrap(
        String(line.text.dropFirst(indent.count)), width: width - indent.count)
      for (index, piece) in wrapped.enumerated() {
        result.append(
          SummaryLine(
            (index == 0 ? indent : indent + "  ") + piece, line.emphasis,
            questionID: line.questionID))
      }
    }
    return result
  }

  func handleSummary(_ state: inout AppState, _ key: Key) -> [WizardEffect] {
    let total = summaryLines(state).count
    let finished = state.wizard.phase == .finished
    func moveTo(_ selection: Int) {
      state.listSelection = min(max(total - 1, 0), max(0, selection))
      state.listOffset = Viewport.settle(
        state.listOffset, focus: state.listSelection, total: total, rows: state.listRows)
    }
    let table = finished ? Self.finishedSummaryKeys : Self.summaryKeys
    guard let action = table.action(for: key) else { return [] }
    switch action {
    case .previous: moveTo(state.listSelection - 1)
    case .next: moveTo(state.listSelection + 1)
    case .pageUp, .pageDown:
      state.listOffset = Viewport.paged(
        state.listOffset, forward: action == .pageDown, total: total, rows: state.listRows)
      moveTo(state.listOffset)
    case .first:
      state.listOffset = 0
      moveTo(0)
    case .last:
      moveTo(total - 1)
    case .go:
      // A finished assessment is reopened only by an explicit decision (o).
      if finished {
        state.notice = FrontEndText.finishedHint.text(state.language)
        return []
      }
      guard let target = summaryTarget(state) else { return [] }
      return send(&state, .questionJumped(target))
    case .plan:
      // The plan of the selected gap, edited from the summary's list of gaps. On a finished
      // assessment too: following up the plan is not answering, and the summary stays where it was.
      guard let target = summaryTarget(state) else { return [] }
      let (selection, offset) = (state.listSelection, state.listOffset)
      let effects = send(&state, .questionJumped(target))
      if finished { (state.listSelection, state.listOffset) = (selection, offset) }
      openPlan(&state)
      return effects
    case .reopen:
      let target = summaryTarget(state)
      var effects = send(&state, .reopenRequested)
      if let target { effects += send(&state, .questionJumped(target)) }
      return effects
    case .close:
      if finished {
        state.notice = FrontEndText.finishedHint.text(state.language)
        return []
      }
      return send(&state, .overlayClosed)
    case .quit:
      return send(&state, .quitRequested)
    case .save:
      return send(&state, .saveRequested)
    case .signOff:
      openSignOff(&state)
    }
    return []
  }

  /// The question of the selected summary line, when it names one. The runner clamps the
  /// selection to the lines it drew (the summary screen).
  func summaryTarget(_ state: AppState) -> String? {
    let lines = summaryLines(state)
    guard lines.indices.contains(state.listSelection) else { return nil }
    return lines[state.listSelection].questionID
  }
}
