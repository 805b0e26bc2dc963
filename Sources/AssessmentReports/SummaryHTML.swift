import AssessmentCore
import Foundation

/// The HTML report's content, made by the pure core: escaped HTML fragments and plain values,
/// for a template (AssessmentReports) to lay out.
public struct HTMLReportModel: Equatable, Sendable {
  /// One part of the report: a page-broken section with its heading.
  public struct Part: Equatable, Sendable {
    public var id: String
    public var title: String
    /// The part's HTML, its `h2` heading included; every user text in it escaped.
    public var html: String
    /// Whether the part starts a new page when printed (the small lists follow each other).
    public var pageBreak: Bool = true
  }

  public var lang = "en"
  public var title = ""
  /// Plain texts (the template escapes them with `{{ }}`).
  public var organisation = "", assessor = "", provider = "", service = ""
  public var questionnaireID = "", questionnaireVersion = "", questionnaireDigest = ""
  public var sessionID = "", sessionSHA256 = "", produced = ""
  public var verdict = "", verdictKind = ""
  /// The built-in style sheet (screen and print).
  public var style = ""
  /// The identification and provenance table (HTML).
  public var identification = ""
  public var parts: [Part] = []
  /// Labels a template may use: `pageLabel`, `contentsLabel`, `reportTitle`, `subtitle`.
  public var labels: [String: String] = [:]
  /// The action plan in figures, for a template (`plan.*`): the day due dates are judged
  /// against, the counts, and the "overdue" heading in the report's language.
  public var plan = Plan()

  public struct Plan: Equatable, Sendable {
    public var asOf = ""
    public var overdue = 0, pending = 0, accepted = 0, done = 0
    /// "Overdue on DAY (N)", in the report's language.
    public var overdueText = ""
    public var title = ""
  }
}

extension SummaryReport {
  /// The HTML report's content: the identification, then the parts in order: the executive
  /// summary (verdict, blocking findings, matrix, compliance by section, register), the gaps
  /// ranked, derogations and accepted risks, N/A justifications, flagged questions, evidence,
  /// context answers, and the appendix of every answer.
  public func htmlModel(_ provenance: ReportProvenance) -> HTMLReportModel {
    let meta = summary.metadata
    var model = HTMLReportModel()
    model.lang = language.rawValue
    model.title = r(.reportTitle)
    model.organisation = meta.organisation
    model.assessor = meta.assessor
    model.provider = meta.provider
    model.service = meta.service
    model.questionnaireID = questionnaire.id
    model.questionnaireVersion = questionnaire.version
    model.questionnaireDigest = digest
    model.sessionID = provenance.sessionID
    model.sessionSHA256 = provenance.sessionSHA256
    model.produced = Self.date(provenance.produced)
    model.verdict = verdictText(summary.verdict)
    model.verdictKind = summary.verdict.rawValue
    model.style = htmlStyle()
    model.identification = htmlIdentification(provenance).description
    let subtitle = [meta.provider, meta.service].filter { !$0.isBlank }.joined(separator: " — ")
    model.labels = [
      "pageLabel": r(.pageFooter), "contentsLabel": r(.contents), "reportTitle": r(.reportTitle),
      "subtitle": subtitle, "questionnaireTitle": q(questionnaire.title),
    ]
    let plan = summary.plan
    model.plan = .init(
      asOf: summary.asOf, overdue: plan.overdue.count, pending: plan.pending.count,
      accepted: plan.accepted.count, done: plan.done.count,
      overdueText: pf(.planOverdue, summary.asOf, plan.overdue.count), title: p(.plan))
    model.parts = [
      .init(id: "summary", title: r(.executiveSummary), html: htmlExecutiveSummary().description),
      .init(id: "gaps", title: r(.gapsRanked), html: htmlGaps().description),
      .init(id: "plan", title: p(.plan), html: htmlPlan().description),
      .init(
        id: "not-applicable", title: r(.notApplicableJustifications),
        html: htmlNotApplicable().description, pageBreak: false),
      .init(
        id: "flagged", title: r(.flaggedQuestions), html: htmlFlagged().description,
        pageBreak: false),
      .init(
        id: "evidence", title: r(.evidenceList), html: htmlEvidence().description, pageBreak: false),
      .init(id: "context", title: r(.contextAnswers), html: htmlContext().description),
      .init(id: "appendix", title: r(.appendix), html: htmlAppendix().description),
    ]
    // Derogations exist only where the questionnaire provides for them (« sauf dérogation
    // autorisée »): another questionnaire gets no empty part about them.
    if questionnaire.questions.contains(where: { $0.type == .derogation }) {
      model.parts.insert(
        .init(
          id: "derogations", title: r(.derogationsAndAccepted),
          html: htmlDerogations().description),
        at: 3)
    }
    // Only a session with provider claims has the part: "none" then says they all agree.
    if summary.claimCount > 0 {
      let evidence = model.parts.firstIndex { $0.id == "evidence" } ?? model.parts.count - 1
      model.parts.insert(
        .init(
          id: "provider-claims", title: c(.title), html: htmlClaimDifferences().description,
          pageBreak: false),
        at: evidence + 1)
    }
    return model
  }

