import ArgumentParser
import AssessmentCore
import AssessmentStore
import Foundation

struct Resume: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "resume",
    _superCommandName: CloudAssess.name,
    abstract: "Reopen a saved assessment where it was left (without SESSION: choose from the list)."
  )

  @Argument(help: ArgumentHelp("A session id or the path of a session file.", valueName: "session"))
  var session: String?

  @Option(
    help: ArgumentHelp(
      "The session's questionnaire, when it is not where the session recorded it (a YAML file or a built-in id); the session remembers a new place. Without SESSION: used for the sessions made with it.",
      valueName: "id|path"))
  var questionnaire: String?

  @OptionGroup var sessions: SessionsOptions
  @OptionGroup var interface: InterfaceOptions
  @OptionGroup var person: PersonOptions

  func run() throws {
    let store = sessions.store(as: person)
    let language = interface.resolvedLanguage
    guard let session else {
      try Interactive.start(
        store: store, questionnaire: questionnaire, language: language, offersNew: false,
        plain: interface.plain)
      return
    }
    let opened: OpenSession
    do {
      // The file and the lock are checked before the terminal is touched, so that a damaged
      // session or one open elsewhere is reported as such.
      opened = try store.openForWriting(
        path: try store.path(for: session), questionnaire: questionnaire)
    } catch {
      throw fail(error, language: language)
    }
    let frontEnd = Interactive.chooseFrontEnd(plain: interface.plain, language: language)
    try Interactive.run(opened, store: store, frontEnd: frontEnd, language: language)
  }
}
