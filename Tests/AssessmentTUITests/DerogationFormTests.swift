import AssessmentCore
import AssessmentStore
import Foundation
import Testing

@testable import AssessmentFrontEnd
@testable import AssessmentTUI

/// A derogation is recorded in the wizard as a record, field by field, by the same edited-field
/// mechanism as every other field.
@Suite struct DerogationFormTests {
  func harness(_ language: InterfaceLanguage = .en) throws -> Harness {
    var harness = Harness(try BuiltinQuestionnaires.resolve(nil), language: language)
    for (id, choice) in [("deployment_model", "public"), ("personal_data", "yes")] {
      harness.go(to: id)
      let choices = harness.app.wizard.current(harness.state.wizard)!.choices(
        language, harness.app.wizard.questionnaire)
      harness.press(.character(Character(String(choices.firstIndex { $0.id == choice }! + 1))))
    }
    harness.go(to: "derog_encryption")
    return harness
  }

  @Test func theFieldsADerogationNeedsAreMarked() throws {
    var harness = try harness(.fr)
    let top = harness.render().snapshot
    #expect(top.contains("Référence * :") && top.contains("Accordée par * :"))
    harness.press(.up)  // the last field, and the legend under the form
    let bottom = harness.render().snapshot
    #expect(
      bottom.contains("Échéance ou révision (AAAA-MM-JJ) * :")
        && bottom.contains("Mesures compensatoires :"))
  }

  @Test func theRecordIsFilledFieldByFieldAndSaysWhetherItCounts() throws {
    var harness = try harness()
    #expect(harness.render().snapshot.contains("Reference *:"))
    harness.press(.up)  // ↑ first highlights the last field
    #expect(harness.render().snapshot.contains("› Expiry or review (YYYY-MM-DD) *:"))
    for _ in 0..<5 { harness.press(.up) }  // back to the reference
    #expect(harness.state.optionCursor == 0)
    harness.press(.enter)
    harness.type("CSI-2026-014")
    harness.press(.enter)  // on to "granted by"
    harness.type("Information-security committee")
    harness.press(.enter)
    harness.type("2026-03-01")
    harness.press(.enter, .enter, .enter)  // scope and measures left empty
    harness.type("31/12/2027")
    harness.press(.enter)
    #expect(harness.state.notice?.contains("“31/12/2027” is not a YYYY-MM-DD date") == true)
    #expect(harness.state.mode == .browsing, "the last field returns to the question")
    guard case .derogation(let record)? = harness.state.wizard.answers["derog_encryption"]?.value
    else {
      Issue.record("no record")
      return
    }
    #expect(record.reference == "CSI-2026-014")
    #expect(record.grantedBy == "Information-security committee")
    #expect(record.grantedOn == "2026-03-01")
    #expect(record.expiresOn == "31/12/2027", "kept as typed: nothing lost")
    #expect(harness.render().snapshot.contains("does not count"))
    // Corrected, it counts: ↓ or ↑ walk the fields, Enter opens the highlighted one.
    #expect(harness.state.optionCursor == 5)
    harness.press(.enter)
    for _ in 0..<10 { harness.press(.backspace) }
    harness.type("2027-12-31")
    harness.press(.enter)
    #expect(harness.render().snapshot.contains("valid today"))
    #expect(harness.state.wizard.phase == .questions)
    #expect(
      harness.app.wizard.current(harness.state.wizard)?.id == "derog_encryption",
      "Enter walks the fields, not the questions")
  }

  @Test func aFieldBeingTypedIsHandedOverByTheOneMechanism() throws {
    var harness = try harness()
    harness.press(.enter)
    harness.type("DER-7")
    harness.tick(after: 10)
    guard case .derogation(let record)? = harness.state.wizard.answers["derog_encryption"]?.value
    else {
      Issue.record("the reference typed was not handed over")
      return
    }
    #expect(record.reference == "DER-7")
    var interrupted = harness
    interrupted.type("b")
    _ = interrupted.app.interrupted(&interrupted.state, now: t0.addingTimeInterval(11))
    guard case .derogation(let last)? = interrupted.state.wizard.answers["derog_encryption"]?.value
    else { return }
    #expect(last.reference == "DER-7b")
  }

  @Test func theQuestionScreenCitesThePublishedTextAndMarksWhatGoesBeyond() throws {
    var harness = Harness(try BuiltinQuestionnaires.resolve(nil), language: .fr)
    harness.go(to: "priv_keys_under_control")
    #expect(harness.render().snapshot.contains("§ 2.4, 5e point"))
    harness.go(to: "chk_applicable_law")
    #expect(harness.render().snapshot.contains("choix de politique plus strict que le référentiel"))
  }
}