  /// A label's colon: French sets it off with a no-break space (« Réponse : »), which a line
  /// never breaks before.
  var htmlColon: String { language == .fr ? "\u{A0}: " : ": " }

  /// A string for a CSS `content` value.
  static func cssString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"", "\\": out += "\\" + String(scalar)
      case "\n", "\r", "<", ">": out += " "
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  // MARK: - Levels and colours

  /// The level's rank mapped onto four tones: 0 (lowest) to 3 (highest).
  func tone(_ level: String) -> Int {
    let levels = questionnaire.riskModel.levels
    guard let rank = levels.firstIndex(where: { $0.id == level }) else { return 3 }
    guard levels.count > 1 else { return 0 }
    return Int((Double(rank) * 3 / Double(levels.count - 1)).rounded())
  }

  /// A level as a badge: its name in words beside its colour (colour is never the only sign).
  func levelBadge(_ level: String) -> HTML {
    "<span class=\"lvl t\(tone(level))\">\(levelLabel(level))</span>"
  }

  // MARK: - Identification

  func htmlIdentification(_ provenance: ReportProvenance) -> HTML {
    let meta = summary.metadata
    var rows: [(label: String, value: HTML)] = [
      (questionnaire.identificationLabel(.organisation, language), "\(meta.organisation)"),
      (questionnaire.identificationLabel(.assessor, language), "\(meta.assessor)"),
      (questionnaire.identificationLabel(.provider, language), "\(meta.provider)"),
      (questionnaire.identificationLabel(.service, language), "\(meta.service)"),
      (
        t(.summaryQuestionnaire),
        "\(q(questionnaire.title)) — <code>\(questionnaire.id)</code> \(questionnaire.version)"
      ),
      (t(.summaryCompleteness), "\(completenessValue)"),
    ]
    if let notice = ownerNotice { rows.append((t(.summaryNotice), "\(notice)")) }
    rows += [
      (t(.summaryCreated), "\(Self.date(meta.created))"),
      (t(.summaryUpdated), "\(Self.date(meta.updated))"),
      (r(.produced), "\(Self.date(provenance.produced))"),
      (r(.session), "<code>\(provenance.sessionID)</code>"),
    ]
    if let version = answeredUnderVersion {
      rows.append(("⚠", "\(f(.questionnaireAnsweredUnder, version, questionnaire.version))"))
    }
    // The digests, long, take a row each.
    let long: [(label: String, value: HTML)] = [
      (r(.sessionFile), "<code class=\"hash\">\(provenance.sessionSHA256)</code>"),
      (r(.questionnaireDigest), "<code class=\"hash\">\(digest)</code>"),
    ]
    // Pairs side by side.
    var html: HTML =
      "<table class=\"ident\"><caption>\(r(.identification))</caption><thead><tr><th scope=\"col\">\(r(.identification))</th><th scope=\"col\"></th><th scope=\"col\"></th><th scope=\"col\"></th></tr></thead><tbody>"
    for index in stride(from: 0, to: rows.count, by: 2) {
      html += "<tr><th scope=\"row\">\(rows[index].label)</th><td>\(rows[index].value)</td>"
      if index + 1 < rows.count {
        html +=
          "<th scope=\"row\">\(rows[index + 1].label)</th><td>\(rows[index + 1].value)</td></tr>"
      } else {
        html += "<td colspan=\"2\"></td></tr>"
      }
    }
    for (label, value) in long {
      html += "<tr><th scope=\"row\">\(label)</th><td colspan=\"3\">\(value)</td></tr>"
    }
    return html + "</tbody></table>\n"
  }

