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

/// Saves an open session as the assessor works: each save appends what changed to the session's
/// journal (`ID.journal`, one JSON line per save, flushed to disk before it counts), and
/// ``compact()`` folds the journal into the session file (atomic rewrite, then the journal
/// goes) when the session is opened, when it is left, and when the journal grows large.
/// The caller holds the session's lock (`SessionLock`).
///
/// Rewriting a 10,000-answer file on every keystroke-driven save costs far more than appending
/// one line; see docs/performance.md. Crash safety: a save either completed (its line is whole
/// and on disk) or did not (a line cut short is ignored when reading); a save that failed cuts
/// the journal back to where it was, or, when it cannot, makes the next save a full rewrite.
public final class SessionWriter {
  public let path: String
  public let journalPath: String
  /// What the files hold, as last saved.
  public private(set) var persisted: SessionRecord
  /// The journal is folded into the session file once it is larger than this.
  public let compactionThreshold: Int

  /// Makes the abstract written with each full rewrite (`list` reads it); without it, the file
  /// has none and `list` reads the whole file.
  public var abstractMaker: (@Sendable (SessionRecord) -> SessionAbstract?)?

  /// The name recorded with every change saved (``Person``); empty when unknown.
  public var person = ""

  /// The answers whose history this writer extended: a caller's record may hold an older copy of
  /// their history (the wizard's state never holds the entries the store adds), so the
  /// persisted one is kept for them.
  private var extended: Set<String> = []

  private var descriptor: Int32 = -1
  private var journalSize = 0
  private var mustRewrite = false

  /// `record` must be what the files at `path` hold (as ``SessionStore/load(path:)`` read it).
  public init(path: String, persisted record: SessionRecord, compactionThreshold: Int = 4 << 20) {
    self.path = path
    journalPath = SessionFile.journalPath(for: path)
    persisted = record
    self.compactionThreshold = compactionThreshold
    var info = stat()
    if lstat(journalPath, &info) == 0 { journalSize = Int(info.st_size) }
  }

  deinit { closeJournal() }

  /// Whether a journal is waiting to be folded into the session file.
  public var hasJournal: Bool {
    var info = stat()
    return lstat(journalPath, &info) == 0
  }

  /// Saves `record`: appends its changes to the journal, durably. `changed` names the answers
  /// that may have changed since the last successful save (all are compared when it is nil).
  /// Past the threshold, the journal is first folded into the file.
  ///
  /// Who changed what is recorded here, for every front end and command alike: each answer
  /// that differs from the last saved one gets an ``AnswerChange`` (by ``person``, at `date`,
  /// else at the record's last change, of `origins`' origin for it, else worked out by
  /// ``Answer/recordChange(from:at:by:origin:)``), and a changed identification an
  /// ``IdentificationChange``. The histories are the store's: those in `record` are not read.
  public func save(
    _ record: SessionRecord, changed: Set<String>? = nil,
    origins: [String: AnswerChange.Origin] = [:], at date: Date? = nil
  ) throws(StoreError) {
    if mustRewrite || journalSize > compactionThreshold {
      try compact()
    }
    let record = recordingChanges(
      record, changed: changed, origins: origins, at: date ?? record.metadata.updated)
    let line: Data
    do {
      line = try SessionFile.journalEntry(from: persisted, to: record, changed: changed)
    } catch {
      throw .writeFailed(path: journalPath, reason: "cannot encode the changes: \(error)")
    }
    try append(line)
    persisted = record
  }

  /// `record` with the persisted histories, extended by its changes from ``persisted``.
  private func recordingChanges(
    _ record: SessionRecord, changed: Set<String>?, origins: [String: AnswerChange.Origin],
    at date: Date
  ) -> SessionRecord {
    var record = record
    var identification = persisted.identificationHistory
    if let change = IdentificationChange.between(
      persisted.metadata, record.metadata, at: date, by: person)
    {
      identification.record(change)
    }
    if record.identificationHistory != identification {
      record.identificationHistory = identification
    }
    let candidates = changed ?? Set(record.answers.keys)
    for id in candidates {
      guard var answer = record.answers[id] else { continue }
      let old = persisted.answers[id]
      answer.recordChange(from: old, at: date, by: person, origin: origins[id])
      if answer.history != record.answers[id]?.history {
        record.answers[id] = answer
      }
      if answer.history != (old?.history ?? []) { extended.insert(id) }
    }
    for id in extended where !candidates.contains(id) {
      if let kept = persisted.answers[id]?.history, record.answers[id]?.history != kept {
        record.answers[id]?.history = kept
      }
    }
    return record
  }

  /// Rewrites the session file with what the file and journal hold together (atomically), then
  /// removes the journal. The file is rewritten with exactly the journal's last state, never a
  /// later one: a crash between the rename and the removal leaves a journal whose replay over
  /// the new file changes nothing (every line sets values that the file already holds last).
  public func compact() throws(StoreError) {
    closeJournal()
    removeStaleTemporaryFiles()
    let store = SessionStore(directory: (path as NSString).deletingLastPathComponent)
    var record = persisted
    if let abstractMaker { record.abstract = abstractMaker(record) }
    try store.save(record, to: path)
    mustRewrite = false
    journalSize = 0
    if unlink(journalPath) == 0 { AtomicFile.syncDirectory(of: path) }
  }

  /// Temporary files of rewrites that a killed process left (`.ID.json.PID.tmp`): the caller
  /// holds the session's lock, so no other process is writing one.
  private func removeStaleTemporaryFiles() {
    let directory = (path as NSString).deletingLastPathComponent
    let prefix = "." + (path as NSString).lastPathComponent + "."
    guard
      let names = try? FileManager.default.contentsOfDirectory(
        atPath: directory.isEmpty ? "." : directory)
    else { return }
    for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
      unlink((directory.isEmpty ? "." : directory) + "/" + name)
    }
  }

  /// Closes the journal file; the lock is the caller's.
  public func closeJournal() {
    if descriptor >= 0 {
      close(descriptor)
      descriptor = -1
    }
  }

  private func append(_ line: Data) throws(StoreError) {
    var created = false
    if descriptor < 0 {
      var info = stat()
      if lstat(journalPath, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
        throw .notARegularFile(path: journalPath)
      }
      created = lstat(journalPath, &info) != 0
      descriptor = open(journalPath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0o600)
      guard descriptor >= 0 else {
        throw .writeFailed(path: journalPath, reason: String(cString: strerror(errno)))
      }
      journalSize = Int(lseek(descriptor, 0, SEEK_END))
    }
    var failure = SessionStore.writeAll(line, to: descriptor)
    if failure == nil, fdatasync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
    if let failure {
      // Take the partial line back, so that the next line starts clean; if even that fails,
      // the next save rewrites the session file instead of appending.
      if ftruncate(descriptor, off_t(journalSize)) != 0 { mustRewrite = true }
      closeJournal()
      throw .writeFailed(path: journalPath, reason: failure)
    }
    journalSize += line.count
    if created { AtomicFile.syncDirectory(of: journalPath) }
  }
}
