import Foundation
import Testing

@testable import AssessmentCore

@Suite struct WizardTests {
  let wizard = Wizard(questionnaire: fixture)

  /// Applies `event` and checks the whole resulting state against `expected` mutated by `change`.
  private func step(
    _ state: inout WizardState, _ event: WizardEvent, effects: [WizardEffect] = [.save],
    sourceLocation: SourceLocation = #_sourceLocation,
    _ change: (inout WizardState) -> Void = { _ in }
  ) {
    var expected = state
    change(&expected)
    let actual = wizard.reduce(&state, event)
    #expect(actual == effects, sourceLocation: sourceLocation)
    #expect(state == expected, sourceLocation: sourceLocation)
  }

  private func identified() -> WizardState {
    var state = wizard.start(at: t0)
    state.metadata.organisation = "SPF"
    state.metadata.assessor = "A. Dupont"
    state.metadata.provider = "Nuage SA"
    state.metadata.service = "Archives"
    state.phase = .questions
    return state
  }

  @Test func startsOnTheIdentificationForm() {
    let state = wizard.start(at: t0)
    #expect(
      state
        == WizardState(
          phase: .identification, metadata: SessionMetadata(created: t0, updated: t0),
          cursor: 0, visibility: [true, true, true, true, true, false, true]))
  }

  @Test func identificationIsEditedThenConfirmedOnlyWhenComplete() {
    var state = wizard.start(at: t0)
    step(&state, .identificationConfirmed(at: t1), effects: []) { _ in }
    for (field, value) in [
      (SessionMetadata.Field.organisation, "SPF"), (.assessor, "Dupont"), (.provider, "Nuage"),
    ] {
      step(&state, .identificationEdited(field, value, at: t1)) {
        $0.metadata[field] = value
        $0.metadata.updated = t1
      }
    }
    #expect(wizard.missingIdentification(state) == [.service])
    step(&state, .identificationConfirmed(at: t1), effects: [])
    step(&state, .identificationEdited(.service, "Archives", at: t1)) {
      $0.metadata.service = "Archives"
    }
    step(&state, .identificationEdited(.service, "Archives", at: t1), effects: [])
    step(&state, .identificationConfirmed(at: t1)) { $0.phase = .questions }
  }

  @Test func answeringRecomputesVisibilityAndKeepsHiddenAnswers() {
    var state = identified()
    step(&state, .answerChosen(.choice("yes"), at: t1)) {
      $0.answers["personal_data"] = Answer(value: .choice("yes"), answeredAt: t1)
      $0.metadata.updated = t1
    }
    step(&state, .nextPressed) { $0.cursor = 1 }
    step(&state, .answerChosen(.choice("public"), at: t1)) {
      $0.answers["deployment"] = Answer(value: .choice("public"), answeredAt: t1)
      $0.visibility = [true, true, true, true, true, true, true]
    }
    // Answer the network question, then hide it by changing the deployment.
    step(&state, .questionJumped("network")) {
      $0.cursor = 5
      $0.history = [1]
    }
    step(&state, .answerChosen(.choice("compliant"), at: t1)) {
      $0.answers["network"] = Answer(value: .choice("compliant"), answeredAt: t1)
    }
    #expect(wizard.progress(state) == Progress(answered: 3, applicable: 7))
    step(&state, .returnPressed) {
      $0.cursor = 1
      $0.history = []
    }
    step(&state, .answerChosen(.choice("private"), at: t1)) {
      $0.answers["deployment"]?.value = .choice("private")
      $0.visibility[5] = false
    }
    #expect(state.answers["network"]?.value == .choice("compliant"), "hidden answers are kept")
    #expect(wizard.progress(state) == Progress(answered: 2, applicable: 6), "and not counted")
    step(&state, .answerChosen(.choice("public"), at: t1)) {
      $0.answers["deployment"]?.value = .choice("public")
      $0.visibility[5] = true
    }
    #expect(wizard.progress(state) == Progress(answered: 3, applicable: 7), "they come back")
  }

  @Test func hidingCascadesThroughSectionConditions() {
    var state = identified()
    step(&state, .answerChosen(.choice("no"), at: t1)) {
      $0.answers["personal_data"] = Answer(value: .choice("no"), answeredAt: t1)
      $0.metadata.updated = t1
      $0.visibility = [true, true, true, true, false, false, false]
    }
    #expect(wizard.visibleSections(state) == [0, 1])
    #expect(wizard.progress(state, section: 2) == Progress(answered: 0, applicable: 0))
    #expect(wizard.progress(state, section: 0) == Progress(answered: 1, applicable: 2))
  }

  @Test func nextAndBackSkipHiddenQuestionsAndTheLastNextOpensTheReview() {
    var state = identified()
    state.cursor = 4
    step(&state, .nextPressed, effects: [.save]) { $0.cursor = 6 }
    step(&state, .backPressed) { $0.cursor = 4 }
    state.cursor = 6
    step(&state, .nextPressed) { $0.phase = .review }
    step(&state, .backPressed) { $0.phase = .questions }
    state.cursor = 0
    step(&state, .backPressed, effects: []) { _ in }
  }

  @Test func notesEvidenceFlagsAndClearing() {
    var state = identified()
    state.cursor = 2
    step(&state, .noteEdited("Clause 14 « restitution » ✅", at: t1)) {
      $0.answers["restitution"] = Answer(note: "Clause 14 « restitution » ✅")
      $0.metadata.updated = t1
    }
    step(&state, .noteEdited("Clause 14 « restitution » ✅", at: t1), effects: [])
    step(&state, .evidenceAdded("  contract.pdf §14 ", at: t1)) {
      $0.answers["restitution"]?.evidence = ["contract.pdf §14"]
    }
    step(&state, .evidenceAdded("   ", at: t1), effects: [])
    step(&state, .evidenceRemoved(3, at: t1), effects: [])
    step(&state, .flagToggled(at: t1)) { $0.answers["restitution"]?.flagged = true }
    step(&state, .answerChosen(.choice("na"), at: t1)) {
      $0.answers["restitution"]?.value = .choice("na")
      $0.answers["restitution"]?.answeredAt = t1
    }
    #expect(!wizard.review(state).unjustifiedNotApplicable.contains(2))
    step(&state, .noteEdited("", at: t1)) { $0.answers["restitution"]?.note = "" }
    #expect(wizard.review(state).unjustifiedNotApplicable == [2])
    #expect(wizard.review(state).flagged == [2])
    step(&state, .answerCleared(at: t1)) {
      $0.answers["restitution"]?.value = nil
      $0.answers["restitution"]?.answeredAt = nil
    }
    step(&state, .answerCleared(at: t1), effects: [])
    step(&state, .evidenceRemoved(0, at: t1)) { $0.answers["restitution"]?.evidence = [] }
    step(&state, .flagToggled(at: t1)) { $0.answers["restitution"] = nil }
  }

  /// A reference being typed is handed over once, then rewritten in place; blank removes it.
  @Test func evidenceIsRewrittenInPlaceWhileTyped() {
    var state = identified()
    state.cursor = 2
    step(&state, .evidenceAdded("contrat", at: t1)) {
      $0.answers["restitution"] = Answer(evidence: ["contrat"])
      $0.metadata.updated = t1
    }
    step(&state, .evidenceEdited(0, " contrat.pdf ", at: t1)) {
      $0.answers["restitution"]?.evidence = ["contrat.pdf"]
    }
    step(&state, .evidenceEdited(0, "contrat.pdf", at: t1), effects: [])
    step(&state, .evidenceEdited(1, "autre", at: t1), effects: [])
    step(&state, .evidenceEdited(0, "  ", at: t1)) { $0.answers["restitution"] = nil }
  }

  /// A record carries its days and file; a day that is not YYYY-MM-DD is refused whole.
  @Test func evidenceRecordsCarryTheirDaysAndFile() {
    var state = identified()
    state.cursor = 2
    let soc2 = EvidenceRecord(
      reference: " SOC 2 type II ", issuedOn: "2026-01-15", validUntil: "2027-03-31")
    step(&state, .evidenceAdded(soc2, at: t1)) {
      $0.answers["restitution"] = Answer(evidence: [
        EvidenceRecord(reference: "SOC 2 type II", issuedOn: "2026-01-15", validUntil: "2027-03-31")
      ])
      $0.metadata.updated = t1
    }
    let filed = EvidenceRecord(
      reference: "SOC 2 type II", issuedOn: "2026-01-15", validUntil: "2027-03-31",
      file: EvidenceFile(path: "/tmp/soc2.pdf", sha256: String(repeating: "a", count: 64)))
    step(&state, .evidenceEdited(0, filed, at: t1)) {
      $0.answers["restitution"]?.evidence = [filed]
    }
    var late = filed
    late.validUntil = "31/03/2027"
    step(&state, .evidenceEdited(0, late, at: t1), effects: [])
    step(
      &state, .evidenceAdded(EvidenceRecord(reference: "ISO", issuedOn: "2026-13-01"), at: t1),
      effects: [])
    #expect(filed.isExpired(on: "2027-04-01"))
    #expect(!filed.isExpired(on: "2027-03-31"))
  }

  @Test func answersMustFitTheQuestionType() {
    var state = identified()
    let refused: [AnswerValue] = [
      .choice("maybe"), .choices(["yes"]), .text("yes"), .number(1),
    ]
    for value in refused {
      step(&state, .answerChosen(value, at: t1), effects: []) { _ in }
    }
    state.cursor = 6
    step(&state, .answerChosen(.text("   "), at: t1), effects: [])
    step(&state, .answerChosen(.text("ok"), at: t1)) {
      $0.answers["comment"] = Answer(value: .text("ok"), answeredAt: t1)
      $0.metadata.updated = t1
    }
  }

  @Test func jumpsSearchAndReturn() {
    var state = identified()
    step(&state, .sectionJumped(1)) {
      $0.cursor = 2
      $0.history = [0]
    }
    step(&state, .sectionJumped(9), effects: [])
    step(&state, .questionJumped("network"), effects: [])  // hidden: deployment unanswered
    step(&state, .questionJumped("nope"), effects: [])
    step(&state, .searchSubmitted("2.2.7")) {
      $0.search = SearchState(query: "2.2.7", matches: [3], current: 0)
      $0.cursor = 3
      $0.history = [0, 2]
    }
    step(&state, .nextMatchPressed, effects: [])
    step(&state, .searchSubmitted("IS (FR)")) {
      $0.search = SearchState(query: "IS (FR)", matches: [2, 3, 4], current: 2)
      $0.cursor = 4
      $0.history = [0, 2, 3]
    }
    step(&state, .nextMatchPressed) {
      $0.search?.current = 0
      $0.cursor = 2
      $0.history = [0, 2, 3, 4]
    }
    step(&state, .searchSubmitted("zzz"), effects: []) {
      $0.search = SearchState(query: "zzz", matches: [])
    }
    step(&state, .nextMatchPressed, effects: [])
    step(&state, .returnPressed) {
      $0.cursor = 4
      $0.history = [0, 2, 3]
    }
  }

  @Test func reviewSummaryFinishAndReopen() {
    var state = identified()
    step(&state, .reviewOpened) { $0.phase = .review }
    step(&state, .overlayClosed) { $0.phase = .questions }
    step(&state, .summaryOpened) { $0.phase = .summary }
    step(&state, .overlayClosed) { $0.phase = .questions }
    step(&state, .reviewOpened) { $0.phase = .review }
    step(&state, .summaryOpened) { $0.phase = .summary }
    step(&state, .questionJumped("sovereignty")) {
      $0.phase = .questions
      $0.cursor = 3
    }
    step(&state, .reviewOpened) { $0.phase = .review }
    step(&state, .finishRequested) { $0.phase = .finished }
    step(&state, .reopenRequested) { $0.phase = .questions }
  }

  @Test func saveQuitAndSaveResults() {
    var state = identified()
    step(&state, .saveRequested, effects: [.save])
    step(&state, .saveSucceeded(at: t1), effects: []) { $0.saveStatus = .saved(t1) }
    step(&state, .saveFailed("disk full"), effects: []) { $0.saveStatus = .failed("disk full") }
    step(&state, .quitRequested, effects: [.save, .exit])
  }

  /// Every event that has no meaning in a phase leaves the state as it was. Every case of
  /// `WizardEvent` is tried: `EventKind.of` switches over them all, so a new case does not
  /// compile until it has a kind, a sample and its phases here.
  @Test(arguments: Phase.allCases)
  func eventsOutOfPlaceChangeNothing(phase: Phase) {
    let meaningful: [Phase: Set<EventKind>] = [
      .identification: [.identificationEdited, .identificationConfirmed],
      .questions: [
        .answerChosen, .answerCleared, .noteEdited, .evidenceAdded, .evidenceRemoved,
        .evidenceEdited,
        .flagToggled, .actionEdited, .answerConfirmed, .nextPressed, .backPressed, .sectionJumped,
        .questionJumped, .returnPressed, .searchSubmitted, .nextMatchPressed, .reviewOpened,
        .summaryOpened, .finishRequested, .conflictResolved,
      ],
      .review: [
        .backPressed, .sectionJumped, .questionJumped, .summaryOpened, .overlayClosed,
        .finishRequested,
      ],
      .summary: [.sectionJumped, .questionJumped, .overlayClosed, .finishRequested],
      // The action plan is kept up on a finished assessment too.
      .finished: [.reopenRequested, .questionJumped, .actionEdited],
    ]
    // Saving and quitting mean something in every phase.
    let everywhere: Set<EventKind> = [.saveRequested, .saveSucceeded, .saveFailed, .quitRequested]
    var base = identified()
    base.phase = phase
    if phase == .identification { base.metadata.service = "" }
    for kind in EventKind.allCases {
      let event = kind.sample(at: t1)
      #expect(EventKind.of(event) == kind, "the sample of \(kind) is a \(EventKind.of(event))")
      guard !everywhere.contains(kind), !(meaningful[phase]?.contains(kind) ?? false) else {
        continue
      }
      var state = base
      let effects = wizard.reduce(&state, event)
      #expect(effects.isEmpty, "\(phase) \(event)")
      #expect(state == base, "\(phase) \(event)")
    }
  }

  @Test func resumeMovesTheCursorOffHiddenQuestionsAndOverlays() {
    let answers = ["personal_data": Answer(value: .choice("no"))]
    let state = wizard.resume(
      phase: .review, metadata: SessionMetadata(created: t0, updated: t0), answers: answers,
      cursor: 5)
    #expect(state.phase == .questions)
    #expect(state.cursor == 3, "the nearest question that applies")
    let outOfRange = wizard.resume(
      phase: .questions, metadata: SessionMetadata(created: t0, updated: t0), answers: [:],
      cursor: 99)
    #expect(outOfRange.cursor == 6)
  }

  @Test func keepsAnswersToUnknownQuestions() {
    var state = identified()
    state.answers["retired_question"] = Answer(value: .choice("compliant"))
    #expect(wizard.orphanAnswerIDs(state) == ["retired_question"])
    _ = wizard.reduce(&state, .answerChosen(.choice("yes"), at: t1))
    #expect(state.answers["retired_question"] != nil)
    #expect(wizard.progress(state) == Progress(answered: 1, applicable: 6))
  }
}

