import Foundation
import TestSupport
import Testing

@testable import AssessmentCore

/// The summary's list of the questions where the provider's current claim differs from the
/// assessor's answer, or that the assessor has not judged yet.
@Suite struct ClaimDifferenceTests {
  static let older = Date(timeIntervalSince1970: 1_799_000_000)
  static let newer = Date(timeIntervalSince1970: 1_799_500_000)

  static func claim(_ value: AnswerValue?, _ at: Date = newer) -> ProviderClaim {
    ProviderClaim(
      value: value, explanation: "Backups in two regions", importedAt: at,
      workbookSHA256: String(repeating: "a", count: 64), cell: "Questions!F3")
  }

  static func summary(_ answers: [String: Answer]) -> RiskSummary {
    let state = Wizard(questionnaire: fixture).resume(
      phase: .questions,
      metadata: SessionMetadata(created: t0, updated: t1), answers: answers, cursor: 0)
    return RiskEngine(questionnaire: fixture).summarize(state, asOf: t1)
  }

  static let answers: [String: Answer] = [
    "personal_data": Answer(value: .choice("yes")),
    "deployment": Answer(value: .choice("public")),
    // The newer claim supersedes the older one that agreed.
    "restitution": Answer(
      value: .choice("partial"),
      claims: [claim(.choice("partial"), older), claim(.choice("compliant"))]),
    // The newer claim agrees; the older one that differed no longer counts.
    "network": Answer(
      value: .choice("compliant"),
      claims: [claim(.choice("noncompliant"), older), claim(.choice("compliant"))]),
    // Not judged yet by the assessor.
    "encryption": Answer(claims: [claim(.choice("compliant"))]),
    // Equal once trimmed.
    "comment": Answer(value: .text("Daily backups"), claims: [claim(.text("  Daily backups\n"))]),
    // A claim with no answer of its own says nothing to compare.
    "sovereignty": Answer(value: .choice("compliant"), claims: [claim(nil)]),
  ]

  @Test func aDifferenceAndAnUnjudgedQuestionAreListedInWalkingOrder() {
    let summary = Self.summary(Self.answers)
    let ids = summary.claimDifferences.map { fixture.questions[$0.position].id }
    #expect(ids == ["restitution", "encryption"])
    let restitution = summary.claimDifferences.first
    #expect(restitution?.claim.value == .choice("compliant"), "the newer claim")
    #expect(restitution?.claim.importedAt == Self.newer)
    #expect(restitution?.answer == .choice("partial"))
    #expect(summary.claimDifferences.last?.answer == nil, "not yet judged")
    // Compared: restitution, network, encryption, comment (sovereignty's claim has no answer).
    #expect(summary.claimCount == 4)
  }

  @Test func aClaimDoesNotChangeTheVerdictOrTheScores() {
    var withoutClaims = Self.answers
    for id in withoutClaims.keys { withoutClaims[id]?.claims = [] }
    let with = Self.summary(Self.answers)
    let without = Self.summary(withoutClaims)
    #expect(with.verdict == without.verdict)
    #expect(with.findings == without.findings)
    #expect(with.unanswered == without.unanswered)
  }

  @Test func aQuestionOutOfScopeIsNotListed() {
    var answers = Self.answers
    answers["deployment"] = Answer(value: .choice("private"))
    answers["network"]?.claims = [Self.claim(.choice("noncompliant"))]
    let ids = Self.summary(answers).claimDifferences.map { fixture.questions[$0.position].id }
    #expect(ids == ["restitution", "encryption"])
  }

  @Test func anAnswerInConflictIsNotYetJudged() {
    var answers = Self.answers
    answers["network"]?.conflict = AnswerConflict(
      ours: .init(value: .choice("compliant")), theirs: .init(value: .choice("partial")))
    let network = Self.summary(answers).claimDifferences.first {
      fixture.questions[$0.position].id == "network"
    }
    #expect(network != nil)
    #expect(network?.answer == nil)
  }

  @Test func eachKindIsComparedByWhatItMeans() {
    let claim = { (value: AnswerValue) in Self.claim(value) }
    #expect(claim(.choice("partial")).agrees(with: .choice("partial")))
    #expect(!claim(.choice("partial")).agrees(with: .choice("compliant")))
    #expect(claim(.choices(["b", "a"])).agrees(with: .choices(["a", "b"])))
    #expect(!claim(.choices(["a"])).agrees(with: .choices(["a", "b"])))
    #expect(claim(.number(3)).agrees(with: .number(3.0)))
    #expect(!claim(.number(3)).agrees(with: .number(3.5)))
    #expect(claim(.text(" EU only ")).agrees(with: .text("EU only")))
    #expect(!claim(.text("EU only")).agrees(with: .text("eu only")), "exactly, case included")
    #expect(claim(.date("2027-03-31 ")).agrees(with: .date("2027-03-31")))
    #expect(!claim(.date("2027-03-31")).agrees(with: .date("2027-04-01")))
    #expect(!claim(.choice("yes")).agrees(with: nil), "not yet judged")
    #expect(!Self.claim(nil).agrees(with: .choice("yes")))
  }
}