  // MARK: - Executive summary

  func htmlExecutiveSummary() -> HTML {
    var html: HTML = "<h2>\(r(.executiveSummary))</h2>\n"
    let symbol: String
    switch summary.verdict {
    case .acceptable: symbol = "✔"
    case .acceptableWithConditions: symbol = "▲"
    case .notAcceptable: symbol = "✖"
    }
    let colon = language == .fr ? " :" : ":"
    html +=
      "<div class=\"verdict \(summary.verdict.rawValue)\"><p class=\"verdict-line\"><span aria-hidden=\"true\">\(symbol)</span> \(t(.verdict))\(colon) <strong>\(verdictText(summary.verdict))</strong></p>"
    html += "<ul class=\"reasons\">"
    for reason in summary.reasons { html += "<li>\(reasonText(reason))</li>" }
    html += "</ul>"
    for line in incompleteness { html += "<p class=\"warn\">\(line)</p>" }
    html += htmlPlanCounts()
    html += "</div>\n"
    html += htmlDecision()

    html += "<h3>\(t(.blockingFindings)) (\(summary.blocking.count))</h3>\n"
    if summary.blocking.isEmpty {
      html += "<p>\(t(.noBlocking))</p>\n"
    } else {
      html += "<ol class=\"blocking\">"
      for finding in summary.blocking {
        html +=
          "<li><span class=\"lvl t3\">\(r(.blockingColumn))</span> <strong>\(cite(finding.rule.refs))</strong>"
        if let basis = finding.rule.basis {
          html += " <span class=\"dim\">(\(Self.basisText(basis, language)))</span>"
        }
        html += " — \(q(finding.rule.message))"
        html += "<br><em>\(t(.whatToDo))</em>\(htmlColon)\(q(finding.rule.remediation))"
        if let failed = finding.failedDerogation {
          html +=
            "<br>"
            + "\(f(.derogationFailed, failed.record.reference.isBlank ? "—" : failed.record.reference, derogationStatusText(failed)))"
        }
        if finding.rule.derogation == .none {
          html += "<br><span class=\"dim\">\(t(.derogationNonePossible))</span>"
        }
        html += "</li>"
      }
      html += "</ol>\n"
    }

    html += "<div class=\"cols\"><div class=\"col keep\">"
    html += "<h3>\(t(.riskMatrix))</h3>\n" + htmlMatrix()
    html += "</div><div class=\"col\">"
    html += "<h3>\(t(.complianceBySection))</h3>\n" + htmlSectionBars()
    html += "</div></div>\n"

    if !summary.register.isEmpty {
      html += "<h3>\(registerHeading)</h3>\n"
      html +=
        "<table class=\"register\"><caption>\(r(.registerCaption))</caption><thead><tr><th scope=\"col\">\(r(.citation))</th><th scope=\"col\">\(r(.risk))</th><th scope=\"col\">\(r(.inherent))</th><th scope=\"col\">\(r(.residual))</th></tr></thead><tbody>"
      for entry in summary.register {
        let inherent = entry.inherentLevel.map(levelBadge) ?? "\(t(.notAssessed))"
        let residual = entry.level.map(levelBadge) ?? "\(t(.notAssessed))"
        html +=
          "<tr><th scope=\"row\">\(registerName(entry.risk))</th><td>\(q(entry.risk.title))</td><td>\(inherent)</td><td>\(residual)</td></tr>"
      }
      html += "</tbody></table>\n"
    }
    return html
  }

