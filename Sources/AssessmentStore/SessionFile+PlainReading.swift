import AssessmentCore
import Foundation
import QuestionnaireFormat
import SystemSupport

/// A direct reading of session files as cloud-assess writes them, beside the `Codable` one.
///
/// `JSONDecoder` works through containers, generic unwrapping and per-field look-ups for every
/// answer, and pays again the first time it meets each type in a process: that was most of
/// `cloud-assess summary`'s own work on the built-in questionnaire (docs/performance.md). This
/// reader walks the bytes once and builds the record itself.
///
/// It is never the one that judges a file: it accepts only plain, well-formed files (the keys
/// and value kinds `SessionFile.FileFormat3` and, for versions 1 and 2,
/// `SessionFile.FileFormat2` decode, each key once, no escape in a key,
/// strings without surrogate escapes, numbers without an exponent, known phases and action statuses, valid
/// dates and ids) and gives up (nil) at anything else, however harmless. The `Codable`
/// decoding then reads the file, with its own errors and leniencies. On every file it
/// accepts, its record is the one the `Codable` decoding makes (`SessionFilePlainReadingTests`
/// compare them).
struct PlainSessionReader {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var index = 0
  /// The version is the file's last key: until it is read, what the answers hold says which
  /// format they were written in. Evidence as a reference alone (formats 1 and 2):
  private var sawReferenceAlone = false
  /// Anything format 3 added (an evidence record, claims, history, a conflict, the
  /// identification's history, sign-offs):
  private var sawFormat3 = false
  /// An answer holding its own history (format 3; format 4 keeps them in `histories`).
  private var sawAnswerHistory = false
  /// The seconds since 1970 of each day's midnight met in the file, by `YYYYMMDD`.
  private var midnights: [Int64: Int64] = [:]

  /// The record in `data`, or nil when the file is not plainly one.
  static func record(_ data: Data) -> SessionRecord? {
    data.withUnsafeBytes { raw in
      var reader = PlainSessionReader(bytes: raw.bindMemory(to: UInt8.self))
      guard let record = reader.file() else { return nil }
      reader.skipWhitespace()
      return reader.index == reader.bytes.count ? record : nil
    }
  }

  private init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  // MARK: - The session's objects

  private mutating func file() -> SessionRecord? {
    var version: Int?, id: String?, questionnaire: QuestionnaireReference?,
      metadata: SessionMetadata?
    var phase: Phase?, cursor: String??, answers: [String: Answer]?
    var previous: PreviousAssessment??, abstract: SessionAbstract??
    var identificationHistory: [IdentificationChange]?, signOffs: [SignOff]?
    var histories: [String: [AnswerChange]]?, historiesAt: Int?
    let read = object { reader, key in
      switch key {
      case "schemaVersion": return reader.once(&version, reader.integer())
      case "id": return reader.once(&id, reader.string())
      case "questionnaire": return reader.once(&questionnaire, reader.questionnaireReference())
      case "metadata": return reader.once(&metadata, reader.metadata())
      case "phase": return reader.once(&phase, reader.string().flatMap(Phase.init(rawValue:)))
      case "cursor": return reader.once(&cursor, reader.cursor())
      case "answers": return reader.once(&answers, reader.answers())
      case "previous": return reader.once(&previous, reader.optional { $0.previousAssessment() })
      case "abstract": return reader.once(&abstract, reader.optional { $0.abstract() })
      case "identification_history":
        reader.sawFormat3 = true
        return reader.once(
          &identificationHistory, reader.array { $0.identificationChange() })
      case "signoffs":
        reader.sawFormat3 = true
        return reader.once(&signOffs, reader.array { $0.signOff() })
      case "histories": return reader.once(&histories, reader.histories())
      case "histories_at": return reader.once(&historiesAt, reader.integer())
      default: return false
      }
    }
    guard read, let version, (1...SessionFile.schemaVersion).contains(version), let id,
      SessionStore.isValidID(id), let questionnaire, let metadata, let phase, let cursor,
      let answers
    else { return nil }
    // Each format's answers as that format writes them (a reference alone is format 2's, an
    // answer's own history format 3's; the keys of a later format in an older file are left to
    // `Codable`, which ignores them).
    let current = version == SessionFile.schemaVersion
    switch version {
    case 4: guard !sawReferenceAlone, !sawAnswerHistory else { return nil }
    case 3: guard !sawReferenceAlone, histories == nil, historiesAt == nil else { return nil }
    default: guard !sawFormat3, histories == nil, historiesAt == nil else { return nil }
    }
    var answersWithHistories = answers
    for (id, changes) in histories ?? [:] {
      // A history without its answer, or an empty one, is refused by `Codable`.
      guard answersWithHistories[id] != nil, !changes.isEmpty else { return nil }
      answersWithHistories[id]?.history = changes
    }
    return SessionRecord(
      id: id, questionnaire: questionnaire, metadata: metadata, phase: phase,
      cursorQuestionID: cursor,
      answers: answersWithHistories, previous: previous ?? nil,
      // The abstract of an older format was derived by older rules: never trusted.
      abstract: current ? abstract ?? nil : nil,
      identificationHistory: identificationHistory ?? [], signOffs: signOffs ?? [])
  }

