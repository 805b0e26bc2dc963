import Foundation

/// The action plan, the answers to re-verify and the changes since the previous assessment, in
/// the text and Markdown summaries. Nothing is added to a summary without any of them, so a
/// session without a plan summarises exactly as before.
extension SummaryReport {
  func p(_ phrase: PlanPhrase) -> String { phrase.text(language) }
  func pf(_ phrase: PlanPhrase, _ arguments: CustomStringConvertible...) -> String {
    phrase.text(language).substituting(arguments.map(\.description))
  }
  private var colon: String { language == .fr ? " : " : ": " }

  /// What an acceptance's status means, in words.
  public func acceptanceText(_ item: PlanItem) -> String {
    Self.acceptanceText(item.acceptance, action: item.action, questionnaire: questionnaire, language: language)
  }

  public static func acceptanceText(
    _ status: AcceptanceStatus, action: PlanAction, questionnaire: Questionnaire, language: InterfaceLanguage
  ) -> String {
    switch status {
    case .notAccepted: return action.status.phrase.text(language)
    case .valid:
      let until = action.acceptedUntil.trimmed
      return until.isEmpty
        ? PlanPhrase.acceptanceValidNoExpiry.text(language) : PlanPhrase.acceptanceValid.format(language, until)
    case .incomplete: return PlanPhrase.acceptanceIncomplete.text(language)
    case .expired(let day): return PlanPhrase.acceptanceExpired.format(language, day)
    case .badExpiry(let text): return PlanPhrase.acceptanceBadExpiry.format(language, text)
    case .blocking(let rules):
      let derogations = rules.compactMap { id -> String? in
        guard case .question(let question)? = questionnaire.blockingRules.first(where: { $0.id == id })?.derogation
        else { return nil }
        return question
      }
      return derogations.isEmpty
        ? PlanPhrase.acceptanceBlocking.format(language, rules.joined(separator: ", "))
        : PlanPhrase.acceptanceBlockingDerogation.format(
          language, rules.joined(separator: ", "), derogations.joined(separator: ", "))
    }
  }

  /// An action in one line: owner, due date, status, reference.
  public func actionText(_ action: PlanAction) -> String {
    var parts: [String] = []
    if !action.owner.isBlank { parts.append(p(.owner) + colon + action.owner) }
    parts.append(p(.dueDate) + colon + (action.dueDate.isBlank ? p(.noDueDate) : action.dueDate))
    parts.append(p(.status) + colon + p(action.status.phrase))
    if !action.reference.isBlank { parts.append(p(.reference) + colon + action.reference) }
    return parts.joined(separator: " · ")
  }

  /// The lines under a gap: its action, and that it is to re-verify.
  func gapPlanLines(_ gap: Finding) -> [String] {
    var lines: [String] = []
    if gap.toReverify { lines.append(p(.reverifyMark)) }
    if let action = answers[gap.questionID]?.action {
      var line = p(.actionLine) + colon + actionText(action)
      if action.isOverdue(on: summary.asOf) { line += " — " + p(.overdue) }
      lines.append(line)
      if action.status == .riskAccepted, let item = acceptedItem(at: gap.position) {
        lines.append(p(.acceptanceSection) + colon + acceptanceText(item))
      }
    }
    return lines
  }

  /// The accepted risk at a position: the plan lists them in walking order (a binary search,
  /// not a scan per gap).
  func acceptedItem(at position: Int) -> PlanItem? {
    let accepted = summary.plan.accepted
    var low = 0, high = accepted.count
    while low < high {
      let middle = (low + high) / 2
      if accepted[middle].position < position { low = middle + 1 } else { high = middle }
    }
    return low < accepted.count && accepted[low].position == position ? accepted[low] : nil
  }

  /// The register's line for the accepted risks of an entry, if any.
  func registerAcceptedLine(_ entry: RegisterEntry) -> String? {
    guard !entry.accepted.isEmpty else { return nil }
    let items = entry.accepted.compactMap { id in summary.plan.accepted.first { $0.questionID == id } }
    return pf(.acceptedInRegister, items.map { "\($0.questionID) (\(acceptanceText($0)))" }.joined(separator: "; "))
  }

  private func itemTitle(_ item: PlanItem) -> String {
    let question = questionnaire.questions[item.position]
    let level = item.level.map { "[\(levelLabel($0).uppercased())] " } ?? ""
    return "\(level)\(refs(question)) — \(q(question.text))"
  }

