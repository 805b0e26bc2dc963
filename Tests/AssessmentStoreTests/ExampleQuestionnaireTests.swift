import AssessmentCore
import AssessmentReports
import Foundation
import Testing

@testable import AssessmentStore

/// `examples/saas-vendor-review.yaml`: a questionnaire of one's own, first-class.
@Suite struct ExampleQuestionnaireTests {
  let path = repositoryRoot + "/examples/saas-vendor-review.yaml"

  @Test func validatesAndUsesEveryTypeAndConditionForm() throws {
    let loaded = try QuestionnaireLoader.load(path: path)
    let questionnaire = loaded.questionnaire
    #expect(loaded.file == path)
    #expect((25...31).contains(questionnaire.questions.count))
    #expect((3...5).contains(questionnaire.sections.count))
    #expect(Set(questionnaire.questions.map(\.type)) == Set(QuestionType.allCases))
    #expect(
      questionnaire.questions.contains {
        $0.type == .number && $0.minimum != nil && $0.maximum != nil && $0.integer
      })
    #expect(questionnaire.description != nil)
    #expect(!questionnaire.blockingRules.isEmpty && !questionnaire.risks.isEmpty)
    #expect(questionnaire.riskModel != .standard)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    for form in [
      " == ", " != ", " in [", " not in [", " < ", " <= ", " > ", " >= ", "answered(", "!(", " && ",
      " || ",
    ] {
      #expect(text.contains(form), "the example uses \(form)")
    }
  }

  /// A whole session through the wizard's reducer, answers typed as the assessor would, then the
  /// summary.
  @Test func aSessionThroughTheWizardEndsInASummary() throws {
    let loaded = try QuestionnaireLoader.load(path: path)
    let wizard = Wizard(questionnaire: loaded.questionnaire)
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    var state = wizard.start(at: t0)
    for (field, value) in [
      (SessionMetadata.Field.organisation, "ONSS"), (.assessor, "A. Dupont"),
      (.provider, "Nuage SA"),
      (.service, "Paie"),
    ] {
      _ = wizard.reduce(&state, .identificationEdited(field, value, at: t0))
    }
    _ = wizard.reduce(&state, .identificationConfirmed(at: t0))
    #expect(state.phase == .questions)
    let typed: [String: String] = [
      "data_subjects_count": "12 000", "gov_last_audit_months": "18", "dpa_subprocessor_count": "3",
      "dpa_breach_hours": "96", "ops_backup_rpo_hours": "0,5",
    ]
    let choices: [String: AnswerValue] = [
      "service_category": .choice("hr"), "vendor_size": .choice("1-49"),
      "processes_personal_data": .choice("yes"),
      "data_categories": .choices(["employees", "health"]),
      "hosting_region": .choice("us"), "certifications": .choices(["iso27001"]),
      "dpa_signed": .choice("partial"), "dpa_transfers": .choice("noncompliant"),
      "remarks": .text("Réponses rapides et complètes."), "gov_contract_end": .date("2027-12-31"),
    ]
    var seen: [String] = []
    while state.phase == .questions, let question = wizard.current(state),
      !seen.contains(question.id)
    {
      seen.append(question.id)
      let value: AnswerValue
      if let text = typed[question.id] {
        value = .number(try NumberInput.parse(text, for: question, language: .fr).get())
      } else if let choice = choices[question.id] {
        value = choice
      } else {
        value = .choice("compliant")
      }
      _ = wizard.reduce(&state, .answerChosen(value, at: t0))
      _ = wizard.reduce(&state, .nextPressed)
    }
    #expect(!seen.contains("gov_security_function"), "hidden for a vendor of 1 to 49 people")
    #expect(seen.contains("gov_audit_renewal"), "the last audit is older than 12 months")
    #expect(seen.contains("dpa_special_categories") && seen.contains("dpa_transfers"))
    #expect(!seen.contains("ops_rpo_justified"), "half an hour is below 24 hours")
    #expect(state.answers["data_subjects_count"]?.value == .number(12_000))
    #expect(wizard.progress(state).answered == wizard.progress(state).applicable)
    let summary = RiskEngine(questionnaire: loaded.questionnaire).summarize(state)
    #expect(summary.verdict == .notAcceptable)
    #expect(
      summary.blocking.map(\.rule.id) == ["breach_reported_too_late", "transfer_without_basis"])
    #expect(summary.register.count == 5)
    let report = SummaryReport(
      questionnaire: loaded.questionnaire, summary: summary, answers: state.answers, language: .nl,
      digest: loaded.digest)
    let text = report.text(color: false)
    #expect(text.contains("Vragenlijst: saas-vendor-review 1.0.0"))
    #expect(text.contains("Oordeel: NIET AANVAARDBAAR"))
    #expect(text.contains("De leverancier zou een lek melden na de 72 uur"))
    // Saved and read back, the session remembers where its questionnaire is.
    let record = SessionRecord(id: "s1", questionnaire: loaded, state: state)
    #expect(record.questionnaire.path == path)
    let reread = try SessionFile.decode(try SessionFile.encode(record), path: "s1.json")
    #expect(reread == record)
    #expect(
      try SessionQuestionnaire.resolve(reread, sessionPath: "s1.json").digest == loaded.digest)
  }

  /// The format document's YAML examples, the small questionnaire and the risk method (then the
  /// citations and labels), form a valid questionnaire together.
  @Test func theFormatDocumentsExamplesValidate() throws {
    let document = try String(
      contentsOfFile: repositoryRoot + "/docs/questionnaire-format.md", encoding: .utf8)
    let blocks = document.components(separatedBy: "```yaml\n").dropFirst().map {
      $0.components(separatedBy: "```").first ?? ""
    }
    #expect(
      blocks.count == 5,
      "the localized-text snippet, the small questionnaire, the risk method, citations and labels, a derogation fragment"
    )
    #expect(problems(blocks[1] + blocks[2]) == [])
    #expect(
      problems(blocks[1] + blocks[2] + blocks[3]) == [], "citations and labels are top-level keys")
  }
}