  private mutating func questionnaireReference() -> QuestionnaireReference? {
    var id: String?, version: String?, digest: String?, path: String??
    let read = object { reader, key in
      switch key {
      case "id": return reader.once(&id, reader.string())
      case "version": return reader.once(&version, reader.string())
      case "digest": return reader.once(&digest, reader.string())
      case "path": return reader.once(&path, reader.optional { $0.string() })
      default: return false
      }
    }
    guard read, let id, let version, let digest else { return nil }
    return QuestionnaireReference(id: id, version: version, digest: digest, path: path ?? nil)
  }

  private mutating func metadata() -> SessionMetadata? {
    var organisation: String?, assessor: String?, provider: String?, service: String?
    var created: Date?, updated: Date?
    let read = object { reader, key in
      switch key {
      case "organisation": return reader.once(&organisation, reader.string())
      case "assessor": return reader.once(&assessor, reader.string())
      case "provider": return reader.once(&provider, reader.string())
      case "service": return reader.once(&service, reader.string())
      case "created": return reader.once(&created, reader.date())
      case "updated": return reader.once(&updated, reader.date())
      default: return false
      }
    }
    guard read, let organisation, let assessor, let provider, let service, let created, let updated
    else { return nil }
    return SessionMetadata(
      organisation: organisation, assessor: assessor, provider: provider, service: service,
      created: created, updated: updated)
  }

  /// `{"question": ...}`: the cursor's question id, nil when absent or null.
  private mutating func cursor() -> String?? {
    var question: String??
    let read = object { reader, key in
      "question" ~= key && reader.once(&question, reader.optional { $0.string() })
    }
    return read ? .some(question ?? nil) : nil
  }

  private mutating func decisionAbstract() -> DecisionAbstract? {
    var decision: String?, on: String?, by: String?, outOfDate: Bool?, changedSince: Int?
    let read = object { reader, key in
      switch key {
      case "decision": return reader.once(&decision, reader.string())
      case "on": return reader.once(&on, reader.string())
      case "by": return reader.once(&by, reader.string())
      case "out_of_date": return reader.once(&outOfDate, reader.bool())
      case "changed_since": return reader.once(&changedSince, reader.integer())
      default: return false
      }
    }
    guard read, let decision, let on, let by, let outOfDate, let changedSince else { return nil }
    return DecisionAbstract(
      decision: decision, on: on, by: by, outOfDate: outOfDate, changedSince: changedSince)
  }

  private mutating func previousAssessment() -> PreviousAssessment? {
    var id: String?, path: String?
    let read = object { reader, key in
      switch key {
      case "id": return reader.once(&id, reader.string())
      case "path": return reader.once(&path, reader.string())
      default: return false
      }
    }
    guard read, let id, let path else { return nil }
    return PreviousAssessment(id: id, path: path)
  }

  private mutating func abstract() -> SessionAbstract? {
    var format: Int?, questionnaire: String?, organisation: String?, provider: String?,
      service: String?
    var created: Date?, updated: Date?, phase: String?, answered: Int?, applicable: Int?,
      verdict: String?
    var pendingDue: [String]?, recheckFrom: String??, decision: DecisionAbstract?
    let read = object { reader, key in
      switch key {
      case "format": return reader.once(&format, reader.integer())
      case "questionnaire": return reader.once(&questionnaire, reader.string())
      case "organisation": return reader.once(&organisation, reader.string())
      case "provider": return reader.once(&provider, reader.string())
      case "service": return reader.once(&service, reader.string())
      case "created": return reader.once(&created, reader.date())
      case "updated": return reader.once(&updated, reader.date())
      case "phase": return reader.once(&phase, reader.string())
      case "answered": return reader.once(&answered, reader.integer())
      case "applicable": return reader.once(&applicable, reader.integer())
      case "verdict": return reader.once(&verdict, reader.string())
      case "pendingDue": return reader.once(&pendingDue, reader.strings())
      case "recheckFrom": return reader.once(&recheckFrom, reader.optional { $0.string() })
      case "decision": return reader.once(&decision, reader.decisionAbstract())
      default: return false
      }
    }
    guard read, let format, let questionnaire, let organisation, let provider, let service,
      let created,
      let updated, let phase, let answered, let applicable, let verdict, let pendingDue
    else { return nil }
    return SessionAbstract(
      format: format, questionnaire: questionnaire, organisation: organisation, provider: provider,
      service: service, created: created, updated: updated, phase: phase, answered: answered,
      applicable: applicable, verdict: verdict, pendingDue: pendingDue,
      recheckFrom: recheckFrom ?? nil, decision: decision)
  }