  /// The plan section of the text summary (empty without a plan).
  func planLines() -> [SummaryLine] {
    let plan = summary.plan
    var lines: [SummaryLine] = []
    if !plan.isEmpty {
      lines.append(SummaryLine(""))
      lines.append(SummaryLine(p(.plan), .heading))
      lines.append(SummaryLine("  " + pf(.planAsOf, summary.asOf), .dim))
      func group(_ title: String, _ items: [PlanItem], detail: (PlanItem) -> String, emphasis: SummaryLine.Emphasis = .plain) {
        guard !items.isEmpty else { return }
        lines.append(SummaryLine("  " + title, .heading))
        for item in items {
          lines.append(SummaryLine("  - " + itemTitle(item), item.level.map { .level($0) } ?? .plain, questionID: item.questionID))
          lines.append(SummaryLine("      " + detail(item), emphasis, questionID: item.questionID))
        }
      }
      group(pf(.planOverdue, summary.asOf, plan.overdue.count), plan.overdue, detail: { actionText($0.action) }, emphasis: .level(questionnaire.riskModel.levels.last?.id ?? ""))
      group(pf(.planPending, plan.pending.count), plan.pending) { item in
        actionText(item.action) + (item.overdue ? " — " + p(.overdue) : "")
      }
      group(pf(.planAccepted, plan.accepted.count), plan.accepted) { item in
        let who = [item.action.acceptedBy, item.action.acceptedOn].filter { !$0.isBlank }.joined(separator: ", ")
        let why = item.action.acceptanceReason.isBlank ? "" : " — " + item.action.acceptanceReason.replacingScalar("\n", with: " / ")
        return (who.isEmpty ? "" : who + why + " — ") + acceptanceText(item)
      }
      group(pf(.planDone, plan.done.count), plan.done) { actionText($0.action) }
    }
    if !summary.toReverify.isEmpty {
      lines.append(SummaryLine(""))
      lines.append(SummaryLine(pf(.toReverify, summary.toReverify.count), .heading))
      for position in summary.toReverify {
        let question = questionnaire.questions[position]
        let value = answers[question.id]?.value.map { answerWords(question, $0) } ?? "—"
        lines.append(SummaryLine("  - \(refs(question)) — \(q(question.text))", questionID: question.id))
        lines.append(SummaryLine("      \(value)", .dim, questionID: question.id))
      }
    }
    return lines
  }

  /// The plan section of the Markdown summary (empty without a plan).
  func planMarkdown() -> [String] {
    let esc = Self.markdownEscaped
    let plan = summary.plan
    var out: [String] = []
    if !plan.isEmpty {
      out.append("")
      out.append("## \(p(.plan))")
      out.append("")
      out.append(esc(pf(.planAsOf, summary.asOf)))
      func group(_ title: String, _ items: [PlanItem], detail: (PlanItem) -> String) {
        guard !items.isEmpty else { return }
        out.append("")
        out.append("### \(esc(title))")
        out.append("")
        for item in items {
          out.append("- **\(esc(itemTitle(item)))**  ")
          out.append("  \(esc(detail(item)))")
        }
      }
      group(pf(.planOverdue, summary.asOf, plan.overdue.count), plan.overdue) { actionText($0.action) }
      group(pf(.planPending, plan.pending.count), plan.pending) { item in
        actionText(item.action) + (item.overdue ? " — " + p(.overdue) : "")
      }
      group(pf(.planAccepted, plan.accepted.count), plan.accepted) { item in
        let who = [item.action.acceptedBy, item.action.acceptedOn].filter { !$0.isBlank }.joined(separator: ", ")
        let why = item.action.acceptanceReason.isBlank ? "" : " — " + item.action.acceptanceReason
        return (who.isEmpty ? "" : who + why + " — ") + acceptanceText(item)
      }
      group(pf(.planDone, plan.done.count), plan.done) { actionText($0.action) }
    }
    if !summary.toReverify.isEmpty {
      out.append("")
      out.append("## \(esc(pf(.toReverify, summary.toReverify.count)))")
      out.append("")
      for position in summary.toReverify {
        let question = questionnaire.questions[position]
        let value = answers[question.id]?.value.map { answerWords(question, $0) } ?? "—"
        out.append("- \(esc(refs(question))) — \(esc(q(question.text))) — *\(esc(value))*")
      }
    }
    return out
  }

  /// The "changes since" section (text), when the summary has a comparison with the previous
  /// assessment.
  func changesLines() -> [SummaryLine] {
    guard let changes = changesSince else { return [] }
    var lines = [SummaryLine(""), SummaryLine(pf(.changesSince, changes.title), .heading)]
    for line in changes.lines { lines.append(SummaryLine("  " + line)) }
    return lines
  }

  func changesMarkdown() -> [String] {
    guard let changes = changesSince else { return [] }
    return ["## \(Self.markdownEscaped(pf(.changesSince, changes.title)))", ""]
      + changes.lines.map { "- " + Self.markdownEscaped($0) } + [""]
  }
}

/// A short account of the changes since the previous assessment, for a re-assessment's summary.
public struct ChangesSince: Equatable, Sendable {
  /// Names the previous assessment (its id and last change).
  public var title: String
  public var lines: [String]

  public init(title: String, lines: [String]) {
    self.title = title
    self.lines = lines
  }
}