  /// The matrix as a heat map: counts in cells coloured by level, each cell naming its level.
  func htmlMatrix() -> HTML {
    let model = questionnaire.riskModel
    var html: HTML =
      "<table class=\"matrix\"><caption>\(r(.matrixCaption))</caption><thead><tr><th scope=\"col\">\(r(.likelihood)) \\ \(r(.impact))</th>"
    for impact in model.impact { html += "<th scope=\"col\">\(q(impact.label))</th>" }
    html += "</tr></thead><tbody>"
    for (row, likelihood) in model.likelihood.enumerated().reversed() {
      html += "<tr><th scope=\"row\">\(q(likelihood.label))</th>"
      for column in model.impact.indices {
        let level = model.matrix[likelihood.id]?[column] ?? ""
        let count =
          summary.matrix.indices.contains(row) && summary.matrix[row].indices.contains(column)
          ? summary.matrix[row][column] : 0
        html +=
          "<td class=\"t\(tone(level))\(count == 0 ? " zero" : "")\"><span class=\"n\">\(count)</span><span class=\"l\">\(levelLabel(level))</span></td>"
      }
      html += "</tr>"
    }
    return html + "</tbody></table>\n"
  }

  /// Compliance per section as bars (inline SVG), the figures also written.
  func htmlSectionBars() -> HTML {
    var html: HTML =
      "<table class=\"bars\"><caption>\(r(.sectionsCaption))</caption><thead><tr><th scope=\"col\">\(t(.section))</th><th scope=\"col\">\(r(.compliantShare))</th><th scope=\"col\">n</th></tr></thead><tbody>"
    for section in summary.sections {
      let percent = section.compliantPercent ?? 0
      let answered = section.answeredPercent ?? 0
      html +=
        "<tr><th scope=\"row\">\(q(questionnaire.sections[section.section].title))</th><td><svg class=\"bar\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"\(percent) %\"><rect width=\"100\" height=\"10\" fill=\"#e6e6e6\"/><rect width=\"\(answered)\" height=\"10\" fill=\"#c9d7e8\"/><rect width=\"\(percent)\" height=\"10\" fill=\"#2f6f4f\"/></svg> <span class=\"pct\">\(percent)\u{A0}%</span><br><span class=\"dim\">(\(r(.answeredShare)) \(answered)\u{A0}%)</span></td><td>\(section.applicable)</td></tr>"
    }
    return html + "</tbody></table>\n"
  }

  // MARK: - Gaps

  func htmlGaps() -> HTML {
    var html: HTML = "<h2>\(r(.gapsRanked))</h2>\n"
    if summary.gaps.isEmpty { return html + "<p>\(t(.noGaps))</p>\n" }
    html.reserveCapacity(summary.gaps.count * 1024)
    html +=
      "<table class=\"gaps\"><thead><tr><th scope=\"col\">\(r(.rank))</th><th scope=\"col\">\(r(.levelColumn))</th><th scope=\"col\">\(r(.questionColumn))</th><th scope=\"col\">\(r(.whatToDo))</th></tr></thead><tbody>"
    // The words that repeat, made once per report rather than once per gap (thousands of them),
    // and each row written straight into the part's HTML.
    let answerLabel: HTML = "\(t(.answer))\(htmlColon)"
    let severityLabel: HTML = " · \(t(.severity))\(htmlColon)"
    let impactLabel: HTML = " · \(t(.impact))\(htmlColon)"
    let noteLabel: HTML = "<br><span class=\"note\">\(t(.note))\(htmlColon)"
    let planWords = PlanWords(self)
    var badges = HTMLWordCache(), answerWords = HTMLWordCache(), severityWords = HTMLWordCache()
    var impactWords = HTMLWordCache(), actionLabels = HTMLWordCache()
    let hasPlanLines = !summary.plan.isEmpty || !summary.toReverify.isEmpty
    for (index, gap) in summary.gaps.enumerated() {
      let question = questionnaire.questions[gap.position]
      html += "<tr><th scope=\"row\">"
      html += "\(index + 1)"
      html += "</th><td>"
      html += badges(gap.level) { levelBadge(gap.level) }
      html += "</td><td><strong>"
      html.append(refs(question))
      html += "</strong> "
      html.append(q(question.text))
      if let basis = basisText(question) { html += " <span class=\"dim\">(\(basis))</span>" }
      html += "<br><span class=\"facts\">"
      html += answerLabel
      html += answerWords(gap.answer.rawValue) { "\(answerText(gap.answer))" }
      html += severityLabel
      html += severityWords(gap.severity.rawValue) { "\(t(gap.severity.phrase))" }
      html += impactLabel
      // The impact's words depend on the impact only, unless an adjustment moved it.
      html +=
        gap.impactReasons.isEmpty
        ? impactWords(gap.impact) { "\(impactText(gap))" } : "\(impactText(gap))"
      html += "\(planWords.responsibility(questionnaire.owner(at: gap.position)))"
      html += "</span>"
      if let waiver = gap.waivedBy {
        let reference =
          summary.derogations.first { $0.questionID == waiver }?.record.reference ?? waiver
        html += "<br><span class=\"waived\">\(f(.waivedBy, reference))</span>"
      }
      if let note = answers[gap.questionID]?.note, !note.isBlank {
        html += noteLabel
        html.appendLines(note)
        html += "</span>"
      }
      if hasPlanLines { appendGapPlan(gap, planWords, to: &html) }
      html += "</td><td>"
      if let remediation = question.remediation {
        let owner = questionnaire.owner(at: gap.position)
        html += "<em>"
        html += actionLabels(owner.rawValue) {
          "\(Self.actionLabel(owner: owner, questionnaire, language))"
        }
        html += "</em>\(htmlColon)"
        html.append(q(remediation))
      }
      html += "</td></tr>"
    }
    return html + "</tbody></table>\n"
  }

