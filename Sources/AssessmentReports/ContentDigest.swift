import AssessmentCore
import Crypto
import Foundation

/// The digest of an assessment's content, as a decision (``SignOff``) was taken on it: the
/// SHA-256 (lowercase hex) of a canonical JSON text of the answers, the derogations and the
/// action plan (docs/team.md, "Management's decision").
///
/// What is hashed, per answer that holds any of it, keyed by question id:
/// `value` (`{"choice":id}`, `{"choices":[ids]}`, `{"text":…}`, `{"number":"…"}` as the shortest
/// decimal that reads back as the same double, `{"derogation":{six fields}}`), `note`,
/// `evidence` (each `reference`, `issued_on`, `valid_until`, `file` `{path, sha256}`), `action`
/// (the plan's eight fields, status as its id), `to_reverify` (a carried answer not yet
/// confirmed: the verdict reads it as unknown) and `conflict` (an unresolved merge conflict:
/// the answer counts as unanswered). An empty note, an empty evidence list, no action, no value,
/// `false` are left out, so an answer that holds nothing of it is absent.
///
/// Not hashed: the history, the provider's claims, the decisions themselves, the flag (the
/// assessor's reminder), when an answer was given, the identification, the cursor and phase:
/// none of them is what was decided on, and a new history entry or decision must not make the
/// content "changed".
///
/// Canonical: objects' keys sorted by their UTF-8 bytes, no whitespace, strings escaping `"`,
/// `\` and the control characters (`\n`, `\r`, `\t`, `\b`, `\f`, else `\u00xx`) only, as the
/// questionnaire digest does (docs/questionnaire-format.md, "Digest"); arrays keep their order
/// (evidence and multiple choices are ordered). The same content gives the same digest whatever
/// the order of the session file's keys.
public enum ContentDigest {
  public static func hex(of answers: [String: Answer]) -> String {
    SHA256.hash(data: canonical(answers).bytes).lowercaseHex
  }

  /// The canonical JSON text hashed (for tests and the documentation).
  public static func json(of answers: [String: Answer]) -> String {
    canonical(answers).text
  }

  static func canonical(_ answers: [String: Answer]) -> JSONTextWriter {
    var json = CanonicalJSON.writer()
    json.openObject()
    json.key("answers")
    json.openObject()
    for id in answers.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
      guard let answer = answers[id], holdsContent(answer) else { continue }
      json.key(id)
      write(answer, to: &json)
    }
    json.closeObject()
    json.closeObject()
    return json
  }

  static func holdsContent(_ answer: Answer) -> Bool {
    answer.action != nil || answer.conflict != nil || !answer.evidence.isEmpty
      || !answer.note.isEmpty || answer.reverify || answer.value != nil
  }

  /// One answer's canonical object, its members in the order of their keys.
  static func write(_ answer: Answer, to json: inout JSONTextWriter) {
    json.openObject()
    if let action = answer.action {
      json.key("action")
      strings(
        [
          ("accepted_by", action.acceptedBy), ("accepted_on", action.acceptedOn),
          ("accepted_until", action.acceptedUntil), ("acceptance_reason", action.acceptanceReason),
          ("due_date", action.dueDate), ("owner", action.owner), ("reference", action.reference),
          ("status", action.status.rawValue),
        ], to: &json)
    }
    if answer.conflict != nil {
      json.key("conflict")
      json.bool(true)
    }
    if !answer.evidence.isEmpty {
      json.key("evidence")
      json.openArray()
      for record in answer.evidence { write(record, to: &json) }
      json.closeArray()
    }
    if !answer.note.isEmpty {
      json.key("note")
      json.string(answer.note)
    }
    if answer.reverify {
      json.key("to_reverify")
      json.bool(true)
    }
    if let value = answer.value {
      json.key("value")
      write(value, to: &json)
    }
    json.closeObject()
  }

  static func write(_ record: EvidenceRecord, to json: inout JSONTextWriter) {
    json.openObject()
    if let file = record.file {
      json.key("file")
      strings([("path", file.path), ("sha256", file.sha256)], to: &json)
    }
    json.key("issued_on")
    json.string(record.issuedOn)
    json.key("reference")
    json.string(record.reference)
    json.key("valid_until")
    json.string(record.validUntil)
    json.closeObject()
  }

  static func write(_ value: AnswerValue, to json: inout JSONTextWriter) {
    json.openObject()
    switch value {
    case .choice(let id):
      json.key("choice")
      json.string(id)
    case .choices(let ids):
      json.key("choices")
      json.openArray()
      for id in ids { json.string(id) }
      json.closeArray()
    case .text(let text):
      json.key("text")
      json.string(text)
    case .number(let number):
      json.key("number")
      json.string("\(number)")
    case .date(let day):
      json.key("date")
      json.string(day)
    case .derogation(let record):
      json.key("derogation")
      strings(
        DerogationRecord.Field.allCases.map { ($0.rawValue, record[$0]) }
          .sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }, to: &json)
    }
    json.closeObject()
  }

  /// An object of string members, given in the order of their keys.
  static func strings(_ members: [(String, String)], to json: inout JSONTextWriter) {
    json.openObject()
    for (key, value) in members {
      json.key(key)
      json.string(value)
    }
    json.closeObject()
  }
}
