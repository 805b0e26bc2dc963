import AssessmentCore
import Foundation
import QuestionnaireFormat
import SystemSupport

/// Which questionnaire a session was made with.
public struct QuestionnaireReference: Equatable, Sendable, Codable {
  public var id: String
  public var version: String
  /// SHA-256 of the questionnaire source, lowercase hex.
  public var digest: String
  /// The absolute path of the questionnaire's YAML file, for one that is not built in (nil for a
  /// built-in one, and in files written before the field existed).
  public var path: String?

  public init(id: String, version: String, digest: String, path: String? = nil) {
    self.id = id
    self.version = version
    self.digest = digest
    self.path = path
  }
}

/// A saved assessment, as the session file holds it.
public struct SessionRecord: Equatable, Sendable {
  public var id: String
  public var questionnaire: QuestionnaireReference
  public var metadata: SessionMetadata
  public var phase: Phase
  /// The question the assessor was on, by id (positions change when a questionnaire does).
  public var cursorQuestionID: String?
  public var answers: [String: Answer]
  /// The assessment this one re-assesses (`new --from`), when it is one.
  public var previous: PreviousAssessment?
  /// What `list` shows, derived from the rest when the file is rewritten with its questionnaire
  /// at hand; nil when unknown or out of date (see ``SessionAbstract``).
  public var abstract: SessionAbstract?
  /// Who changed the identification, and when, oldest first.
  public var identificationHistory: [IdentificationChange]
  /// Management's decisions on the assessment, oldest first; the last is the current one.
  public var signOffs: [SignOff]
  /// The file was read without the answers' histories (``SessionStore/load(path:histories:)``
  /// with `.skipped`, for a summary or a list): every answer's `history` is empty here, and the
  /// record cannot be written.
  public var historiesOmitted = false

  public init(
    id: String, questionnaire: QuestionnaireReference, metadata: SessionMetadata, phase: Phase,
    cursorQuestionID: String?, answers: [String: Answer], previous: PreviousAssessment? = nil,
    abstract: SessionAbstract? = nil, identificationHistory: [IdentificationChange] = [],
    signOffs: [SignOff] = []
  ) {
    self.id = id
    self.questionnaire = questionnaire
    self.metadata = metadata
    self.phase = phase
    self.cursorQuestionID = cursorQuestionID
    self.answers = answers
    self.previous = previous
    self.abstract = abstract
    self.identificationHistory = identificationHistory
    self.signOffs = signOffs
  }
}

/// The assessment a re-assessment started from: its id and the path of its file when created.
public struct PreviousAssessment: Equatable, Sendable, Codable {
  public var id: String
  public var path: String

  public init(id: String, path: String) {
    self.id = id
    self.path = path
  }
}

/// What `list` needs of a session, written at the top of the session file (its first key in
/// sorted order) so that listing reads a few kilobytes per file instead of decoding it all. It is
/// derived data: written together with the rest of the file, and ignored when a journal holds
/// later changes, when it is absent, or when it was written by another format version.
public struct SessionAbstract: Equatable, Sendable, Codable {
  /// The format version of the file that holds it.
  public var format: Int
  /// The id of the session's questionnaire.
  public var questionnaire: String
  public var organisation: String
  public var provider: String
  public var service: String
  public var created: Date
  public var updated: Date
  public var phase: String
  public var answered: Int
  public var applicable: Int
  /// The verdict as of the last change (`acceptable`, `acceptable_with_conditions`,
  /// `not_acceptable`).
  public var verdict: String
  /// The due dates of the pending actions (`""` when undated), to count the overdue ones on any day.
  public var pendingDue: [String]
  /// The first day after the last change on which a derogation or a risk acceptance expires:
  /// from that day on the verdict recorded here may be out of date, and `list` recomputes it.
  public var recheckFrom: String?
  /// Management's decision in force, and whether the content changed since it (absent without
  /// one).
  public var decision: DecisionAbstract?

  public init(
    format: Int = SessionFile.schemaVersion, questionnaire: String, organisation: String,
    provider: String, service: String,
    created: Date, updated: Date, phase: String, answered: Int, applicable: Int, verdict: String,
    pendingDue: [String], recheckFrom: String?, decision: DecisionAbstract? = nil
  ) {
    self.format = format
    self.questionnaire = questionnaire
    self.organisation = organisation
    self.provider = provider
    self.service = service
    self.created = created
    self.updated = updated
    self.phase = phase
    self.answered = answered
    self.applicable = applicable
    self.verdict = verdict
    self.pendingDue = pendingDue
    self.recheckFrom = recheckFrom
    self.decision = decision
  }
}

