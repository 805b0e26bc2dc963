import AssessmentCore
import Foundation
import SystemSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A session open for writing, whatever front end works on it: the lock held, the journal
/// folded into the file, the writer ready. Every front end opens, saves and closes a session
/// through this one handle (``SessionStore/create(_:at:)``, ``SessionStore/openForWriting(path:questionnaire:preferred:)``),
/// so the command line only chooses the front end.
///
/// It wraps ``SessionWriter`` and ``SessionLock`` without changing what they write.
public final class OpenSession {
  public let path: String
  public let questionnaire: LoadedQuestionnaire
  /// What the files hold, as last saved.
  public private(set) var record: SessionRecord
  /// Whether this process created the session (a new assessment).
  public let isNew: Bool
  /// A journal that could not be folded in when opening: the session is usable (the journal is
  /// part of ``record``, and saves keep appending), but the assessor should be told.
  public let openingProblem: StoreError?

  private let writer: SessionWriter
  private var lock: SessionLock?

  init(
    path: String, record: SessionRecord, questionnaire: LoadedQuestionnaire, lock: SessionLock,
    isNew: Bool
  ) {
    self.path = path
    self.record = record
    self.questionnaire = questionnaire
    self.lock = lock
    self.isNew = isNew
    writer = SessionWriter(path: path, persisted: record)
    // Every rewrite refreshes the abstract the session list reads (verdict, actions).
    let model = questionnaire.questionnaire
    writer.abstractMaker = { $0.makeAbstract(model) }
    var problem: StoreError?
    if writer.hasJournal {
      do throws(StoreError) { try writer.compact() } catch { problem = error }
    }
    openingProblem = problem
  }

  deinit {
    writer.closeJournal()
    lock?.release()
  }

  public var id: String { record.id }
  public var journalPath: String { writer.journalPath }

  /// The wizard state the session reopens into.
  public func wizardState(_ wizard: Wizard) -> WizardState {
    record.wizardState(wizard)
  }

  /// Saves the wizard's state: one line appended to the journal, durably. On failure the files
  /// keep the previous state and the error says why.
  public func save(_ state: WizardState) throws(StoreError) {
    var next = record
    next.update(from: state, questionnaire: questionnaire.questionnaire)
    try writer.save(next, changed: state.unsaved.ids)
    record = next
  }

  /// How a session was left.
  public enum Closing: Equatable, Sendable {
    /// The file holds everything; `journalKept` when the journal could not be folded in (every
    /// answer is in it, and the next opening folds it).
    case kept(journalKept: StoreError?)
    /// A new assessment left before anything was entered: its files were removed.
    case discarded
  }

  /// Leaves the session: folds the journal into the file (unless the last save failed, when the
  /// file and journal are left as they are), closes the journal and releases the lock. A new
  /// assessment left with nothing entered (`final` as it started) is removed, so that no empty
  /// session is left behind.
  @discardableResult
  public func close(final state: WizardState, lastSaveFailed: Bool) -> Closing {
    defer {
      writer.closeJournal()
      lock?.release()
      lock = nil
    }
    if isNew, !lastSaveFailed, Self.isUntouched(state) {
      writer.closeJournal()
      unlink(writer.journalPath)
      unlink(path)
      if let lock { unlink(lock.path) }
      AtomicFile.syncDirectory(of: path)
      return .discarded
    }
    guard !lastSaveFailed else { return .kept(journalKept: nil) }
    do throws(StoreError) {
      try writer.compact()
      return .kept(journalKept: nil)
    } catch {
      return .kept(journalKept: error)
    }
  }

  /// Nothing entered: still on the identification form, every field blank, no answer.
  static func isUntouched(_ state: WizardState) -> Bool {
    state.phase == .identification && state.answers.isEmpty
      && SessionMetadata.Field.allCases.allSatisfy { state.metadata[$0].isEmpty }
  }
}

extension SessionStore {
  /// Creates the session file of a new assessment (in a directory created if needed) and opens
  /// it for writing.
  public func create(_ loaded: LoadedQuestionnaire, at date: Date) throws(StoreError) -> OpenSession
  {
    let wizard = Wizard(questionnaire: loaded.questionnaire)
    return try create(loaded, at: date) { id in
      SessionRecord(id: id, questionnaire: loaded, state: wizard.start(at: date))
    }
  }

  /// Creates next year's session from a previous one (`new --from`): its answers carried to
  /// re-verify, mapped by question id; `removed` names the answers of questions the
  /// questionnaire no longer has. The source is never written.
  public func createReassessment(
    from source: SessionRecord, sourcePath: String, _ loaded: LoadedQuestionnaire, at date: Date
  ) throws(StoreError) -> (session: OpenSession, removed: [String]) {
    let absolute =
      sourcePath.hasPrefix("/")
      ? sourcePath : FileManager.default.currentDirectoryPath + "/" + sourcePath
    var removed: [String] = []
    let session = try create(loaded, at: date) { id in
      let carried = SessionRecord.carried(
        from: source, sourcePath: absolute, id: id, questionnaire: loaded, at: date)
      removed = carried.removed
      return carried.record
    }
    return (session, removed)
  }

  /// A free session id, its file written with `make(id)` (and the abstract the list reads) under
  /// a lock, opened for writing.
  private func create(
    _ loaded: LoadedQuestionnaire, at date: Date, making make: (String) -> SessionRecord
  ) throws(StoreError) -> OpenSession {
    try ensureDirectory()
    for _ in 0..<16 {
      let id = SessionStore.newID(at: date)
      let path = try path(for: id)
      guard !FileManager.default.fileExists(atPath: path) else { continue }
      let lock = try SessionLock.acquire(sessionPath: path)
      var record = make(id)
      record.abstract = record.makeAbstract(loaded.questionnaire)
      try save(record, to: path)
      return OpenSession(path: path, record: record, questionnaire: loaded, lock: lock, isNew: true)
    }
    throw .writeFailed(path: directory, reason: "could not find a free session id")
  }

  /// Opens a saved session for writing: lock first, then read, so no other process changes it
  /// between the two; then the journal is folded in. `reference` is an explicit
  /// `--questionnaire` (it must be the session's); `preferred`, a questionnaire already loaded,
  /// is used when it is the session's. A session whose questionnaire file was given at a new
  /// place remembers that place.
  public func openForWriting(
    path: String, questionnaire reference: String?, preferred: LoadedQuestionnaire? = nil
  ) throws(StoreError) -> OpenSession {
    // Read once before locking, so that a damaged file is reported as such rather than as a lock.
    _ = try load(path: path)
    let lock = try SessionLock.acquire(sessionPath: path)
    var record = try load(path: path)
    let loaded = try SessionQuestionnaire.resolve(
      record, sessionPath: path, explicit: reference, preferred: preferred)
    if let relocated = SessionQuestionnaire.relocated(record, to: loaded) {
      // The journal, if any, is already part of `record`; replaying it over the rewritten file
      // changes nothing.
      try save(relocated, to: path)
      record = relocated
    }
    return OpenSession(path: path, record: record, questionnaire: loaded, lock: lock, isNew: false)
  }
}
