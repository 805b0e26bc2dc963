import AssessmentCore
import AssessmentReports
import Foundation
import Testing

@testable import AssessmentStore

@Suite struct SessionSchemaTests {
  let schema = try! JSONSchema(path: repositoryRoot + "/docs/session.schema.json")

  @Test func filesWrittenByTheStoreMatchTheSchema() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let store = SessionStore(directory: directory)
    let loaded = try QuestionnaireLoader.load(path: fixturePath("small.yaml"))
    let wizard = Wizard(questionnaire: loaded.questionnaire)
    var state = wizard.start(at: Date(timeIntervalSince1970: 1_800_000_000))
    for (field, value) in [
      (SessionMetadata.Field.organisation, "ONSS"), (.assessor, "A"), (.provider, "P"),
      (.service, "S"),
    ] {
      _ = wizard.reduce(
        &state, .identificationEdited(field, value, at: Date(timeIntervalSince1970: 1_800_000_001)))
    }
    let blank = SessionRecord(id: "blank", questionnaire: loaded, state: state)
    _ = wizard.reduce(
      &state, .identificationConfirmed(at: Date(timeIntervalSince1970: 1_800_000_002)))
    _ = wizard.reduce(
      &state, .answerChosen(.choice("yes"), at: Date(timeIntervalSince1970: 1_800_000_003.5)))
    _ = wizard.reduce(
      &state, .noteEdited("données «sensibles» 📦", at: Date(timeIntervalSince1970: 1_800_000_004)))
    _ = wizard.reduce(&state, .flagToggled(at: Date(timeIntervalSince1970: 1_800_000_005)))
    _ = wizard.reduce(
      &state, .evidenceAdded("DPA.pdf", at: Date(timeIntervalSince1970: 1_800_000_006)))
    let answered = SessionRecord(id: "answered", questionnaire: loaded, state: state)
    for record in [blank, answered] {
      let path = try store.path(for: record.id)
      try store.save(record, to: path)
      let problems = try schema.validate(try Data(contentsOf: URL(fileURLWithPath: path)))
      #expect(problems.isEmpty, "\(record.id): \(problems)")
    }
  }

  @Test func theSchemaRejectsWhatTheDecoderRejects() throws {
    let bad =
      #"{"schemaVersion": 5, "id": "../x", "questionnaire": {"id": "q", "version": "1", "digest": "d"}, "metadata": {}, "phase": "lost", "cursor": {}, "answers": {"a": {"value": {"choice": "x", "text": "y"}}}}"#
    let problems = try schema.validate(Data(bad.utf8))
    #expect(problems.contains("$.schemaVersion: must be 4"))
    #expect(problems.contains { $0.hasPrefix("$.id: '../x' does not match") })
    #expect(problems.contains("$.metadata: lacks 'provider'"))
    #expect(problems.contains { $0.hasPrefix("$.phase: lost is not one of") })
    #expect(problems.contains("$.answers.a.value: more than 1 properties"))
  }
}

@Suite struct SummarySchemaTests {
  @Test(arguments: ["all-compliant", "mixed", "health-public"])
  func goldenJSONSummariesMatchTheSchema(session: String) throws {
    let schema = try JSONSchema(path: repositoryRoot + "/docs/summary.schema.json")
    let data = try Data(
      contentsOf: URL(fileURLWithPath: repositoryRoot + "/Tests/CLITests/Golden/\(session).en.json")
    )
    let problems = try schema.validate(data)
    #expect(problems.isEmpty, "\(problems)")
  }

  /// A summary with what the golden files lack: provider claims that differ (one not yet
  /// judged) and evidence records with their days.
  @Test func aSummaryWithClaimsAndDatedEvidenceMatchesTheSchema() throws {
    let schema = try JSONSchema(path: repositoryRoot + "/docs/summary.schema.json")
    let record = EvidenceRecord(
      reference: "SOC 2 type II", issuedOn: "2026-01-15", validUntil: "2026-03-31")
    let claim = ProviderClaim(
      value: .choice("compliant"), explanation: "Two regions", evidence: [record],
      remarks: "See annex", importedAt: t0, workbookSHA256: String(repeating: "a", count: 64),
      cell: "Questions!F3")
    let answers: [String: Answer] = [
      "personal_data": Answer(value: .choice("yes")),
      "deployment": Answer(value: .choice("public")),
      "restitution": Answer(value: .choice("partial"), evidence: [record], claims: [claim]),
      "encryption": Answer(claims: [claim]),
    ]
    let state = Wizard(questionnaire: fixture).resume(
      phase: .questions, metadata: SessionMetadata(created: t0, updated: t1), answers: answers,
      cursor: 0)
    let report = SummaryReport(
      questionnaire: fixture,
      summary: RiskEngine(questionnaire: fixture).summarize(state, asOf: t1),
      answers: answers, language: .nl, digest: String(repeating: "ab", count: 32))
    let json = try report.json()
    #expect(json.contains("\"notYetJudged\" : true"), "\(json)")
    let problems = try schema.validate(Data(json.utf8))
    #expect(problems.isEmpty, "\(problems)")
  }
}
