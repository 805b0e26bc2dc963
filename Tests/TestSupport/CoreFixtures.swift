import AssessmentCore
import Foundation

// A small questionnaire built in code, shared by the core's and the reports' tests: its
// sections, conditions and question types cover what the engine and the renderers branch on.

public func text(_ value: String) -> LocalizedText {
  LocalizedText(["fr": value + " (fr)", "en": value, "nl": value + " (nl)"])
}

public func compliance(
  _ id: String, _ ref: String, severity: Severity = .high,
  protects: [SecurityDimension] = [.confidentiality], when: String? = nil
) -> Question {
  Question(
    id: id, refs: [ref], type: .compliance, text: text("Is \(id) met?"), help: text("Why \(id)."),
    when: when.map { try! ConditionParser.parse($0).condition }, severity: severity,
    protects: protects, remediation: text("Demand \(id)."))
}

/// scoping: personal_data (yesno), deployment (single public/private)
/// contract: restitution, sovereignty
/// privacy (when personal_data != no): encryption, network (when deployment == public), comment (text)
public let fixture: Questionnaire = {
  Questionnaire(
    id: "fixture", version: "1", languages: ["fr", "en", "nl"], title: text("Fixture"),
    sections: [
      Section(
        id: "scoping", title: text("Scope"),
        questions: [
          Question(
            id: "personal_data", type: .yesno, text: text("Personal data?"), help: text("h")),
          Question(
            id: "deployment", type: .single, text: text("Deployment?"), help: text("h"),
            options: [
              ChoiceOption(id: "public", label: text("Public")),
              ChoiceOption(id: "private", label: text("Private")),
            ]),
        ]),
      Section(
        id: "contract", title: text("Contract"),
        questions: [
          compliance("restitution", "2.2.3.b", protects: [.availability]),
          compliance("sovereignty", "2.2.7.a", severity: .critical),
        ]),
      Section(
        id: "privacy", title: text("Privacy"),
        when: try! ConditionParser.parse("personal_data != no").condition,
        questions: [
          compliance("encryption", "2.4.6", severity: .critical),
          compliance("network", "2.3.5.4", severity: .medium, when: "deployment == public"),
          Question(id: "comment", type: .text, text: text("Comment?"), help: text("h")),
        ]),
    ])
}()

public let t1 = Date(timeIntervalSince1970: 1_800_000_060)

/// A re-assessment (`new --from`) of the fixture with nothing confirmed yet.
public enum CarriedFixture {
  /// Every question of the fixture answered: compliant, a justified "not applicable", scoping.
  public static let lastYear: [String: Answer] = [
    "personal_data": Answer(value: .choice("yes"), answeredAt: t0),
    "deployment": Answer(value: .choice("public"), answeredAt: t0),
    "restitution": Answer(value: .choice("compliant"), answeredAt: t0),
    "sovereignty": Answer(
      value: .choice("na"), note: "No data leaves the institution.", answeredAt: t0),
    "encryption": Answer(value: .choice("compliant"), answeredAt: t0),
    "network": Answer(value: .choice("noncompliant"), answeredAt: t0),
    "comment": Answer(value: .text("Seen."), answeredAt: t0),
  ]

  /// Last year's answers as `new --from` carries them: each awaiting re-verification.
  public static var carried: [String: Answer] {
    lastYear.mapValues { answer in
      var copy = answer
      copy.reverify = true
      return copy
    }
  }

  /// The fixture's wizard state in the questions phase with `answers`.
  public static func state(_ answers: [String: Answer]) -> WizardState {
    Wizard(questionnaire: fixture).resume(
      phase: .questions,
      metadata: SessionMetadata(
        organisation: "O", assessor: "A", provider: "P", service: "S", created: t0, updated: t1),
      answers: answers, cursor: 0)
  }
}
