import AssessmentCore
import Foundation
import SystemSupport
import Testing

@testable import AssessmentFrontEnd
@testable import AssessmentTUI

/// Ctrl-E hands the note or text answer being edited to `$VISUAL`/`$EDITOR`;
/// what comes back goes through the edited-field mechanism.
@Suite struct ExternalEditorTests {
  @Test func ctrlEOnTheNoteAsksForTheEditorAndItsTextBecomesTheNote() throws {
    var harness = Harness(try fixture("walk.yaml"))
    harness.press(.tab)
    harness.type("draft")
    let asked = harness.app.handle(&harness.state, .control("e"), now: t0)
    #expect(asked == [.editExternally("draft")], "the text being typed goes to the editor")
    let effects = harness.app.externalEditFinished(
      &harness.state, .edited("from the editor\nsecond line\n"), now: t0)
    #expect(effects == [.save])
    let id = try #require(harness.currentID)
    #expect(harness.state.wizard.answers[id]?.note == "from the editor\nsecond line")
    #expect(
      harness.state.field?.editor.text == "from the editor\nsecond line",
      "the note stays open with the new text")
  }

  @Test func ctrlEOnATextAnswerEditsTheAnswer() throws {
    var harness = Harness(try fixture("walk.yaml"))
    harness.go(to: "context")
    harness.press(.enter)
    #expect(harness.app.handle(&harness.state, .control("e"), now: t0) == [.editExternally("")])
    _ = harness.app.externalEditFinished(&harness.state, .edited("Archives sociales\n"), now: t0)
    #expect(harness.state.wizard.answers["context"]?.value == .text("Archives sociales"))
  }

  @Test func anEditorThatFailsLeavesTheTextAsItWasWithAMessage() throws {
    var harness = Harness(try fixture("walk.yaml"))
    harness.press(.tab)
    harness.type("kept")
    harness.press(.control("e"))
    let message = "the editor 'false' failed (exit status 1); the text is unchanged"
    let effects = harness.app.externalEditFinished(&harness.state, .failed(message), now: t0)
    #expect(effects.isEmpty)
    #expect(harness.state.field?.editor.text == "kept")
    #expect(
      harness.state.wizard.answers[try #require(harness.currentID)]?.note ?? "" == "",
      "nothing handed over")
    #expect(harness.state.notice == message)
  }

  @Test func ctrlEElsewhereStillMovesToTheEndOfTheField() throws {
    var harness = Harness(try fixture("walk.yaml"), identified: false)
    harness.type("ONSS")
    #expect(
      harness.app.handle(&harness.state, .control("e"), now: t0).isEmpty,
      "identification fields are not sent to the editor")
    harness.press(.control("a"))
    harness.press(.control("e"))
    harness.type("!")
    #expect(harness.state.field?.editor.text == "ONSS!", "Ctrl-E moved to the end")
  }
}

/// The terminal's character set when the user's locale is not installed.
@Suite struct TerminalLocaleTests {
  /// A C library where only `installed` locales exist; `apply("")` stands for the environment's.
  func decide(_ requested: String, installed: [String: String]) -> TerminalLocale.Charset {
    var current = "ANSI_X3.4-1968"
    return TerminalLocale.decide(
      requested: requested,
      apply: { name in
        let wanted = name.isEmpty ? (requested.isEmpty ? "C" : requested) : name
        guard let codeset = installed[wanted] else { return false }
        current = codeset
        return true
      },
      codeset: { current })
  }

  @Test func aUTF8LocaleThatIsNotInstalledFallsBackToCUTF8() {
    let installed = ["C": "ANSI_X3.4-1968", "C.UTF-8": "UTF-8"]
    #expect(decide("fr_BE.UTF-8", installed: installed) == .utf8(locale: "C.UTF-8"))
  }

  @Test func anInstalledUTF8LocaleIsKept() {
    #expect(
      decide("fr_BE.UTF-8", installed: ["C": "x", "fr_BE.UTF-8": "UTF-8"])
        == .utf8(locale: "fr_BE.UTF-8"))
  }

  @Test func withoutAnyUTF8LocaleTheTerminalGetsASCII() {
    #expect(decide("fr_BE.UTF-8", installed: ["C": "ANSI_X3.4-1968"]) == .ascii)
    #expect(
      decide("", installed: ["C": "ANSI_X3.4-1968", "C.UTF-8": "UTF-8"]) == .ascii,
      "LANG unset: C, ASCII")
    #expect(
      decide("fr_BE.ISO-8859-1", installed: ["C": "ANSI_X3.4-1968", "C.UTF-8": "UTF-8"]) == .ascii)
  }

  @Test func theLanguageStillComesFromTheEnvironment() {
    #expect(InterfaceLanguage.from(variable: ["LANG": "fr_BE.UTF-8"].lookup) == .fr)
  }

  @Test func asciiReplacesAccentsArrowsBarsAndBoxDrawingKeepingWidths() {
    let text = "Évaluateur — « sécurité » ▲ › [██░░] ⚑ Œuvre"
    let folded = ASCIIText.fold(text)
    #expect(folded == "Evaluateur - \" securite \" ^ > [##..] ! Ouvre")
    #expect(folded.unicodeScalars.allSatisfy { $0.isASCII })
    #expect(DisplayWidth.of(folded) == DisplayWidth.of(text))
    #expect(ASCIIText.fold("plain") == "plain")
  }
}

/// The variables the commands read, one at a time.
@Suite struct ProcessEnvironmentTests {
  @Test func readsTheVariableAsSetNowAndNilWhenUnset() {
    let name = "CLOUD_ASSESS_TEST_\(getpid())"
    #expect(ProcessEnvironment.value(name) == nil)
    setenv(name, "fr_BE.UTF-8 é", 1)
    #expect(ProcessEnvironment.value(name) == "fr_BE.UTF-8 é")
    setenv(name, "", 1)
    #expect(ProcessEnvironment.value(name) == "")
    unsetenv(name)
    #expect(ProcessEnvironment.value(name) == nil)
  }
}

extension Dictionary where Key == String, Value == String {
  /// The dictionary as an environment lookup (`InterfaceLanguage.from(variable:)`).
  func lookup(_ name: String) -> String? { self[name] }
}
