import AssessmentCore
import Foundation
import Testing

@testable import AssessmentFrontEnd
@testable import AssessmentTUI

/// Keys that are not what they seem: escape sequences curses did not recognise, pastes, keys
/// typed while the terminal is too small. None of them may record an answer or lose a character.
@Suite struct InputTests {
  /// What `EscapeSequence.read` makes of the characters after an Esc (those it did not read are
  /// returned too: they would reach the screens as keys).
  func decode(_ text: String) -> (key: Key?, left: String) {
    var rest = Array(text)
    switch EscapeSequence.read(next: { _ in rest.isEmpty ? nil : rest.removeFirst() }) {
    case .key(let key): return (key, String(rest))
    case .escapeThen(let character): return (.escape, String(character) + String(rest))
    case .ignored: return (nil, String(rest))
    }
  }

  @Test func knownSequencesOfOtherTerminalsAreTheirKeys() {
    let cases: [(String, Key)] = [
      ("[1~", .home), ("[4~", .end), ("[7~", .home), ("[8~", .end), ("OH", .home), ("OF", .end),
      ("[H", .home), ("[F", .end), ("[A", .up), ("OB", .down), ("[1;5C", .right), ("[D", .left),
      ("[3~", .delete), ("[5~", .pageUp), ("[6~", .pageDown), ("[Z", .backTab),
      ("OP", .function(1)), ("[11~", .function(1)), ("[15~", .function(5)),
      ("[21~", .function(10)), ("[24~", .function(12)), ("[1;2P", .function(1)),
      ("Oq", .character("1")), ("OM", .enter),
    ]
    for (text, key) in cases {
      let result = decode(text)
      #expect(result.key == key, "\(text)")
      #expect(result.left.isEmpty, "\(text)")
    }
  }

  @Test func unknownSequencesAreReadWholeAndDropped() {
    for text in [
      "[2~", "[25~", "[<0;12;5M", "[<0;12;5m", "[M !!", "[?1;2c", "[I", "[O", "]0;title\u{07}",
      "]11;rgb:0/0/0\u{1B}\\", "[99;1x", "\u{1B}[A",
    ] {
      let result = decode(text)
      #expect(result.key == nil, "\(text.debugDescription)")
      #expect(result.left.isEmpty, "\(text.debugDescription) left \(result.left.debugDescription)")
    }
  }

  @Test func escAloneIsEscAndWhatFollowsASequenceIsKept() {
    #expect(decode("").key == .escape)
    #expect(decode("\u{1B}").key == .escape)
    // A key right after Esc (tmux sends Esc and Ctrl-C in one go) is a key of its own.
    #expect(decode("\u{03}").key == .escape)
    #expect(decode("\u{03}").left == "\u{03}")
    #expect(decode("q").left == "q")
    let result = decode("[1~2")
    #expect(result.key == .home)
    #expect(result.left == "2")
  }

  @Test func aBracketedPasteIsOneKeyWithItsText() {
    let result = decode("[200~12 ok\r\nline\u{1B}[201~3")
    #expect(result.key == .paste("12 ok\nline"))
    #expect(result.left == "3")
  }

  @Test func aPasteTypesIntoTheFieldBeingEditedOnly() throws {
    var harness = Harness(try fixture("small.yaml"))
    harness.press(.character("g"))
    let contents = harness.state.mode
    harness.press(.paste("1"))
    #expect(harness.state.mode == contents, "the contents stay open")
    harness.press(.escape)
    harness.press(.paste("2"))
    #expect(harness.state.wizard.answers.isEmpty, "a paste records no answer")
    harness.press(.tab, .paste("first\nsecond"), .escape)
    #expect(harness.state.wizard.answers["personal_data"]?.note == "first\nsecond")
    harness.press(.character("/"), .paste("Restit\nution"), .enter)
    #expect(harness.currentID == "restitution", "one line in the search")
  }

