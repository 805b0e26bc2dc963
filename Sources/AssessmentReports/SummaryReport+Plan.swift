import AssessmentCore
import Foundation

/// The action plan, the answers to re-verify and the changes since the previous assessment, in
/// the text and Markdown summaries. Nothing is added to a summary without any of them, so a
/// session without a plan summarises exactly as before.
extension SummaryReport {
  func p(_ phrase: PlanPhrase) -> String { phrase.text(language) }
  func pf(_ phrase: PlanPhrase, _ arguments: CustomStringConvertible...) -> String {
    phrase.text(language).substituting(arguments.map(\.description))
  }
  func pf(_ phrase: ComparisonPhrase, _ arguments: CustomStringConvertible...) -> String {
    phrase.text(language).substituting(arguments.map(\.description))
  }

  /// What an acceptance's status means, in words.
  public func acceptanceText(_ item: PlanItem) -> String {
    Self.acceptanceText(
      item.acceptance, action: item.action, questionnaire: questionnaire, language: language)
  }

  public static func acceptanceText(
    _ status: AcceptanceStatus, action: PlanAction, questionnaire: Questionnaire,
    language: InterfaceLanguage
  ) -> String {
    switch status {
    case .notAccepted: return action.status.phrase.text(language)
    case .valid:
      let until = action.acceptedUntil.trimmed
      return until.isEmpty
        ? PlanPhrase.acceptanceValidNoExpiry.text(language)
        : PlanPhrase.acceptanceValid.format(language, until)
    case .incomplete: return PlanPhrase.acceptanceIncomplete.text(language)
    case .expired(let day): return PlanPhrase.acceptanceExpired.format(language, day)
    case .badExpiry(let text): return PlanPhrase.acceptanceBadExpiry.format(language, text)
    case .blocking(let rules):
      let derogations = rules.compactMap { id -> String? in
        guard
          case .question(let question)? = questionnaire.blockingRules.first(where: { $0.id == id })?
            .derogation
        else { return nil }
        return question
      }
      return derogations.isEmpty
        ? PlanPhrase.acceptanceBlocking.format(language, rules.joined(separator: ", "))
        : PlanPhrase.acceptanceBlockingDerogation.format(
          language, rules.joined(separator: ", "), derogations.joined(separator: ", "))
    }
  }

  /// An action in one line: owner (the point's, `duty`, while none is named), due date, status,
  /// reference.
  public func actionText(_ action: PlanAction, duty: DutyOwner) -> String {
    var text = ""
    appendAction(action, duty: duty, PlanWords(self), to: &text)
    return text
  }

  /// Appends ``actionText(_:)``: the plan writes one per action, into the summary's text.
  func appendAction(
    _ action: PlanAction, duty: DutyOwner, _ words: PlanWords, to out: inout String
  ) {
    out += words.owner
    out += action.owner.isBlank ? words.dutyOwner(duty) : action.owner
    out += " · "
    out += words.dueDate
    out += action.dueDate.isBlank ? words.noDueDate : action.dueDate
    out += " · "
    out += words.status
    out += words.status(action.status)
    if !action.reference.isBlank {
      out += " · "
      out += words.reference
      out += action.reference
    }
  }

  /// The lines under a gap: its action, and that it is to re-verify.
  func gapPlanLines(_ gap: Finding) -> [String] {
    var lines: [String] = []
    gapPlan(gap, PlanWords(self)) { write in
      var line = ""
      write(&line)
      lines.append(line)
    }
    return lines
  }

  /// The lines under a gap (that it is to re-verify, its action, its acceptance): `line` is
  /// called once per line with what writes its text, so that the text summary writes them in
  /// place and the other forms get strings.
  func gapPlan(
    _ gap: Finding, _ words: PlanWords, _ line: (_ write: (inout String) -> Void) -> Void
  ) {
    if gap.toReverify { line { $0 += words.reverifyMark } }
    if let action = answers[gap.questionID]?.action {
      line { out in
        out += words.actionLine
        appendAction(action, duty: questionnaire.owner(at: gap.position), words, to: &out)
        if action.isOverdue(on: summary.asOf) { out += words.overdue }
      }
      if action.status == .riskAccepted, let item = acceptedItem(at: gap.position) {
        line { out in
          out += words.acceptance
          out += acceptanceText(item)
        }
      }
    }
  }

