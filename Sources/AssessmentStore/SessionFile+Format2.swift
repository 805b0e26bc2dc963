// The session file's encoding of format 2 (schemaVersion 2), which also decodes format 1; read
// and migrated in memory to format 3 (SessionFile+Format3.swift).
import AssessmentCore
import Foundation

extension SessionFile {
  struct VersionProbe: Decodable {
    var schemaVersion: Int
  }

  /// The phase a file names, with its session id checked: what every format version's record
  /// must hold before it becomes a `SessionRecord`.
  static func checkedPhase(_ name: String, id: String) throws -> Phase {
    guard let phase = Phase(rawValue: name) else {
      throw DecodingError.dataCorrupted(
        DecodingError.Context(
          codingPath: [], debugDescription: "phase '\(name)' is not a known phase"))
    }
    guard SessionStore.isValidID(id) else {
      throw DecodingError.dataCorrupted(
        DecodingError.Context(
          codingPath: [], debugDescription: "id '\(id)' is not a valid session id"))
    }
    return phase
  }

  /// The session file of format 2, `"schemaVersion": 2`; it also decodes a file of format 1,
  /// which lacks only what format 2 added. A reference alone becomes an evidence record.
  struct FileFormat2: Codable {
    var schemaVersion: Int
    var id: String
    var questionnaire: QuestionnaireReference
    var metadata: Metadata
    var phase: String
    var cursor: Cursor
    var answers: [String: AnswerFormat2]
    var previous: PreviousAssessment?
    var abstract: SessionAbstract?

    struct Metadata: Codable {
      var organisation: String
      var assessor: String
      var provider: String
      var service: String
      var created: Date
      var updated: Date

      init(_ metadata: SessionMetadata) {
        organisation = metadata.organisation
        assessor = metadata.assessor
        provider = metadata.provider
        service = metadata.service
        created = metadata.created
        updated = metadata.updated
      }

      var metadata: SessionMetadata {
        SessionMetadata(
          organisation: organisation, assessor: assessor, provider: provider, service: service,
          created: created, updated: updated)
      }
    }

    struct Cursor: Codable {
      var question: String?
    }

    struct AnswerFormat2: Codable {
      var value: Value?
      var note: String
      var evidence: [String]
      var flagged: Bool
      var answeredAt: Date?
      var action: Action?
      var reverify: Bool

      enum CodingKeys: String, CodingKey {
        case value, note, evidence, flagged, answeredAt, action, reverify
      }

      var answer: Answer {
        Answer(
          value: value?.value, note: note, evidence: evidence.map { EvidenceRecord(reference: $0) },
          flagged: flagged,
          answeredAt: answeredAt,
          action: action?.action, reverify: reverify)
      }

      init(_ answer: Answer) {
        value = answer.value.map(Value.init)
        note = answer.note
        evidence = answer.evidence.map(\.reference)
        flagged = answer.flagged
        answeredAt = answer.answeredAt
        action = answer.action.map(Action.init)
        reverify = answer.reverify
      }

      init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        value = try container.decodeIfPresent(Value.self, forKey: .value)
        note = try container.decodeIfPresent(String.self, forKey: .note) ?? ""
        evidence = try container.decodeIfPresent([String].self, forKey: .evidence) ?? []
        flagged = try container.decodeIfPresent(Bool.self, forKey: .flagged) ?? false
        answeredAt = try container.decodeIfPresent(Date.self, forKey: .answeredAt)
        action = try container.decodeIfPresent(Action.self, forKey: .action)
        reverify = try container.decodeIfPresent(Bool.self, forKey: .reverify) ?? false
        if note.count > SessionFile.maximumNoteLength {
          throw DecodingError.dataCorruptedError(
            forKey: .note, in: container,
            debugDescription:
              "the note has \(note.count) characters, over the limit of \(SessionFile.maximumNoteLength)"
          )
        }
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
      }
    }

    /// The action plan of a gap: `{"owner", "due_date", "status", "reference", "acceptance"}`,
    /// `acceptance` (`{"by", "on", "reason", "until"}`) only when one of its fields is given.
    struct Action: Codable {
      var owner, dueDate, status, reference: String
      var acceptance: Acceptance?

      struct Acceptance: Codable {
        var by, on, reason, until: String
      }

      enum CodingKeys: String, CodingKey {
        case owner, status, reference, acceptance
        case dueDate = "due_date"
      }

      init(_ action: PlanAction) {
        owner = action.owner
        dueDate = action.dueDate
        status = action.status.rawValue
        reference = action.reference
        let acceptance = Acceptance(
          by: action.acceptedBy, on: action.acceptedOn, reason: action.acceptanceReason,
          until: action.acceptedUntil)
        let empty =
          acceptance.by.isEmpty && acceptance.on.isEmpty && acceptance.reason.isEmpty
          && acceptance.until.isEmpty
        self.acceptance = empty ? nil : acceptance
      }

