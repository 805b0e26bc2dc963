import AssessmentCore
import AssessmentStore
import Foundation
import ProviderWorkbook
import Workbook

/// The provider workbook (docs/provider-workbook.md): its export (rows, then the xlsx) and the
/// import of the workbook filled in, every row answered (read, checked, matched, planned).
enum ProviderWorkbookBench {
  static func timings(_ questionnaire: Questionnaire, digest: String, label: String) throws
    -> [Timing]
  {
    let metadata = SessionMetadata(
      organisation: "Institution publique de sécurité sociale", assessor: "Équipe sécurité",
      provider: "Fournisseur", service: "Service", created: Date(), updated: Date())
    let origin = ProviderWorkbookOrigin(
      sessionID: "bench", questionnaireID: questionnaire.id,
      questionnaireVersion: questionnaire.version, questionnaireDigest: digest)
    let date = Date(timeIntervalSince1970: 1_795_000_000)
    func book() -> ProviderWorkbook {
      ProviderWorkbook(
        questionnaire: questionnaire, digest: digest, sessionID: "bench", metadata: metadata,
        answers: [:], deadline: "2027-01-15", language: .fr)
    }
    var out: [Timing] = []
    out.append(
      Timing(
        name: "provider workbook: export (\(label))",
        durations: try Clock.measure(times: 10, warmup: 1) { _ in
          _ = try book().xlsx(exported: date)
        }))
    // Filled in as a provider would: every row answered, explained, with evidence.
    let exported = book()
    var filled = exported.workbook(exported: date)
    let answer = ProviderWorkbook.Column.allCases.firstIndex(of: .answer) ?? 5
    for index in 2..<filled.sheets[1].rows.count {
      var cells = filled.sheets[1].rows[index].cells
      // An answer of the question's kind: a label of its drop-down, a day, a number, a text.
      let item = exported.items[index - 2]
      let question = questionnaire.questions[item.position]
      switch question.type {
      case .date: cells[answer].value = .date(serial: 46_477)
      case .number: cells[answer].value = .number(3)
      case .text: cells[answer].value = .text("Oui, voir l'annexe 4 du contrat.")
      case .multiple:
        cells[answer].value = .text(
          question.options.prefix(2).map { questionnaire.text($0.label, "fr") }
            .joined(separator: "; "))
      default: cells[answer].value = .text(item.choices.first ?? "Partiellement conforme")
      }
      cells[answer + 1].value = .text("Mesure en place depuis 2024, revue chaque année.")
      cells[answer + 2].value = .text("SOC 2 type II, 2026")
      cells[answer + 3].value = .date(serial: 46_477)
      filled.sheets[1].rows[index].cells = cells
    }
    let data = try WorkbookWriter.data(filled, modified: date)
    out.append(
      Timing(
        name: "provider workbook: import (\(label))",
        durations: try Clock.measure(times: 10, warmup: 1) { _ in
          let read = ProviderWorkbookAnswers.read(
            try WorkbookReader.read(data), questionnaire: questionnaire, expected: origin,
            language: .fr)
          guard read.problems.isEmpty else {
            throw Processes.Failure(description: "the provider workbook was refused")
          }
          _ = ProviderImportPlan(read, current: [:], importedAt: date, workbookSHA256: digest)
        }))
    return out
  }

  /// The built-in questionnaire's workbook, as a provider of the built-in assessment gets it.
  static func builtin() throws -> [Timing] {
    let loaded = try BuiltinQuestionnaires.resolve(nil)
    return try timings(loaded.questionnaire, digest: loaded.digest, label: "built-in")
  }
}
