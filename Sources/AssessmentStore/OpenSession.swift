import AssessmentCore
import AssessmentReports
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
  /// The person the changes are recorded for (shown in the wizard's header).
  public let person: Person

  private let writer: SessionWriter
  private var lock: SessionLock?

  init(
    path: String, record: SessionRecord, questionnaire: LoadedQuestionnaire, lock: SessionLock,
    isNew: Bool, person: Person
  ) {
    self.path = path
    self.record = record
    self.questionnaire = questionnaire
    self.lock = lock
    self.isNew = isNew
    self.person = person
    writer = SessionWriter(path: path, persisted: record)
    writer.person = person.name
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
    try writer.save(next, changed: state.unsaved.ids, origins: state.unsaved.origins)
    record = writer.persisted
  }

  /// Records management's decision (``SignOff``) on what the files hold now, made by
  /// ``person`` at `date`; `problem` refusals are the caller's to check first
  /// (``SignOff/problem(by:role:decision:reference:on:conditions:summary:today:)``). The file
  /// is rewritten at once (not only journalled): a decision is rare, and the file then shows it
  /// to the next `git commit`. The previous decisions stay, the new one last.
  public func recordSignOff(
    by: String, role: String, decision: SignOff.Decision, reference: String, on day: String,
    conditions: String, at date: Date
  ) throws(StoreError) -> SignOff {
    let signOff = SignOff(
      by: by.trimmed, role: role.trimmed, decision: decision, reference: reference.trimmed,
      on: day.trimmed, conditions: decision == .acceptWithConditions ? conditions.trimmed : "",
      contentDigest: ContentDigest.hex(of: record.answers), recordedAt: date,
      recordedBy: person.name)
    var next = record
    next.signOffs.append(signOff)
    try writer.save(next, changed: [], at: date)
    try writer.compact()
    record = writer.persisted
    return signOff
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

  /// Leaves the session without writing anything (a command that refused what it was asked):
  /// the journal, if any, stays to be folded in at the next opening; the lock is released.
  public func release() {
    writer.closeJournal()
    lock?.release()
    lock = nil
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
    return try create(loaded, at: date) { id, _ in
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
    let session = try create(loaded, at: date) { id, person in
      let carried = SessionRecord.carried(
        from: source, sourcePath: absolute, id: id, questionnaire: loaded, at: date,
        by: person.name)
      removed = carried.removed
      return carried.record
    }
    return (session, removed)
  }

  /// A free session id, its file written with `make(id)` (and the abstract the list reads) under
  /// a lock, opened for writing.
  private func create(
    _ loaded: LoadedQuestionnaire, at date: Date,
    making make: (String, Person) -> SessionRecord
  ) throws(StoreError) -> OpenSession {
    try ensureDirectory()
    for _ in 0..<16 {
      let id = SessionStore.newID(at: date)
      let path = try path(for: id)
      guard !FileManager.default.fileExists(atPath: path) else { continue }
      let lock = try SessionLock.acquire(sessionPath: path)
      let person = person(forSessionAt: path)
      var record = make(id, person)
      record.abstract = record.makeAbstract(loaded.questionnaire)
      try save(record, to: path)
      return OpenSession(
        path: path, record: record, questionnaire: loaded, lock: lock, isNew: true,
        person: person)
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
    return OpenSession(
      path: path, record: record, questionnaire: loaded, lock: lock, isNew: false,
      person: person(forSessionAt: path))
  }
}
