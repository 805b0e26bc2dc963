import ArgumentParser
import AssessmentCore
import AssessmentStore
import AssessmentTUI
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension InterfaceLanguage: ExpressibleByArgument {}

/// Options of the interactive commands.
struct InterfaceOptions: ParsableArguments {
  @Option(name: .customLong("lang"), help: "Interface and content language: fr, en or nl (default: from LC_ALL, LC_MESSAGES, LANG).")
  var language: InterfaceLanguage?

  var resolvedLanguage: InterfaceLanguage {
    language ?? InterfaceLanguage.from(environment: ProcessInfo.processInfo.environment)
  }
}

/// Opening, running and leaving the wizard: shared by `new`, `resume` and the start screen.
enum Interactive {
  /// The wizard needs a terminal on both ends; say what to use instead.
  static func requireTerminal(language: InterfaceLanguage) throws {
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
      throw fail(InteractiveError(Messages.needsTerminal.text(language)), language: language)
    }
  }

  struct InteractiveError: LocalizedError {
    var errorDescription: String?
    init(_ message: String) { errorDescription = message }
  }

  static var allowColor: Bool {
    let environment = ProcessInfo.processInfo.environment
    return environment["NO_COLOR"].map(\.isEmpty) ?? true
  }

  static func now() -> Date {
    // Milliseconds: what the session file keeps, so a saved state reloads equal.
    Date(timeIntervalSince1970: (Date().timeIntervalSince1970 * 1000).rounded(.down) / 1000)
  }

  /// Creates a session file for a new assessment and locks it.
  static func create(
    _ loaded: LoadedQuestionnaire, store: SessionStore
  ) throws(StoreError) -> (SessionRecord, String, SessionLock) {
    try store.ensureDirectory()
    let wizard = Wizard(questionnaire: loaded.questionnaire)
    let date = now()
    for _ in 0..<16 {
      let id = SessionStore.newID(at: date)
      let path = try store.path(for: id)
      guard !FileManager.default.fileExists(atPath: path) else { continue }
      let lock = try SessionLock.acquire(sessionPath: path)
      var record = SessionRecord(id: id, questionnaire: loaded, state: wizard.start(at: date))
      record.abstract = record.makeAbstract(loaded.questionnaire)
      try store.save(record, to: path)
      return (record, path, lock)
    }
    throw .writeFailed(path: store.directory, reason: "could not find a free session id")
  }

  /// Opens a saved session for writing: lock first, then read, so no other process changes it
  /// between the two. `reference` is an explicit `--questionnaire` (it must be the session's);
  /// `preferred`, a questionnaire already loaded, is used when it is the session's. A session
  /// whose questionnaire file was given at a new place remembers that place.
  static func open(
    path: String, store: SessionStore, questionnaire reference: String?,
    preferred: LoadedQuestionnaire? = nil
  ) throws(StoreError) -> (SessionRecord, LoadedQuestionnaire, SessionLock) {
    _ = try store.load(path: path)
    let lock = try SessionLock.acquire(sessionPath: path)
    var record = try store.load(path: path)
    let loaded = try SessionQuestionnaire.resolve(
      record, sessionPath: path, explicit: reference, preferred: preferred)
    if let relocated = SessionQuestionnaire.relocated(record, to: loaded) {
      // The journal, if any, is already part of `record`; replaying it over the rewritten file
      // changes nothing.
      try store.save(relocated, to: path)
      record = relocated
    }
    return (record, loaded, lock)
  }

  /// Runs the wizard on a session until the assessor leaves; prints where the session is and,
  /// when the assessment was finished, the summary.
  static func run(
    record initial: SessionRecord, path: String, lock: SessionLock, loaded: LoadedQuestionnaire,
    store: SessionStore, language: InterfaceLanguage
  ) throws {
    let app = App(questionnaire: loaded.questionnaire)
    var record = initial
    var state = app.makeState(record.wizardState(app.wizard), language: language)
    state.questionnaireDigest = loaded.digest
    if record.questionnaire.version != loaded.questionnaire.version {
      state.answeredUnderVersion = record.questionnaire.version
    }
    // What is on screen is what the file holds: it was just written or just read.
    state.wizard.saveStatus = .saved(record.metadata.updated)
    let warnings = record.warnings(against: loaded, language: language)
    if !warnings.isEmpty { state.notice = warnings.joined(separator: " · ") }
    // Saves append to the session's journal; it is folded into the file now and when leaving.
    let writer = SessionWriter(path: path, persisted: record)
    let questionnaire = loaded.questionnaire
    writer.abstractMaker = { $0.makeAbstract(questionnaire) }
    if writer.hasJournal {
      do { try writer.compact() } catch { state.notice = error.message(language) }
    }
    Signals.install()
    let terminal = NcursesTerminal(allowColor: allowColor)
    let runner = Runner(
      app: app, terminal: terminal, state: state,
      save: { wizardState in
        record.update(from: wizardState, questionnaire: loaded.questionnaire)
        do {
          try writer.save(record, changed: wizardState.unsaved.ids)
          return nil
        } catch {
          return (error as? LocalizedError)?.errorDescription ?? "\(error)"
        }
      },
      clock: now, signal: Signals.take)
    runner.run()
    terminal.end()
    let final = runner.state
    var lastSaveFailed: String?
    if case .failed(let message) = final.wizard.saveStatus { lastSaveFailed = message }
    if lastSaveFailed == nil {
      do {
        try writer.compact()
      } catch {
        warn(Messages.journalKept.format(language, error.message(language), writer.journalPath))
      }
    }
    writer.closeJournal()
    lock.release()
    for warning in warnings { warn(warning) }
    if let message = lastSaveFailed {
      throw fail(InteractiveError(Messages.lastSaveFailed.format(language, message, path)), language: language)
    }
    print(Phrase.quitMessage.format(language, path))
    print(Phrase.resumeHint.format(language, record.id))
    if let lost = runner.lostOnExit { warn(lost) }
    if final.wizard.phase == .finished, runner.endedBySignal == nil {
      print()
      let report = app.summaryReport(final)
      print(report.text(color: allowColor && isatty(STDOUT_FILENO) == 1), terminator: "")
    }
    if let number = runner.endedBySignal {
      throw ExitCode(128 + number)
    }
  }

  /// The start screen: choose a new assessment or a saved one. `reference` is the start
  /// screen's `--questionnaire`: the questionnaire of a new assessment, and the one to open (and
  /// count progress with) the saved sessions made with it.
  static func start(
    store: SessionStore, questionnaire reference: String?, language: InterfaceLanguage,
    offersNew: Bool
  ) throws {
    var preferred: LoadedQuestionnaire?
    do {
      if let reference { preferred = try BuiltinQuestionnaires.resolve(reference) }
    } catch {
      throw fail(error, language: language)
    }
    var menu = StartMenu(
      entries: entries(store: store, preferred: preferred, language: language), offersNew: offersNew,
      language: language)
    Signals.install()
    let terminal = NcursesTerminal(allowColor: allowColor)
    let choice = menu.run(on: terminal, signal: Signals.take)
    terminal.end()
    switch choice {
    case .quit:
      return
    case .new:
      do {
        let loaded = try preferred ?? BuiltinQuestionnaires.resolve(nil)
        let (record, path, lock) = try create(loaded, store: store)
        try run(record: record, path: path, lock: lock, loaded: loaded, store: store, language: language)
      } catch let error as StoreError {
        throw fail(error, language: language)
      }
    case .resume(let path):
      do {
        let (record, loaded, lock) = try open(path: path, store: store, questionnaire: nil, preferred: preferred)
        try run(record: record, path: path, lock: lock, loaded: loaded, store: store, language: language)
      } catch let error as StoreError {
        throw fail(error, language: language)
      }
    }
  }

  static func entries(
    store: SessionStore, preferred: LoadedQuestionnaire?, language: InterfaceLanguage
  ) -> [StartMenu.Entry] {
    var catalog = QuestionnaireCatalog(preferred: preferred)
    return store.list().compactMap { entry in
      guard case .success(let record) = entry.result else { return nil }
      var progress = "\(record.answers.values.filter(\.isAnswered).count)"
      if let questionnaire = catalog.questionnaire(for: record, sessionPath: entry.path) {
        let wizard = Wizard(questionnaire: questionnaire)
        let value = wizard.progress(record.wizardState(wizard))
        progress = "\(value.answered)/\(value.applicable)"
      }
      let provider = record.metadata.provider.isEmpty ? record.id : record.metadata.provider
      let service = record.metadata.service.isEmpty ? "" : " — " + record.metadata.service
      return StartMenu.Entry(
        path: entry.path, title: provider + service,
        detail: "\(progress)  \(List.format(record.metadata.updated))")
    }
  }
}
