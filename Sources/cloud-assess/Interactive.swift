import ArgumentParser
import AssessmentCore
import AssessmentFrontEnd
import AssessmentPlain
import AssessmentReports
import AssessmentStore
import AssessmentTUI
import Foundation
import SystemSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension InterfaceLanguage: ExpressibleByArgument {}

/// Options of the interactive commands.
struct InterfaceOptions: ParsableArguments {
  @Option(
    name: .customLong("lang"),
    help: "Interface and content language: fr, en or nl (default: from LC_ALL, LC_MESSAGES, LANG).")
  var language: InterfaceLanguage?

  @Flag(
    help:
      "Plain mode: one prompt at a time as lines, answers read line by line from standard input (also with CLOUD_ASSESS_PLAIN=1 or ACCESSIBLE=1, and by itself when TERM is dumb or unset, or without a terminal)."
  )
  var plain = false

  var resolvedLanguage: InterfaceLanguage {
    language ?? InterfaceLanguage.from(variable: ProcessEnvironment.value)
  }
}

/// The front end the wizard runs in: chosen by the command line, before any session is created.
enum FrontEnd {
  case curses(NcursesTerminal)
  /// `ascii`: the locale is not UTF-8.
  case plain(ascii: Bool)

  /// Restores the terminal, if curses has it; safe to call more than once.
  func end() {
    if case .curses(let terminal) = self { terminal.end() }
  }
}

/// Choosing the front end, running the wizard in it on a session the store opened, and leaving:
/// shared by `new`, `resume` and the start screen.
enum Interactive {
  static var allowColor: Bool {
    ProcessEnvironment.value("NO_COLOR").map(\.isEmpty) ?? true
  }

  static func now() -> Date {
    // Milliseconds: what the session file keeps, so a saved state reloads equal.
    Date(timeIntervalSince1970: (Date().timeIntervalSince1970 * 1000).rounded(.down) / 1000)
  }

  /// Plain mode when asked for (`--plain`, `CLOUD_ASSESS_PLAIN=1`, or `ACCESSIBLE=1`: the
  /// convention of terminal form libraries for screen readers), when `TERM` is `dumb` or
  /// unset, when standard input or output is not a terminal, or when curses cannot start on the
  /// terminal (unknown to terminfo) or is not installed (both said on standard error); the
  /// full-screen wizard otherwise.
  static func chooseFrontEnd(plain: Bool, language: InterfaceLanguage) -> FrontEnd {
    func set(_ name: String) -> Bool {
      ProcessEnvironment.value(name).map { !$0.isEmpty && $0 != "0" } ?? false
    }
    let asked = plain || set("CLOUD_ASSESS_PLAIN") || set("ACCESSIBLE")
    let term = ProcessEnvironment.value("TERM") ?? ""
    if asked || term.isEmpty || term == "dumb" || isatty(STDIN_FILENO) != 1
      || isatty(STDOUT_FILENO) != 1
    {
      return .plain(ascii: TerminalLocale.setUp() == .ascii)
    }
    if let terminal = NcursesTerminal.start(allowColor: allowColor) { return .curses(terminal) }
    warn(
      NcursesTerminal.libraryAvailable
        ? Messages.unknownTerminal.format(language, term) : Messages.cursesMissing.text(language),
      language: language)
    return .plain(ascii: TerminalLocale.setUp() == .ascii)
  }