  /// Format 4's `histories`: each answer's changes, by question id.
  private mutating func histories() -> [String: [AnswerChange]]? {
    var histories: [String: [AnswerChange]] = [:]
    let read = object { reader, key in
      guard let id = key.string, histories[id] == nil, let changes = reader.array({ $0.change() })
      else { return false }
      histories[id] = changes
      return true
    }
    return read ? histories : nil
  }

  /// Gathered in the order read, then put in a dictionary made for that many: grown one answer
  /// at a time, it hashed every key again at each doubling. A question answered twice is refused
  /// (left to `Codable`, which judges the file).
  private mutating func answers() -> [String: Answer]? {
    var read: [(String, Answer)] = []
    guard
      object({ reader, key in
        guard let id = key.string, let answer = reader.answer() else { return false }
        read.append((id, answer))
        return true
      })
    else { return nil }
    var answers = [String: Answer](minimumCapacity: read.count)
    // Moved out of the list, not copied (the order does not matter: any id twice is refused).
    while let (id, answer) = read.popLast() {
      guard answers.updateValue(answer, forKey: id) == nil else { return nil }
    }
    return answers
  }

  /// An answer (`SessionFile.AnswerFormat3`, or `SessionFile.FileFormat2.AnswerFormat2` in an
  /// older file): every field optional, null meaning absent.
  private mutating func answer() -> Answer? {
    var value: AnswerValue??, note: String??, evidence: [EvidenceRecord]??, flagged: Bool??
    var answeredAt: Date??, action: PlanAction??, reverify: Bool??
    var claims: [ProviderClaim]?, history: [AnswerChange]?, conflict: AnswerConflict?
    let read = object { reader, key in
      switch key {
      case "value": return reader.once(&value, reader.optional { $0.value() })
      case "note": return reader.once(&note, reader.optional { $0.string() })
      case "evidence": return reader.once(&evidence, reader.optional { $0.evidenceList() })
      case "flagged": return reader.once(&flagged, reader.optional { $0.bool() })
      case "answeredAt": return reader.once(&answeredAt, reader.optional { $0.date() })
      case "action": return reader.once(&action, reader.optional { $0.action() })
      case "reverify": return reader.once(&reverify, reader.optional { $0.bool() })
      case "claims":
        reader.sawFormat3 = true
        return reader.once(&claims, reader.array { $0.claim() })
      case "history":
        reader.sawFormat3 = true
        reader.sawAnswerHistory = true
        return reader.once(&history, reader.array { $0.change() })
      case "conflict":
        reader.sawFormat3 = true
        return reader.once(&conflict, reader.conflict())
      default: return false
      }
    }
    guard read else { return nil }
    let text = (note ?? nil) ?? ""
    guard Self.withinLimit(text) else { return nil }
    return Answer(
      value: value ?? nil, note: text, evidence: (evidence ?? nil) ?? [],
      flagged: (flagged ?? nil) ?? false,
      answeredAt: answeredAt ?? nil, action: action ?? nil, reverify: (reverify ?? nil) ?? false,
      claims: claims ?? [], history: history ?? [], conflict: conflict)
  }

  /// A note over the limit is refused by the `Codable` decoding, which counts its characters:
  /// at most as many as its bytes, so a text of no more bytes than the limit is within it.
  private static func withinLimit(_ text: String) -> Bool {
    text.utf8.count <= SessionFile.maximumNoteLength
  }

  /// The evidence of an answer: references alone (formats 1 and 2) or records (format 3).
  private mutating func evidenceList() -> [EvidenceRecord]? {
    array { reader in
      reader.skipWhitespace()
      guard reader.index < reader.bytes.count else { return nil }
      if reader.bytes[reader.index] == 0x22 {  // "
        reader.sawReferenceAlone = true
        return reader.string().map { EvidenceRecord(reference: $0) }
      }
      reader.sawFormat3 = true
      return reader.evidenceRecord()
    }
  }

  /// Evidence records only (in claims, histories and conflicts).
  private mutating func evidenceRecords() -> [EvidenceRecord]? {
    array { $0.evidenceRecord() }
  }

