import AssessmentCore
import Foundation

/// The action plan in the HTML report: its part (overdue actions, open actions by due date,
/// accepted risks and their expiry, actions done), the action under each gap, and the counts in
/// the executive summary. The words are the plan's own (``PlanPhrase``), as in the text and
/// Markdown summaries.
extension SummaryReport {
  /// The plan's counts, for the executive summary's verdict box; empty without a plan.
  func htmlPlanCounts() -> HTML {
    let plan = summary.plan
    guard !plan.isEmpty else { return "" }
    let overdue: HTML = "\(pf(.planOverdue, summary.asOf, plan.overdue.count))"
    var html: HTML =
      "<p class=\"plan-counts\"><a href=\"#plan\">\(p(.plan))</a>\(language == .fr ? " :" : ":") "
    html += plan.overdue.isEmpty ? overdue : "<strong class=\"bad\">⚠ \(overdue)</strong>"
    html += " · " + "\(pf(.planPending, plan.pending.count))"
    html += " · " + "\(pf(.planAccepted, plan.accepted.count))"
    html += " · " + "\(pf(.planDone, plan.done.count))" + "</p>"
    return html
  }

  /// The lines under a gap in the gaps list: to re-verify, its action (owner, due date, status,
  /// reference, overdue) and its acceptance.
  func appendGapPlan(_ gap: Finding, _ words: PlanWords, to html: inout HTML) {
    let overdue = answers[gap.questionID]?.action?.isOverdue(on: summary.asOf) == true
    gapPlan(gap, words) { write in
      var line = ""
      write(&line)
      html += overdue ? "<br><span class=\"plan bad\">" : "<br><span class=\"plan\">"
      html.append(line)
      html += "</span>"
    }
  }

  /// The action plan's part, after the gaps.
  func htmlPlan() -> HTML {
    var html: HTML = "<h2>\(p(.plan))</h2>\n"
    let plan = summary.plan
    if plan.isEmpty { return html + "<p>\(p(.noPlan))</p>\n" }
    html += "<p class=\"dim\">\(pf(.planAsOf, summary.asOf))</p>\n"
    let head: HTML =
      "<th scope=\"col\">\(r(.citation))</th><th scope=\"col\">\(r(.questionColumn))</th><th scope=\"col\">\(r(.levelColumn))</th>"
    // Each row is written straight into the part (a large plan has thousands), the badges and
    // the words made once.
    var badges = HTMLWordCache()
    func lead(_ item: PlanItem) {
      let question = questionnaire.questions[item.position]
      html += "<tr><th scope=\"row\">"
      html.append(refs(question))
      html += "</th><td>"
      html.append(q(question.text))
      html += "</td><td>"
      if let level = item.level {
        html += badges(level) { levelBadge(level) }
      } else {
        html += "—"
      }
      html += "</td>"
    }
    let noDueDate: HTML = "<span class=\"dim\">\(p(.noDueDate))</span>"
    let overdue: HTML = " <strong class=\"bad\">\(p(.overdue))</strong>"
    var statuses = HTMLWordCache()
    func actions(_ title: String, _ items: [PlanItem], id: String) {
      guard !items.isEmpty else { return }
      html += "<h3 id=\"plan-\(id)\">\(title)</h3>\n"
      html +=
        "<table class=\"plan \(id)\"><thead><tr>\(head)<th scope=\"col\">\(p(.owner))</th><th scope=\"col\">\(p(.dueDate))</th><th scope=\"col\">\(p(.status))</th><th scope=\"col\">\(p(.reference))</th></tr></thead><tbody>"
      for item in items {
        let action = item.action
        lead(item)
        html += "<td>"
        html.append(item.owner(language))
        html += "</td><td>"
        if action.dueDate.isBlank { html += noDueDate } else { html.append(action.dueDate) }
        html += "</td><td>"
        html += statuses(action.status.rawValue) { "\(p(action.status.phrase))" }
        if item.overdue { html += overdue }
        html += "</td><td>"
        html.append(action.reference)
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
      html += "<h3 id=\"\(id)\">\(title)</h3>\n"
      html += "<table class=\"plan accepted-risks\"><thead><tr>\(head)"
      for field in [
        PlanPhrase.acceptedBy, .acceptedOn, .acceptanceReason, .acceptedUntil, .acceptanceSection,
      ] {
        html += "<th scope=\"col\">\(p(field))</th>"
      }
      html += "</tr></thead><tbody>"
      for item in items {
        let action = item.action
        let counts = item.acceptance.counts
        lead(item)
        html +=
          "<td>\(action.acceptedBy)</td><td>\(action.acceptedOn)</td><td>\(lines: (action.acceptanceReason))</td><td>\(action.acceptedUntil)</td>"
        html +=
          "<td class=\"\(counts ? "ok" : "bad")\">\(counts ? "✔ " : "✖ ")\(acceptanceText(item))</td></tr>"
      }
      html += "</tbody></table>\n"
    }
    actions(pf(.planDone, plan.done.count), plan.done, id: "done")
    return html
  }
}
