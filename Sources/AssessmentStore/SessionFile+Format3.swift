// The session file's encoding, formats 3 and 4: evidence as records, the provider's claims, each
// answer's history, merge conflicts, the identification's history and the sign-offs. Format 4 is
// format 3 with the answers' histories in one member after the rest (SessionFile+Format4.swift).
// Files of formats 1 and 2 are decoded by `FileFormat2` and migrated in memory.
import AssessmentCore
import Foundation

extension SessionFile {
  /// The session file of formats 3 and 4 (`"schemaVersion": 3` or `4`). The answer value, the
  /// action, the metadata and the cursor are written as in format 2.
  struct FileFormat3: Codable {
    var schemaVersion: Int
    var id: String
    var questionnaire: QuestionnaireReference
    var metadata: FileFormat2.Metadata
    var phase: String
    var cursor: FileFormat2.Cursor
    var answers: [String: AnswerFormat3]
    var previous: PreviousAssessment?
    var abstract: SessionAbstract?
    var identificationHistory: [IdentificationChangeFormat3]
    var signOffs: [SignOffFormat3]
    /// Format 4: the answers' histories, by question id, out of the answers (each answer's
    /// `history` is then absent).
    var histories: [String: [ChangeFormat3]]

    enum CodingKeys: String, CodingKey {
      case schemaVersion, id, questionnaire, metadata, phase, cursor, answers, previous, abstract
      case identificationHistory = "identification_history", signOffs = "signoffs"
      case histories
    }

    /// The head of a format-4 file: everything but the histories and the version, which
    /// `SessionFile.encode` writes after it (SessionFile+Format4.swift).
    init(head record: SessionRecord) {
      schemaVersion = 4
      id = record.id
      questionnaire = record.questionnaire
      metadata = FileFormat2.Metadata(record.metadata)
      phase = record.phase.rawValue
      cursor = FileFormat2.Cursor(question: record.cursorQuestionID)
      answers = record.answers.mapValues {
        var answer = AnswerFormat3($0)
        answer.history = []
        return answer
      }
      previous = record.previous
      abstract = record.abstract
      identificationHistory = record.identificationHistory.map(IdentificationChangeFormat3.init)
      signOffs = record.signOffs.map(SignOffFormat3.init)
      histories = [:]
    }

    init(from decoder: Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      schemaVersion = try container.decode(Int.self, forKey: .schemaVersion)
      id = try container.decode(String.self, forKey: .id)
      questionnaire = try container.decode(QuestionnaireReference.self, forKey: .questionnaire)
      metadata = try container.decode(FileFormat2.Metadata.self, forKey: .metadata)
      phase = try container.decode(String.self, forKey: .phase)
      cursor = try container.decode(FileFormat2.Cursor.self, forKey: .cursor)
      answers = try container.decode([String: AnswerFormat3].self, forKey: .answers)
      previous = try container.decodeIfPresent(PreviousAssessment.self, forKey: .previous)
      abstract = try container.decodeIfPresent(SessionAbstract.self, forKey: .abstract)
      identificationHistory =
        try container.decodeIfPresent(
          [IdentificationChangeFormat3].self, forKey: .identificationHistory) ?? []
      signOffs = try container.decodeIfPresent([SignOffFormat3].self, forKey: .signOffs) ?? []
      histories = [:]
      guard schemaVersion >= 4 else {
        // A file of version 4 labelled 3 would otherwise lose its histories unseen.
        if container.contains(.histories) {
          throw DecodingError.dataCorruptedError(
            forKey: .histories, in: container,
            debugDescription:
              "histories are kept there since version 4, not in version \(schemaVersion)")
        }
        return
      }
      // Format 4 keeps histories in one place: an answer's own is a file edited by hand.
      if let id = answers.keys.sorted().first(where: { answers[$0]?.history.isEmpty == false }) {
        throw DecodingError.dataCorruptedError(
          forKey: .answers, in: container,
          debugDescription:
            "answers.\(id).history: in version 4, an answer's history is kept in \"histories\"")
      }
      histories =
        try container.decodeIfPresent([String: [ChangeFormat3]].self, forKey: .histories) ?? [:]
      for (id, changes) in histories.sorted(by: { $0.key < $1.key }) {
        guard answers[id] != nil else {
          throw DecodingError.dataCorruptedError(
            forKey: .histories, in: container,
            debugDescription: "histories.\(id): there is no answer \"\(id)\"")
        }
        guard !changes.isEmpty else {
          throw DecodingError.dataCorruptedError(
            forKey: .histories, in: container,
            debugDescription: "histories.\(id): an empty history is left out, not written")
        }
        answers[id]?.history = changes
      }
    }