  /// `{"reference", "issued_on", "valid_until", "file"}`: the days, when there, real days; the
  /// file with its digest.
  private mutating func evidenceRecord() -> EvidenceRecord? {
    var reference: String?, issuedOn: String?, validUntil: String?, file: EvidenceFile?
    let read = object { reader, key in
      switch key {
      case "reference": return reader.once(&reference, reader.string())
      case "issued_on": return reader.once(&issuedOn, reader.day())
      case "valid_until": return reader.once(&validUntil, reader.day())
      case "file": return reader.once(&file, reader.evidenceFile())
      default: return false
      }
    }
    guard read, let reference else { return nil }
    return EvidenceRecord(
      reference: reference, issuedOn: issuedOn ?? "", validUntil: validUntil ?? "", file: file)
  }

  private mutating func evidenceFile() -> EvidenceFile? {
    var path: String?, sha256: String?
    let read = object { reader, key in
      switch key {
      case "path": return reader.once(&path, reader.string())
      case "sha256": return reader.once(&sha256, reader.digest())
      default: return false
      }
    }
    guard read, let path, let sha256 else { return nil }
    return EvidenceFile(path: path, sha256: sha256)
  }

  /// A provider claim (`SessionFile.ClaimFormat3`).
  private mutating func claim() -> ProviderClaim? {
    var value: AnswerValue?, explanation: String?, evidence: [EvidenceRecord]?, remarks: String?
    var importedAt: Date?, workbook: String?, cell: String?
    let read = object { reader, key in
      switch key {
      case "value": return reader.once(&value, reader.value())
      case "explanation": return reader.once(&explanation, reader.string())
      case "evidence": return reader.once(&evidence, reader.evidenceRecords())
      case "remarks": return reader.once(&remarks, reader.string())
      case "imported_at": return reader.once(&importedAt, reader.date())
      case "workbook_sha256": return reader.once(&workbook, reader.digest())
      case "cell": return reader.once(&cell, reader.string())
      default: return false
      }
    }
    guard read, let importedAt, let workbook, let cell, Self.withinLimit(explanation ?? ""),
      Self.withinLimit(remarks ?? "")
    else { return nil }
    return ProviderClaim(
      value: value, explanation: explanation ?? "", evidence: evidence ?? [],
      remarks: remarks ?? "", importedAt: importedAt, workbookSHA256: workbook, cell: cell)
  }

  /// A change of an answer's history (`SessionFile.ChangeFormat3`).
  private mutating func change() -> AnswerChange? {
    var at: Date?, by: String?, origin: AnswerChange.Origin?, parts: [AnswerChange.Part]?
    let read = object { reader, key in
      switch key {
      case "at": return reader.once(&at, reader.date())
      case "by": return reader.once(&by, reader.string())
      case "origin":
        return reader.once(&origin, reader.string().flatMap(AnswerChange.Origin.init(rawValue:)))
      case "changes": return reader.once(&parts, reader.parts())
      default: return false
      }
    }
    guard read, let at, let by, let origin, let parts else { return nil }
    return AnswerChange(at: at, by: by, origin: origin, parts: parts)
  }

  /// The parts a change set, in the order `Codable` reads them back: value, note, evidence,
  /// action, flagged, claim; `null` a cleared value, a removed action, a claim without value.
  private mutating func parts() -> [AnswerChange.Part]? {
    var value: AnswerValue??, note: String?, evidence: [EvidenceRecord]?, action: PlanAction??
    var flagged: Bool?, claim: AnswerValue??
    let read = object { reader, key in
      switch key {
      case "value": return reader.once(&value, reader.optional { $0.value() })
      case "note": return reader.once(&note, reader.string())
      case "evidence": return reader.once(&evidence, reader.evidenceRecords())
      case "action": return reader.once(&action, reader.optional { $0.action() })
      case "flagged": return reader.once(&flagged, reader.bool())
      case "claim": return reader.once(&claim, reader.optional { $0.value() })
      default: return false
      }
    }
    guard read, Self.withinLimit(note ?? "") else { return nil }
    var parts: [AnswerChange.Part] = []
    if let value { parts.append(.value(value)) }
    if let note { parts.append(.note(note)) }
    if let evidence { parts.append(.evidence(evidence)) }
    if let action { parts.append(.action(action)) }
    if let flagged { parts.append(.flagged(flagged)) }
    if let claim { parts.append(.claim(claim)) }
    return parts
  }

  /// `{"ours": side, "theirs": side}`.
  private mutating func conflict() -> AnswerConflict? {
    var ours: AnswerConflict.Side?, theirs: AnswerConflict.Side?
    let read = object { reader, key in
      switch key {
      case "ours": return reader.once(&ours, reader.side())
      case "theirs": return reader.once(&theirs, reader.side())
      default: return false
      }
    }
    guard read, let ours, let theirs else { return nil }
    return AnswerConflict(ours: ours, theirs: theirs)
  }

