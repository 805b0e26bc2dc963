import ArgumentParser
import AssessmentStore
import Foundation

struct Resume: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Reopen a saved assessment where it was left (without SESSION: choose from the list).")

  @Argument(help: ArgumentHelp("A session id or the path of a session file.", valueName: "session"))
  var session: String?

  @Option(help: ArgumentHelp("The questionnaire, when it is not built in (a YAML file).", valueName: "id|path"))
  var questionnaire: String?

  @OptionGroup var sessions: SessionsOptions
  @OptionGroup var interface: InterfaceOptions

  func run() throws {
    let store = sessions.store
    guard let session else {
      try Interactive.requireTerminal()
      try Interactive.start(
        store: store, questionnaire: questionnaire, language: interface.resolvedLanguage, offersNew: false)
      return
    }
    do {
      let path = try store.path(for: session)
      // Check the file and the lock before asking for a terminal, so that a damaged session or
      // one open elsewhere is reported as such.
      let (record, loaded, lock) = try Interactive.open(path: path, store: store, questionnaire: questionnaire)
      try Interactive.requireTerminal()
      try Interactive.run(
        record: record, path: path, lock: lock, loaded: loaded, store: store,
        language: interface.resolvedLanguage)
    } catch let error as StoreError {
      throw fail(error)
    }
  }
}
