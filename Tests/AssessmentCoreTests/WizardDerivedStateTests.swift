import Foundation
import Testing

@testable import AssessmentCore

/// What the wizard keeps incrementally (visibility recomputed only for questions that conditions
/// read, the progress tally) always equals what a fresh computation gives.
@Suite struct WizardDerivedStateTests {
  let wizard = Wizard(questionnaire: fixture)

  /// A deterministic generator, so that a failure replays.
  struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state
    }
  }

  func randomEvent(_ generator: inout Generator) -> WizardEvent {
    let values: [AnswerValue] = [
      .choice("yes"), .choice("no"), .choice("public"), .choice("private"), .choice("compliant"),
      .choice("na"), .choice("partial"), .text("vu"),
    ]
    switch Int.random(in: 0..<12, using: &generator) {
    case 0, 1, 2: return .answerChosen(values.randomElement(using: &generator)!, at: t1)
    case 3: return .answerCleared(at: t1)
    case 4:
      return .noteEdited(["", "note", "autre note"].randomElement(using: &generator)!, at: t1)
    case 5: return .flagToggled(at: t1)
    case 6: return .evidenceAdded("contrat.pdf", at: t1)
    case 7: return .nextPressed
    case 8: return .backPressed
    case 9: return .questionJumped(fixture.questions.randomElement(using: &generator)!.id)
    case 10: return .overlayClosed
    default: return .sectionJumped(Int.random(in: 0..<3, using: &generator))
    }
  }

  @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
  func incrementalStateEqualsAFreshComputation(seed: UInt64) {
    var generator = Generator(state: seed)
    var state = wizard.start(at: t0)
    for field in SessionMetadata.Field.allCases { state.metadata[field] = "x" }
    _ = wizard.reduce(&state, .identificationConfirmed(at: t0))
    for step in 0..<400 {
      let event = randomEvent(&generator)
      _ = wizard.reduce(&state, event)
      #expect(
        state.visibility == fixture.visibility(answers: state.answers), "step \(step): \(event)")
      var fresh = state
      fresh.tally.isCurrent = false
      #expect(state.tally.isCurrent, "step \(step)")
      #expect(wizard.progress(state) == wizard.progress(fresh), "step \(step): \(event)")
      #expect(wizard.visibleSections(state) == wizard.visibleSections(fresh), "step \(step)")
      for section in fixture.sections.indices {
        #expect(
          wizard.progress(state, section: section) == wizard.progress(fresh, section: section))
      }
    }
  }

  @Test func aChangeMadeOutsideTheWizardIsCountedAfresh() {
    var state = wizard.start(at: t0)
    #expect(wizard.progress(state) == Progress(answered: 0, applicable: 6))
    state.answers["restitution"] = Answer(value: .choice("compliant"))
    #expect(!state.tally.isCurrent)
    #expect(wizard.progress(state) == Progress(answered: 1, applicable: 6))
  }

  @Test func onlyQuestionsThatConditionsReadAreWatched() {
    #expect(fixture.conditionQuestionIDs == ["personal_data", "deployment"])
    #expect(fixture.sectionRanges == [0..<2, 2..<4, 4..<7])
  }
}

@Suite struct TextUtilitiesTests {
  @Test func substitutesNumberedPlaceholdersOnly() {
    #expect("%1 sur %2".substituting(["3", "7"]) == "3 sur 7")
    #expect("%2 %1 %2".substituting(["a", "b"]) == "b a b")
    #expect("100 % %1".substituting(["ok"]) == "100 % ok")
    #expect("%3 stays, %%1".substituting(["x"]) == "%3 stays, %x")
    #expect("trailing %".substituting(["x"]) == "trailing %")
    #expect("%1".substituting(["%2"]) == "%2", "arguments are not substituted again")
  }

  @Test func trimsAndTestsBlankness() {
    #expect("  a b \n\t".trimmed == "a b")
    #expect(" \n ".trimmed == "")
    #expect(" \u{00A0}\n".isBlank)
    #expect(!" x ".isBlank)
  }

  @Test func replacesByScalar() {
    #expect("a\r\nb\nc".replacingScalar("\n", with: " / ") == "a\r / b / c")
    #expect("x|y".replacingScalar("|", with: "\\|") == "x\\|y")
  }
}