      init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        owner = try container.decodeIfPresent(String.self, forKey: .owner) ?? ""
        dueDate = try container.decodeIfPresent(String.self, forKey: .dueDate) ?? ""
        status = try container.decode(String.self, forKey: .status)
        reference = try container.decodeIfPresent(String.self, forKey: .reference) ?? ""
        acceptance = try container.decodeIfPresent(Acceptance.self, forKey: .acceptance)
        guard ActionStatus(rawValue: status) != nil else {
          throw DecodingError.dataCorruptedError(
            forKey: .status, in: container,
            debugDescription:
              "'\(status)' is not an action status (open, in_progress, done, risk_accepted)")
        }
      }

      var action: PlanAction {
        PlanAction(
          owner: owner, dueDate: dueDate, status: ActionStatus(rawValue: status) ?? .open,
          reference: reference, acceptedBy: acceptance?.by ?? "", acceptedOn: acceptance?.on ?? "",
          acceptanceReason: acceptance?.reason ?? "", acceptedUntil: acceptance?.until ?? "")
      }
    }

    /// Exactly one of the keys: `{"choice": "compliant"}`, `{"choices": [...]}`, `{"text": ...}`,
    /// `{"number": 3}`, `{"derogation": {"reference": ..., "granted_by": ..., "granted_on": ...,
    /// "scope": ..., "measures": ..., "expires_on": ...}}`.
    struct Value: Codable {
      var value: AnswerValue

      init(_ value: AnswerValue) { self.value = value }

      enum CodingKeys: String, CodingKey { case choice, choices, text, number, derogation, date }

      /// A derogation record: every field a string (empty when not given).
      struct Derogation: Codable {
        var reference, grantedBy, grantedOn, scope, measures, expiresOn: String

        enum CodingKeys: String, CodingKey {
          case reference, scope, measures
          case grantedBy = "granted_by", grantedOn = "granted_on", expiresOn = "expires_on"
        }

        init(_ record: DerogationRecord) {
          reference = record.reference
          grantedBy = record.grantedBy
          grantedOn = record.grantedOn
          scope = record.scope
          measures = record.measures
          expiresOn = record.expiresOn
        }

        var record: DerogationRecord {
          DerogationRecord(
            reference: reference, grantedBy: grantedBy, grantedOn: grantedOn, scope: scope,
            measures: measures, expiresOn: expiresOn)
        }
      }

      init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard container.allKeys.count == 1, let key = container.allKeys.first else {
          throw DecodingError.dataCorrupted(
            DecodingError.Context(
              codingPath: container.codingPath,
              debugDescription:
                "an answer value has exactly one of choice, choices, text, number, derogation, date"
            ))
        }
        switch key {
        case .choice: value = .choice(try container.decode(String.self, forKey: .choice))
        case .choices: value = .choices(try container.decode([String].self, forKey: .choices))
        case .text: value = .text(try container.decode(String.self, forKey: .text))
        case .number:
          let number = try container.decode(Double.self, forKey: .number)
          guard number.isFinite else {
            throw DecodingError.dataCorruptedError(
              forKey: .number, in: container, debugDescription: "the number is not finite")
          }
          value = .number(number)
        case .derogation:
          value = .derogation(try container.decode(Derogation.self, forKey: .derogation).record)
        case .date:
          let day = try container.decode(String.self, forKey: .date)
          guard Day.isValid(day) else {
            throw DecodingError.dataCorruptedError(
              forKey: .date, in: container,
              debugDescription: "'\(day)' is not a day written YYYY-MM-DD")
          }
          value = .date(day)
        }
      }

      func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch value {
        case .choice(let id): try container.encode(id, forKey: .choice)
        case .choices(let ids): try container.encode(ids, forKey: .choices)
        case .text(let text): try container.encode(text, forKey: .text)
        case .number(let number): try container.encode(number, forKey: .number)
        case .derogation(let record): try container.encode(Derogation(record), forKey: .derogation)
        case .date(let day): try container.encode(day, forKey: .date)
        }
      }
    }

    /// A file of format 2 (the tests make them; cloud-assess writes format 3).
    init(_ record: SessionRecord) {
      schemaVersion = 2
      id = record.id
      questionnaire = record.questionnaire
      metadata = Metadata(record.metadata)
      phase = record.phase.rawValue
      cursor = Cursor(question: record.cursorQuestionID)
      answers = record.answers.mapValues(AnswerFormat2.init)
      previous = record.previous
      abstract = record.abstract
    }

    func record() throws -> SessionRecord {
      let phase = try SessionFile.checkedPhase(phase, id: id)
      return SessionRecord(
        id: id, questionnaire: questionnaire,
        metadata: metadata.metadata, phase: phase, cursorQuestionID: cursor.question,
        answers: answers.mapValues(\.answer), previous: previous, abstract: abstract)
    }
  }
}