  /// The risk acceptance at a position, counted or refused: the plan lists each kind in walking
  /// order (a binary search, not a scan per gap).
  func acceptedItem(at position: Int) -> PlanItem? {
    func find(_ items: [PlanItem]) -> PlanItem? {
      var low = 0, high = items.count
      while low < high {
        let middle = (low + high) / 2
        if items[middle].position < position { low = middle + 1 } else { high = middle }
      }
      return low < items.count && items[low].position == position ? items[low] : nil
    }
    return find(summary.plan.accepted) ?? find(summary.plan.refused)
  }

  /// The register's line for the accepted risks of an entry, if any.
  func registerAcceptedLine(_ entry: RegisterEntry) -> String? {
    guard !entry.accepted.isEmpty else { return nil }
    let items = entry.accepted.compactMap { id in
      summary.plan.accepted.first { $0.questionID == id }
    }
    return pf(
      .acceptedInRegister,
      items.map { "\($0.questionID) (\(acceptanceText($0)))" }.joined(
        separator: language.listSeparator))
  }

  private func itemTitle(_ item: PlanItem) -> String {
    var title = ""
    var levels = WordCache()
    appendItemTitle(item, levels: &levels, to: &title)
    return title
  }

  /// Appends ``itemTitle(_:)``; `levels`, the levels' labels in capitals, made once for a plan.
  private func appendItemTitle(_ item: PlanItem, levels: inout WordCache, to out: inout String) {
    let question = questionnaire.questions[item.position]
    if let level = item.level {
      out += "["
      out += levels(level) { levelLabel(level).uppercased() }
      out += "] "
    }
    out += refs(question)
    out += " — "
    out += q(question.text)
  }

  /// The plan section of the text summary (nothing without a plan).
  func renderPlan<Sink: SummarySink>(into sink: inout Sink) {
    let plan = summary.plan
    if !plan.isEmpty {
      sink.add("")
      sink.add(p(.plan), .heading)
      sink.add("  " + pf(.planAsOf, summary.asOf), .dim)
      var levels = WordCache()
      func group(
        _ title: String, _ items: [PlanItem], emphasis: SummaryLine.Emphasis = .plain,
        detail: (PlanItem, inout String) -> Void
      ) {
        guard !items.isEmpty else { return }
        sink.add("  " + title, .heading)
        for item in items {
          sink.line(item.level.map { .level($0) } ?? .plain, question: item.questionID) { out in
            out += "  - "
            appendItemTitle(item, levels: &levels, to: &out)
          }
          sink.line(emphasis, question: item.questionID) { out in
            out += "      "
            detail(item, &out)
          }
        }
      }
      let words = PlanWords(self)
      group(
        pf(.planOverdue, summary.asOf, plan.overdue.count), plan.overdue,
        emphasis: .level(questionnaire.riskModel.levels.last?.id ?? "")
      ) { appendAction($0.action, duty: $0.responsibility, words, to: &$1) }
      group(pf(.planPending, plan.pending.count), plan.pending) { item, out in
        appendAction(item.action, duty: item.responsibility, words, to: &out)
        if item.overdue { out += words.overdue }
      }
      func acceptance(_ item: PlanItem, _ out: inout String) {
        let who = [item.action.acceptedBy, item.action.acceptedOn].filter { !$0.isBlank }.joined(
          separator: ", ")
        let why =
          item.action.acceptanceReason.isBlank
          ? "" : " — " + item.action.acceptanceReason.replacingScalar("\n", with: " / ")
        out += (who.isEmpty ? "" : who + why + " — ") + acceptanceText(item)
      }
      group(pf(.planAccepted, plan.accepted.count), plan.accepted, detail: acceptance)
      // Never among the accepted risks: listed apart, each saying why it has no effect.
      group(
        pf(.planRefused, plan.refused.count), plan.refused,
        emphasis: .level(questionnaire.riskModel.levels.last?.id ?? ""), detail: acceptance)
      group(pf(.planDone, plan.done.count), plan.done) {
        appendAction($0.action, duty: $0.responsibility, words, to: &$1)
      }
    }
    if !summary.toReverify.isEmpty {
      sink.add("")
      sink.add(pf(.toReverify, summary.toReverify.count), .heading)
      for position in summary.toReverify {
        let question = questionnaire.questions[position]
        let value = answers[question.id]?.value.map { answerWords(question, $0) } ?? "—"
        sink.add("  - \(refs(question)) — \(q(question.text))", question: question.id)
        sink.add("      \(value)", .dim, question: question.id)
      }
    }
  }