  private mutating func side() -> AnswerConflict.Side? {
    var value: AnswerValue?, note: String?, evidence: [EvidenceRecord]?, flagged: Bool?
    var action: PlanAction?, by: String?, at: Date?
    let read = object { reader, key in
      switch key {
      case "value": return reader.once(&value, reader.value())
      case "note": return reader.once(&note, reader.string())
      case "evidence": return reader.once(&evidence, reader.evidenceRecords())
      case "flagged": return reader.once(&flagged, reader.bool())
      case "action": return reader.once(&action, reader.action())
      case "by": return reader.once(&by, reader.string())
      case "at": return reader.once(&at, reader.date())
      default: return false
      }
    }
    guard read, Self.withinLimit(note ?? "") else { return nil }
    return AnswerConflict.Side(
      value: value, note: note ?? "", evidence: evidence ?? [], flagged: flagged ?? false,
      action: action, by: by ?? "", at: at)
  }

  /// `{"at", "by", "fields": {"organisation": …}}`.
  private mutating func identificationChange() -> IdentificationChange? {
    var at: Date?, by: String?, fields: [SessionMetadata.Field: String]?
    let read = object { reader, key in
      switch key {
      case "at": return reader.once(&at, reader.date())
      case "by": return reader.once(&by, reader.string())
      case "fields": return reader.once(&fields, reader.identificationFields())
      default: return false
      }
    }
    guard read, let at, let by, let fields else { return nil }
    return IdentificationChange(at: at, by: by, fields: fields)
  }

  private mutating func identificationFields() -> [SessionMetadata.Field: String]? {
    var fields: [SessionMetadata.Field: String] = [:]
    let read = object { reader, key in
      guard let field = key.string.flatMap(SessionMetadata.Field.init(rawValue:)),
        fields[field] == nil,
        let text = reader.string()
      else { return false }
      fields[field] = text
      return true
    }
    return read ? fields : nil
  }

  /// A sign-off (`SessionFile.SignOffFormat3`).
  private mutating func signOff() -> SignOff? {
    var by: String?, role: String?, decision: SignOff.Decision?, reference: String?, on: String?
    var conditions: String?, digest: String?, recordedAt: Date?, recordedBy: String?
    let read = object { reader, key in
      switch key {
      case "by": return reader.once(&by, reader.string())
      case "role": return reader.once(&role, reader.string())
      case "decision":
        return reader.once(&decision, reader.string().flatMap(SignOff.Decision.init(rawValue:)))
      case "reference": return reader.once(&reference, reader.string())
      case "on": return reader.once(&on, reader.day())
      case "conditions": return reader.once(&conditions, reader.string())
      case "content_digest": return reader.once(&digest, reader.digest())
      case "recorded_at": return reader.once(&recordedAt, reader.date())
      case "recorded_by": return reader.once(&recordedBy, reader.string())
      default: return false
      }
    }
    guard read, let by, let role, let decision, let reference, let on, let digest,
      let recordedAt, let recordedBy, Self.withinLimit(conditions ?? "")
    else { return nil }
    return SignOff(
      by: by, role: role, decision: decision, reference: reference, on: on,
      conditions: conditions ?? "", contentDigest: digest, recordedAt: recordedAt,
      recordedBy: recordedBy)
  }

  /// Exactly one of `choice`, `choices`, `text`, `number`, `derogation`, `date` (a valid day).
  private mutating func value() -> AnswerValue? {
    var value: AnswerValue?
    let read = object { reader, key in
      guard value == nil else { return false }
      switch key {
      case "choice": value = reader.string().map { .choice($0) }
      case "choices": value = reader.strings().map { .choices($0) }
      case "text": value = reader.string().map { .text($0) }
      case "number": value = reader.number().map { .number($0) }
      case "derogation": value = reader.derogation().map { .derogation($0) }
      case "date": value = reader.string().flatMap { Day.isValid($0) ? .date($0) : nil }
      default: return false
      }
      return value != nil
    }
    return read ? value : nil
  }

  /// A derogation record: all six fields, strings.
  private mutating func derogation() -> DerogationRecord? {
    var record = DerogationRecord()
    var seen: [DerogationRecord.Field] = []
    let read = object { reader, key in
      guard let field = key.string.flatMap(DerogationRecord.Field.init(rawValue:)),
        !seen.contains(field),
        let text = reader.string()
      else { return false }
      record[field] = text
      seen.append(field)
      return true
    }
    guard read, seen.count == DerogationRecord.Field.allCases.count else { return nil }
    return record
  }

