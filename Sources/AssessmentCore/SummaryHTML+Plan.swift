import Foundation

/// The action plan in the HTML report: its part (overdue actions, open actions by due date,
/// accepted risks and their expiry, actions done), the action under each gap, and the counts in
/// the executive summary. The words are the plan's own (``PlanPhrase``), as in the text and
/// Markdown summaries.
extension SummaryReport {
  /// The plan's counts, for the executive summary's verdict box; empty without a plan.
  func htmlPlanCounts() -> String {
    let plan = summary.plan
    guard !plan.isEmpty else { return "" }
    let overdue = e(pf(.planOverdue, summary.asOf, plan.overdue.count))
    var html = "<p class=\"plan-counts\"><a href=\"#plan\">\(e(p(.plan)))</a>\(language == .fr ? " :" : ":") "
    html += plan.overdue.isEmpty ? overdue : "<strong class=\"bad\">⚠ \(overdue)</strong>"
    html += " · " + e(pf(.planPending, plan.pending.count))
    html += " · " + e(pf(.planAccepted, plan.accepted.count))
    html += " · " + e(pf(.planDone, plan.done.count)) + "</p>"
    return html
  }

  /// The lines under a gap in the gaps list: to re-verify, its action (owner, due date, status,
  /// reference, overdue) and its acceptance.
  func htmlGapPlan(_ gap: Finding) -> String {
    let overdue = answers[gap.questionID]?.action?.isOverdue(on: summary.asOf) == true
    var html = ""
    for line in gapPlanLines(gap) {
      html += "<br><span class=\"plan\(overdue ? " bad" : "")\">\(e(line))</span>"
    }
    return html
  }

  /// The action plan's part, after the gaps.
  func htmlPlan() -> String {
    var html = "<h2>\(e(p(.plan)))</h2>\n"
    let plan = summary.plan
    if plan.isEmpty { return html + "<p>\(e(p(.noPlan)))</p>\n" }
    html += "<p class=\"dim\">\(e(pf(.planAsOf, summary.asOf)))</p>\n"
    let head = "<th scope=\"col\">\(e(r(.citation)))</th><th scope=\"col\">\(e(r(.questionColumn)))</th><th scope=\"col\">\(e(r(.levelColumn)))</th>"
    func lead(_ item: PlanItem) -> String {
      let question = questionnaire.questions[item.position]
      return "<th scope=\"row\">\(e(refs(question)))</th><td>\(e(q(question.text)))</td><td>\(item.level.map(levelBadge) ?? "—")</td>"
    }
    func actions(_ title: String, _ items: [PlanItem], id: String) {
      guard !items.isEmpty else { return }
      html += "<h3 id=\"plan-\(id)\">\(e(title))</h3>\n"
      html += "<table class=\"plan \(id)\"><thead><tr>\(head)<th scope=\"col\">\(e(p(.owner)))</th><th scope=\"col\">\(e(p(.dueDate)))</th><th scope=\"col\">\(e(p(.status)))</th><th scope=\"col\">\(e(p(.reference)))</th></tr></thead><tbody>"
      for item in items {
        let action = item.action
        let due = action.dueDate.isBlank ? "<span class=\"dim\">\(e(p(.noDueDate)))</span>" : e(action.dueDate)
        var status = e(p(action.status.phrase))
        if item.overdue { status += " <strong class=\"bad\">\(e(p(.overdue)))</strong>" }
        html += "<tr>\(lead(item))<td>\(e(action.owner))</td><td>\(due)</td><td>\(status)</td><td>\(e(action.reference))</td></tr>"
      }
      html += "</tbody></table>\n"
    }
    actions(pf(.planOverdue, summary.asOf, plan.overdue.count), plan.overdue, id: "overdue")
    actions(pf(.planPending, plan.pending.count), plan.pending, id: "pending")
    if !plan.accepted.isEmpty {
      html += "<h3 id=\"plan-accepted\">\(e(pf(.planAccepted, plan.accepted.count)))</h3>\n"
      html += "<table class=\"plan accepted-risks\"><thead><tr>\(head)"
      for field in [PlanPhrase.acceptedBy, .acceptedOn, .acceptanceReason, .acceptedUntil, .acceptanceSection] {
        html += "<th scope=\"col\">\(e(p(field)))</th>"
      }
      html += "</tr></thead><tbody>"
      for item in plan.accepted {
        let action = item.action
        let counts = item.acceptance.counts
        html += "<tr>\(lead(item))<td>\(e(action.acceptedBy))</td><td>\(e(action.acceptedOn))</td><td>\(Self.htmlLines(action.acceptanceReason))</td><td>\(e(action.acceptedUntil))</td>"
        html += "<td class=\"\(counts ? "ok" : "bad")\">\(counts ? "✔ " : "✖ ")\(e(acceptanceText(item)))</td></tr>"
      }
      html += "</tbody></table>\n"
    }
    actions(pf(.planDone, plan.done.count), plan.done, id: "done")
    return html
  }
}
