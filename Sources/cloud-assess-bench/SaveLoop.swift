import AssessmentCore
import AssessmentStore
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The process the reliability tests kill: it saves a session over and over through the real
/// `SessionWriter`, exactly as the wizard does, and reports each save once it has completed.
///
/// Save `n` turns the session into ``expected(_:)``, a pure function of `n`, so that whoever
/// kills this process can tell whether the file holds the state before or after the save that
/// was under way.
enum SaveLoop {
  static let rotatingAnswers = 20

  /// The session after save `n` (0: as created).
  static func expected(_ n: Int) -> SessionRecord {
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    var answers: [String: Answer] = [:]
    if n > 0 {
      answers["counter"] = Answer(
        value: .number(Double(n)), answeredAt: start.addingTimeInterval(Double(n)))
    }
    for slot in 0..<rotatingAnswers {
      // The last save that touched this slot.
      let last = n - ((n - slot) % rotatingAnswers + rotatingAnswers) % rotatingAnswers
      guard last >= 1 else { continue }
      let padding = String(repeating: "é", count: (last * 37) % 700)
      answers["slot_\(slot)"] = Answer(
        value: .choice(["compliant", "partial", "noncompliant", "unknown"][last % 4]),
        note: "round \(last) \(padding)",
        evidence: last % 3 == 0 ? [EvidenceRecord(reference: "contrat §\(last)")] : [],
        flagged: last % 5 == 0, answeredAt: start.addingTimeInterval(Double(last)),
        // Format 2's fields, so that the crash tests cover them too.
        action: last % 2 == 0
          ? PlanAction(
            owner: "owner \(last)", dueDate: "2027-01-\(10 + last % 18)",
            status: ActionStatus.allCases[last / 2 % 4],
            reference: "T-\(last)", acceptedBy: last % 8 == 6 ? "CISO" : "",
            acceptanceReason: last % 8 == 6 ? "why \(last)" : "")
          : nil,
        reverify: last % 7 == 0)
    }
    return SessionRecord(
      id: "torture",
      questionnaire: QuestionnaireReference(
        id: "synthetic", version: "1", digest: String(repeating: "0", count: 64)),
      metadata: SessionMetadata(
        organisation: "Torture", assessor: "Test", provider: "P", service: "S", created: start,
        updated: start.addingTimeInterval(Double(n))),
      phase: .questions, cursorQuestionID: n > 0 ? "slot_\(n % rotatingAnswers)" : nil,
      answers: answers)
  }

  /// The `n` whose expected state the record is, if any.
  static func round(of record: SessionRecord) -> Int? {
    let record = content(record)
    guard case .number(let value)? = record.answers["counter"]?.value else {
      return record == expected(0) ? 0 : nil
    }
    let n = Int(value)
    return record == expected(n) ? n : nil
  }

  /// A record without the histories the store adds as it saves: what a round sets, and what a
  /// killed save must leave whole.
  static func content(_ record: SessionRecord) -> SessionRecord {
    var record = record
    record.identificationHistory = []
    for id in record.answers.keys { record.answers[id]?.history = [] }
    return record
  }

  /// Saves rounds after the one the file holds, `count` of them (forever when nil), printing
  /// `saved N` after each. With `fileSizeLimit`, the first save refused by the limit prints
  /// `refused N: message` and a check of the files; the limit is then lifted and the loop goes on.
  static func run(path: String, count: Int?, fileSizeLimit: Int?, compactionThreshold: Int) throws {
    let directory = (path as NSString).deletingLastPathComponent
    let store = SessionStore(directory: directory)
    var current: SessionRecord
    if FileManager.default.fileExists(atPath: path) {
      current = try store.load(path: path)
    } else {
      current = expected(0)
      try store.save(current, to: path)
    }
    guard var n = round(of: current) else {
      throw ValidationErrorMessage("\(path) holds neither the state before nor after any save")
    }
    let writer = SessionWriter(
      path: path, persisted: current, compactionThreshold: compactionThreshold)
    if writer.hasJournal { try writer.compact() }
    if let fileSizeLimit {
      signal(SIGXFSZ, SIG_IGN)
      try setFileSizeLimit(fileSizeLimit)
    }
    var limited = fileSizeLimit != nil
    var done = 0
    while count.map({ done < $0 }) ?? true {
      let next = expected(n + 1)
      let changed = Set(next.answers.keys).union(current.answers.keys).filter {
        next.answers[$0] != current.answers[$0]
      }
      do {
        try writer.save(next, changed: changed)
      } catch {
        guard limited else { throw error }
        say("refused \(n + 1): \(error.localizedDescription)")
        // The files still hold save n, and what was to be saved is still here, in memory.
        let onDisk = try store.load(path: path)
        say(content(onDisk) == content(current) ? "files hold \(n)" : "files DAMAGED")
        try setFileSizeLimit(nil)
        limited = false
        try writer.save(next, changed: changed)
        let after = try store.load(path: path)
        say(content(after) == content(next) ? "retried \(n + 1)" : "retry LOST")
      }
      n += 1
      current = next
      done += 1
      say("saved \(n)")
    }
  }

  private static func setFileSizeLimit(_ bytes: Int?) throws {
    var limit = rlimit()
    getrlimit(resourceFileSize, &limit)
    limit.rlim_cur = bytes.map { rlim_t($0) } ?? limit.rlim_max
    guard setrlimit(resourceFileSize, &limit) == 0 else {
      throw ValidationErrorMessage("setrlimit(RLIMIT_FSIZE): \(String(cString: strerror(errno)))")
    }
  }

  #if os(Linux)
    private static let resourceFileSize = __rlimit_resource_t(RLIMIT_FSIZE.rawValue)
  #else
    private static let resourceFileSize = RLIMIT_FSIZE
  #endif

  /// Checks that the session at `path` holds save `reported` or `reported + 1`.
  static func verify(path: String, reported: Int) throws {
    let record = try SessionStore(directory: (path as NSString).deletingLastPathComponent).load(
      path: path)
    guard let n = round(of: record) else {
      throw ValidationErrorMessage(
        "\(path) holds neither save \(reported) nor save \(reported + 1): damaged")
    }
    guard n == reported || n == reported + 1 else {
      throw ValidationErrorMessage("\(path) holds save \(n), but save \(reported) had completed")
    }
    say("holds \(n)")
  }
}

/// One line on standard output, written at once (no buffer for a kill to lose).
private func say(_ line: String) {
  FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

struct ValidationErrorMessage: LocalizedError {
  var errorDescription: String?
  init(_ message: String) { errorDescription = message }
}