  /// An action (`SessionFile.FileFormat2.Action`): a known status; owner, due date and reference
  /// optional; the acceptance, when there, with its four fields.
  private mutating func action() -> PlanAction? {
    var owner: String??, dueDate: String??, status: ActionStatus?, reference: String??
    var acceptance: [String]??
    let read = object { reader, key in
      switch key {
      case "owner": return reader.once(&owner, reader.optional { $0.string() })
      case "due_date": return reader.once(&dueDate, reader.optional { $0.string() })
      case "status":
        return reader.once(&status, reader.string().flatMap(ActionStatus.init(rawValue:)))
      case "reference": return reader.once(&reference, reader.optional { $0.string() })
      case "acceptance": return reader.once(&acceptance, reader.optional { $0.acceptance() })
      default: return false
      }
    }
    guard read, let status else { return nil }
    let accepted = acceptance ?? nil
    return PlanAction(
      owner: (owner ?? nil) ?? "", dueDate: (dueDate ?? nil) ?? "", status: status,
      reference: (reference ?? nil) ?? "", acceptedBy: accepted?[0] ?? "",
      acceptedOn: accepted?[1] ?? "",
      acceptanceReason: accepted?[2] ?? "", acceptedUntil: accepted?[3] ?? "")
  }

  /// `{"by", "on", "reason", "until"}`, in that order in the result.
  private mutating func acceptance() -> [String]? {
    let keys: [StaticString] = ["by", "on", "reason", "until"]
    var fields: [String?] = [nil, nil, nil, nil]
    let read = object { reader, key in
      guard let slot = keys.firstIndex(where: { $0 ~= key }), fields[slot] == nil,
        let text = reader.string()
      else { return false }
      fields[slot] = text
      return true
    }
    guard read else { return nil }
    let values = fields.compactMap { $0 }
    return values.count == keys.count ? values : nil
  }

  // MARK: - JSON

  /// Stores `value` in `slot` if it was read and the slot is still empty (a key given twice is
  /// left to the `Codable` decoding).
  private func once<T>(_ slot: inout T?, _ value: T?) -> Bool {
    guard slot == nil, let value else { return false }
    slot = value
    return true
  }

  /// A value that may be `null`: `.some(nil)` for null, nil when it is neither null nor read.
  private mutating func optional<T>(_ read: (inout PlainSessionReader) -> T?) -> T?? {
    if literal("null") { return .some(nil) }
    return read(&self).map { .some($0) }
  }

  /// A key as it is in the file, compared with the keys a format knows (`case "note":`) without
  /// a string made of it: most keys of a session are the same few names, read for every answer.
  struct Key {
    let bytes: UnsafeBufferPointer<UInt8>
    let ascii: Bool

    /// The key as a string (a question id); nil for invalid UTF-8.
    var string: String? { PlainSessionReader.text(bytes, ascii: ascii) }

    static func ~= (pattern: StaticString, key: Key) -> Bool {
      let count = pattern.utf8CodeUnitCount
      guard count == key.bytes.count else { return false }
      guard count > 0, let base = key.bytes.baseAddress else { return true }
      return memcmp(pattern.utf8Start, base, count) == 0
    }
  }

  /// An object: `member` reads the value of each key and says whether it could.
  private mutating func object(_ member: (inout PlainSessionReader, Key) -> Bool) -> Bool {
    skipWhitespace()
    guard take(0x7B) else { return false }  // {
    skipWhitespace()
    if take(0x7D) { return true }  // }
    while true {
      skipWhitespace()
      guard let key = key() else { return false }
      skipWhitespace()
      guard take(0x3A), member(&self, key) else { return false }  // :
      skipWhitespace()
      if take(0x2C) { continue }  // ,
      return take(0x7D)
    }
  }

  /// An array whose elements `element` reads.
  private mutating func array<T>(_ element: (inout PlainSessionReader) -> T?) -> [T]? {
    skipWhitespace()
    guard take(0x5B) else { return nil }  // [
    var elements: [T] = []
    skipWhitespace()
    if take(0x5D) { return elements }  // ]
    while true {
      guard let value = element(&self) else { return nil }
      elements.append(value)
      skipWhitespace()
      if take(0x2C) { continue }
      return take(0x5D) ? elements : nil
    }
  }

  /// A day `YYYY-MM-DD` of the calendar.
  private mutating func day() -> String? {
    string().flatMap { Day.isValid($0) ? $0 : nil }
  }

  /// A SHA-256 digest: 64 lowercase hexadecimal digits.
  private mutating func digest() -> String? {
    string().flatMap { SessionFile.isSHA256($0) ? $0 : nil }
  }