/// What `list` shows of the decision in force: the decision, its day, who took it, and how
/// many answers changed since (``DecisionStanding``), as of the file's last change.
public struct DecisionAbstract: Equatable, Sendable, Codable {
  /// `accept`, `accept_with_conditions`, `refuse`.
  public var decision: String
  public var on: String
  public var by: String
  /// Whether the content differs from the one decided on.
  public var outOfDate: Bool
  /// The answers changed since (0 when unknown or unchanged).
  public var changedSince: Int

  public init(decision: String, on: String, by: String, outOfDate: Bool, changedSince: Int) {
    self.decision = decision
    self.on = on
    self.by = by
    self.outOfDate = outOfDate
    self.changedSince = changedSince
  }

  enum CodingKeys: String, CodingKey {
    case decision, on, by, outOfDate = "out_of_date", changedSince = "changed_since"
  }

  public init(_ standing: DecisionStanding) {
    self.init(
      decision: standing.current.decision.rawValue, on: standing.current.on,
      by: standing.current.by, outOfDate: standing.contentChanged,
      changedSince: standing.answersChangedSince)
  }
}

/// The JSON encoding of session files (`docs/session-format.md`, `docs/session.schema.json`).
///
/// The version is decoded first; a newer one is refused, the current one decoded strictly, an
/// older one migrated in memory: version 2 added the action plan, carried answers, the previous
/// assessment and the abstract, all optional, so a version-1 file is a version-2 file without
/// them; version 3 made evidence records of the references (a reference alone becomes a record)
/// and added the provider's claims, the histories, conflicts and sign-offs (none in an older file);
/// version 4 moved the answers' histories after everything else, so that reading a session for a
/// summary or a list need not read them (SessionFile+Format4.swift).
public enum SessionFile {
  public static let schemaVersion = 4
  /// The journal line format written (1 and 2 are read too: their lines hold answers as files of
  /// version 2 do).
  public static let journalVersion = 3
  /// Larger files are refused before they are read.
  public static let maximumFileSize = 32 * 1024 * 1024
  /// Longer notes are refused when decoding (and cut by the editor before).
  public static let maximumNoteLength = 100_000

  public static func encode(_ record: SessionRecord) throws -> Data {
    try encodeFormat4(record)
  }

  /// Decodes a session file; `path` names it in errors.
  public static func decode(_ data: Data, path: String) throws(StoreError) -> SessionRecord {
    try decode(data, path: path, readingPlainFilesDirectly: true)
  }

  /// `readingPlainFilesDirectly`: whether a plain file, as cloud-assess writes it, is read
  /// directly (SessionFile+PlainReading.swift) rather than by `JSONDecoder`, which reads every
  /// other file and judges it. The tests and the session fuzzer compare both ways.
  @_spi(Fuzzing)
  public static func decode(_ data: Data, path: String, readingPlainFilesDirectly: Bool)
    throws(StoreError)
    -> SessionRecord
  {
    guard data.count <= maximumFileSize else {
      throw .sessionCorrupt(
        path: path, reason: "the file is \(data.count) bytes, over the limit of \(maximumFileSize)")
    }
    // The plain reader checks the UTF-8 of each string it makes and gives up at an invalid one:
    // the whole file is checked here only when it did not read it.
    if readingPlainFilesDirectly, let record = PlainSessionReader.record(data) { return record }
    guard UTF8Check.isValid(data) else {
      let (line, column) = UTF8Check.firstInvalid(data)
      throw .sessionCorrupt(path: path, reason: "invalid UTF-8 at line \(line), column \(column)")
    }
    let decoder = makeDecoder()
    let version: Int
    do {
      version = try decoder.decode(VersionProbe.self, from: data).schemaVersion
    } catch {
      if hasConflictMarkers(data) { throw .sessionHasConflictMarkers(path: path) }
      throw .sessionCorrupt(path: path, reason: describe(error, data: data))
    }
    guard version <= schemaVersion else {
      throw .sessionFromTheFuture(path: path, version: version, supported: schemaVersion)
    }
    guard (1...schemaVersion).contains(version) else {
      throw .sessionCorrupt(path: path, reason: "schemaVersion \(version) is not a known version")
    }
    do {
      if version >= 3 {
        return try decoder.decode(FileFormat3.self, from: data).record()
      }
      var record = try decoder.decode(FileFormat2.self, from: data).record()
      // The abstract of an older format was derived by older rules: derived data is never trusted.
      record.abstract = nil
      return record
    } catch {
      throw .sessionCorrupt(path: path, reason: describe(error, data: data))
    }
  }

