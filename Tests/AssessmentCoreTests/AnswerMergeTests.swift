import Foundation
import Testing

@testable import AssessmentCore

/// The one merge rule (`cloud-assess merge`), answer by answer, and what a conflict does to the
/// summary and the wizard.
@Suite struct AnswerMergeTests {
  let compliant = AnswerValue.choice("compliant")
  let partial = AnswerValue.choice("partial")
  let noncompliant = AnswerValue.choice("noncompliant")

  func change(_ by: String, _ at: Date, _ value: AnswerValue?) -> AnswerChange {
    AnswerChange(at: at, by: by, parts: [.value(value)])
  }

  @Test func aChangeOnOneSideIsTaken() {
    let base = Answer(value: compliant)
    let theirs = Answer(value: partial, note: "SLA 99.5")
    #expect(Answer.merge(base: base, ours: base, theirs: theirs) == theirs)
    #expect(Answer.merge(base: base, ours: theirs, theirs: base) == theirs)
    // Added on one side only (no answer in the common copy).
    #expect(Answer.merge(base: nil, ours: nil, theirs: theirs) == theirs)
    // Removed on one side, unchanged on the other: removed.
    #expect(Answer.merge(base: base, ours: nil, theirs: base) == nil)
  }

  @Test func theSameChangeOnBothSidesIsTakenOnce() {
    let base = Answer(value: compliant)
    let alice = Answer(value: partial, history: [change("Alice", t0, partial)])
    let bob = Answer(value: partial, history: [change("Bob", t1, partial)])
    let merged = Answer.merge(base: base, ours: alice, theirs: bob)
    #expect(merged?.value == partial)
    #expect(merged?.conflict == nil)
    // Both histories, oldest first.
    #expect(merged?.history.map(\.by) == ["Alice", "Bob"])
  }

  @Test func differentPartsChangedOnEachSideAreBothTaken() {
    let base = Answer(value: compliant, note: "old")
    let ours = Answer(value: partial, note: "old")
    let theirs = Answer(value: compliant, note: "new note", flagged: true)
    let merged = Answer.merge(base: base, ours: ours, theirs: theirs)
    #expect(merged == Answer(value: partial, note: "new note", flagged: true))
  }

  @Test func differentChangesAreAConflictWithBothSidesAndWhoAndWhen() throws {
    let base = Answer(value: compliant)
    let ours = Answer(
      value: partial, note: "no SOC 2", answeredAt: t0, history: [change("Alice", t0, partial)])
    let theirs = Answer(
      value: noncompliant, note: "clause 14 missing", answeredAt: t1,
      history: [change("Bob", t1, noncompliant)])
    let merged = try #require(Answer.merge(base: base, ours: ours, theirs: theirs))
    let conflict = try #require(merged.conflict)
    #expect(conflict.ours.value == partial && conflict.ours.note == "no SOC 2")
    #expect(conflict.ours.by == "Alice" && conflict.ours.at == t0)
    #expect(conflict.theirs.value == noncompliant && conflict.theirs.note == "clause 14 missing")
    #expect(conflict.theirs.by == "Bob" && conflict.theirs.at == t1)
    // The answer holds ours meanwhile, and counts as unanswered.
    #expect(merged.value == partial)
    #expect(!merged.isAnswered)
    #expect(merged.history.count == 2)
  }

  @Test func evidenceAddedOnBothSidesIsKeptWhole() {
    let base = Answer(value: compliant, evidence: ["ISO 27001"])
    let ours = Answer(value: compliant, evidence: ["ISO 27001", "SOC 2 2026"])
    let theirs = Answer(value: compliant, evidence: ["contract §14"])
    let merged = Answer.merge(base: base, ours: ours, theirs: theirs)
    #expect(merged?.evidence == ["SOC 2 2026", "contract §14"])
    #expect(merged?.conflict == nil)
  }