  /// Runs the wizard on an open session until the assessor leaves, then closes the session;
  /// prints where the session is and, when the assessment was finished, the summary.
  /// `reader`: the standard input's reader when plain mode already read from it (the start
  /// screen), so that the lines it buffered are not lost.
  static func run(
    _ session: OpenSession, store: SessionStore, frontEnd: FrontEnd, language: InterfaceLanguage,
    reader: LineReader = LineReader()
  ) throws {
    let loaded = session.questionnaire
    var app = App(questionnaire: loaded.questionnaire, fileDigest: EvidenceFiles.digest(ofFileAt:))
    // A re-assessment's summary shows the changes since the previous one, read once here.
    app.previous = session.record.previous.map { store.previousSession($0, asOf: now()) }
    var state = app.makeState(session.wizardState(app.wizard), language: language)
    state.questionnaireDigest = loaded.digest
    state.person = session.person.name
    if session.record.questionnaire.version != loaded.questionnaire.version {
      state.answeredUnderVersion = session.record.questionnaire.version
    }
    // What is shown is what the file holds: it was just written or just read.
    state.wizard.saveStatus = .saved(session.record.metadata.updated)
    let warnings = session.record.warnings(against: loaded, language: language)
    var notices = warnings
    if let problem = session.openingProblem { notices.append(problem.message(language)) }
    if !notices.isEmpty { state.notice = notices.joined(separator: " · ") }
    let save: (WizardState) -> String? = { wizardState in
      do throws(StoreError) {
        try session.save(wizardState)
        return nil
      } catch {
        return error.message(language)
      }
    }
    state.signOffs = session.record.signOffs
    // Management's decision (the summary's D, plain mode's `decision`): recorded by the store.
    let recordSignOff: (SignOffDraft) -> SignOffOutcome = { draft in
      do throws(StoreError) {
        _ = try session.recordSignOff(
          by: draft.by, role: draft.role, decision: draft.decision, reference: draft.reference,
          on: draft.on, conditions: draft.conditions, at: now())
        return .recorded(session.record.signOffs)
      } catch {
        return .failed(error.message(language))
      }
    }
    Signals.install()
    let final: AppState
    var endedBySignal: Int32?
    var lost: String?
    var refused: String?
    switch frontEnd {
    case .curses(let terminal):
      let runner = Runner(
        app: app, terminal: terminal, state: state, save: save, clock: now, signal: Signals.take,
        editor: { text in ExternalEditor.edit(text, around: terminal, language: language) },
        recordSignOff: recordSignOff)
      runner.run()
      terminal.end()
      (final, endedBySignal, lost) = (runner.state, runner.endedBySignal, runner.lostOnExit)
    case .plain(let ascii):
      let interactive = isatty(STDIN_FILENO) == 1
      let who =
        session.person.name.isEmpty
        ? TeamPhrase.personUnknown.text(language) : session.person.name
      let said = TeamPhrase.personIs.format(language, who) + "\n"
      writeOut(ascii ? ASCIIText.fold(said) : said)
      let runner = PlainRunner(
        session: PlainSession(app: app, state: state), reader: reader,
        write: { writeOut($0) }, ascii: ascii, echo: !interactive,
        stopOnRefusal: !interactive, save: save, clock: now, signal: Signals.take,
        recordSignOff: recordSignOff)
      let outcome = runner.run()
      (final, endedBySignal, refused) = (outcome.state, outcome.endedBySignal, outcome.refused)
    }
    var lastSaveFailed: String?
    if case .failed(let message) = final.wizard.saveStatus { lastSaveFailed = message }
    let closing = session.close(final: final.wizard, lastSaveFailed: lastSaveFailed != nil)
    if case .kept(let journal?) = closing {
      warn(
        Messages.journalKept.format(language, journal.message(language), session.journalPath),
        language: language)
    }
    for warning in warnings { warn(warning, language: language) }
    if let message = lastSaveFailed {
      throw fail(
        InteractiveError(Messages.lastSaveFailed.format(language, message, session.path)),
        language: language)
    }
    // Without UTF-8, what the wizard prints is in ASCII to the end.
    let ascii: Bool
    switch frontEnd {
    case .plain(let plainASCII): ascii = plainASCII
    case .curses(let terminal): ascii = terminal.ascii
    }
    func say(_ text: String) { print(ascii ? ASCIIText.fold(text) : text) }
    if closing == .discarded {
      warn(Messages.nothingKept.text(language), language: language)
    } else {
      say(Phrase.quitMessage.format(language, session.path))
      say(Phrase.resumeHint.format(language, session.id))
    }
    if let lost { warn(lost, language: language) }
    if case .curses = frontEnd, final.wizard.phase == .finished, endedBySignal == nil {
      print()
      let report = app.summaryReport(final)
      print(report.text(color: allowColor && isatty(STDOUT_FILENO) == 1), terminator: "")
    }
    if let refused {
      throw fail(InteractiveError(refused), language: language)
    }
    if let number = endedBySignal {
      throw ExitCode(128 + number)
    }
  }

  struct InteractiveError: LocalizedError {
    var errorDescription: String?
    init(_ message: String) { errorDescription = message }
  }

  /// Creates a new assessment and runs it; the front end is already working, so that nothing is
  /// created on a terminal where the wizard cannot run.
  static func runNew(
    _ loaded: LoadedQuestionnaire, store: SessionStore, frontEnd: FrontEnd,
    language: InterfaceLanguage,
    reader: LineReader = LineReader()
  ) throws {
    let session: OpenSession
    do {
      session = try store.create(loaded, at: now())
    } catch {
      frontEnd.end()
      throw fail(error, language: language)
    }
    try run(session, store: store, frontEnd: frontEnd, language: language, reader: reader)
  }

  /// The start screen: choose a new assessment or a saved one. `reference` is the start
  /// screen's `--questionnaire`: the questionnaire of a new assessment, and the one to open (and
  /// count progress with) the saved sessions made with it.
  static func start(
    store: SessionStore, questionnaire reference: String?, language: InterfaceLanguage,
    offersNew: Bool, plain: Bool
  ) throws {
    var preferred: LoadedQuestionnaire?
    do {
      if let reference { preferred = try BuiltinQuestionnaires.resolve(reference) }
    } catch {
      throw fail(error, language: language)
    }
    let menu = StartMenu(
      entries: entries(store: store, preferred: preferred, language: language),
      offersNew: offersNew,
      language: language)
    Signals.install()
    let frontEnd = chooseFrontEnd(plain: plain, language: language)
    let reader = LineReader()
    let choice: StartMenu.Choice
    switch frontEnd {
    case .curses(let terminal):
      var curses = menu
      choice = curses.run(on: terminal, signal: Signals.take)
    case .plain(let ascii):
      let interactive = isatty(STDIN_FILENO) == 1
      choice = PlainMenu.run(
        menu, reader: reader, write: { writeOut($0) }, ascii: ascii,
        echo: !interactive, signal: Signals.take)
    }
    switch choice {
    case .quit:
      frontEnd.end()
      return
    case .new:
      let loaded: LoadedQuestionnaire
      do {
        loaded = try preferred ?? BuiltinQuestionnaires.resolve(nil)
      } catch {
        frontEnd.end()
        throw fail(error, language: language)
      }
      try runNew(loaded, store: store, frontEnd: frontEnd, language: language, reader: reader)
    case .resume(let path):
      let session: OpenSession
      do {
        session = try store.openForWriting(path: path, questionnaire: nil, preferred: preferred)
      } catch {
        frontEnd.end()
        throw fail(error, language: language)
      }
      try run(session, store: store, frontEnd: frontEnd, language: language, reader: reader)
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