  // MARK: - Derogations and accepted risks

  func htmlDerogations() -> HTML {
    var html: HTML = "<h2>\(r(.derogationsAndAccepted))</h2>\n<h3>\(t(.derogations))</h3>\n"
    if summary.derogations.isEmpty {
      html += "<p>\(r(.noDerogations))</p>\n"
    } else {
      html += "<p class=\"dim\">\(f(.derogationAsOf, summary.asOf))</p>\n"
      html +=
        "<table class=\"derogations\"><thead><tr><th scope=\"col\">\(t(.derogationReference))</th><th scope=\"col\">\(r(.questionColumn))</th>"
      for field in DerogationRecord.Field.allCases where field != .reference {
        html += "<th scope=\"col\">\(derogationFieldLabel(field))</th>"
      }
      html += "<th scope=\"col\">\(r(.derogationStatus))</th></tr></thead><tbody>"
      for use in summary.derogations {
        let question = questionnaire.question(use.questionID)
        html +=
          "<tr><th scope=\"row\">\(use.record.reference.isBlank ? "—" : use.record.reference)</th><td>\(question.map(refs) ?? use.questionID)</td>"
        for field in DerogationRecord.Field.allCases where field != .reference {
          html += "<td>\(lines: (use.record[field]))</td>"
        }
        let mark = use.status.counts ? "✔ " : "✖ "
        html +=
          "<td class=\"\(use.status.counts ? "ok" : "bad")\">\(mark)\(derogationStatusText(use))</td></tr>"
      }
      html += "</tbody></table>\n"
    }
    html += "<h3>\(r(.acceptedRisks))</h3>\n"
    let accepted = summary.gaps.filter { $0.waivedBy != nil }
    if accepted.isEmpty { return html + "<p>\(r(.noAcceptedRisk))</p>\n" }
    html += "<p>\(r(.acceptedRisksIntro))</p>\n"
    html +=
      "<table class=\"accepted\"><thead><tr><th scope=\"col\">\(r(.citation))</th><th scope=\"col\">\(r(.questionColumn))</th><th scope=\"col\">\(r(.levelColumn))</th><th scope=\"col\">\(t(.derogationReference))</th></tr></thead><tbody>"
    for gap in accepted {
      let question = questionnaire.questions[gap.position]
      let reference =
        summary.derogations.first { $0.questionID == gap.waivedBy }?.record.reference ?? gap
        .waivedBy ?? ""
      html +=
        "<tr><th scope=\"row\">\(refs(question))</th><td>\(q(question.text))</td><td>\(levelBadge(gap.level))</td><td>\(reference)</td></tr>"
    }
    return html + "</tbody></table>\n"
  }

  // MARK: - Lists

