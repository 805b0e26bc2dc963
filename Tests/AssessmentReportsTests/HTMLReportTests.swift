import AssessmentCore
import Foundation
import Testing

@testable import AssessmentReports

@Suite struct HTMLReportTests {
  static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

  /// A small questionnaire: two sections, a blocking rule, a register risk.
  static var questionnaire: Questionnaire {
    func text(_ value: String) -> LocalizedText {
      LocalizedText(["fr": value + " (fr)", "en": value, "nl": value + " (nl)"])
    }
    func compliance(_ id: String, _ severity: Severity) -> Question {
      Question(
        id: id, refs: ["2.4"], type: .compliance, text: text("Is \(id) met?"), help: text("h"),
        severity: severity, protects: [.confidentiality], remediation: text("Demand \(id) <now>."))
    }
    var questionnaire = Questionnaire(
      id: "html-fixture", version: "3", languages: ["fr", "en", "nl"], title: text("Fixture"),
      sections: [
        Section(
          id: "scope", title: text("Scope"),
          questions: [Question(id: "hosting", type: .text, text: text("Where?"), help: text("h"))]),
        Section(
          id: "security", title: text("Security & <Privacy>"),
          questions: [
            compliance("encryption", .critical), compliance("backups", .medium),
            compliance("logs", .low),
          ]),
      ])
    questionnaire.blockingRules = [
      BlockingRule(
        id: "no_encryption", refs: ["2.4"], when: .equals("encryption", "noncompliant"),
        questions: ["encryption"], message: text("Data unencrypted"),
        remediation: text("Encrypt them"))
    ]
    questionnaire.risks = [
      RegisterRisk(
        id: "R1", refs: ["D.1"], title: text("Leak"), mitigatedBy: ["encryption", "backups"])
    ]
    return questionnaire
  }

  static let answers: [String: Answer] = [
    "hosting": Answer(value: .text("<img src=x onerror=alert(1)> in \"EU\""), answeredAt: t0),
    "encryption": Answer(
      value: .choice("noncompliant"), note: "<script>alert('x')</script> & co",
      evidence: ["https://evil.example/<a>"], answeredAt: t0),
    "backups": Answer(value: .choice("partial"), flagged: true, answeredAt: t0),
    "logs": Answer(
      value: .choice("na"), note: "No logs kept </td></tr><tr><td>INJECTED", answeredAt: t0),
  ]

  static func report(_ language: InterfaceLanguage = .en) -> SummaryReport {
    let questionnaire = questionnaire
    let state = Wizard(questionnaire: questionnaire).resume(
      phase: .questions,
      metadata: SessionMetadata(
        organisation: "ONSS <b>bold</b>", assessor: "A & B", provider: "\"Cloud\" 'Co'",
        service: "<svg onload=alert(1)>", created: t0, updated: t0),
      answers: answers, cursor: 0)
    return SummaryReport(
      questionnaire: questionnaire,
      summary: RiskEngine(questionnaire: questionnaire).summarize(state, asOf: t0),
      answers: answers,
      language: language, digest: String(repeating: "cd", count: 32))
  }

  static let provenance = ReportProvenance(
    sessionID: "20261120-100000-abcd", sessionSHA256: String(repeating: "9a", count: 32),
    produced: t0)

  func html(_ language: InterfaceLanguage = .en, template: String? = nil) throws -> String {
    try HTMLReport.render(Self.report(language).htmlModel(Self.provenance), template: template)
  }

  @Test func everythingTypedIsEscaped() throws {
    let page = try html()
    #expect(!page.isEmpty)
    for raw in [
      "<script>", "<img src=x", "<svg onload", "<b>bold</b>", "<td>INJECTED", "evil.example/<a>",
      "<now>",
    ] {
      #expect(!page.contains(raw), "\(raw) must be escaped")
    }
    #expect(page.contains("&lt;script&gt;alert("))
    #expect(page.contains("ONSS &lt;b&gt;bold&lt;/b&gt;"))
    #expect(page.contains("Security &amp; &lt;Privacy&gt;"))
  }