  /// An array of strings.
  private mutating func strings() -> [String]? {
    skipWhitespace()
    guard take(0x5B) else { return nil }  // [
    var strings: [String] = []
    skipWhitespace()
    if take(0x5D) { return strings }  // ]
    while true {
      guard let string = string() else { return nil }
      strings.append(string)
      skipWhitespace()
      if take(0x2C) { continue }
      return take(0x5D) ? strings : nil
    }
  }

  /// A key: a string without escapes.
  private mutating func key() -> Key? {
    guard take(0x22) else { return nil }
    let start = index
    var ascii = true
    while index < bytes.count, bytes[index] != 0x22 {
      guard bytes[index] != 0x5C, bytes[index] >= 0x20 else { return nil }
      ascii = ascii && bytes[index] < 0x80
      index += 1
    }
    guard index < bytes.count else { return nil }
    defer { index += 1 }
    return Key(bytes: UnsafeBufferPointer(rebasing: bytes[start..<index]), ascii: ascii)
  }

  /// A string: the common escapes and `\u` outside the surrogates; no control character.
  private mutating func string() -> String? {
    skipWhitespace()
    guard take(0x22) else { return nil }
    var start = index
    var unescaped: [UInt8]?
    var ascii = true
    while index < bytes.count {
      skipPlainText()
      guard index < bytes.count else { break }
      let byte = bytes[index]
      if byte == 0x22 {
        defer { index += 1 }
        guard var unescaped else { return text(start..<index, ascii: ascii) }
        unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        return unescaped.withUnsafeBufferPointer { Self.text($0, ascii: ascii) }
      }
      guard byte >= 0x20 else { return nil }
      guard byte == 0x5C else {
        ascii = ascii && byte < 0x80
        index += 1
        continue
      }
      var escaped = unescaped ?? []
      escaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
      guard index + 1 < bytes.count else { return nil }
      switch bytes[index + 1] {
      case 0x22, 0x5C, 0x2F: escaped.append(bytes[index + 1])  // " \ /
      case 0x62: escaped.append(0x08)  // b
      case 0x66: escaped.append(0x0C)  // f
      case 0x6E: escaped.append(0x0A)  // n
      case 0x72: escaped.append(0x0D)  // r
      case 0x74: escaped.append(0x09)  // t
      case 0x75:  // u
        // Four hexadecimal digits (`UInt32(_:radix:)` alone would take a sign too).
        guard index + 6 <= bytes.count,
          bytes[index + 2..<index + 6].allSatisfy({ $0.isHexDigit }),
          let code = text(index + 2..<index + 6, ascii: true).flatMap({ UInt32($0, radix: 16) }),
          let scalar = Unicode.Scalar(code)  // nil for the surrogates
        else { return nil }
        escaped.append(contentsOf: String(Character(scalar)).utf8)
        index += 4
      default: return nil
      }
      index += 2
      start = index
      unescaped = escaped
    }
    return nil
  }

  /// Skips eight bytes at a time while none of them ends a string, starts an escape, is a
  /// control character or is other than ASCII: the notes and texts are most of a session file,
  /// and a string's bytes one at a time were the largest part of reading it.
  private mutating func skipPlainText() {
    guard let base = bytes.baseAddress else { return }
    let raw = UnsafeRawPointer(base)
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    while index + 8 <= bytes.count {
      let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
      // A byte of `word ^ pattern` is zero where `word` has the pattern's byte; `x - ones & ~x &
      // highs` marks the zero bytes (and bytes below 0x20 with `word - 0x20…`), high bits mark
      // the bytes other than ASCII.
      let quote = word ^ 0x2222_2222_2222_2222
      let backslash = word ^ 0x5C5C_5C5C_5C5C_5C5C
      let stop =
        ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
        | (word &- 0x2020_2020_2020_2020) | word
      guard stop & highs == 0 else { return }
      index += 8
    }
  }

  /// A whole number without sign, fraction or exponent, as `Int` reads it.
  private mutating func integer() -> Int? {
    skipWhitespace()
    let start = index
    while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
    let count = index - start
    guard count > 0, count <= 18, count == 1 || bytes[start] != 0x30 else { return nil }
    return text(start..<index, ascii: true).flatMap { Int($0) }
  }

