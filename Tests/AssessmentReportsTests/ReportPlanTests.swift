import Foundation
import Testing

@testable import AssessmentCore
@testable import AssessmentReports

/// The action plan in the HTML, CSV and OSCAL reports, on the report fixture (as of 2027-01-15)
/// with: an overdue open action on the blocking gap, an accepted risk, a done action on a
/// compliant question. Every typed text is hostile.
@Suite struct ReportPlanTests {
  static var answers: [String: Answer] {
    var answers = ReportFixture.answers
    answers["encryption"]?.action = PlanAction(
      owner: "@owner <Ops>", dueDate: "2027-01-01", status: .open, reference: "-REF-1")
    answers["restitution"]?.action = PlanAction(
      status: .riskAccepted, reference: "Risk committee", acceptedBy: "=Boss <CISO>",
      acceptedOn: "2027-01-10",
      acceptanceReason: "Budget\nnext year", acceptedUntil: "2027-06-30")
    answers["network"]?.action = PlanAction(
      owner: "Net team", dueDate: "2026-12-01", status: .done, reference: "T-9")
    return answers
  }

  static func report(_ language: InterfaceLanguage = .en) -> SummaryReport {
    ReportFixture.report(language, answers: answers)
  }

  // MARK: - HTML

  @Test func theHTMLReportHasAnActionPlanPartAfterTheGaps() {
    let model = Self.report().htmlModel(ReportFixture.provenance)
    let ids = model.parts.map(\.id)
    #expect(
      ids.prefix(4) == ["summary", "gaps", "plan", "not-applicable"],
      "no derogation question: no derogations part")
    let plan = model.parts.first { $0.id == "plan" }?.html ?? ""
    #expect(plan.contains("<h2>Action plan</h2>"))
    #expect(plan.contains("Due dates and acceptances judged as of 2027-01-15."))
    // Overdue first, then open actions by due date, accepted risks, done.
    let order = [
      "Overdue on 2027-01-15 (1)", "Open actions, by due date (1)", "Accepted risks (1)",
      "Actions done (1)",
    ]
    let positions = order.map { plan.range(of: $0)?.lowerBound }
    #expect(positions.allSatisfy { $0 != nil }, "\(plan)")
    #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
    #expect(plan.contains("@owner &lt;Ops&gt;"))
    #expect(plan.contains("2027-01-01"))
    #expect(plan.contains("OVERDUE"))
    // The acceptance: who, when, why (its line break kept), until when, and its state.
    #expect(plan.contains("=Boss &lt;CISO&gt;"))
    #expect(plan.contains("2027-01-10"))
    #expect(plan.contains("Budget<br>next year"))
    #expect(plan.contains("accepted until 2027-06-30"))
    #expect(plan.contains("Net team"))
    #expect(!plan.contains("<Ops>") && !plan.contains("<CISO>"))
  }

  @Test func eachGapShowsItsActionAndTheSummaryCountsTheOverdueOnes() {
    let model = Self.report().htmlModel(ReportFixture.provenance)
    let gaps = model.parts.first { $0.id == "gaps" }?.html ?? ""
    #expect(
      gaps.contains(
        "Action plan: Owner: @owner &lt;Ops&gt; · Due date: 2027-01-01 · Status: open · Reference: -REF-1 — OVERDUE"
      ))
    #expect(gaps.contains("Risk acceptance: accepted until 2027-06-30"))
    let summary = model.parts.first { $0.id == "summary" }?.html ?? ""
    #expect(summary.contains("Overdue on 2027-01-15 (1)"))
    #expect(summary.contains("href=\"#plan\""))
  }

  @Test(arguments: [InterfaceLanguage.fr, .nl])
  func thePlanPartSpeaksTheReportsLanguage(language: InterfaceLanguage) {
    let model = Self.report(language).htmlModel(ReportFixture.provenance)
    let plan = model.parts.first { $0.id == "plan" }?.html ?? ""
    func escaped(_ text: String) -> String { HTML("\(text)").description }
    #expect(plan.contains(escaped(PlanPhrase.plan.text(language))))
    #expect(plan.contains(escaped(PlanPhrase.statusDone.text(language))))
    #expect(plan.contains(escaped(PlanPhrase.acceptanceValid.format(language, "2027-06-30"))))
  }

  @Test func withoutAPlanThePartSaysSo() {
    let model = ReportFixture.report().htmlModel(ReportFixture.provenance)
    let plan = model.parts.first { $0.id == "plan" }?.html ?? ""
    #expect(plan.contains("No action recorded"))
    let summary = model.parts.first?.html ?? ""
    #expect(summary.contains("href=\"#plan\"") == false, "\(summary.ranges(of: "#plan").count)")
  }

  // MARK: - CSV

  @Test func theCSVFillsTheActionColumnsFromThePlan() {
    let report = Self.report()
    let header = report.csvHeader
    #expect(
      header.suffix(6) == [
        "Action owner", "Due date", "Status", "Action reference", "Accepted by",
        "Risk accepted until",
      ])
    let rows = report.csvRows()
    #expect(rows.allSatisfy { $0.count == header.count })
    func row(_ id: String) -> [String: String] {
      let values = rows.first { $0[1] == id } ?? []
      return Dictionary(uniqueKeysWithValues: zip(header, values).map { ($0, $1) })
    }
    #expect(row("encryption")["Action owner"] == "@owner <Ops>")
    #expect(row("encryption")["Due date"] == "2027-01-01")
    #expect(row("encryption")["Status"] == "open")
    #expect(row("encryption")["Action reference"] == "-REF-1")
    #expect(row("restitution")["Status"] == "risk accepted")
    #expect(row("restitution")["Accepted by"] == "=Boss <CISO>")
    #expect(row("restitution")["Risk accepted until"] == "2027-06-30")
    #expect(row("network")["Status"] == "done")
    #expect(row("sovereignty")["Status"] == "")
    // Neutralised in the document: a typed owner or reference is never a formula.
    let document = report.csv()
    #expect(document.contains(",'@owner <Ops>,2027-01-01,open,'-REF-1,"))
    #expect(document.contains(",'=Boss <CISO>,2027-06-30\r\n"))
    #expect(!document.contains(",=Boss"))
  }

  @Test func theCSVStatusSpeaksTheReportsLanguage() {
    let rows = Self.report(.fr).csvRows()
    #expect(rows.contains { $0[1] == "restitution" && $0.contains("risque accepté") })
    #expect(rows.contains { $0[1] == "encryption" && $0.contains("ouverte") })
  }

  // MARK: - OSCAL

  func risks(_ report: SummaryReport) throws -> [String: [String: Any]] {
    let text = try report.oscal(ReportFixture.provenance)
    let root = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let result = try #require(
      ((root["assessment-results"] as? [String: Any])?["results"] as? [[String: Any]])?.first)
    var byQuestion: [String: [String: Any]] = [:]
    for risk in result["risks"] as? [[String: Any]] ?? [] {
      let id =
        (risk["props"] as? [[String: Any]])?.first { $0["name"] as? String == "question-id" }?[
          "value"] as? String
      if let id { byQuestion[id] = risk }
    }
    return byQuestion
  }

  func prop(_ object: [String: Any]?, _ name: String) -> String? {
    (object?["props"] as? [[String: Any]])?.first { $0["name"] as? String == name }?["value"]
      as? String
  }

  @Test func anOSCALRisksStatusDeadlineAndRemediationFollowThePlan() throws {
    let risks = try risks(Self.report())
    let encryption = try #require(risks["encryption"])
    #expect(encryption["status"] as? String == "open")
    #expect(encryption["deadline"] as? String == "2027-01-01T23:59:59Z")
    let remediation = try #require((encryption["remediations"] as? [[String: Any]])?.first)
    #expect(remediation["lifecycle"] as? String == "planned")
    #expect(prop(remediation, "action-owner") == "@owner <Ops>")
    #expect(prop(remediation, "action-reference") == "-REF-1")
    #expect(prop(remediation, "action-status") == "open")
    #expect(prop(encryption, "action-overdue") == "true")

    let restitution = try #require(risks["restitution"])
    #expect(restitution["status"] as? String == "deviation-approved")
    let entry = try #require(
      ((restitution["risk-log"] as? [String: Any])?["entries"] as? [[String: Any]])?.first)
    #expect(entry["start"] as? String == "2027-01-10T00:00:00Z")
    #expect(entry["end"] as? String == "2027-06-30T23:59:59Z")
    #expect(entry["status-change"] as? String == "deviation-approved")
    #expect(prop(entry, "accepted-by") == "=Boss <CISO>")
    #expect((entry["description"] as? String ?? "").contains("Budget\nnext year"))
  }

  @Test(arguments: [
    (ActionStatus.open, "open"), (.inProgress, "remediating"), (.done, "closed"),
    (.riskAccepted, "deviation-approved"),
  ])
  func eachActionStatusHasItsOSCALRiskStatus(status: ActionStatus, expected: String) throws {
    var answers = Self.answers
    answers["encryption"]?.action = nil
    answers["restitution"]?.action?.status = status
    let risks = try risks(ReportFixture.report(answers: answers))
    #expect(risks["restitution"]?["status"] as? String == expected)
    #expect(risks["encryption"]?["status"] as? String == "open", "a gap without action stays open")
    let lifecycle =
      (risks["restitution"]?["remediations"] as? [[String: Any]])?.first?["lifecycle"] as? String
    #expect(
      lifecycle == (status == .done ? "completed" : status == .riskAccepted ? nil : "planned"))
  }

  @Test func anAcceptanceThatDoesNotCountIsNotAnApprovedDeviation() throws {
    var answers = Self.answers
    answers["restitution"]?.action?.acceptedUntil = "2027-01-01"  // expired on 2027-01-15
    #expect(
      try risks(ReportFixture.report(answers: answers))["restitution"]?["status"] as? String
        == "open")
    answers["restitution"]?.action?.acceptedBy = ""  // not a decision yet
    answers["restitution"]?.action?.acceptedUntil = ""
    #expect(
      try risks(ReportFixture.report(answers: answers))["restitution"]?["status"] as? String
        == "deviation-requested")
  }

  @Test func thePlanKeepsTheOSCALExportDeterministic() throws {
    let report = Self.report()
    #expect(
      try report.oscal(ReportFixture.provenance) == (try report.oscal(ReportFixture.provenance)))
  }

  // MARK: - Who must act

  /// The report fixture with the contract's points the organisation's and encryption shared;
  /// the rest the provider's (the questionnaire's default).
  static func ownedReport(
    _ language: InterfaceLanguage = .en, answers: [String: Answer] = answers
  ) -> SummaryReport {
    var questionnaire = ReportFixture.questionnaire
    var sections = questionnaire.sections
    sections[1].owner = .organisation
    sections[2].questions[0].owner = .shared
    questionnaire = Questionnaire(
      id: questionnaire.id, version: questionnaire.version, languages: questionnaire.languages,
      title: questionnaire.title, sections: sections, blockingRules: questionnaire.blockingRules,
      risks: questionnaire.risks)
    let state = Wizard(questionnaire: questionnaire).resume(
      phase: .questions, metadata: SessionMetadata(created: t0, updated: t1), answers: answers,
      cursor: 0)
    return SummaryReport(
      questionnaire: questionnaire,
      summary: RiskEngine(questionnaire: questionnaire).summarize(state, asOf: t1),
      answers: answers,
      language: language, digest: String(repeating: "ab", count: 32))
  }

  @Test func theTextAndMarkdownSummariesSayWhoMustActOnEachGap() {
    for document in [Self.ownedReport().text(color: false), Self.ownedReport().markdown()] {
      #expect(
        document.contains("Impact: critical · Responsibility: Shared (organisation and provider)"))
      #expect(document.contains("· Responsibility: Organisation"))
      // The accepted risk's action names no owner: the point's owner carries it.
      #expect(
        document.contains(
          "Action plan: Owner: Organisation · Due date: no due date · Status: risk accepted"))
      #expect(document.contains("Owner: @owner "), "a named owner is kept")
    }
    #expect(
      Self.ownedReport(.fr).text(color: false).contains(
        "Responsabilité : Partagée (organisation et fournisseur)"))
    #expect(
      Self.ownedReport(.nl).markdown().contains(
        "Verantwoordelijkheid: Gedeeld (organisatie en leverancier)"))
  }

  @Test func theHTMLReportSaysWhoMustActOnEachGapAndInThePlan() {
    let model = Self.ownedReport().htmlModel(ReportFixture.provenance)
    let gaps = model.parts.first { $0.id == "gaps" }?.html ?? ""
    #expect(gaps.contains("Responsibility: Shared (organisation and provider)"))
    #expect(gaps.contains("Action plan: Owner: Organisation · Due date: no due date"))
    var answers = Self.answers
    answers["encryption"]?.action?.owner = " "
    let plan =
      Self.ownedReport(answers: answers).htmlModel(ReportFixture.provenance).parts
      .first { $0.id == "plan" }?.html ?? ""
    #expect(plan.contains("<td>Shared (organisation and provider)</td>"), "\(plan)")
    #expect(plan.contains("<td>Net team</td>"))
  }

  @Test func theCSVHasAResponsibilityColumnAndTheDefaultActionOwner() {
    let report = Self.ownedReport()
    let header = report.csvHeader
    #expect(header.contains("Responsibility"))
    let rows = report.csvRows()
    #expect(rows.allSatisfy { $0.count == header.count })
    func row(_ id: String) -> [String: String] {
      let values = rows.first { $0[1] == id } ?? []
      return Dictionary(uniqueKeysWithValues: zip(header, values).map { ($0, $1) })
    }
    #expect(row("encryption")["Responsibility"] == "Shared (organisation and provider)")
    #expect(row("restitution")["Responsibility"] == "Organisation")
    #expect(row("personal_data")["Responsibility"] == "Provider")
    #expect(row("restitution")["Action owner"] == "Organisation")
    #expect(row("network")["Action owner"] == "Net team")
    #expect(row("sovereignty")["Action owner"] == "", "no action, no owner")
    #expect(Self.ownedReport(.fr).csvHeader.contains("Responsabilité"))
  }

  @Test func theJSONSummaryGivesEachGapAndPlanItemItsResponsibility() throws {
    let text = try Self.ownedReport().json()
    let root = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let gaps = try #require(root["gaps"] as? [[String: Any]])
    let byQuestion = Dictionary(
      uniqueKeysWithValues: gaps.map { ($0["question"] as? String ?? "", $0) })
    #expect(byQuestion["encryption"]?["responsibility"] as? String == "shared")
    #expect(byQuestion["restitution"]?["responsibility"] as? String == "organisation")
    let plan = try #require(root["plan"] as? [String: Any])
    let accepted = try #require((plan["accepted"] as? [[String: Any]])?.first)
    #expect(accepted["responsibility"] as? String == "organisation")
    #expect(
      (accepted["action"] as? [String: Any])?["owner"] as? String == "",
      "the session's owner, as typed")
    let done = try #require((plan["done"] as? [[String: Any]])?.first)
    #expect(done["responsibility"] as? String == "provider")
  }

  @Test func anOSCALRiskSaysWhoMustActAndItsRemediationWhoCarriesIt() throws {
    let risks = try risks(Self.ownedReport())
    #expect(prop(risks["encryption"], "responsibility") == "shared")
    #expect(prop(risks["restitution"], "responsibility") == "organisation")
    var answers = Self.answers
    answers["encryption"]?.action?.owner = ""
    let report = ReportFixture.report(answers: answers)
    let encryption = try #require(try self.risks(report)["encryption"])
    let remediation = try #require((encryption["remediations"] as? [[String: Any]])?.first)
    #expect(
      prop(remediation, "action-owner") == "Provider", "the point's owner while none is named")
  }

  /// The day check the plan sorts and judges due dates with (rewritten on bytes for speed).
  @Test func onlyRealDaysAreDays() {
    for day in ["2027-03-31", "2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31"] {
      #expect(Day.isValid(day), "\(day)")
    }
    for text in [
      "2027-3-31", "2027-02-29", "1900-02-29", "2027-13-01", "2027-00-10", "2027-01-00",
      "0000-01-01",
      "2027-01-32", "2027/01/01", " 2027-01-01", "2027-01-01 ", "２０２７-01-01", "2027-0a-01", "",
      "2027-01-0١",
    ] {
      #expect(!Day.isValid(text), "\(text)")
    }
  }
}
