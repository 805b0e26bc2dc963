import AssessmentCore
import Foundation
import Testing

@testable import AssessmentFrontEnd
@testable import AssessmentTUI

/// Whatever field is being edited is handed to the wizard every few seconds and on every way out.
@Suite struct EditedFieldTests {
  @Test func aTextAnswerBeingTypedIsHandedOverEveryFewSeconds() throws {
    var harness = Harness(try fixture("walk.yaml"))
    harness.go(to: "context")
    harness.press(.enter)
    harness.type("Archives sociales")
    #expect(harness.tick(after: 4) == [.save])
    #expect(harness.state.wizard.answers["context"]?.value == .text("Archives sociales"))
    guard case .editingAnswer = harness.state.mode else {
      Issue.record("the field stays open while typing")
      return
    }
    #expect(harness.tick(after: 10).isEmpty, "nothing new")
  }

  @Test func aNumberIsHandedOverOnlyWhenItParses() throws {
    var harness = Harness(try fixture("walk.yaml"))
    harness.go(to: "users")
    harness.press(.enter)
    harness.type("1200")
    harness.tick(after: 4)
    #expect(harness.state.wizard.answers["users"]?.value == .number(1200))
    harness.type("x")
    #expect(harness.tick(after: 8).isEmpty)
    #expect(
      harness.state.wizard.answers["users"]?.value == .number(1200),
      "a partial number is not handed over")
    #expect(harness.render().snapshot.contains("1200x"), "and it stays in the editor")
  }

  /// Esc keeps a number only when it parses, and the number field's key bar says so (a text
  /// field's says what is typed is kept).
  @Test func theNumberFieldsKeyBarSaysWhatEscDoes() throws {
    var harness = Harness(try fixture("walk.yaml"))
    harness.go(to: "users")
    harness.type("12x")
    let bar = harness.render().snapshot
    #expect(
      bar.contains("Esc leave the field (kept if it is a number, dropped otherwise)"), "\(bar)")
    harness.press(.escape)
    #expect(harness.state.wizard.answers["users"]?.value == nil, "12x was dropped")
    var text = Harness(try fixture("walk.yaml"))
    text.press(.character("1"))
    text.go(to: "context")
    text.press(.enter)
    #expect(text.render().snapshot.contains("Esc leave the field (what is typed is kept)"))
  }

  @Test func aDigitOnANumberQuestionStartsTypingTheNumber() throws {
    var harness = Harness(try fixture("walk.yaml"))
    harness.go(to: "users")
    #expect(harness.render().snapshot.contains("0-9 type a number"), "the key bar says so")
    harness.type("1200")
    guard case .editingAnswer = harness.state.mode else {
      Issue.record("the first digit opened the field")
      return
    }
    harness.press(.enter)
    #expect(harness.state.wizard.answers["users"]?.value == .number(1200))
    // Typing again replaces the answer, as in a spreadsheet's cell; Enter edits it instead.
    harness.press(.left)
    #expect(harness.currentID == "users")
    harness.type("-3")
    harness.press(.enter)
    #expect(harness.state.wizard.answers["users"]?.value == .number(-3))
    harness.press(.left)
    harness.press(.enter)
    #expect(harness.render().snapshot.contains("-3"), "Enter opens the current answer")
  }

  @Test func quittingWithAnUnparsableNumberIsRefusedWithAMessage() throws {
    var harness = Harness(try fixture("walk.yaml"))
    harness.go(to: "users")
    harness.press(.enter)
    harness.type("12.5k")
    harness.press(.control("c"))
    #expect(!harness.effects.contains(.exit))
    #expect(harness.state.notice?.contains("“12.5k” is not a number") == true)
    harness.press(.escape)
    #expect(harness.state.mode == .browsing, "Esc leaves the field, dropping what is not a number")
    harness.press(.control("c"))
    #expect(harness.effects.last == .exit)
  }

  @Test func identificationBeingTypedIsHandedOverEveryFewSeconds() throws {
    var harness = Harness(try fixture("walk.yaml"), identified: false)
    harness.type("ONSS")
    harness.tick(after: 4)
    #expect(harness.state.wizard.metadata.organisation == "ONSS")
    #expect(harness.effects.contains(.save))
  }

  @Test func evidenceBeingTypedIsHandedOverOnceAndKeptUpToDate() throws {
    var harness = Harness(try fixture("walk.yaml"))
    harness.press(.character("e"))
    harness.type("contrat.pdf")
    harness.tick(after: 4)
    #expect(harness.state.wizard.answers["personal_data"]?.evidence == ["contrat.pdf"])
    harness.type(" §14")
    harness.tick(after: 8)
    #expect(
      harness.state.wizard.answers["personal_data"]?.evidence == ["contrat.pdf §14"],
      "the same item, not a second one")
    harness.press(.enter)
    harness.type("annexe")
    harness.press(.escape)
    #expect(
      harness.state.wizard.answers["personal_data"]?.evidence == ["contrat.pdf §14", "annexe"],
      "Esc keeps what was typed")
  }

  /// Tab walks a record's parts: its reference, the day it was issued, the day it is valid
  /// until; a day that is not YYYY-MM-DD is refused with the field kept, and the screen shows the
  /// record as one phrase.
  @Test func anEvidenceRecordsDaysAreTypedThroughTheOneField() throws {
    var harness = Harness(try fixture("walk.yaml"))
    harness.press(.character("e"))
    harness.type("SOC 2 type II")
    harness.press(.tab)
    #expect(harness.render().snapshot.contains("Evidence 1, issued on (YYYY-MM-DD):"))
    harness.type("2026-01-15")
    harness.press(.tab)
    harness.type("31/03/2027")
    harness.press(.tab)
    let refused = harness.render().snapshot
    #expect(refused.contains("'31/03/2027' is not a date: write it as YYYY-MM-DD"), "\(refused)")
    #expect(refused.contains("31/03/2027"), "what was typed stays in the field")
    for _ in 0..<10 { harness.press(.backspace) }
    harness.type("2027-03-31")
    harness.press(.enter)
    #expect(
      harness.state.wizard.answers["personal_data"]?.evidence == [
        EvidenceRecord(reference: "SOC 2 type II", issuedOn: "2026-01-15", validUntil: "2027-03-31")
      ])
    #expect(
      harness.render().snapshot.contains(
        "1. SOC 2 type II — issued 2026-01-15, valid until 2027-03-31"))
    // ↑ selects it, Tab opens its issued day again: cleared, it is handed over empty.
    harness.press(.up)
    harness.press(.tab)
    for _ in 0..<10 { harness.press(.backspace) }
    harness.press(.escape)
    #expect(harness.state.wizard.answers["personal_data"]?.evidence.first?.issuedOn == "")
    #expect(
      harness.state.wizard.answers["personal_data"]?.evidence.first?.validUntil == "2027-03-31")
  }

  /// Ctrl-O attaches a file: its path and SHA-256 are recorded; a file that cannot be read
  /// changes nothing and says why.
  @Test func aFileIsAttachedWithItsDigest() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/soc2.txt"
    try Data("abc".utf8).write(to: URL(fileURLWithPath: path))
    var harness = Harness(try fixture("walk.yaml"))
    harness.press(.character("e"))
    harness.type("SOC 2")
    harness.press(.control("o"))
    harness.type(directory + "/missing.pdf")
    harness.press(.enter)
    #expect(harness.render().snapshot.contains("Cannot read"))
    #expect(harness.state.wizard.answers["personal_data"]?.evidence.first?.file == nil)
    for _ in 0..<11 { harness.press(.backspace) }
    harness.type("soc2.txt")
    harness.press(.enter)
    #expect(
      harness.state.wizard.answers["personal_data"]?.evidence.first?.file
        == EvidenceFile(
          path: path,
          sha256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"))
  }

  /// The runner's way out on a signal hands over any field, not just the note.
  @Test(arguments: ["context", "users", "note", "evidence"])
  func aSignalSavesTheFieldBeingTyped(field: String) throws {
    let loaded = try fixture("walk.yaml")
    var harness = Harness(loaded)
    var keys: [Key] = []
    switch field {
    case "context": harness.go(to: "context"); keys = [.enter] + "Archives".map { .character($0) }
    case "users": harness.go(to: "users"); keys = [.enter] + "42".map { .character($0) }
    case "note": keys = [.tab] + "vu".map { .character($0) }
    default: keys = [.character("e")] + "doc".map { .character($0) }
    }
    let terminal = MemoryTerminal()
    terminal.pendingKeys = keys
    var saved: WizardState?
    let runner = Runner(
      app: harness.app, terminal: terminal, state: harness.state,
      save: {
        saved = $0; return nil
      }, clock: { t0 },
      signal: { terminal.pendingKeys.isEmpty ? 15 : nil })
    runner.run()
    #expect(runner.endedBySignal == 15)
    let answers = try #require(saved).answers
    switch field {
    case "context": #expect(answers["context"]?.value == .text("Archives"))
    case "users": #expect(answers["users"]?.value == .number(42))
    case "note": #expect(answers["personal_data"]?.note == "vu")
    default: #expect(answers["personal_data"]?.evidence == ["doc"])
    }
  }

  /// A signal cannot ask: a number that does not parse is dropped, and the runner says so.
  @Test func aSignalReportsANumberThatCouldNotBeKept() throws {
    var harness = Harness(try fixture("walk.yaml"))
    harness.go(to: "users")
    let terminal = MemoryTerminal()
    terminal.pendingKeys = [.enter, .character("4"), .character("x")]
    let runner = Runner(
      app: harness.app, terminal: terminal, state: harness.state, save: { _ in nil }, clock: { t0 },
      signal: { terminal.pendingKeys.isEmpty ? 1 : nil })
    runner.run()
    #expect(runner.lostOnExit == "“4x” is not a number: not kept")
  }
}
