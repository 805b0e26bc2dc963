import Foundation
import Testing

@testable import AssessmentCore

/// Who changed what: the parts a change sets, coalescing, origins, the decision's standing.
@Suite struct AnswerHistoryTests {
  let t0 = Date(timeIntervalSince1970: 1_800_000_000)

  @Test func theChangedPartsAreRecordedWithTheirNewValuesInAFixedOrder() {
    let old = Answer(value: .choice("partial"), note: "Clause 14.")
    var new = old
    new.value = .choice("compliant")
    new.evidence = ["contrat §14"]
    new.flagged = true
    new.answeredAt = t0
    #expect(
      AnswerChange.parts(from: old, to: new) == [
        .value(.choice("compliant")), .evidence(["contrat §14"]), .flagged(true),
      ])
    // A time stamp alone is no change.
    var stamped = old
    stamped.answeredAt = t0
    #expect(AnswerChange.parts(from: old, to: stamped).isEmpty)
    // Confirming a carried answer records its value: the person now vouches for it.
    var carried = old
    carried.reverify = true
    #expect(AnswerChange.parts(from: carried, to: old) == [.value(.choice("partial"))])
  }

  @Test func keystrokeSavesBySamePersonWithinTheWindowMergeIntoOneEntry() {
    var answer = Answer(note: "C")
    let recorded = answer.recordChange(from: nil, at: t0, by: "Anne")
    #expect(recorded)
    let first = answer
    answer.note = "Clause"
    answer.recordChange(from: first, at: t0.addingTimeInterval(10), by: "Anne")
    let second = answer
    answer.value = .choice("compliant")
    answer.recordChange(from: second, at: t0.addingTimeInterval(60), by: "Anne")
    #expect(answer.history.count == 1)
    #expect(answer.history[0].at == t0.addingTimeInterval(60))
    #expect(answer.history[0].parts == [.value(.choice("compliant")), .note("Clause")])
    // Another person, or the same one later, starts a new entry.
    let third = answer
    answer.note = "Clause 14"
    answer.recordChange(from: third, at: t0.addingTimeInterval(70), by: "Bart")
    #expect(answer.history.map(\.by) == ["Anne", "Bart"])
    let fourth = answer
    answer.flagged = true
    answer.recordChange(
      from: fourth, at: t0.addingTimeInterval(70 + AnswerChange.coalescingWindow + 1), by: "Bart")
    #expect(answer.history.map(\.by) == ["Anne", "Bart", "Bart"])
  }

  @Test func nothingChangedRecordsNothingAndTheHistoryIsTheOldOnes() {
    let old = Answer(
      value: .choice("yes"),
      history: [AnswerChange(at: t0, by: "Anne", parts: [.value(.choice("yes"))])])
    // A front end's copy without the history: the store's (old) one is kept.
    var new = Answer(value: .choice("yes"))
    let recorded = new.recordChange(from: old, at: t0.addingTimeInterval(600), by: "Bart")
    #expect(!recorded)
    #expect(new.history == old.history)
  }

  @Test func originsAreWorkedOutWhenNotGiven() {
    let t1 = t0.addingTimeInterval(3600)
    // A conflict resolved by keeping the value shown: an entry all the same.
    let inConflict = Answer(
      value: .choice("partial"),
      conflict: AnswerConflict(
        ours: .init(value: .choice("partial")), theirs: .init(value: .choice("compliant"))))
    var resolved = inConflict
    resolved.conflict = nil
    resolved.recordChange(from: inConflict, at: t1, by: "Anne")
    #expect(resolved.history.last?.origin == .conflictResolved)
    #expect(resolved.history.last?.parts == [.value(.choice("partial"))])
    // A new claim alone: imported.
    var claimed = Answer()
    claimed.claims = [
      ProviderClaim(value: .choice("compliant"), importedAt: t1, workbookSHA256: "ab", cell: "F2")
    ]
    claimed.recordChange(from: Answer(), at: t1, by: "Anne")
    #expect(claimed.history.last?.origin == .claimImported)
    #expect(claimed.history.last?.parts == [.claim(.choice("compliant"))])
    // The claim taken, as the front end says: never merged into a typed entry.
    var typed = Answer(note: "n")
    typed.recordChange(from: nil, at: t1, by: "Anne")
    let before = typed
    typed.value = .choice("compliant")
    typed.recordChange(from: before, at: t1.addingTimeInterval(5), by: "Anne", origin: .claimTaken)
    #expect(typed.history.map(\.origin) == [.edited, .claimTaken])
  }

  @Test func identificationChangesNameTheFieldsAndCoalesceLikeAnswers() {
    let before = SessionMetadata(organisation: "ONSS", created: t0, updated: t0)
    var after = before
    after.provider = "Nuage"
    let change = IdentificationChange.between(before, after, at: t0, by: "Anne")
    #expect(change?.fields == [.provider: "Nuage"])
    #expect(IdentificationChange.between(before, before, at: t0, by: "Anne") == nil)
    var history: [IdentificationChange] = []
    history.record(IdentificationChange(at: t0, by: "Anne", fields: [.provider: "N"]))
    history.record(IdentificationChange(at: t0 + 2, by: "Anne", fields: [.provider: "Nuage"]))
    history.record(IdentificationChange(at: t0 + 4, by: "Anne", fields: [.service: "Mail"]))
    #expect(history.count == 1)
    #expect(history[0].fields == [.provider: "Nuage", .service: "Mail"])
    history.record(IdentificationChange(at: t0 + 5, by: "Bart", fields: [.service: "Post"]))
    #expect(history.count == 2)
  }

  @Test func theDecisionStandingCountsTheAnswersChangedAfterItWasRecorded() {
    let decided = SignOff(
      by: "Comité", role: "CSI", decision: .accept, reference: "PV-1", on: "2026-12-10",
      contentDigest: "aaa", recordedAt: t0, recordedBy: "Anne")
    var answers: [String: Answer] = [
      "a": Answer(history: [AnswerChange(at: t0 - 60, by: "Anne", parts: [])]),
      "b": Answer(history: [AnswerChange(at: t0 + 60, by: "Bart", parts: [])]),
      "c": Answer(history: [AnswerChange(at: t0 + 120, by: "Bart", parts: [])]),
    ]
    let same = DecisionStanding(signOffs: [decided], contentDigest: "aaa", answers: answers)
    #expect(same?.contentChanged == false)
    #expect(same?.answersChangedSince == 0)
    let changed = DecisionStanding(
      signOffs: [decided, decided], contentDigest: "bbb", answers: answers)
    #expect(changed?.contentChanged == true)
    #expect(changed?.answersChangedSince == 2)
    #expect(changed?.superseded == 1)
    answers = [:]
    #expect(DecisionStanding(signOffs: [], contentDigest: "x", answers: answers) == nil)
  }

  /// Hashing the content is most of what recomputing an abstract costs: without a decision,
  /// it is not done.
  @Test func withoutADecisionTheContentIsNotHashed() {
    var hashed = 0
    func digest() -> String {
      hashed += 1
      return "aaa"
    }
    #expect(DecisionStanding(signOffs: [], contentDigest: digest(), answers: [:]) == nil)
    #expect(hashed == 0)
    let decided = SignOff(
      by: "Comité", role: "CSI", decision: .accept, reference: "PV-1", on: "2026-12-10",
      contentDigest: "aaa", recordedAt: t0, recordedBy: "Anne")
    #expect(DecisionStanding(signOffs: [decided], contentDigest: digest(), answers: [:]) != nil)
    #expect(hashed == 1)
  }
}
