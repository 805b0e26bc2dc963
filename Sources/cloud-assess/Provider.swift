import ArgumentParser
import AssessmentCore
import AssessmentStore
import Foundation
import ProviderWorkbook
import SystemSupport

/// `provider export` and `provider import`: the workbook the provider fills in, and its answers
/// read back as the provider's claims (docs/provider-workbook.md).
struct Provider: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "provider",
    abstract: "Send the provider its questions as a workbook, and read its answers back.",
    subcommands: [ProviderExport.self])
}

/// A refusal of a provider command, already in the interface language.
struct ProviderRefusal: Error, CustomStringConvertible {
  var description: String
}

struct ProviderExport: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write the workbook the provider fills in (xlsx).",
    discussion: """
      One row per question whose owner is the provider or shared and that applies under the \
      session's answers, with a drop-down of the answers, locked question cells and a cover \
      saying who asks, the deadline, how to fill it in, and the session and questionnaire it \
      belongs to. --lang chooses the workbook's language.
      """)

  @Argument(help: ArgumentHelp("A session id or the path of a session file.", valueName: "session"))
  var session: String

  @Option(help: ArgumentHelp("The workbook to write (.xlsx).", valueName: "file"))
  var output: String

  @Option(
    help: ArgumentHelp(
      "The day the provider should return it by, as YYYY-MM-DD.", valueName: "date"))
  var deadline: String?

  @Option(
    help: ArgumentHelp(
      "The session's questionnaire, when it is not where the session recorded it (a YAML file or a built-in id).",
      valueName: "id|path"))
  var questionnaire: String?

  @OptionGroup var sessions: SessionsOptions
  @OptionGroup var interface: InterfaceOptions

  func run() throws {
    let language = interface.resolvedLanguage
    do {
      if let deadline, !Day.isValid(deadline) {
        throw ProviderRefusal(description: ProviderMessage.deadlineNotADay(language, deadline))
      }
      let store = sessions.store
      let path = try store.path(for: session)
      if let clash = ReportOutput.clash(output: output, sessionPath: path) {
        throw ProviderRefusal(
          description: ProviderMessage.outputOntoSession(
            language, output: output, sessionFile: clash))
      }
      let assessment = try store.loadAssessment(
        path: path, questionnaire: questionnaire, asOf: Date())
      for warning in assessment.record.warnings(
        against: assessment.questionnaire, language: language)
      {
        warn(warning)
      }
      let book = ProviderWorkbook(
        questionnaire: assessment.questionnaire.questionnaire,
        digest: assessment.questionnaire.digest, sessionID: assessment.record.id,
        metadata: assessment.record.metadata, answers: assessment.record.answers,
        deadline: deadline, language: language)
      try SessionStore.writeAtomically(
        try book.xlsx(exported: Summary.productionDate()), to: output)
      writeOut(
        ProviderMessage.exported(
          language, count: book.items.count, file: output, session: assessment.record.id) + "\n")
    } catch {
      throw fail(error, language: language)
    }
  }
}
