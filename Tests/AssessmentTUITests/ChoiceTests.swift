import AssessmentCore
import Foundation
import Testing

@testable import AssessmentFrontEnd
@testable import AssessmentTUI

/// Choosing answers: only an explicit choice records one; long labels wrap;
/// options past nine are reachable.
@Suite struct ChoiceTests {
  /// The rows of the screen drawn in reverse video between the header and the footer.
  func highlightedRows(_ terminal: MemoryTerminal) -> [String] {
    (3..<(terminal.size.height - 4)).filter { row in
      (0..<terminal.size.width).contains { terminal.style(row: row, column: $0).reverse }
    }.map { terminal.lines[$0] }
  }

  @Test func anUnansweredQuestionHasNoHighlightedOptionAndEnterRecordsNothing() throws {
    var harness = Harness(try fixture("walk.yaml"))
    harness.go(to: "restitution")
    let screen = harness.render()
    #expect(highlightedRows(screen).isEmpty, "\(screen.snapshot)")
    #expect(!screen.lines[3...].joined().contains("›"), "no pointer on any option")
    harness.press(.enter)
    #expect(harness.state.wizard.answers["restitution"] == nil)
    #expect(harness.currentID == "transfer_safeguards", "Enter moves on")
  }

  @Test func theFirstArrowHighlightsAnOptionWhichEnterThenRecords() throws {
    var harness = Harness(try fixture("walk.yaml"))
    harness.press(.down)
    #expect(highlightedRows(harness.render()).count == 1)
    harness.press(.enter)
    #expect(harness.state.wizard.answers["personal_data"]?.value == .choice("yes"))
    harness.go(to: "restitution")
    harness.press(.up, .enter)
    #expect(
      harness.state.wizard.answers["restitution"]?.value == .choice("unknown"),
      "↑ first highlights the last option")
  }

  @Test func anAnsweredQuestionHighlightsItsAnswer() throws {
    var harness = Harness(try fixture("walk.yaml"))
    harness.press(.character("2"))
    harness.press(.right, .left)
    #expect(highlightedRows(harness.render()).first?.contains("2. No") == true)
  }

  @Test func optionsPastNineAreReachedWithTheArrowsAndShown() throws {
    var harness = Harness(try fixture("walk.yaml"))
    harness.go(to: "service_kind")
    for _ in 0..<12 { harness.press(.down) }
    let screen = harness.render()
    #expect(highlightedRows(screen).first?.contains("Other") == true, "\(screen.snapshot)")
    harness.press(.enter)
    #expect(harness.state.wizard.answers["service_kind"]?.value == .choice("other"))
    harness.press(.left, .character("9"))
    #expect(harness.state.wizard.answers["service_kind"]?.value == .choice("hr"))
  }

  @Test func aLongOptionLabelWrapsAtWordsUnderItself() throws {
    var harness = Harness(try fixture("walk.yaml"))
    harness.go(to: "hosting")
    let screen = harness.render().snapshot
    #expect(!screen.contains("…"), "\(screen)")
    #expect(screen.contains("covered by an adequacy"))
    #expect(screen.contains("decision of the European Commission"))
    let lines = screen.split(separator: "\n").map(String.init)
    let first = try #require(lines.firstIndex { $0.contains("3. Outside") })
    let start = try #require(lines[first].range(of: "Outside")).lowerBound.utf16Offset(
      in: lines[first])
    #expect(
      lines[first + 1].prefix(start).allSatisfy { $0 == " " },
      "the continuation is indented under the label")
    #expect(lines[first + 1].dropFirst(start).first?.isLetter == true)
  }

  @Test func aLongTextAnswerWrapsAtWordsWhenViewedAndWhenEdited() throws {
    var harness = Harness(try fixture("walk.yaml"))
    harness.go(to: "context")
    harness.press(.enter)
    let words = (1...20).map { "archivage\($0)" }
    harness.type(words.joined(separator: " "))
    let editing = harness.render().snapshot
    for word in words { #expect(editing.contains(word), "\(word) cut while editing:\n\(editing)") }
    harness.press(.escape)
    let viewing = harness.render().snapshot
    for word in words { #expect(viewing.contains(word), "\(word) cut when viewing:\n\(viewing)") }
  }

  @Test func textEditorLayoutBreaksAtWordsAndKeepsTheCursor() {
    var editor = TextEditor("les données sont archivées")
    var layout = editor.layout(width: 14)
    #expect(
      layout.lines.map { $0.trimmingCharacters(in: .whitespaces) } == [
        "les données", "sont", "archivées",
      ])
    #expect(layout.cursorRow == 2 && layout.cursorColumn == 9)
    for _ in 0..<14 { editor.moveLeft() }
    layout = editor.layout(width: 14)
    #expect(layout.cursorRow == 1 && layout.cursorColumn == 0, "the cursor before “sont”")
  }

  @Test func spaceTogglesAMultipleChoiceAndDeleteClears() throws {
    var harness = Harness(try fixture("walk.yaml"))
    harness.go(to: "data_kinds")
    harness.press(.down, .character(" "), .down, .character(" "))
    #expect(
      harness.state.wizard.answers["data_kinds"]?.value == .choices(["identification", "health"]))
    harness.press(.delete)
    #expect(harness.state.wizard.answers["data_kinds"]?.value == nil)
  }
}
