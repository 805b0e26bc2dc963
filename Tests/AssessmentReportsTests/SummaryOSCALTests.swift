import Foundation
import Testing

@testable import AssessmentCore
@testable import AssessmentReports

@Suite struct SummaryOSCALTests {
  func document(_ report: SummaryReport = ReportFixture.report()) throws -> [String: Any] {
    let text = try report.oscal(ReportFixture.provenance)
    let root = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    return try #require(root["assessment-results"] as? [String: Any])
  }

  @Test func exportingTwiceGivesTheSameDocument() throws {
    let report = ReportFixture.report()
    let first = try report.oscal(ReportFixture.provenance)
    #expect(!first.isEmpty)
    #expect(first == (try report.oscal(ReportFixture.provenance)))
    // Another session id gives other UUIDs.
    var other = ReportFixture.provenance
    other.sessionID = "another"
    #expect(first != (try report.oscal(other)))
  }

  @Test func metadataPartiesAndImportAP() throws {
    let ar = try document()
    let metadata = try #require(ar["metadata"] as? [String: Any])
    #expect(metadata["oscal-version"] as? String == "1.1.3")
    let parties = try #require(metadata["parties"] as? [[String: Any]])
    #expect(
      Set(parties.compactMap { $0["name"] as? String }) == [
        "ONSS <b>&</b>", "=cmd|' /C calc'!A0", "Cloud \"Co\"",
      ])
    let roles = try #require(metadata["roles"] as? [[String: Any]]).compactMap {
      $0["id"] as? String
    }
    let responsible = try #require(metadata["responsible-parties"] as? [[String: Any]])
    #expect(Set(responsible.compactMap { $0["role-id"] as? String }).isSubset(of: Set(roles)))
    let partyIDs = Set(parties.compactMap { $0["uuid"] as? String })
    for entry in responsible {
      #expect(Set(entry["party-uuids"] as? [String] ?? []).isSubset(of: partyIDs))
    }
    let importAP = try #require(ar["import-ap"] as? [String: Any])
    let href = try #require(importAP["href"] as? String)
    let resources = try #require(
      (ar["back-matter"] as? [String: Any])?["resources"] as? [[String: Any]])
    #expect(href.hasPrefix("#"))
    #expect(resources.contains { $0["uuid"] as? String == String(href.dropFirst()) })
  }

  @Test func findingsPerComplianceQuestionRisksPerGapAndEveryReferenceResolves() throws {
    let ar = try document()
    let results = try #require(ar["results"] as? [[String: Any]])
    #expect(results.count == 1)
    let result = results[0]
    let observations = try #require(result["observations"] as? [[String: Any]])
    let risks = try #require(result["risks"] as? [[String: Any]])
    let findings = try #require(result["findings"] as? [[String: Any]])
    let observationIDs = Set(observations.compactMap { $0["uuid"] as? String })
    let riskIDs = Set(risks.compactMap { $0["uuid"] as? String })
    #expect(observationIDs.count == observations.count)
    // restitution (partial), encryption (noncompliant), network (compliant); sovereignty is N/A.
    let targets = findings.compactMap { ($0["target"] as? [String: Any]) }
    #expect(
      targets.compactMap { $0["target-id"] as? String } == ["restitution", "encryption", "network"])
    #expect(targets.allSatisfy { $0["type"] as? String == "objective-id" })
    let states = targets.compactMap { ($0["status"] as? [String: Any])?["state"] as? String }
    #expect(states == ["not-satisfied", "not-satisfied", "satisfied"])
    #expect(risks.count == 2)
    for risk in risks {
      let facets =
        (risk["characterizations"] as? [[String: Any]])?.first?["facets"] as? [[String: Any]] ?? []
      #expect(Set(facets.compactMap { $0["name"] as? String }) == ["likelihood", "impact", "risk"])
      #expect(risk["status"] as? String == "open")
      for related in risk["related-observations"] as? [[String: Any]] ?? [] {
        #expect(observationIDs.contains(related["observation-uuid"] as? String ?? ""))
      }
    }
    var references = 0
    for finding in findings {
      for related in finding["related-observations"] as? [[String: Any]] ?? [] {
        #expect(
          observationIDs.contains(related["observation-uuid"] as? String ?? ""),
          "dangling observation")
        references += 1
      }
      for related in finding["related-risks"] as? [[String: Any]] ?? [] {
        #expect(riskIDs.contains(related["risk-uuid"] as? String ?? ""), "dangling risk")
        references += 1
      }
    }
    #expect(references >= 5)
    // Notes and evidence are in the observations.
    let text = observations.map { "\($0["description"] ?? "") \($0["relevant-evidence"] ?? "")" }
      .joined()
    #expect(text.contains("contract.pdf"))
    #expect(text.contains("Provider says"))
  }

  @Test func aGapCoveredByAValidDerogationIsADeviationApproved() throws {
    var questionnaire = ReportFixture.questionnaire
    questionnaire.blockingRules[0].derogation = .question("derog")
    _ = questionnaire
    // The status mapping itself: covered gaps are approved deviations, others open.
    #expect(SummaryReport.oscalRiskStatus(waived: true) == "deviation-approved")
    #expect(SummaryReport.oscalRiskStatus(waived: false) == "open")
  }

  @Test func stringsFitOSCALsStringType() {
    #expect(SummaryReport.oscalString("  two\nlines \t ") == "two lines")
    #expect(SummaryReport.oscalString("   ", fallback: "x") == "x")
    #expect(SummaryReport.oscalToken("9lives") == "_9lives")
    #expect(SummaryReport.oscalToken("ctr_backups") == "ctr_backups")
  }
}