/// The cases of `WizardEvent` without their values, each with a sample event.
enum EventKind: CaseIterable {
  case identificationEdited, identificationConfirmed, answerChosen, answerCleared, noteEdited
  case evidenceAdded, evidenceRemoved, evidenceEdited, flagToggled, actionEdited, answerConfirmed
  case nextPressed, backPressed, sectionJumped, questionJumped, returnPressed, searchSubmitted
  case nextMatchPressed, reviewOpened, summaryOpened, overlayClosed, finishRequested
  case reopenRequested, saveRequested, saveSucceeded, saveFailed, quitRequested, conflictResolved
  case claimTaken

  /// Exhaustive, without `default`: a case added to `WizardEvent` stops this from compiling.
  static func of(_ event: WizardEvent) -> EventKind {
    switch event {
    case .identificationEdited: .identificationEdited
    case .identificationConfirmed: .identificationConfirmed
    case .answerChosen: .answerChosen
    case .answerCleared: .answerCleared
    case .noteEdited: .noteEdited
    case .evidenceAdded: .evidenceAdded
    case .evidenceRemoved: .evidenceRemoved
    case .evidenceEdited: .evidenceEdited
    case .flagToggled: .flagToggled
    case .actionEdited: .actionEdited
    case .answerConfirmed: .answerConfirmed
    case .nextPressed: .nextPressed
    case .backPressed: .backPressed
    case .sectionJumped: .sectionJumped
    case .questionJumped: .questionJumped
    case .returnPressed: .returnPressed
    case .searchSubmitted: .searchSubmitted
    case .nextMatchPressed: .nextMatchPressed
    case .reviewOpened: .reviewOpened
    case .summaryOpened: .summaryOpened
    case .overlayClosed: .overlayClosed
    case .finishRequested: .finishRequested
    case .reopenRequested: .reopenRequested
    case .saveRequested: .saveRequested
    case .saveSucceeded: .saveSucceeded
    case .saveFailed: .saveFailed
    case .quitRequested: .quitRequested
    case .conflictResolved: .conflictResolved
    case .claimTaken: .claimTaken
    }
  }

