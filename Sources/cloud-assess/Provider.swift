import ArgumentParser
import AssessmentCore
import AssessmentStore
import Foundation
import ProviderWorkbook
import QuestionnaireFormat
import SystemSupport
import Workbook

/// `provider export` and `provider import`: the workbook the provider fills in, and its answers
/// read back as the provider's claims (docs/provider-workbook.md).
struct Provider: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "provider",
    _superCommandName: CloudAssess.name,
    abstract: "Send the provider its questions as a workbook, and read its answers back.",
    subcommands: [ProviderExport.self, ProviderImport.self])
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

  @OptionGroup var relocated: RelocatedQuestionnaire

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
        path: path, questionnaire: relocated.questionnaire, asOf: Date())
      for warning in assessment.record.warnings(
        against: assessment.questionnaire, language: language)
      {
        warn(warning, language: language)
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

struct ProviderImport: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Read the provider's filled-in workbook into the session as the provider's claims.",
    discussion: """
      Each row the provider filled in becomes a claim beside the question (answer, explanation, \
      evidence, the day of the import and the workbook's SHA-256): never the assessor's answer \
      by itself. Columns are found by their keys (row 1), answers in French, English or Dutch or \
      by id. Everything or nothing: any problem (each named by its cell) refuses the whole \
      workbook and leaves the session untouched. A second import supersedes the first and keeps \
      what it replaced.
      """)

  @Argument(help: ArgumentHelp("A session id or the path of a session file.", valueName: "session"))
  var session: String

  @Argument(help: ArgumentHelp("The workbook the provider returned (.xlsx).", valueName: "file"))
  var file: String

  @Flag(name: .customLong("dry-run"), help: "Show what the import would do; write nothing.")
  var dryRun = false

  @OptionGroup var relocated: RelocatedQuestionnaire

  @OptionGroup var sessions: SessionsOptions
  @OptionGroup var interface: InterfaceOptions
  @OptionGroup var person: PersonOptions

  func run() throws {
    let language = interface.resolvedLanguage
    do {
      let store = sessions.store(as: person)
      let path = try store.path(for: session)
      let data: Data
      do {
        data = try FileContents.read(file)
      } catch {
        throw ProviderRefusal(description: "\(file): \(error.reason)")
      }
      let contents: WorkbookContents
      do {
        contents = try WorkbookReader.read(data)
      } catch let error as WorkbookError {
        throw ProviderRefusal(description: "\(file): \(error.message(language))")
      }
      let digest = QuestionnaireFiles.sha256(of: data)
      // Read and checked before the session is opened for writing: a refused workbook leaves
      // the session's files as they were, byte for byte.
      let assessment = try store.loadAssessment(
        path: path, questionnaire: relocated.questionnaire, asOf: Date())
      let loaded = assessment.questionnaire
      let expected = ProviderWorkbookOrigin(
        sessionID: assessment.record.id, questionnaireID: loaded.questionnaire.id,
        questionnaireVersion: loaded.questionnaire.version, questionnaireDigest: loaded.digest)
      let read = ProviderWorkbookAnswers.read(
        contents, questionnaire: loaded.questionnaire, expected: expected, language: language)
      for notice in read.notices { warn(notice.message(language), language: language) }
      guard read.problems.isEmpty else {
        for problem in read.problems {
          FileHandle.standardError.write(Data("cloud-assess: \(problem.message(language))\n".utf8))
        }
        throw ProviderRefusal(
          description: ProviderMessage.refused(language, file: file, problems: read.problems.count))
      }
      let now = Interactive.now()
      if dryRun {
        let plan = ProviderImportPlan(
          read, current: assessment.record.answers, importedAt: now, workbookSHA256: digest)
        writeOut(
          plan.report(
            language, file: file, dryRun: true, questionnaire: loaded.questionnaire
          ).joined(separator: "\n") + "\n")
        return
      }
      let open = try store.openForWriting(
        path: path, questionnaire: relocated.questionnaire, preferred: loaded)
      var state = open.wizardState(Wizard(questionnaire: open.questionnaire.questionnaire))
      // Compared with the answers as they are under the lock.
      let plan = ProviderImportPlan(
        read, current: state.answers, importedAt: now, workbookSHA256: digest)
      let changed = plan.apply(to: &state.answers)
      if !changed.isEmpty {
        state.unsaved.ids = changed
        try open.save(state)
      }
      open.close(final: state, lastSaveFailed: false)
      writeOut(
        plan.report(
          language, file: file, dryRun: false, questionnaire: loaded.questionnaire
        ).joined(separator: "\n") + "\n")
    } catch {
      throw fail(error, language: language)
    }
  }
}
