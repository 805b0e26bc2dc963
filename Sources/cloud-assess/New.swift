import ArgumentParser
import AssessmentCore
import AssessmentStore
import Foundation

struct New: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Start a new assessment in the wizard.")

  @Option(help: ArgumentHelp("A built-in questionnaire id or a YAML file (default: the built-in one).", valueName: "id|path"))
  var questionnaire: String?

  @OptionGroup var sessions: SessionsOptions
  @OptionGroup var interface: InterfaceOptions

  func run() throws {
    let language = interface.resolvedLanguage
    let loaded: LoadedQuestionnaire
    do {
      loaded = try BuiltinQuestionnaires.resolve(questionnaire)
    } catch {
      throw fail(error, language: language)
    }
    // The front end first: no session is created where the wizard cannot run.
    let frontEnd = Interactive.chooseFrontEnd(plain: interface.plain, language: language)
    try Interactive.runNew(loaded, store: sessions.store, frontEnd: frontEnd, language: language)
  }
}