  /// An event of this kind, with values that would change the state where it has a meaning.
  func sample(at date: Date) -> WizardEvent {
    switch self {
    case .identificationEdited: .identificationEdited(.provider, "X", at: date)
    case .identificationConfirmed: .identificationConfirmed(at: date)
    case .answerChosen: .answerChosen(.choice("yes"), at: date)
    case .answerCleared: .answerCleared(at: date)
    case .noteEdited: .noteEdited("n", at: date)
    case .evidenceAdded: .evidenceAdded("e", at: date)
    case .evidenceRemoved: .evidenceRemoved(0, at: date)
    case .evidenceEdited: .evidenceEdited(0, "f", at: date)
    case .flagToggled: .flagToggled(at: date)
    case .actionEdited: .actionEdited(PlanAction(owner: "DPO", dueDate: "2027-03-31"), at: date)
    case .answerConfirmed: .answerConfirmed(at: date)
    case .nextPressed: .nextPressed
    case .backPressed: .backPressed
    case .sectionJumped: .sectionJumped(1)
    case .questionJumped: .questionJumped("sovereignty")
    case .returnPressed: .returnPressed
    case .searchSubmitted: .searchSubmitted("x")
    case .nextMatchPressed: .nextMatchPressed
    case .reviewOpened: .reviewOpened
    case .summaryOpened: .summaryOpened
    case .overlayClosed: .overlayClosed
    case .finishRequested: .finishRequested
    case .reopenRequested: .reopenRequested
    case .saveRequested: .saveRequested
    case .saveSucceeded: .saveSucceeded(at: date)
    case .saveFailed: .saveFailed("disk full")
    case .quitRequested: .quitRequested
    case .conflictResolved: .conflictResolved(.theirs, at: date)
    case .claimTaken: .claimTaken(at: date)
    }
  }
}
