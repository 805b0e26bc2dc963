import AssessmentCore
import AssessmentStore
import Foundation
@_exported import TestSupport
import Testing

@testable import AssessmentFrontEnd
@testable import AssessmentTUI

func fixture(_ name: String) throws -> LoadedQuestionnaire {
  try QuestionnaireLoader.load(path: fixturePath(name))
}

/// Compares a screen with `Snapshots/NAME.txt`. With `UPDATE_SNAPSHOTS=1` the file is written
/// instead (and the test fails, so a recording never passes unnoticed).
func expectSnapshot(
  _ terminal: MemoryTerminal, _ name: String, sourceLocation: SourceLocation = #_sourceLocation
) {
  let path = repositoryRoot + "/Tests/AssessmentTUITests/Snapshots/\(name).txt"
  let actual = terminal.snapshot + "\n"
  if ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] == "1" {
    try? actual.write(toFile: path, atomically: true, encoding: .utf8)
    Issue.record(
      "recorded \(name); run again without UPDATE_SNAPSHOTS", sourceLocation: sourceLocation)
    return
  }
  guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
    Issue.record(
      "no snapshot \(name): run with UPDATE_SNAPSHOTS=1 to record it",
      sourceLocation: sourceLocation)
    return
  }
  #expect(actual == expected, "snapshot \(name) differs", sourceLocation: sourceLocation)
}

/// An app on a questionnaire, with helpers to press keys.
struct Harness {
  let app: App
  var state: AppState
  var effects: [AppEffect] = []

  init(_ loaded: LoadedQuestionnaire, language: InterfaceLanguage = .en, identified: Bool = true) {
    app = App(questionnaire: loaded.questionnaire, fileDigest: EvidenceFiles.digest(ofFileAt:))
    var wizardState = app.wizard.start(at: t0)
    if identified {
      wizardState.metadata.organisation = "ONSS"
      wizardState.metadata.assessor = "Anne Dupont"
      wizardState.metadata.provider = "Nuage «Souverain» SA"
      wizardState.metadata.service = "Archivage"
      wizardState.phase = .questions
    }
    state = app.makeState(wizardState, language: language)
    state.questionnaireDigest = loaded.digest
  }

  init(app: App, state: AppState) {
    self.app = app
    self.state = state
  }

  mutating func press(_ keys: Key...) {
    for key in keys { effects += app.handle(&state, key, now: t0) }
  }

  mutating func type(_ text: String) {
    for character in text { press(.character(character)) }
  }

  func render(width: Int = 80, height: Int = 24) -> MemoryTerminal {
    let terminal = MemoryTerminal(width: width, height: height)
    var sized = state
    sized.width = width
    sized.height = height
    Screen(app: app).draw(sized, on: terminal)
    return terminal
  }
}

extension Harness {
  /// A tick `seconds` after t0.
  @discardableResult
  mutating func tick(after seconds: TimeInterval) -> [WizardEffect] {
    let result = app.tick(&state, now: t0.addingTimeInterval(seconds))
    effects += result.map(AppEffect.init)
    return result
  }

  /// The id of the question on screen.
  var currentID: String? { app.wizard.current(state.wizard)?.id }

  /// Moves (→) until the question `id` is on screen.
  mutating func go(to id: String) {
    for _ in 0..<app.wizard.questionnaire.questions.count where currentID != id { press(.right) }
  }
}