  /// A table of questions (reference, question, and one more column: `detail` appends it).
  func questionTable(
    _ positions: [Int], _ detailHeading: String, _ detail: (Int, inout HTML) -> Void
  ) -> HTML {
    var html: HTML =
      "<table class=\"list\"><thead><tr><th scope=\"col\">\(r(.citation))</th><th scope=\"col\">\(r(.questionColumn))</th><th scope=\"col\">\(detailHeading)</th></tr></thead><tbody>"
    for position in positions {
      let question = questionnaire.questions[position]
      html += "<tr><th scope=\"row\">"
      html.append(refs(question))
      html += "</th><td>"
      html.append(q(question.text))
      html += "</td><td>"
      detail(position, &html)
      html += "</td></tr>"
    }
    return html + "</tbody></table>\n"
  }

  /// Appends a question's note, escaped, line breaks as `<br>`.
  func appendNote(_ position: Int, to html: inout HTML) {
    html.appendLines(answers[questionnaire.questions[position].id]?.note ?? "")
  }

  func htmlNotApplicable() -> HTML {
    var html: HTML = "<h2>\(r(.notApplicableJustifications))</h2>\n"
    if summary.notApplicable.isEmpty && summary.unjustifiedNotApplicable.isEmpty {
      return html + "<p>\(r(.noNotApplicable))</p>\n"
    }
    if !summary.notApplicable.isEmpty {
      html += questionTable(summary.notApplicable, t(.justification), appendNote)
    }
    if !summary.unjustifiedNotApplicable.isEmpty {
      html += "<h3>\(t(.listUnjustified)) (\(summary.unjustifiedNotApplicable.count))</h3>\n"
      html += questionTable(summary.unjustifiedNotApplicable, t(.justification)) { $1 += "—" }
    }
    return html
  }

  func htmlFlagged() -> HTML {
    let html: HTML = "<h2>\(r(.flaggedQuestions))</h2>\n"
    if summary.flagged.isEmpty { return html + "<p>\(r(.noFlagged))</p>\n" }
    return html
      + questionTable(summary.flagged, r(.noteColumn)) { position, html in
        if let answer = self.answerWords(at: position) { html += "<strong>\(answer)</strong><br>" }
        self.appendNote(position, to: &html)
      }
  }

  func htmlEvidence() -> HTML {
    let html: HTML = "<h2>\(r(.evidenceList))</h2>\n"
    if summary.evidence.isEmpty { return html + "<p>\(r(.noEvidence))</p>\n" }
    var html2 =
      html
      + questionTable(summary.evidence, r(.evidenceList)) { position, html in
        let id = self.questionnaire.questions[position].id
        self.appendEvidence(
          self.answers[id]?.evidence.map { self.evidenceWords($0, question: id) } ?? [],
          to: &html)
      }
    let (expired, toRenew) = expiredEvidenceLines()
    for (title, items) in [
      (EvidencePhrase.toRenewTitle, toRenew), (EvidencePhrase.expiredTitle, expired),
    ]
    where !items.isEmpty {
      html2 += "<h3>\(title.text(language)) (\(items.count))</h3>\n"
      html2 += questionTable(items.map(\.position), r(.evidenceList)) { position, html in
        self.appendEvidence(items.first { $0.position == position }?.records ?? [], to: &html)
      }
    }
    return html2
  }

  /// The questions whose provider's claim differs from the assessor's answer, or that the
  /// assessor has not judged yet: the assessor's side, the claim with its explanation and
  /// evidence, the day it was imported.
  func htmlClaimDifferences() -> HTML {
    let differences = summary.claimDifferences
    var html: HTML = "<h2>\(c(.title)) (\(differences.count))</h2>\n"
    html += "<p>\(ClaimDifferencePhrase.notice.format(language, summary.claimCount))</p>\n"
    if differences.isEmpty { return html + "<p>\(t(.none))</p>\n" }
    return html
      + questionTable(differences.map(\.position), c(.sheet)) { position, html in
        guard let difference = differences.first(where: { $0.position == position }) else {
          return
        }
        html.appendLines(self.claimDifferenceWords(difference))
      }
  }

