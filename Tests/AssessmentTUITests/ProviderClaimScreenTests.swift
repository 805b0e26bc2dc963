import AssessmentCore
import Foundation
import Testing

@testable import AssessmentFrontEnd
@testable import AssessmentTUI

/// A provider's claim (imported from its workbook) is shown under the question, and `p` takes it
/// as the assessor's answer; without a claim, `p` says so and changes nothing.
@Suite struct ProviderClaimScreenTests {
  static let claim = ProviderClaim(
    value: .choice("partial"), explanation: "Export on request",
    evidence: [EvidenceRecord(reference: "SOC 2 type II, 2026", validUntil: "2027-03-31")],
    importedAt: t0, workbookSHA256: String(repeating: "a", count: 64), cell: "Questions!F3")

  @Test(arguments: [
    (
      InterfaceLanguage.fr,
      "Fournisseur : partiellement conforme — Export on request — preuve : SOC 2 type II, 2026, valable jusqu'au 2027-03-31"
    ),
    (
      .en,
      "Provider: partially compliant — Export on request — evidence: SOC 2 type II, 2026, valid until 2027-03-31"
    ),
    (
      .nl,
      "Leverancier: gedeeltelijk conform — Export on request — bewijsstuk: SOC 2 type II, 2026, geldig tot 2027-03-31"
    ),
  ])
  func theClaimIsShownAndPTakesIt(language: InterfaceLanguage, line: String) throws {
    var harness = Harness(try fixture("small.yaml"), language: language)
    harness.go(to: "restitution")
    harness.state.wizard.answers["restitution"] = Answer(claims: [Self.claim])
    let screen = harness.render(width: 200, height: 40).snapshot
    #expect(screen.contains(line + " (p)"), "\(screen)")
    harness.press(.character("p"))
    #expect(harness.state.wizard.answers["restitution"]?.value == .choice("partial"))
    #expect(harness.state.wizard.answers["restitution"]?.claims == [Self.claim])
  }

  @Test func withoutAClaimPChangesNothing() throws {
    var harness = Harness(try fixture("small.yaml"), language: .en)
    harness.go(to: "restitution")
    harness.press(.character("p"))
    #expect(harness.state.wizard.answers["restitution"]?.value == nil)
    #expect(harness.state.notice == "The provider gave no answer to take for this question.")
  }
}