    /// The head's members, in the order of their keys; the version and the histories are
    /// written after them (SessionFile+Format4.swift).
    func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(id, forKey: .id)
      try container.encode(questionnaire, forKey: .questionnaire)
      try container.encode(metadata, forKey: .metadata)
      try container.encode(phase, forKey: .phase)
      try container.encode(cursor, forKey: .cursor)
      try container.encode(answers, forKey: .answers)
      try container.encodeIfPresent(previous, forKey: .previous)
      try container.encodeIfPresent(abstract, forKey: .abstract)
      if !identificationHistory.isEmpty {
        try container.encode(identificationHistory, forKey: .identificationHistory)
      }
      if !signOffs.isEmpty { try container.encode(signOffs, forKey: .signOffs) }
    }

    func record() throws -> SessionRecord {
      let phase = try SessionFile.checkedPhase(phase, id: id)
      return SessionRecord(
        id: id, questionnaire: questionnaire, metadata: metadata.metadata, phase: phase,
        cursorQuestionID: cursor.question, answers: answers.mapValues(\.answer),
        previous: previous,
        // The abstract of an older format was derived by older rules: never trusted.
        abstract: schemaVersion == SessionFile.schemaVersion ? abstract : nil,
        identificationHistory: identificationHistory.map(\.change),
        signOffs: signOffs.map(\.signOff))
    }
  }

  /// An answer: `value` (absent when unanswered), `note`, `evidence` (records), `flagged`, and
  /// when there is something to say, `answeredAt`, `action`, `reverify`, `claims`, `history`,
  /// `conflict`.
  struct AnswerFormat3: Codable {
    var value: FileFormat2.Value?
    var note: String
    var evidence: [EvidenceFormat3]
    var flagged: Bool
    var answeredAt: Date?
    var action: FileFormat2.Action?
    var reverify: Bool
    var claims: [ClaimFormat3]
    var history: [ChangeFormat3]
    var conflict: ConflictFormat3?

    enum CodingKeys: String, CodingKey {
      case value, note, evidence, flagged, answeredAt, action, reverify, claims, history, conflict
    }

    init(_ answer: Answer) {
      value = answer.value.map(FileFormat2.Value.init)
      note = answer.note
      evidence = answer.evidence.map(EvidenceFormat3.init)
      flagged = answer.flagged
      answeredAt = answer.answeredAt
      action = answer.action.map(FileFormat2.Action.init)
      reverify = answer.reverify
      claims = answer.claims.map(ClaimFormat3.init)
      history = answer.history.map(ChangeFormat3.init)
      conflict = answer.conflict.map(ConflictFormat3.init)
    }

    var answer: Answer {
      Answer(
        value: value?.value, note: note, evidence: evidence.map(\.record), flagged: flagged,
        answeredAt: answeredAt, action: action?.action, reverify: reverify,
        claims: claims.map(\.claim), history: history.map(\.change),
        conflict: conflict?.conflict)
    }

    init(from decoder: Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      value = try container.decodeIfPresent(FileFormat2.Value.self, forKey: .value)
      note = try decodeNote(container, forKey: .note)
      evidence = try container.decodeIfPresent([EvidenceFormat3].self, forKey: .evidence) ?? []
      flagged = try container.decodeIfPresent(Bool.self, forKey: .flagged) ?? false
      answeredAt = try container.decodeIfPresent(Date.self, forKey: .answeredAt)
      action = try container.decodeIfPresent(FileFormat2.Action.self, forKey: .action)
      reverify = try container.decodeIfPresent(Bool.self, forKey: .reverify) ?? false
      claims = try container.decodeIfPresent([ClaimFormat3].self, forKey: .claims) ?? []
      history = try container.decodeIfPresent([ChangeFormat3].self, forKey: .history) ?? []
      conflict = try container.decodeIfPresent(ConflictFormat3.self, forKey: .conflict)
    }

    func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encodeIfPresent(value, forKey: .value)
      try container.encode(note, forKey: .note)
      try container.encode(evidence, forKey: .evidence)
      try container.encode(flagged, forKey: .flagged)
      try container.encodeIfPresent(answeredAt, forKey: .answeredAt)
      try container.encodeIfPresent(action, forKey: .action)
      if reverify { try container.encode(true, forKey: .reverify) }
      if !claims.isEmpty { try container.encode(claims, forKey: .claims) }
      if !history.isEmpty { try container.encode(history, forKey: .history) }
      try container.encodeIfPresent(conflict, forKey: .conflict)
    }
  }

  /// A piece of evidence: `{"reference", "issued_on", "valid_until", "file": {"path", "sha256"}}`,
  /// the days (`YYYY-MM-DD`) and the file only when given.
  struct EvidenceFormat3: Codable {
    var reference: String
    var issuedOn: String
    var validUntil: String
    var file: File?

    struct File: Codable {
      var path: String
      var sha256: String

      init(path: String, sha256: String) {
        self.path = path
        self.sha256 = sha256
      }

      init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        path = try container.decode(String.self, forKey: .path)
        sha256 = try decodeDigest(container, forKey: .sha256)
      }
    }

    enum CodingKeys: String, CodingKey {
      case reference, file
      case issuedOn = "issued_on", validUntil = "valid_until"
    }

    init(_ record: EvidenceRecord) {
      reference = record.reference
      issuedOn = record.issuedOn
      validUntil = record.validUntil
      file = record.file.map { File(path: $0.path, sha256: $0.sha256) }
    }

    var record: EvidenceRecord {
      EvidenceRecord(
        reference: reference, issuedOn: issuedOn, validUntil: validUntil,
        file: file.map { EvidenceFile(path: $0.path, sha256: $0.sha256) })
    }

    init(from decoder: Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      reference = try container.decode(String.self, forKey: .reference)
      issuedOn = try decodeDay(container, forKey: .issuedOn, required: false)
      validUntil = try decodeDay(container, forKey: .validUntil, required: false)
      file = try container.decodeIfPresent(File.self, forKey: .file)
    }

    func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(reference, forKey: .reference)
      if !issuedOn.isEmpty { try container.encode(issuedOn, forKey: .issuedOn) }
      if !validUntil.isEmpty { try container.encode(validUntil, forKey: .validUntil) }
      try container.encodeIfPresent(file, forKey: .file)
    }
  }

  /// A provider claim: `value` (as an answer's, absent when the provider gave none),
  /// `explanation`, `evidence`, `remarks` (absent when empty), `imported_at`, `workbook_sha256`,
  /// `cell`.
  struct ClaimFormat3: Codable {
    var claim: ProviderClaim

    enum CodingKeys: String, CodingKey {
      case value, explanation, evidence, remarks, cell
      case importedAt = "imported_at", workbookSHA256 = "workbook_sha256"
    }

    init(_ claim: ProviderClaim) { self.claim = claim }

    init(from decoder: Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      claim = ProviderClaim(
        value: try container.decodeIfPresent(FileFormat2.Value.self, forKey: .value)?.value,
        explanation: try decodeNote(container, forKey: .explanation),
        evidence: try container.decodeIfPresent([EvidenceFormat3].self, forKey: .evidence)?
          .map(\.record) ?? [],
        remarks: try decodeNote(container, forKey: .remarks),
        importedAt: try container.decode(Date.self, forKey: .importedAt),
        workbookSHA256: try decodeDigest(container, forKey: .workbookSHA256),
        cell: try container.decode(String.self, forKey: .cell))
    }

    func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encodeIfPresent(claim.value.map(FileFormat2.Value.init), forKey: .value)
      if !claim.explanation.isEmpty {
        try container.encode(claim.explanation, forKey: .explanation)
      }
      if !claim.evidence.isEmpty {
        try container.encode(claim.evidence.map(EvidenceFormat3.init), forKey: .evidence)
      }
      if !claim.remarks.isEmpty { try container.encode(claim.remarks, forKey: .remarks) }
      try container.encode(claim.importedAt, forKey: .importedAt)
      try container.encode(claim.workbookSHA256, forKey: .workbookSHA256)
      try container.encode(claim.cell, forKey: .cell)
    }
  }

  /// One change of an answer's history: `{"at", "by", "origin", "changes"}`. `changes` holds a
  /// key for each part the change set, with the part's value after it: `value` (`null`:
  /// cleared), `note`, `evidence`, `action` (`null`: removed), `flagged`, `claim` (the claim's
  /// value, `null` when it had none). A part absent from `changes` was not changed. The parts
  /// are read back in that order, one of each.
  struct ChangeFormat3: Codable {
    var change: AnswerChange

    enum CodingKeys: String, CodingKey { case at, by, origin, changes }

    enum PartKeys: String, CodingKey { case value, note, evidence, action, flagged, claim }

    init(_ change: AnswerChange) { self.change = change }

    init(from decoder: Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      let at = try container.decode(Date.self, forKey: .at)
      let by = try container.decode(String.self, forKey: .by)
      let originName = try container.decode(String.self, forKey: .origin)
      guard let origin = AnswerChange.Origin(rawValue: originName) else {
        throw DecodingError.dataCorruptedError(
          forKey: .origin, in: container,
          debugDescription:
            "'\(originName)' is not an origin ("
            + AnswerChange.Origin.allCases.map(\.rawValue).joined(separator: ", ") + ")")
      }
      let parts = try container.nestedContainer(keyedBy: PartKeys.self, forKey: .changes)
      var read: [AnswerChange.Part] = []
      if parts.contains(.value) {
        read.append(
          .value(try parts.decodeIfPresent(FileFormat2.Value.self, forKey: .value)?.value))
      }
      if parts.contains(.note) {
        read.append(.note(try checkedNote(parts.decode(String.self, forKey: .note), parts, .note)))
      }
      if parts.contains(.evidence) {
        read.append(
          .evidence(try parts.decode([EvidenceFormat3].self, forKey: .evidence).map(\.record)))
      }
      if parts.contains(.action) {
        read.append(
          .action(try parts.decodeIfPresent(FileFormat2.Action.self, forKey: .action)?.action))
      }
      if parts.contains(.flagged) {
        read.append(.flagged(try parts.decode(Bool.self, forKey: .flagged)))
      }
      if parts.contains(.claim) {
        read.append(
          .claim(try parts.decodeIfPresent(FileFormat2.Value.self, forKey: .claim)?.value))
      }
      change = AnswerChange(at: at, by: by, origin: origin, parts: read)
    }

    func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(change.at, forKey: .at)
      try container.encode(change.by, forKey: .by)
      try container.encode(change.origin.rawValue, forKey: .origin)
      var parts = container.nestedContainer(keyedBy: PartKeys.self, forKey: .changes)
      // A part given twice says the value after the change once: the last one.
      for part in change.parts {
        switch part {
        case .value(let value):
          try parts.encode(value.map(FileFormat2.Value.init), forKey: .value)
        case .note(let note): try parts.encode(note, forKey: .note)
        case .evidence(let evidence):
          try parts.encode(evidence.map(EvidenceFormat3.init), forKey: .evidence)
        case .action(let action):
          try parts.encode(action.map(FileFormat2.Action.init), forKey: .action)
        case .flagged(let flagged): try parts.encode(flagged, forKey: .flagged)
        case .claim(let value):
          try parts.encode(value.map(FileFormat2.Value.init), forKey: .claim)
        }
      }
    }
  }

  /// A merge conflict: `{"ours": side, "theirs": side}`, each side the answer as that copy had
  /// it (`value`, `note`, `evidence`, `flagged`, `action`) and who changed it last, and when
  /// (`by`, `at`); keys absent when empty.
  struct ConflictFormat3: Codable {
    var ours: Side
    var theirs: Side

    init(_ conflict: AnswerConflict) {
      ours = Side(conflict.ours)
      theirs = Side(conflict.theirs)
    }

    var conflict: AnswerConflict { AnswerConflict(ours: ours.side, theirs: theirs.side) }

    struct Side: Codable {
      var side: AnswerConflict.Side

      enum CodingKeys: String, CodingKey { case value, note, evidence, flagged, action, by, at }

      init(_ side: AnswerConflict.Side) { self.side = side }

      init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        side = AnswerConflict.Side(
          value: try container.decodeIfPresent(FileFormat2.Value.self, forKey: .value)?.value,
          note: try decodeNote(container, forKey: .note),
          evidence: try container.decodeIfPresent([EvidenceFormat3].self, forKey: .evidence)?
            .map(\.record) ?? [],
          flagged: try container.decodeIfPresent(Bool.self, forKey: .flagged) ?? false,
          action: try container.decodeIfPresent(FileFormat2.Action.self, forKey: .action)?.action,
          by: try container.decodeIfPresent(String.self, forKey: .by) ?? "",
          at: try container.decodeIfPresent(Date.self, forKey: .at))
      }

      func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(side.value.map(FileFormat2.Value.init), forKey: .value)
        if !side.note.isEmpty { try container.encode(side.note, forKey: .note) }
        if !side.evidence.isEmpty {
          try container.encode(side.evidence.map(EvidenceFormat3.init), forKey: .evidence)
        }
        if side.flagged { try container.encode(true, forKey: .flagged) }
        try container.encodeIfPresent(side.action.map(FileFormat2.Action.init), forKey: .action)
        if !side.by.isEmpty { try container.encode(side.by, forKey: .by) }
        try container.encodeIfPresent(side.at, forKey: .at)
      }
    }
  }

  /// A change of the identification: `{"at", "by", "fields": {"organisation": …}}`, the fields
  /// it set with their new values.
  struct IdentificationChangeFormat3: Codable {
    var change: IdentificationChange

    enum CodingKeys: String, CodingKey { case at, by, fields }

    init(_ change: IdentificationChange) { self.change = change }

    init(from decoder: Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      let names = try container.decode([String: String].self, forKey: .fields)
      var fields: [SessionMetadata.Field: String] = [:]
      for (name, value) in names {
        guard let field = SessionMetadata.Field(rawValue: name) else {
          throw DecodingError.dataCorruptedError(
            forKey: .fields, in: container,
            debugDescription:
              "'\(name)' is not an identification field ("
              + SessionMetadata.Field.allCases.map(\.rawValue).joined(separator: ", ") + ")")
        }
        fields[field] = value
      }
      change = IdentificationChange(
        at: try container.decode(Date.self, forKey: .at),
        by: try container.decode(String.self, forKey: .by), fields: fields)
    }

    func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(change.at, forKey: .at)
      try container.encode(change.by, forKey: .by)
      try container.encode(
        Dictionary(uniqueKeysWithValues: change.fields.map { ($0.key.rawValue, $0.value) }),
        forKey: .fields)
    }
  }

  /// A sign-off: `{"by", "role", "decision", "reference", "on", "conditions", "content_digest",
  /// "recorded_at", "recorded_by"}`, `conditions` absent when empty.
  struct SignOffFormat3: Codable {
    var signOff: SignOff

    enum CodingKeys: String, CodingKey {
      case by, role, decision, reference, on, conditions
      case contentDigest = "content_digest", recordedAt = "recorded_at"
      case recordedBy = "recorded_by"
    }

    init(_ signOff: SignOff) { self.signOff = signOff }

    init(from decoder: Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      let decisionName = try container.decode(String.self, forKey: .decision)
      guard let decision = SignOff.Decision(rawValue: decisionName) else {
        throw DecodingError.dataCorruptedError(
          forKey: .decision, in: container,
          debugDescription:
            "'\(decisionName)' is not a decision ("
            + SignOff.Decision.allCases.map(\.rawValue).joined(separator: ", ") + ")")
      }
      signOff = SignOff(
        by: try container.decode(String.self, forKey: .by),
        role: try container.decode(String.self, forKey: .role), decision: decision,
        reference: try container.decode(String.self, forKey: .reference),
        on: try decodeDay(container, forKey: .on, required: true),
        conditions: try decodeNote(container, forKey: .conditions),
        contentDigest: try decodeDigest(container, forKey: .contentDigest),
        recordedAt: try container.decode(Date.self, forKey: .recordedAt),
        recordedBy: try container.decode(String.self, forKey: .recordedBy))
    }

    func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(signOff.by, forKey: .by)
      try container.encode(signOff.role, forKey: .role)
      try container.encode(signOff.decision.rawValue, forKey: .decision)
      try container.encode(signOff.reference, forKey: .reference)
      try container.encode(signOff.on, forKey: .on)
      if !signOff.conditions.isEmpty {
        try container.encode(signOff.conditions, forKey: .conditions)
      }
      try container.encode(signOff.contentDigest, forKey: .contentDigest)
      try container.encode(signOff.recordedAt, forKey: .recordedAt)
      try container.encode(signOff.recordedBy, forKey: .recordedBy)
    }
  }

  /// A line of the journal, `"journal": 3`: the metadata, phase and cursor whole, the answers
  /// that changed whole (`null` for one removed), and the identification's history and the
  /// sign-offs whole when they changed.
  struct JournalEntryFormat3: Codable {
    var journal: Int
    var metadata: FileFormat2.Metadata
    var phase: String
    var cursor: FileFormat2.Cursor
    var answers: [String: AnswerFormat3?]
    var identificationHistory: [IdentificationChangeFormat3]?
    var signOffs: [SignOffFormat3]?

    enum CodingKeys: String, CodingKey {
      case journal, metadata, phase, cursor, answers
      case identificationHistory = "identification_history", signOffs = "signoffs"
    }
  }
}

