import Foundation
import Testing

@testable import AssessmentFrontEnd
@testable import AssessmentTUI

@Suite struct MemoryTerminalTests {
  @Test func drawsUTF8ByDisplayWidth() {
    let terminal = MemoryTerminal(width: 30, height: 2)
    terminal.draw(row: 0, column: 2, "souveraineté «données»", style: .bold)
    #expect(terminal.lines[0] == "  souveraineté «données»")
    #expect(terminal.text(row: 0, column: 2) == "s")
    #expect(terminal.text(row: 0, column: 13) == "é")
    #expect(terminal.text(row: 0, column: 15) == "«")
    #expect(terminal.text(row: 0, column: 23) == "»")
    #expect(terminal.style(row: 0, column: 13) == .bold)
    #expect(terminal.text(row: 0, column: 24) == " ")
  }

  @Test func wideCharactersTakeTwoCellsAndCombiningMarksNone() {
    let terminal = MemoryTerminal(width: 10, height: 1)
    terminal.draw(row: 0, column: 0, "a📦b e\u{301}x", style: .plain)
    #expect(terminal.text(row: 0, column: 1) == "📦")
    #expect(terminal.text(row: 0, column: 2) == "")
    #expect(terminal.text(row: 0, column: 3) == "b")
    #expect(terminal.text(row: 0, column: 5) == "e\u{301}")
    #expect(terminal.text(row: 0, column: 6) == "x")
    #expect(DisplayWidth.of("a📦b e\u{301}x") == 7)
  }

  @Test func textIsCutAtTheRightEdge() {
    let terminal = MemoryTerminal(width: 5, height: 1)
    terminal.draw(row: 0, column: 3, "données", style: .plain)
    #expect(terminal.lines[0] == "   do")
    terminal.draw(row: 0, column: 0, "abcd📦", style: .plain)
    #expect(terminal.lines[0] == "abcdo", "a wide character that does not fit is not drawn")
  }

  @Test func truncatesWrapsAndPadsByWidth() {
    #expect(DisplayWidth.truncate("souveraineté", to: 8) == "souvera…")
    #expect(DisplayWidth.truncate("court", to: 8) == "court")
    #expect(DisplayWidth.pad("é", to: 3) == "é  ")
    #expect(
      DisplayWidth.wrap("Le fournisseur de services cloud garantit la réversibilité.", width: 20)
        == [
          "Le fournisseur de", "services cloud", "garantit la", "réversibilité.",
        ])
    #expect(DisplayWidth.wrap("a\n\nb", width: 5) == ["a", "", "b"])
    #expect(DisplayWidth.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
  }

  /// French puts a space before « : ; ! ? » and inside « »: a line never starts with the mark
  /// nor ends with «, as a no-break space would keep them (the texts use plain spaces).
  @Test func frenchPunctuationStaysWithItsWord() {
    #expect(
      DisplayWidth.wrap("une mission essentielle ; faible : tolérable", width: 23)
        == ["une mission", "essentielle ; faible :", "tolérable"])
    #expect(
      DisplayWidth.wrap("le service « Nuage » ici", width: 12) == [
        "le service", "« Nuage »", "ici",
      ])
    #expect(
      DisplayWidth.wrap("Oui !", width: 3) == ["Oui", "!"], "a unit wider than the line is cut")
    #expect(DisplayWidth.wrap("Yes: no; why?", width: 5) == ["Yes:", "no;", "why?"])
  }
}

@Suite struct DisplayWidthFastPathTests {
  /// The shortcuts for ASCII and Latin-1 agree with the full rule on every such character.
  @Test func shortcutsAgreeWithTheFullRule() {
    for value in UInt32(0)...0x2FF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      #expect(
        DisplayWidth.of(Character(scalar)) == DisplayWidth.of(scalar),
        "U+\(String(value, radix: 16))")
    }
    #expect(DisplayWidth.of("Question 3/7 · Section") == 22)
    #expect(DisplayWidth.of("Évaluation « ok » é́") == 19)
    #expect(DisplayWidth.of("云") == 2)
  }
}

@Suite struct StatusTimeTests {
  @Test func localTimeOfDayAgreesWithAFormatter() {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "HH:mm:ss"
    for seconds in stride(from: -1_000_000.0, to: 2_000_000_000, by: 77_777_777.7) {
      let date = Date(timeIntervalSince1970: seconds)
      #expect(Screen.time(date) == formatter.string(from: date), "\(seconds)")
    }
  }
}