  /// Function keys, Tab and the like do not dismiss the help, the contents or the finish
  /// question; Esc (and a typed letter) still do.
  @Test func specialKeysDoNotDismissAScreen() throws {
    var harness = Harness(try fixture("small.yaml"))
    harness.press(.character("?"), .function(5), .tab, .home, .end)
    var inHelp = false
    if case .help = harness.state.mode { inHelp = true }
    #expect(inHelp, "the help stays")
    harness.press(.escape)
    #expect(harness.state.mode == .browsing)
    harness.press(.character("g"), .function(5), .tab, .end)
    #expect(harness.state.mode == .contents(selection: 2), "End: the last section")
    harness.press(.escape, .character("F"), .home, .function(5), .down)
    #expect(harness.state.mode == .confirmingFinish)
    harness.press(.character("n"))
    #expect(harness.state.mode == .browsing)
    #expect(harness.state.wizard.phase == .questions)
  }

  /// The finish question is the notice line: it fits at 80 columns in every language, even with
  /// three-digit counts, so that its answer keys are never cut off.
  @Test(arguments: InterfaceLanguage.allCases)
  func theFinishQuestionFitsAt80Columns(language: InterfaceLanguage) {
    let text = Phrase.finishConfirm.format(language, CountedNoun.question.format(148, language))
    #expect(DisplayWidth.of(text) <= 78, "\(text)")
  }

  @Test func whatIsTypedWhileTheTerminalIsTooSmallReachesTheField() throws {
    var harness = Harness(try fixture("small.yaml"))
    harness.press(.tab)
    harness.type("abc")
    harness.state.width = 60
    harness.type("dq")
    harness.press(.backspace)
    harness.type("e")
    #expect(harness.effects.isEmpty, "q is typed, not quit")
    harness.state.width = 80
    harness.press(.escape)
    #expect(harness.state.wizard.answers["personal_data"]?.note == "abcde")
    harness.state.width = 60
    harness.press(.character("q"))
    #expect(harness.effects.suffix(2) == [.save, .exit], "q quits where nothing is typed")
  }
}

/// Screen readers and magnifiers follow the terminal cursor: it sits on the highlighted line or
/// in the field being edited, on every screen.
@Suite struct CursorTests {
  /// The row the cursor is on, and the text of that row from the cursor on.
  func cursorLine(_ harness: Harness) -> String? {
    let terminal = harness.render()
    guard let (row, column) = terminal.cursor else { return nil }
    return String(terminal.lines[row].dropFirst(column))
  }

  @Test func theCursorFollowsTheHighlight() throws {
    var harness = Harness(try fixture("small.yaml"))
    #expect(cursorLine(harness) == "Personal data?", "nothing highlighted: the question")
    harness.press(.down)
    #expect(
      cursorLine(harness)?.hasPrefix("› ( ) 1. Yes") == true, "\(cursorLine(harness) ?? "none")")
    harness.press(.down)
    #expect(cursorLine(harness)?.hasPrefix("› ( ) 2. No") == true)
    harness.press(.character("g"), .down)
    #expect(
      cursorLine(harness)?.hasPrefix("› Contract") == true, "\(cursorLine(harness) ?? "none")")
    harness.press(.escape, .character("r"))
    #expect(cursorLine(harness)?.hasPrefix("›") == true, "\(cursorLine(harness) ?? "none")")
    harness.press(.character("S"))
    #expect(cursorLine(harness) != nil)
  }

  @Test func theCursorIsInTheFieldBeingEdited() throws {
    var harness = Harness(try fixture("small.yaml"))
    harness.press(.tab)
    harness.type("ab")
    #expect(cursorLine(harness) == "", "after the text typed")
    harness.press(.left)
    #expect(cursorLine(harness) == "b")
  }
}

@Suite struct KeyTextTests {
  @Test func everyKeyTextIsWrittenInEveryLanguage() {
    for text in KeyText.allCases {
      let (fr, en, nl) = text.translations
      #expect(!fr.isEmpty && !en.isEmpty && !nl.isEmpty, "\(text)")
    }
  }

  @Test func everyFrontEndTextIsWrittenInEveryLanguage() {
    for text in FrontEndText.allCases {
      let (fr, en, nl) = text.translations
      #expect(!fr.isEmpty && !en.isEmpty && !nl.isEmpty, "\(text)")
    }
  }
}