  @Test func oneSelfContainedFileThatNeedsNoNetworkNorScript() throws {
    let page = try html()
    #expect(page.hasPrefix("<!DOCTYPE html>"))
    #expect(!page.contains("<script"))
    #expect(!page.contains("<link"))
    #expect(!page.contains("@import"))
    #expect(!page.contains("url("))
    #expect(!page.contains("src=\"http"))
    #expect(!page.contains("href=\"http"))
    #expect(page.contains("<style>"))
    #expect(page.contains("@page"))
    #expect(page.contains("size: A4"))
    #expect(page.contains("counter(page)"))
  }

  @Test(arguments: [InterfaceLanguage.fr, .en, .nl])
  func langIsSetAndHeadingsGoInOrder(language: InterfaceLanguage) throws {
    let page = try html(language)
    #expect(page.contains("<html lang=\"\(language.rawValue)\">"))
    // h1 once, then no heading skips a level.
    let levels = page.ranges(of: /<h([1-6])[ >]/).map {
      Int(String(page[$0].dropFirst(2).prefix(1)))!
    }
    #expect(levels.first == 1)
    #expect(levels.filter { $0 == 1 }.count == 1)
    for (previous, next) in zip(levels, levels.dropFirst()) {
      #expect(next <= previous + 1, "heading h\(previous) followed by h\(next)")
    }
  }