  @Test func derogationsAndActionPlansMergeByTheSameRule() {
    let record = DerogationRecord(reference: "CS-12", grantedBy: "board", grantedOn: "2027-01-10")
    var later = record
    later.expiresOn = "2027-12-31"
    #expect(
      Answer.merge(
        base: Answer(value: .derogation(record)), ours: Answer(value: .derogation(record)),
        theirs: Answer(value: .derogation(later)))?.value == .derogation(later))
    let plan = PlanAction(owner: "CISO", dueDate: "2027-06-30")
    let done = PlanAction(owner: "CISO", dueDate: "2027-06-30", status: .done)
    let moved = PlanAction(owner: "CISO", dueDate: "2027-09-30")
    let base = Answer(value: noncompliant, action: plan)
    #expect(
      Answer.merge(base: base, ours: base, theirs: Answer(value: noncompliant, action: done))?
        .action == done)
    let conflicting = Answer.merge(
      base: base, ours: Answer(value: noncompliant, action: done),
      theirs: Answer(value: noncompliant, action: moved))
    #expect(conflicting?.conflict?.ours.action == done)
    #expect(conflicting?.conflict?.theirs.action == moved)
  }

  @Test func claimsAreTheUnionByImport() {
    let first = ProviderClaim(value: compliant, importedAt: t0, workbookSHA256: "a", cell: "F2")
    let second = ProviderClaim(value: partial, importedAt: t1, workbookSHA256: "b", cell: "F2")
    let merged = Answer.merge(
      base: Answer(), ours: Answer(claims: [second]), theirs: Answer(claims: [first]))
    #expect(merged?.claims == [first, second])
  }

  @Test func aConflictResolvedOnOneSideStaysResolved() {
    let conflicted = Answer(
      value: partial,
      conflict: AnswerConflict(
        ours: .init(value: partial), theirs: .init(value: noncompliant)))
    let resolved = conflicted.resolvingConflict(taking: .theirs)
    #expect(resolved.value == noncompliant && resolved.conflict == nil)
    #expect(Answer.merge(base: conflicted, ours: conflicted, theirs: resolved) == resolved)
    #expect(conflicted.resolvingConflict(taking: .ours).value == partial)
  }

  /// The conflict is held in a shared box (an answer is a third of its size without it): a
  /// copy changed keeps its own conflict, and equal conflicts in different boxes are equal.
  @Test func aConflictIsAValueOfItsAnswer() {
    let original = Answer(
      value: partial,
      conflict: AnswerConflict(ours: .init(value: partial), theirs: .init(value: noncompliant)))
    var copy = original
    copy.conflict?.theirs.note = "Contrat §14 relu"
    #expect(original.conflict?.theirs.note == "")
    #expect(copy.conflict?.theirs.note == "Contrat §14 relu")
    #expect(copy != original)
    copy.conflict?.theirs.note = ""
    #expect(copy == original)
    copy.conflict = nil
    #expect(copy != original && copy.isAnswered && !original.isAnswered)
    #expect(Answer(conflict: original.conflict).isEmpty == false)
  }

  @Test func identificationMergesFieldByField() {
    let base = SessionMetadata(organisation: "ONSS", provider: "P", created: t0, updated: t0)
    var ours = base
    ours.provider = "Provider SA"
    ours.updated = t1
    var theirs = base
    theirs.service = "Mail"
    theirs.organisation = "RSZ"
    let merged = SessionMetadata.merge(base: base, ours: ours, theirs: theirs)
    #expect(merged.metadata.provider == "Provider SA" && merged.metadata.service == "Mail")
    #expect(merged.metadata.organisation == "RSZ" && merged.metadata.updated == t1)
    #expect(merged.conflicts.isEmpty)
    var other = base
    other.provider = "Other NV"
    let clash = SessionMetadata.merge(base: base, ours: ours, theirs: other)
    #expect(clash.metadata.provider == "Provider SA")
    #expect(clash.conflicts == [.init(field: .provider, ours: "Provider SA", theirs: "Other NV")])
  }
}

/// A conflict counts as unanswered, keeps the verdict from "acceptable", and is settled in the
/// wizard.
@Suite struct ConflictInTheWizardTests {
  let wizard = Wizard(questionnaire: fixture)
  let compliant = AnswerValue.choice("compliant")

  /// Every question answered compliant (no personal data: the privacy section does not apply).
  func answers() -> [String: Answer] {
    [
      "personal_data": Answer(value: .choice("no")),
      "deployment": Answer(value: .choice("private")),
      "restitution": Answer(value: compliant),
      "sovereignty": Answer(value: compliant),
    ]
  }

  func conflicted(_ answers: [String: Answer]) -> [String: Answer] {
    var answers = answers
    answers["sovereignty"]?.conflict = AnswerConflict(
      ours: .init(value: compliant, by: "Alice"),
      theirs: .init(value: .choice("noncompliant"), by: "Bob"))
    return answers
  }

  func state(_ answers: [String: Answer]) -> WizardState {
    wizard.resume(
      phase: .questions, metadata: SessionMetadata(created: t0, updated: t0), answers: answers,
      cursor: 0)
  }

  @Test func aConflictCountsAsUnansweredAndTheVerdictIsNotAcceptable() {
    let clean = RiskEngine(questionnaire: fixture).summarize(state(answers()))
    #expect(clean.verdict == .acceptable)
    let withConflict = state(conflicted(answers()))
    let summary = RiskEngine(questionnaire: fixture).summarize(withConflict)
    #expect(summary.progress.answered == clean.progress.answered - 1)
    #expect(wizard.progress(withConflict).answered == clean.progress.answered - 1)
    #expect(summary.conflicts == ["sovereignty"])
    // Unanswered, a critical question makes the verdict "not acceptable"; the reason names the
    // conflict.
    #expect(summary.verdict == .notAcceptable)
    #expect(summary.reasons.contains(.conflicts(count: 1)))
    #expect(wizard.review(withConflict).conflicts == [fixture.index(of: "sovereignty")!])
  }

  @Test func takingASideOrAnsweringAnewSettlesIt() {
    let position = fixture.index(of: "sovereignty")!
    var theirs = state(conflicted(answers()))
    theirs.cursor = position
    #expect(wizard.reduce(&theirs, .conflictResolved(.theirs, at: t1)) == [.save])
    #expect(theirs.answers["sovereignty"]?.value == .choice("noncompliant"))
    #expect(theirs.answers["sovereignty"]?.conflict == nil)
    #expect(theirs.unsaved.ids.contains("sovereignty"))
    var ours = state(conflicted(answers()))
    ours.cursor = position
    _ = wizard.reduce(&ours, .conflictResolved(.ours, at: t1))
    #expect(ours.answers["sovereignty"]?.value == compliant)
    #expect(ours.answers["sovereignty"]?.conflict == nil)
    #expect(RiskEngine(questionnaire: fixture).summarize(ours).verdict == .acceptable)
    var anew = state(conflicted(answers()))
    anew.cursor = position
    _ = wizard.reduce(&anew, .answerChosen(.choice("partial"), at: t1))
    #expect(anew.answers["sovereignty"]?.value == .choice("partial"))
    #expect(anew.answers["sovereignty"]?.conflict == nil)
    // Nothing to settle: nothing happens.
    var none = state(answers())
    none.cursor = position
    #expect(wizard.reduce(&none, .conflictResolved(.theirs, at: t1)).isEmpty)
  }
}
