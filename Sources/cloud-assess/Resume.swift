import ArgumentParser
import AssessmentCore
import AssessmentStore
import Foundation

struct Resume: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Reopen a saved assessment where it was left (without SESSION: choose from the list).")

  @Argument(help: ArgumentHelp("A session id or the path of a session file.", valueName: "session"))
  var session: String?

  @Option(
    help: ArgumentHelp(
      "The session's questionnaire, when it is not where the session recorded it (a YAML file or a built-in id); the session remembers a new place. Without SESSION: used for the sessions made with it.",
      valueName: "id|path"))
  var questionnaire: String?

  @OptionGroup var sessions: SessionsOptions
  @OptionGroup var interface: InterfaceOptions

  func run() throws {
    let store = sessions.store
    let language = interface.resolvedLanguage
    guard let session else {
      try Interactive.requireTerminal(language: language)
      try Interactive.start(store: store, questionnaire: questionnaire, language: language, offersNew: false)
      return
    }
    do {
      let path = try store.path(for: session)
      // Check the file and the lock before asking for a terminal, so that a damaged session or
      // one open elsewhere is reported as such.
      let (record, loaded, lock) = try Interactive.open(path: path, store: store, questionnaire: questionnaire)
      try Interactive.requireTerminal(language: language)
      try Interactive.run(
        record: record, path: path, lock: lock, loaded: loaded, store: store, language: language)
    } catch let error as StoreError {
      throw fail(error, language: language)
    }
  }
}