  @Test func tablesHaveHeaderCellsAndLevelsAreNamedNotOnlyColoured() throws {
    let page = try html()
    let tables = page.ranges(of: "<table").count
    #expect(tables >= 5)
    #expect(page.ranges(of: "<thead>").count == tables, "every table has a header row")
    #expect(page.contains("<th scope=\"row\">"))
    // The heat map names each cell's level as text beside its colour.
    let levels = ["Low", "Medium", "High", "Critical"]
    for level in levels { #expect(page.contains(level)) }
  }

  /// Printed on A4, the compliance per section keeps each figure on one line ("100 %", a
  /// two-digit count) and the matrix is not split over two pages (issue 21).
  @Test func thePrintedFiguresDoNotBreakOverLines() throws {
    let report = Self.report(.fr)
    let bars = report.htmlSectionBars().description
    #expect(bars.contains("\u{A0}%</span>"), "\(bars)")
    #expect(!bars.contains(" %</span>"), "\(bars)")
    let css = report.htmlStyle()
    #expect(css.contains(".bars td { white-space: nowrap;"), "figures kept whole")
    #expect(css.contains(".matrix { break-inside: avoid;"), "the matrix on one page")
    #expect(
      css.contains(".appendix tbody th code { word-break: break-all; }"),
      "a long question id wraps in its cell")
    #expect(
      css.contains("table.plan td:nth-child(5) { white-space: nowrap; }"), "a due date on one line")
    #expect(
      css.contains("table.plan td:nth-child(6) { overflow-wrap: normal; }"),
      "a status not cut mid-word")
    let summary = report.htmlModel(Self.provenance).parts.first { $0.id == "summary" }?.html ?? ""
    #expect(
      summary.contains("<table class=\"register\"><caption>")
        && summary.contains("<th scope=\"col\">Référence</th><th scope=\"col\">Risque</th>"),
      "the register's first column holds citations")
  }

  @Test func theExecutiveSummaryComesFirstThenTheParts() throws {
    let model = Self.report().htmlModel(Self.provenance)
    #expect(model.lang == "en")
    #expect(model.verdict == "NOT ACCEPTABLE")
    #expect(model.parts.first?.id == "summary")
    let ids = model.parts.map(\.id)
    #expect(
      ids == [
        "summary", "gaps", "plan", "not-applicable", "flagged", "evidence", "context", "appendix",
      ])
    let first = model.parts[0].html
    for piece in [
      "NOT ACCEPTABLE", "Data unencrypted", "Encrypt them", "Risk matrix", "Compliance by section",
      "Leak", "<svg",
    ] {
      #expect(first.contains(piece), "\(piece) on the first page")
    }
    let page = try html()
    for fact in [
      Self.provenance.sessionSHA256, String(repeating: "cd", count: 32), "html-fixture",
      "2027-01-15",
    ] {
      #expect(page.contains(fact), "\(fact) identifies the report")
    }
  }

  @Test func anInstitutionsTemplateGetsTheSameValues() throws {
    let template = """
      <!DOCTYPE html><html lang="{{lang}}"><body><header>CONFIDENTIEL — {{organisation}}</header>
      {{#parts}}<section id="{{id}}">{{{html}}}</section>{{/parts}}</body></html>
      """
    let page = try html(.fr, template: template)
    #expect(page.contains("CONFIDENTIEL — ONSS &lt;b&gt;bold&lt;/b&gt;"))
    #expect(page.contains("<section id=\"summary\">"))
    #expect(page.contains("NON ACCEPTABLE"))
    #expect(throws: HTMLReport.TemplateError.self) { try html(template: "{{#parts}} unclosed") }
  }

  /// The report with an overdue action on the encryption gap and one in progress on backups.
  static func reportWithAPlan() -> SummaryReport {
    var answers = answers
    answers["encryption"]?.action = PlanAction(
      owner: "Ops <team>", dueDate: "2026-12-31", status: .open, reference: "T-1")
    answers["backups"]?.action = PlanAction(
      owner: "Provider", dueDate: "2027-03-31", status: .inProgress)
    let questionnaire = questionnaire
    let state = Wizard(questionnaire: questionnaire).resume(
      phase: .questions, metadata: SessionMetadata(organisation: "ONSS", created: t0, updated: t0),
      answers: answers,
      cursor: 0)
    return SummaryReport(
      questionnaire: questionnaire,
      summary: RiskEngine(questionnaire: questionnaire).summarize(state, asOf: t0),
      answers: answers, language: .en, digest: String(repeating: "cd", count: 32))
  }

  @Test func theBuiltInTemplateFlagsOverdueActionsAndATemplateMayUseThePlanFigures() throws {
    let model = Self.reportWithAPlan().htmlModel(Self.provenance)
    let page = try HTMLReport.render(model)
    #expect(
      page.contains(
        "<p class=\"plan-alert\"><a href=\"#plan\">⚠ Action plan — Overdue on 2027-01-15 (1)</a></p>"
      ))
    #expect(page.contains("<section class=\"part break\" id=\"plan\" aria-label=\"Action plan\">"))
    #expect(page.contains("Ops &lt;team&gt;"))
    let figures = try HTMLReport.render(
      model,
      template:
        "{{plan.asOf}} {{plan.overdue}}/{{plan.pending}}/{{plan.accepted}}/{{plan.done}}{{#plan.hasOverdue}} late{{/plan.hasOverdue}}{{#plan.hasPlan}} plan{{/plan.hasPlan}}"
    )
    #expect(figures == "2027-01-15 1/2/0/0 late plan")
    // Without a plan: no alert, and the figures are zero.
    let none = try HTMLReport.render(Self.report().htmlModel(Self.provenance))
    #expect(!none.contains("<p class=\"plan-alert\">"))
    #expect(
      try HTMLReport.render(
        Self.report().htmlModel(Self.provenance),
        template: "{{plan.overdue}}{{#plan.hasPlan}}x{{/plan.hasPlan}}") == "0")
  }

  /// A template copied before the action plan existed (no `plan` variable) still renders, the
  /// plan among its parts.
  @Test func aTemplateCopiedBeforeThePlanStillGetsThePlanPart() throws {
    let old = """
      <!DOCTYPE html><html lang="{{lang}}"><head><style>{{{style}}}</style></head><body>
      <h1>{{title}}</h1>{{{identification}}}
      {{#parts}}<section class="part{{#pageBreak}} break{{/pageBreak}}" id="{{id}}">{{{html}}}</section>{{/parts}}
      </body></html>
      """
    let page = try HTMLReport.render(
      Self.reportWithAPlan().htmlModel(Self.provenance), template: old)
    #expect(page.contains("<section class=\"part break\" id=\"plan\">"))
    #expect(page.contains("Overdue on 2027-01-15 (1)"))
  }

  @Test func theBuiltInTemplateIsValidMustache() throws {
    #expect(HTMLReport.builtinTemplate.contains("{{{style}}}"))
    #expect(HTMLReport.builtinTemplate.contains("{{#parts}}"))
  }
}