  func htmlContext() -> HTML {
    let html: HTML = "<h2>\(r(.contextAnswers))</h2>\n"
    let context = contextPositions
    if context.isEmpty { return html + "<p>\(r(.noContext))</p>\n" }
    return html
      + questionTable(context, r(.answerColumn)) { position, html in
        html.appendLines(self.answerWords(at: position) ?? "")
      }
  }

  // MARK: - Appendix

  func htmlAppendix() -> HTML {
    var html: HTML = "<h2>\(r(.appendix))</h2>\n<p class=\"dim\">\(r(.appendixIntro))</p>\n"
    let positions = applicablePositions
    html.reserveCapacity(positions.count * 800)
    // The finding of each position, by index (not a dictionary of every finding).
    var findingAt = [Int](repeating: -1, count: questionnaire.questions.count)
    for (index, finding) in summary.findings.enumerated() where findingAt[finding.position] < 0 {
      findingAt[finding.position] = index
    }
    var badges = HTMLWordCache()
    // A compliance answer's words depend on its value only: five texts for thousands of rows.
    var complianceWords = WordCache()
    let notAnswered: HTML = "<span class=\"dim\">\(r(.notAnswered))</span>"
    let sectionHead: HTML =
      "<table class=\"appendix\"><thead><tr><th scope=\"col\">\(r(.citation))</th><th scope=\"col\">\(r(.questionColumn))</th><th scope=\"col\">\(r(.answerColumn))</th><th scope=\"col\">\(r(.noteColumn)) / \(r(.evidenceList))</th></tr></thead><tbody>"
    var currentSection = -1
    for position in positions {
      let section = questionnaire.sectionIndexOfQuestion[position]
      if section != currentSection {
        if currentSection >= 0 { html += "</tbody></table>\n" }
        currentSection = section
        html += "<h3>\(q(questionnaire.sections[section].title))</h3>\n"
        html += sectionHead
      }
      let question = questionnaire.questions[position]
      let answer = answers[question.id]
      html += "<tr><th scope=\"row\">"
      if !question.refs.isEmpty {
        html.append(cite(question.refs))
        html += "<br>"
      }
      html += "<code>"
      html.append(question.id)
      html += "</code></th><td>"
      html.append(q(question.text))
      html += "</td><td>"
      if let value = questionnaire.value(answer, question) {
        if question.type == .compliance, case .choice(let id) = value {
          html.appendLines(complianceWords(id) { answerWords(question, value) })
        } else {
          html.appendLines(answerWords(question, value))
        }
      } else {
        html += notAnswered
      }
      if findingAt[position] >= 0, summary.findings[findingAt[position]].answer != .compliant {
        let level = summary.findings[findingAt[position]].level
        html += " "
        html += badges(level) { levelBadge(level) }
      }
      if answer?.flagged == true { html += " <span class=\"flag\">⚑</span>" }
      html += "</td><td>"
      if let note = answer?.note, !note.isBlank { html.appendLines(note) }
      if let evidence = answer?.evidence, !evidence.isEmpty {
        let id = questionnaire.questions[position].id
        appendEvidence(evidence.map { evidenceWords($0, question: id) }, to: &html)
      }
      if let change = answer?.history.last { appendLastChange(change, to: &html) }
      html += "</td></tr>"
    }
    if currentSection >= 0 { html += "</tbody></table>\n" }
    if !summary.unanswered.isEmpty {
      html += "<h3>\(r(.unansweredList)) (\(summary.unanswered.count))</h3>\n"
      html += questionTable(summary.unanswered, r(.questionID)) { position, html in
        html += "<code>"
        html.append(self.questionnaire.questions[position].id)
        html += "</code>"
      }
    }
    let invalid = invalidAnswers
    if !invalid.isEmpty {
      html += "<h3>\(r(.invalidAnswers)) (\(invalid.count))</h3>\n<ul>"
      for (question, stored) in invalid {
        html +=
          "<li>\(refs(question)) — \(q(question.text)) — <code>\(question.id)</code>: \(stored)</li>"
      }
      html += "</ul>\n"
    }
    return html
  }

  /// Evidence references as a list.
  func appendEvidence(_ items: [String], to html: inout HTML) {
    html += "<ul class=\"ev\">"
    for item in items {
      html += "<li>"
      html.append(item)
      html += "</li>"
    }
    html += "</ul>"
  }
}
