import ArgumentParser
import AssessmentCore
import AssessmentStore
import Foundation

struct New: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "new",
    _superCommandName: CloudAssess.name,
    abstract: "Start a new assessment in the wizard.")

  @Option(
    help: ArgumentHelp(
      "A built-in questionnaire id or a YAML file (default: the built-in one; with --from, the previous session's).",
      valueName: "id|path"))
  var questionnaire: String?

  @Option(
    name: .customLong("from"),
    help: ArgumentHelp(
      "Re-assess: start from a previous session (id or path), carrying its answers to re-verify; the previous session is not changed.",
      valueName: "session"))
  var from: String?

  @OptionGroup var sessions: SessionsOptions
  @OptionGroup var interface: InterfaceOptions
  @OptionGroup var person: PersonOptions

  func run() throws {
    let language = interface.resolvedLanguage
    if let from { return try reassess(from: from, language: language) }
    let loaded: LoadedQuestionnaire
    do {
      loaded = try BuiltinQuestionnaires.resolve(questionnaire)
    } catch {
      throw fail(error, language: language)
    }
    // The front end first: no session is created where the wizard cannot run.
    let frontEnd = Interactive.chooseFrontEnd(plain: interface.plain, language: language)
    try Interactive.runNew(
      loaded, store: sessions.store(as: person), frontEnd: frontEnd, language: language)
  }

  /// `new --from`: the previous session is read (and refused when damaged or newer) before
  /// anything else; the front end is chosen before the new session is created.
  private func reassess(from: String, language: InterfaceLanguage) throws {
    let store = sessions.store(as: person)
    let source: SessionRecord
    let sourcePath: String
    let loaded: LoadedQuestionnaire
    do {
      sourcePath = try store.path(for: from)
      source = try store.load(path: sourcePath)
      loaded =
        try questionnaire.map { try BuiltinQuestionnaires.resolve($0) }
        ?? SessionQuestionnaire.resolve(source, sessionPath: sourcePath)
    } catch {
      throw fail(error, language: language)
    }
    let frontEnd = Interactive.chooseFrontEnd(plain: interface.plain, language: language)
    let session: OpenSession
    do {
      let made = try store.createReassessment(
        from: source, sourcePath: sourcePath, loaded, at: Interactive.now())
      session = made.session
      let carried = session.record.answers.values.filter(\.reverify).count
      if !made.removed.isEmpty {
        warn(
          PlanPhrase.carriedRemoved.format(
            language, made.removed.count, made.removed.joined(separator: ", ")), language: language)
      }
      // Written at once (not through print's buffer), so that it comes before plain mode's lines.
      writeOut(PlanPhrase.carriedFrom.format(language, session.id, source.id, carried) + "\n")
    } catch {
      frontEnd.end()
      throw fail(error, language: language)
    }
    try Interactive.run(session, store: store, frontEnd: frontEnd, language: language)
  }
}