  /// The plan section of the Markdown summary (empty without a plan).
  func planMarkdown() -> [Markdown] {
    let plan = summary.plan
    var out: [Markdown] = []
    if !plan.isEmpty {
      out.append("")
      out.append("## \(p(.plan))")
      out.append("")
      out.append("\(pf(.planAsOf, summary.asOf))")
      func group(_ title: String, _ items: [PlanItem], detail: (PlanItem) -> String) {
        guard !items.isEmpty else { return }
        out.append("")
        out.append("### \(title)")
        out.append("")
        for item in items {
          out.append("- **\(itemTitle(item))**  ")
          out.append("  \(detail(item))")
        }
      }
      group(pf(.planOverdue, summary.asOf, plan.overdue.count), plan.overdue) {
        actionText($0.action, duty: $0.responsibility)
      }
      group(pf(.planPending, plan.pending.count), plan.pending) { item in
        actionText(item.action, duty: item.responsibility)
          + (item.overdue ? " — " + p(.overdue) : "")
      }
      func acceptance(_ item: PlanItem) -> String {
        let who = [item.action.acceptedBy, item.action.acceptedOn].filter { !$0.isBlank }.joined(
          separator: ", ")
        let why = item.action.acceptanceReason.isBlank ? "" : " — " + item.action.acceptanceReason
        return (who.isEmpty ? "" : who + why + " — ") + acceptanceText(item)
      }
      group(pf(.planAccepted, plan.accepted.count), plan.accepted, detail: acceptance)
      group(pf(.planRefused, plan.refused.count), plan.refused, detail: acceptance)
      group(pf(.planDone, plan.done.count), plan.done) {
        actionText($0.action, duty: $0.responsibility)
      }
    }
    if !summary.toReverify.isEmpty {
      out.append("")
      out.append("## \(pf(.toReverify, summary.toReverify.count))")
      out.append("")
      for position in summary.toReverify {
        let question = questionnaire.questions[position]
        let value = answers[question.id]?.value.map { answerWords(question, $0) } ?? "—"
        out.append("- \(refs(question)) — \(q(question.text)) — *\(value)*")
      }
    }
    return out
  }

  /// The "changes since" section (text), when the summary has a comparison with the previous
  /// assessment.
  func renderChanges<Sink: SummarySink>(into sink: inout Sink) {
    guard let changes = changesSince else { return }
    sink.add("")
    sink.add(pf(.changesSince, changes.title), .heading)
    for line in changes.lines { sink.add("  " + line) }
  }

  func changesMarkdown() -> [Markdown] {
    guard let changes = changesSince else { return [] }
    return ["## \(pf(.changesSince, changes.title))", ""]
      + changes.lines.map { "- \($0)" } + [""]
  }
}

/// The words of the plan's lines in a report's language, looked up once for a whole plan rather
/// than once per action (a large session has thousands).
struct PlanWords {
  /// "Owner: ", "Due date: ", "Status: ", "Reference: ", each with its colon.
  let owner, dueDate, status, reference: String
  let noDueDate: String
  let open, inProgress, done, riskAccepted: String
  /// " — overdue".
  let overdue: String
  /// "Action: ", "Risk acceptance: ", each with its colon; the re-verify mark.
  let actionLine, acceptance, reverifyMark: String
  /// The owners of points in words ("Provider"...), by ``DutyOwner``'s order.
  let dutyOwners: [String]
  /// " · Responsibility: Provider"..., by ``DutyOwner``'s order: after a gap's facts.
  let responsibilities: [String]

  init(_ report: SummaryReport) {
    let colon = report.language.colon
    owner = report.p(.owner) + colon
    dueDate = report.p(.dueDate) + colon
    status = report.p(.status) + colon
    reference = report.p(.reference) + colon
    noDueDate = report.p(.noDueDate)
    open = report.p(ActionStatus.open.phrase)
    inProgress = report.p(ActionStatus.inProgress.phrase)
    done = report.p(ActionStatus.done.phrase)
    riskAccepted = report.p(ActionStatus.riskAccepted.phrase)
    overdue = " — " + report.p(.overdue)
    actionLine = report.p(.actionLine) + colon
    acceptance = report.p(.acceptanceSection) + colon
    reverifyMark = report.p(.reverifyMark)
    dutyOwners = DutyOwner.allCases.map { $0.name(report.language) }
    responsibilities = DutyOwner.allCases.map { " · " + $0.labelled(report.language) }
  }

  func dutyOwner(_ owner: DutyOwner) -> String { dutyOwners[owner.order] }
  func responsibility(_ owner: DutyOwner) -> String { responsibilities[owner.order] }

  func status(_ status: ActionStatus) -> String {
    switch status {
    case .open: return open
    case .inProgress: return inProgress
    case .done: return done
    case .riskAccepted: return riskAccepted
    }
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
