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
    try Interactive.requireTerminal(language: language)
    let store = sessions.store
    do {
      let loaded = try BuiltinQuestionnaires.resolve(questionnaire)
      let (record, path, lock) = try Interactive.create(loaded, store: store)
      try Interactive.run(
        record: record, path: path, lock: lock, loaded: loaded, store: store,
        language: language)
    } catch let error as StoreError {
      throw fail(error, language: language)
    }
  }
}
