import AssessmentCore
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
  func appendGapPlan(_ gap: Finding, _ words: PlanWords, to html: inout String) {
    let overdue = answers[gap.questionID]?.action?.isOverdue(on: summary.asOf) == true
    gapPlan(gap, words) { write in
      var line = ""
      write(&line)
      html += overdue ? "<br><span class=\"plan bad\">" : "<br><span class=\"plan\">"
      html.appendHTMLEscaped(line)
      html += "</span>"
    }
  }

  /// The action plan's part, after the gaps.
  func htmlPlan() -> String {
    var html = "<h2>\(e(p(.plan)))</h2>\n"
    let plan = summary.plan
    if plan.isEmpty { return html + "<p>\(e(p(.noPlan)))</p>\n" }
    html += "<p class=\"dim\">\(e(pf(.planAsOf, summary.asOf)))</p>\n"
    let head = "<th scope=\"col\">\(e(r(.citation)))</th><th scope=\"col\">\(e(r(.questionColumn)))</th><th scope=\"col\">\(e(r(.levelColumn)))</th>"
    // Each row is written straight into the part (a large plan has thousands), the badges and
    // the words made once.
    var badges = WordCache()
    func lead(_ item: PlanItem) {
      let question = questionnaire.questions[item.position]
      html += "<tr><th scope=\"row\">"
      html.appendHTMLEscaped(refs(question))
      html += "</th><td>"
      html.appendHTMLEscaped(q(question.text))
      html += "</td><td>"
      if let level = item.level {
        html += badges(level) { levelBadge(level) }
      } else {
        html += "—"
      }
      html += "</td>"
    }
    let noDueDate = "<span class=\"dim\">\(e(p(.noDueDate)))</span>"
    let overdue = " <strong class=\"bad\">\(e(p(.overdue)))</strong>"
    var statuses = WordCache()
    func actions(_ title: String, _ items: [PlanItem], id: String) {
      guard !items.isEmpty else { return }
      html += "<h3 id=\"plan-\(id)\">\(e(title))</h3>\n"
      html += "<table class=\"plan \(id)\"><thead><tr>\(head)<th scope=\"col\">\(e(p(.owner)))</th><th scope=\"col\">\(e(p(.dueDate)))</th><th scope=\"col\">\(e(p(.status)))</th><th scope=\"col\">\(e(p(.reference)))</th></tr></thead><tbody>"
      for item in items {
        let action = item.action
        lead(item)
        html += "<td>"
        html.appendHTMLEscaped(item.owner(language))
        html += "</td><td>"
        if action.dueDate.isBlank { html += noDueDate } else { html.appendHTMLEscaped(action.dueDate) }
        html += "</td><td>"
        html += statuses(action.status.rawValue) { e(p(action.status.phrase)) }
        if item.overdue { html += overdue }
        html += "</td><td>"
        html.appendHTMLEscaped(action.reference)
        html += "</td></tr>"
      }
      html += "</tbody></table>\n"
    }
    actions(pf(.planOverdue, summary.asOf, plan.overdue.count), plan.overdue, id: "overdue")
    actions(pf(.planPending, plan.pending.count), plan.pending, id: "pending")
    // The accepted risks, then apart the acceptances of a blocking finding, which have no effect.
    for (title, items, id) in [
      (pf(.planAccepted, plan.accepted.count), plan.accepted, "plan-accepted"),
      (pf(.planRefused, plan.refused.count), plan.refused, "plan-refused"),
    ] where !items.isEmpty {
      html += "<h3 id=\"\(id)\">\(e(title))</h3>\n"
      html += "<table class=\"plan accepted-risks\"><thead><tr>\(head)"
      for field in [PlanPhrase.acceptedBy, .acceptedOn, .acceptanceReason, .acceptedUntil, .acceptanceSection] {
        html += "<th scope=\"col\">\(e(p(field)))</th>"
      }
      html += "</tr></thead><tbody>"
      for item in items {
        let action = item.action
        let counts = item.acceptance.counts
        lead(item)
        html += "<td>\(e(action.acceptedBy))</td><td>\(e(action.acceptedOn))</td><td>\(Self.htmlLines(action.acceptanceReason))</td><td>\(e(action.acceptedUntil))</td>"
        html += "<td class=\"\(counts ? "ok" : "bad")\">\(counts ? "✔ " : "✖ ")\(e(acceptanceText(item)))</td></tr>"
      }
      html += "</tbody></table>\n"
    }
    actions(pf(.planDone, plan.done.count), plan.done, id: "done")
    return html
  }
}
