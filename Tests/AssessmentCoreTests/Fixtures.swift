import Foundation
@_exported import TestSupport

@testable import AssessmentCore

func text(_ value: String) -> LocalizedText {
  LocalizedText(["fr": value + " (fr)", "en": value, "nl": value + " (nl)"])
}

func compliance(
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
let fixture: Questionnaire = {
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

let t1 = Date(timeIntervalSince1970: 1_800_000_060)
