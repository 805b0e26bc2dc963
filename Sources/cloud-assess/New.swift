import ArgumentParser
import AssessmentCore
import AssessmentStore
import Foundation

struct New: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Start a new assessment in the wizard.")

  @Option(help: ArgumentHelp("A built-in questionnaire id or a YAML file (default: the built-in one; with --from, the previous session's).", valueName: "id|path"))
  var questionnaire: String?

  @Option(
    name: .customLong("from"),
    help: ArgumentHelp(
      "Re-assess: start from a previous session (id or path), carrying its answers to re-verify; the previous session is not changed.",
      valueName: "session"))
  var from: String?

  @OptionGroup var sessions: SessionsOptions
  @OptionGroup var interface: InterfaceOptions

  func run() throws {
    let language = interface.resolvedLanguage
    let store = sessions.store
    if let from {
      // The previous session is read (and refused when damaged or newer) before anything else.
      do {
        let sourcePath = try store.path(for: from)
        let source = try store.load(path: sourcePath)
        let loaded = try questionnaire.map { try BuiltinQuestionnaires.resolve($0) }
          ?? SessionQuestionnaire.resolve(source, sessionPath: sourcePath)
        try Interactive.requireTerminal(language: language)
        let (record, path, lock) = try Reassessment.create(
          from: source, sourcePath: sourcePath, loaded: loaded, store: store, language: language)
        try Interactive.run(record: record, path: path, lock: lock, loaded: loaded, store: store, language: language)
      } catch let error as StoreError {
        throw fail(error, language: language)
      }
      return
    }
    try Interactive.requireTerminal(language: language)
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

/// Creating next year's session from a previous one (`new --from`).
enum Reassessment {
  static func create(
    from source: SessionRecord, sourcePath: String, loaded: LoadedQuestionnaire, store: SessionStore,
    language: InterfaceLanguage
  ) throws(StoreError) -> (SessionRecord, String, SessionLock) {
    try store.ensureDirectory()
    let date = Interactive.now()
    let absolute = sourcePath.hasPrefix("/") ? sourcePath : FileManager.default.currentDirectoryPath + "/" + sourcePath
    for _ in 0..<16 {
      let id = SessionStore.newID(at: date)
      let path = try store.path(for: id)
      guard !FileManager.default.fileExists(atPath: path) else { continue }
      let lock = try SessionLock.acquire(sessionPath: path)
      let (record, removed) = SessionRecord.carried(
        from: source, sourcePath: absolute, id: id, questionnaire: loaded, at: date)
      try store.save(record, to: path)
      let carried = record.answers.values.filter(\.reverify).count
      print(PlanPhrase.carriedFrom.format(language, id, source.id, carried))
      if !removed.isEmpty {
        warn(PlanPhrase.carriedRemoved.format(language, removed.count, removed.joined(separator: ", ")))
      }
      return (record, path, lock)
    }
    throw .writeFailed(path: store.directory, reason: "could not find a free session id")
  }
}
