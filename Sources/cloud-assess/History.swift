import ArgumentParser
import AssessmentCore
import AssessmentReports
import AssessmentStore
import Foundation

/// `cloud-assess history`: who changed what in a session, oldest first.
struct History: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "history",
    _superCommandName: CloudAssess.name,
    abstract:
      "Print who changed what in a session: the identification and each answer, oldest first.")

  @Argument(help: ArgumentHelp("A session id or the path of a session file.", valueName: "session"))
  var session: String

  @Argument(help: ArgumentHelp("One question only, by its id.", valueName: "question"))
  var question: String?

  @Option(help: "text or json.")
  var format: OutputFormat = .text

  @OptionGroup var relocated: RelocatedQuestionnaire

  @OptionGroup var sessions: SessionsOptions
  @OptionGroup var interface: InterfaceOptions

  func run() throws {
    let language = interface.resolvedLanguage
    let store = sessions.store
    let assessment: LoadedAssessment
    do {
      assessment = try store.loadAssessment(
        path: try store.path(for: session), questionnaire: relocated.questionnaire, asOf: Date())
    } catch {
      throw fail(error, language: language)
    }
    let record = assessment.record
    if let question, record.answers[question] == nil {
      throw fail(
        HistoryRefusal(description: TeamPhrase.historyNoQuestion.format(language, question)),
        language: language)
    }
    let report = HistoryReport(
      questionnaire: assessment.questionnaire.questionnaire, sessionID: record.id,
      answers: record.answers, identification: record.identificationHistory, language: language,
      questionID: question)
    switch format {
    case .text: writeOut(report.text())
    case .json: writeOut(try report.json())
    }
  }

  struct HistoryRefusal: LocalizedError {
    var description: String
    var errorDescription: String? { description }
  }
}
