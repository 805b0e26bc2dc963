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
    var hasher = SHA256()
    hasher.update(data: Array(json(of: answers).utf8))
    return hasher.finalize().map { byte in
      let digits = Array("0123456789abcdef".utf8)
      return String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 15)]], as: UTF8.self)
    }.joined()
  }

  /// The canonical JSON text hashed (for tests and the documentation).
  public static func json(of answers: [String: Answer]) -> String {
    var out = "{\"answers\":{"
    var first = true
    for id in answers.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
      guard let answer = answers[id], let object = content(answer) else { continue }
      if !first { out += "," }
      first = false
      out += string(id) + ":" + object
    }
    return out + "}}"
  }

  /// One answer's canonical object, nil when it holds nothing hashed.
  static func content(_ answer: Answer) -> String? {
    var members: [(String, String)] = []
    if let action = answer.action {
      members.append(
        (
          "action",
          object([
            ("accepted_by", string(action.acceptedBy)), ("accepted_on", string(action.acceptedOn)),
            ("accepted_until", string(action.acceptedUntil)),
            ("acceptance_reason", string(action.acceptanceReason)),
            ("due_date", string(action.dueDate)), ("owner", string(action.owner)),
            ("reference", string(action.reference)), ("status", string(action.status.rawValue)),
          ])
        ))
    }
    if answer.conflict != nil { members.append(("conflict", "true")) }
    if !answer.evidence.isEmpty {
      members.append(("evidence", "[" + answer.evidence.map(evidence).joined(separator: ",") + "]"))
    }
    if !answer.note.isEmpty { members.append(("note", string(answer.note))) }
    if answer.reverify { members.append(("to_reverify", "true")) }
    if let value = answer.value { members.append(("value", self.value(value))) }
    return members.isEmpty ? nil : object(members)
  }

  static func evidence(_ record: EvidenceRecord) -> String {
    var members = [("issued_on", string(record.issuedOn)), ("reference", string(record.reference))]
    if let file = record.file {
      members.insert(
        ("file", object([("path", string(file.path)), ("sha256", string(file.sha256))])), at: 0)
    }
    members.append(("valid_until", string(record.validUntil)))
    return object(members)
  }

  static func value(_ value: AnswerValue) -> String {
    switch value {
    case .choice(let id): return object([("choice", string(id))])
    case .choices(let ids):
      return object([("choices", "[" + ids.map(string).joined(separator: ",") + "]")])
    case .text(let text): return object([("text", string(text))])
    case .number(let number): return object([("number", string("\(number)"))])
    case .date(let day): return object([("date", string(day))])
    case .derogation(let record):
      return object([
        (
          "derogation",
          object(
            DerogationRecord.Field.allCases.map { ($0.rawValue, string(record[$0])) }
              .sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) })
        )
      ])
    }
  }

  /// Members given in sorted order.
  static func object(_ members: [(String, String)]) -> String {
    "{" + members.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
  }

  static func string(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{08}": out += "\\b"
      case "\u{0C}": out += "\\f"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