// MARK: - Strict fields

/// A note-like text: absent is empty, longer than the notes' limit is refused.
private func decodeNote<Key: CodingKey>(_ container: KeyedDecodingContainer<Key>, forKey key: Key)
  throws -> String
{
  try checkedNote(container.decodeIfPresent(String.self, forKey: key) ?? "", container, key)
}

private func checkedNote<Key: CodingKey>(
  _ text: String, _ container: KeyedDecodingContainer<Key>, _ key: Key
) throws -> String {
  if text.count > SessionFile.maximumNoteLength {
    throw DecodingError.dataCorruptedError(
      forKey: key, in: container,
      debugDescription:
        "the \(key.stringValue) has \(text.count) characters, over the limit of \(SessionFile.maximumNoteLength)"
    )
  }
  return text
}

/// A day `YYYY-MM-DD`; when not `required`, absent is empty.
private func decodeDay<Key: CodingKey>(
  _ container: KeyedDecodingContainer<Key>, forKey key: Key, required: Bool
) throws -> String {
  guard required || container.contains(key) else { return "" }
  let text = try container.decode(String.self, forKey: key)
  guard Day.isValid(text) else {
    throw DecodingError.dataCorruptedError(
      forKey: key, in: container, debugDescription: "'\(text)' is not a day (YYYY-MM-DD)")
  }
  return text
}

/// A SHA-256 digest: 64 lowercase hexadecimal digits.
private func decodeDigest<Key: CodingKey>(
  _ container: KeyedDecodingContainer<Key>, forKey key: Key
) throws -> String {
  let text = try container.decode(String.self, forKey: key)
  guard SessionFile.isSHA256(text) else {
    throw DecodingError.dataCorruptedError(
      forKey: key, in: container,
      debugDescription: "'\(text)' is not a SHA-256 digest (64 lowercase hexadecimal digits)")
  }
  return text
}

extension SessionFile {
  /// Whether `text` is a SHA-256 digest as the files write it: 64 lowercase hexadecimal digits.
  static func isSHA256(_ text: String) -> Bool {
    text.utf8.count == 64
      && text.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
  }
}