  /// A number with an optional sign and fraction, no exponent, at most 15 significant digits:
  /// every reading of it gives the same double.
  private mutating func number() -> Double? {
    skipWhitespace()
    let start = index
    if index < bytes.count, bytes[index] == 0x2D { index += 1 }  // -
    let whole = index
    while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
    var digits = index - whole
    guard digits > 0, digits == 1 || bytes[whole] != 0x30 else { return nil }
    if index < bytes.count, bytes[index] == 0x2E {  // .
      index += 1
      let fraction = index
      while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
      guard index > fraction else { return nil }
      digits += index - fraction
    }
    guard digits <= 15, index == bytes.count || (bytes[index] != 0x65 && bytes[index] != 0x45)
    else { return nil }
    return text(start..<index, ascii: true).flatMap { Double($0) }.flatMap {
      $0.isFinite ? $0 : nil
    }
  }

  private mutating func bool() -> Bool? {
    if literal("true") { return true }
    if literal("false") { return false }
    return nil
  }

  /// A date as the session files write it (RFC 3339).
  private mutating func date() -> Date? {
    if let date = writtenDate() { return date }
    return string().flatMap(Timestamp.parse)
  }

  /// A date exactly as this program writes it, `"YYYY-MM-DDTHH:MM:SS.sssZ"`, read in place: a
  /// history holds five or so per answer. The day's midnight comes from `Timestamp.parse`, once
  /// per day in the file, and the time is added as it adds it, so the date is the same `Double`.
  /// Anything else (nil) is read by `Timestamp.parse`.
  private mutating func writtenDate() -> Date? {
    skipWhitespace()
    let start = index + 1
    guard index + 26 <= bytes.count, bytes[index] == 0x22, bytes[start + 24] == 0x22,
      bytes[start + 4] == 0x2D, bytes[start + 7] == 0x2D, bytes[start + 10] == 0x54,  // - - T
      bytes[start + 13] == 0x3A, bytes[start + 16] == 0x3A, bytes[start + 19] == 0x2E,  // : : .
      bytes[start + 23] == 0x5A  // Z
    else { return nil }
    func number(_ offset: Int, _ count: Int) -> Int64? {
      var value: Int64 = 0
      for position in start + offset..<start + offset + count {
        let byte = bytes[position]
        guard byte >= 0x30, byte <= 0x39 else { return nil }
        value = value * 10 + Int64(byte - 0x30)
      }
      return value
    }
    guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
      let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
      let millisecond = number(20, 3), hour < 24, minute < 60, second < 61
    else { return nil }
    let key = (year * 100 + month) * 100 + day
    let midnight: Int64
    if let known = midnights[key] {
      midnight = known
    } else {
      guard let text = text(start..<start + 10, ascii: true),
        let date = Timestamp.parse(text + "T00:00:00.000Z")
      else { return nil }
      midnight = Int64(date.timeIntervalSince1970)
      midnights[key] = midnight
    }
    index += 26
    let seconds = midnight + hour * 3600 + minute * 60 + min(second, 59)
    return Date(timeIntervalSince1970: Double(seconds * 1000 + millisecond) / 1000)
  }

  private mutating func literal(_ word: StaticString) -> Bool {
    skipWhitespace()
    let count = word.utf8CodeUnitCount
    guard index + count <= bytes.count else { return false }
    for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return false }
    index += count
    return true
  }

  private mutating func take(_ byte: UInt8) -> Bool {
    guard index < bytes.count, bytes[index] == byte else { return false }
    index += 1
    return true
  }

  mutating func skipWhitespace() {
    while index < bytes.count,
      bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09
    {
      index += 1
    }
  }

  /// The text of `range`, or nil when it is not UTF-8. `ascii`: the caller saw only bytes below
  /// 0x80 there (digits, most keys and ids), which need no check.
  private func text(_ range: Range<Int>, ascii: Bool) -> String? {
    Self.text(UnsafeBufferPointer(rebasing: bytes[range]), ascii: ascii)
  }

  /// The reader checks the UTF-8 of each string with other bytes than ASCII as it makes it, and
  /// gives up at invalid UTF-8, which `SessionFile.decode` then reports with its line and column
  /// (`String(decoding:as:)` alone would replace it silently). The whole file was checked before
  /// instead: twice the work for its ASCII, most of a session file.
  private static func text(_ bytes: UnsafeBufferPointer<UInt8>, ascii: Bool) -> String? {
    if ascii { return String(decoding: bytes, as: UTF8.self) }
    // One pass that checks and copies, where the standard library has it.
    if #available(macOS 15, iOS 18, tvOS 18, watchOS 11, visionOS 2, *) {
      return String(validating: bytes, as: UTF8.self)
    }
    return UTF8Check.isValid(bytes) ? String(decoding: bytes, as: UTF8.self) : nil
  }
}

extension UInt8 {
  fileprivate var isHexDigit: Bool {
    (self >= 0x30 && self <= 0x39) || (self >= 0x41 && self <= 0x46)
      || (self >= 0x61 && self <= 0x66)
  }
}