  /// Whether `data` holds the markers git writes where it merged a file as text and both sides
  /// changed the same lines (`<<<<<<< `, `=======`, `>>>>>>> ` at the start of a line): the
  /// merge driver was not configured where the merge was made (docs/team.md).
  static func hasConflictMarkers(_ data: Data) -> Bool {
    let text = String(decoding: data, as: UTF8.self)
    return (text.hasPrefix("<<<<<<< ") || text.contains("\n<<<<<<< "))
      && text.contains("\n>>>>>>> ")
  }

  // MARK: - Coders

  private static func makeDecoder() -> JSONDecoder {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .custom { decoder in
      let container = try decoder.singleValueContainer()
      let text = try container.decode(String.self)
      guard let date = Timestamp.parse(text) else {
        throw DecodingError.dataCorruptedError(
          in: container, debugDescription: "'\(text)' is not an ISO 8601 date")
      }
      return date
    }
    return decoder
  }

  // MARK: - Errors

  private static func describe(_ error: Error, data: Data) -> String {
    guard let decodingError = error as? DecodingError else {
      return "not valid JSON (\(error.localizedDescription))"
    }
    func path(_ codingPath: [CodingKey]) -> String {
      codingPath.isEmpty
        ? "the top level"
        : codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
    switch decodingError {
    case .dataCorrupted(let context):
      if context.codingPath.isEmpty,
        context.debugDescription != "The given data was not valid JSON."
      {
        return context.debugDescription
      }
      if context.codingPath.isEmpty {
        // The decoder says no more than "not valid JSON"; JSONSerialization tells where, or
        // that the syntax is fine and a value does not fit its field.
        do {
          _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
          return
            "a value does not fit its field (a number too large, or of the wrong kind); compare the file with docs/session-format.md"
        } catch {
          let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
          return "not valid JSON: \(detail ?? context.debugDescription)"
        }
      }
      return "\(path(context.codingPath)): \(context.debugDescription)"
    case .keyNotFound(let key, let context):
      return "\(path(context.codingPath + [key])) is missing"
    case .typeMismatch(let type, let context):
      return "\(path(context.codingPath)) has the wrong type (expected \(type))"
    case .valueNotFound(let type, let context):
      return "\(path(context.codingPath)) is null (expected \(type))"
    @unknown default:
      return "\(decodingError)"
    }
  }

  // MARK: - Journal

  /// The journal beside a session file: `ID.journal` for `ID.json`.
  public static func journalPath(for sessionPath: String) -> String {
    (sessionPath.hasSuffix(".json") ? String(sessionPath.dropLast(5)) : sessionPath) + ".journal"
  }

  /// One journal line: what changed from `old` to `new` (metadata, phase and cursor whole, the
  /// answers that changed whole, `null` for one removed, the identification's history and the
  /// sign-offs whole when they changed), ending in a newline. Lines set values rather
  /// than apply differences, so replaying a journal twice gives the same record.
  ///
  /// `changed`, when given, names every answer that may differ (the wizard keeps that list), so
  /// that thousands of unchanged answers need not be compared. `encode` writes the line's
  /// object on one line with sorted keys (the tests give `JSONEncoder` to compare).
  public static func journalEntry(
    from old: SessionRecord, to new: SessionRecord, changed: Set<String>? = nil
  ) throws -> Data {
    try journalEntry(from: old, to: new, changed: changed) {
      try SortedJSONEncoder(pretty: false).encode($0)
    }
  }

  static func journalEntry(
    from old: SessionRecord, to new: SessionRecord, changed: Set<String>?,
    encode: (any Encodable) throws -> [UInt8]
  ) throws -> Data {
    guard !new.historiesOmitted else { throw HistoriesOmitted(id: new.id) }
    var answers: [String: AnswerFormat3?] = [:]
    if let changed {
      for id in changed where old.answers[id] != new.answers[id] {
        answers[id] = .some(new.answers[id].map(AnswerFormat3.init))
      }
    } else {
      for (id, answer) in new.answers where old.answers[id] != answer {
        answers[id] = .some(AnswerFormat3(answer))
      }
      for id in old.answers.keys where new.answers[id] == nil {
        answers[id] = .some(nil)
      }
    }
    let entry = JournalEntryFormat3(
      journal: journalVersion, metadata: FileFormat2.Metadata(new.metadata),
      phase: new.phase.rawValue,
      cursor: FileFormat2.Cursor(question: new.cursorQuestionID), answers: answers,
      identificationHistory: old.identificationHistory == new.identificationHistory
        ? nil : new.identificationHistory.map(IdentificationChangeFormat3.init),
      signOffs: old.signOffs == new.signOffs ? nil : new.signOffs.map(SignOffFormat3.init))
    var data = try encode(entry)
    data.append(UInt8(ascii: "\n"))
    return Data(data)
  }

  /// Applies a journal's lines to the record of its session file. A last line without its
  /// newline is the write a crash interrupted: that save never completed, and it is ignored.
  /// Any other line that does not decode is damage, and refused.
  public static func applyJournal(_ data: Data, to record: SessionRecord, path: String)
    throws(StoreError)
    -> SessionRecord
  {
    var record = record
    // Only complete lines count: a line cut short may end inside a multi-byte character.
    let complete = data[
      ..<(data.lastIndex(of: UInt8(ascii: "\n")).map { data.index(after: $0) } ?? data.startIndex)]
    guard UTF8Check.isValid(complete) else {
      let (line, column) = UTF8Check.firstInvalid(Data(complete))
      throw .sessionCorrupt(path: path, reason: "invalid UTF-8 at line \(line), column \(column)")
    }
    let decoder = makeDecoder()
    var lineNumber = 0
    var start = complete.startIndex
    while start < complete.endIndex {
      guard let end = complete[start...].firstIndex(of: UInt8(ascii: "\n")) else { break }
      lineNumber += 1
      let line = complete[start..<end]
      start = complete.index(after: end)
      guard !line.isEmpty else { continue }
      let entry: JournalLine
      do {
        entry = try decoder.decode(JournalLine.self, from: line)
      } catch {
        throw .sessionCorrupt(
          path: path, reason: "line \(lineNumber): \(describe(error, data: line))")
      }
      guard entry.journal <= journalVersion else {
        throw .sessionFromTheFuture(path: path, version: entry.journal, supported: journalVersion)
      }
      guard let phase = Phase(rawValue: entry.phase) else {
        throw .sessionCorrupt(
          path: path, reason: "line \(lineNumber): phase '\(entry.phase)' is not a known phase")
      }
      record.metadata = entry.metadata.metadata
      record.phase = phase
      record.cursorQuestionID = entry.cursor.question
      for (id, answer) in entry.answers {
        record.answers[id] = answer
      }
      if let history = entry.identificationHistory { record.identificationHistory = history }
      if let signOffs = entry.signOffs { record.signOffs = signOffs }
      // The abstract was the file's; the journal's changes make it out of date.
      record.abstract = nil
    }
    return record
  }

  /// A line of the journal of any version: `"journal"` is read first, and says how its answers
  /// are written (versions 1 and 2 as in files of version 2, 3 as in files of version 3).
  private struct JournalLine: Decodable {
    var journal: Int
    var metadata: FileFormat2.Metadata
    var phase: String
    var cursor: FileFormat2.Cursor
    var answers: [String: Answer?]
    var identificationHistory: [IdentificationChange]?
    var signOffs: [SignOff]?

    init(from decoder: Decoder) throws {
      typealias Keys = JournalEntryFormat3.CodingKeys
      let container = try decoder.container(keyedBy: Keys.self)
      journal = try container.decode(Int.self, forKey: .journal)
      guard journal <= SessionFile.journalVersion else {
        // A line of a newer cloud-assess: refused for its version, whatever it holds.
        metadata = FileFormat2.Metadata(
          SessionMetadata(created: .distantPast, updated: .distantPast))
        phase = ""
        cursor = FileFormat2.Cursor(question: nil)
        answers = [:]
        return
      }
      metadata = try container.decode(FileFormat2.Metadata.self, forKey: .metadata)
      phase = try container.decode(String.self, forKey: .phase)
      cursor = try container.decode(FileFormat2.Cursor.self, forKey: .cursor)
      guard journal >= 3 else {
        answers = try container.decode(
          [String: FileFormat2.AnswerFormat2?].self, forKey: .answers
        ).mapValues { $0?.answer }
        return
      }
      answers = try container.decode([String: AnswerFormat3?].self, forKey: .answers)
        .mapValues { $0?.answer }
      identificationHistory = try container.decodeIfPresent(
        [IdentificationChangeFormat3].self, forKey: .identificationHistory)?.map(\.change)
      signOffs = try container.decodeIfPresent([SignOffFormat3].self, forKey: .signOffs)?
        .map(\.signOff)
    }
  }
}
