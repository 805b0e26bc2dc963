import AssessmentCore
import AssessmentStore
import Foundation
import Testing

@testable import AssessmentFrontEnd
@testable import AssessmentTUI

/// Paging through every scrolling screen at 80×24 shows every line.
@Suite struct ScrollingTests {
  func builtin() throws -> LoadedQuestionnaire { try BuiltinQuestionnaires.resolve(nil) }

  /// Every row drawn while pressing PgDn until the screen stops changing.
  func rowsSeenPaging(_ harness: inout Harness) -> [String] {
    var seen: [String] = []
    var last = ""
    for _ in 0..<200 {
      let screen = harness.render()
      seen += screen.lines
      if screen.snapshot == last { break }
      last = screen.snapshot
      harness.press(.pageDown)
    }
    return seen
  }

  func expectAllShown(
    _ expected: [String], _ seen: [String], sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let missing = expected.filter { line in
      let text = line.trimmingCharacters(in: .whitespaces)
      return !text.isEmpty && !seen.contains { $0.contains(text) }
    }
    #expect(missing.isEmpty, "never shown: \(missing.prefix(5))", sourceLocation: sourceLocation)
  }

  @Test func summary() throws {
    var harness = Harness(try builtin())
    harness.press(.character("S"))
    let lines = harness.app.summaryLines(harness.state).map(\.text)
    #expect(lines.count > 40)
    expectAllShown(lines, rowsSeenPaging(&harness))
  }

  @Test func help() throws {
    var harness = Harness(try fixture("walk.yaml"))
    harness.go(to: "service_kind")
    harness.press(.character("3"))  // SaaS: the exit plan applies
    harness.go(to: "exit_plan")
    #expect(harness.currentID == "exit_plan")
    harness.press(.character("?"))
    let lines = harness.app.helpLines(harness.state, width: 76).map(\.0)
    #expect(lines.count > 17, "the help must need scrolling")
    expectAllShown(lines, rowsSeenPaging(&harness))
  }

  @Test func review() throws {
    var harness = Harness(try builtin())
    harness.press(.character("r"))
    let lines = harness.app.reviewEntries(harness.state).map {
      DisplayWidth.truncate("  " + $0.text, to: 76)
    }
    #expect(lines.count > 40)
    expectAllShown(lines, rowsSeenPaging(&harness))
  }

  @Test func contents() throws {
    var harness = Harness(try builtin())
    harness.press(.character("g"))
    let sections = harness.app.wizard.visibleSections(harness.state.wizard).map {
      String(
        harness.app.wizard.questionnaire.text(
          harness.app.wizard.questionnaire.sections[$0].title, "en"
        ).prefix(50))
    }
    #expect(sections.count > 17)
    expectAllShown(sections, rowsSeenPaging(&harness))
  }
}
