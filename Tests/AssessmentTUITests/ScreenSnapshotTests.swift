import AssessmentCore
import Foundation
import Testing

@testable import AssessmentFrontEnd
@testable import AssessmentTUI

@Suite struct ScreenSnapshotTests {
  static let sizes = [(80, 24), (120, 40)]

  @Test(arguments: [InterfaceLanguage.fr, .en])
  func identificationForm(language: InterfaceLanguage) throws {
    var harness = Harness(try fixture("small.yaml"), language: language, identified: false)
    harness.type("ONSS")
    harness.press(.tab)
    harness.type("Anne")
    for (width, height) in Self.sizes {
      expectSnapshot(
        harness.render(width: width, height: height),
        "identification-\(language)-\(width)x\(height)")
    }
  }

  @Test(arguments: [InterfaceLanguage.fr, .en])
  func questionWithAnswerNoteEvidenceAndFlag(language: InterfaceLanguage) throws {
    var harness = Harness(try fixture("small.yaml"), language: language)
    harness.press(.character("1"), .enter)  // personal data: yes
    harness.press(.character("1"), .enter)  // deployment: public
    harness.press(.character("2"))  // restitution: partial
    harness.press(.tab)
    harness.type("Clause 14 : délai « raisonnable » non chiffré 📦")
    harness.press(.enter)
    harness.type("À renégocier.")
    harness.press(.tab, .character("f"), .character("e"))
    harness.type("contrat.pdf §14")
    harness.press(.enter, .escape)
    for (width, height) in Self.sizes {
      expectSnapshot(
        harness.render(width: width, height: height), "question-\(language)-\(width)x\(height)")
    }
  }

  @Test(arguments: [InterfaceLanguage.fr, .en])
  func helpContentsReviewAndSummary(language: InterfaceLanguage) throws {
    var harness = Harness(try fixture("small.yaml"), language: language)
    harness.press(.character("1"), .enter, .character("1"), .enter, .character("?"))
    expectSnapshot(harness.render(), "help-\(language)-80x24")
    harness.press(.escape, .character("g"))
    expectSnapshot(harness.render(), "contents-\(language)-80x24")
    harness.press(.escape, .character("f"), .character("r"))
    expectSnapshot(harness.render(), "review-\(language)-80x24")
    harness.press(.character("S"))
    for (width, height) in Self.sizes {
      expectSnapshot(
        harness.render(width: width, height: height), "summary-\(language)-\(width)x\(height)")
    }
  }

  @Test func tooSmallTerminal() throws {
    let harness = Harness(try fixture("small.yaml"), language: .en)
    let terminal = harness.render(width: 60, height: 20)
    #expect(terminal.lines[10] == "terminal too small: 60×20, need 80×24")
  }
}
