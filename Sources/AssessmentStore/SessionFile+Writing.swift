import AssessmentCore
import Foundation

/// The head of a format-4 file (SessionFile+Format4.swift) written directly: the text
/// `SortedJSONEncoder` makes of `FileFormat3(head:)`, byte for byte, without building the
/// format's answers and a tree of every value first.
///
/// The answers are nine tenths of a session's bytes and were most of writing one: each went
/// through the `Encoder` containers, a node per value and a sort of its keys, after a copy into
/// `AnswerFormat3`. Here an answer's members are written in the order of their keys from the
/// record itself; the parts that are rare or nested (a derogation, several choices, a number,
/// claims, a conflict, evidence records, an action's acceptance) and every member of the file
/// but the answers are still written by their `Encodable` conformance of SessionFile+Format3.swift
/// and SessionFile+Format2.swift, through the same writer. That conformance stays the format's
/// description: `SessionTextTests` and the session fuzzer compare this text with `JSONEncoder`'s
/// on every session they have (`SessionFile.encodeWithJSONEncoder`).
extension SessionFile {
  static func headText(_ record: SessionRecord) throws -> [UInt8] {
    // About the bytes written, so that the buffer is not copied as it grows.
    let notes = record.answers.values.reduce(0) { $0 + $1.note.utf8.count }
    var writer = JSONTextWriter(pretty: true, capacity: 4096 + notes + 512 * record.answers.count)
    writer.openObject()
    // The members in the order of their keys.
    if let abstract = record.abstract {
      writer.key("abstract")
      try SortedJSONEncoder.write(abstract, to: &writer)
    }
    writer.key("answers")
    try writeAnswers(record.answers, to: &writer)
    writer.key("cursor")
    try SortedJSONEncoder.write(FileFormat2.Cursor(question: record.cursorQuestionID), to: &writer)
    writer.key("id")
    writer.string(record.id)
    if !record.identificationHistory.isEmpty {
      writer.key("identification_history")
      try SortedJSONEncoder.write(
        record.identificationHistory.map(IdentificationChangeFormat3.init), to: &writer)
    }
    writer.key("metadata")
    try SortedJSONEncoder.write(FileFormat2.Metadata(record.metadata), to: &writer)
    writer.key("phase")
    writer.string(record.phase.rawValue)
    if let previous = record.previous {
      writer.key("previous")
      try SortedJSONEncoder.write(previous, to: &writer)
    }
    writer.key("questionnaire")
    try SortedJSONEncoder.write(record.questionnaire, to: &writer)
    if !record.signOffs.isEmpty {
      writer.key("signoffs")
      try SortedJSONEncoder.write(record.signOffs.map(SignOffFormat3.init), to: &writer)
    }
    writer.closeObject()
    return writer.bytes
  }

  /// The answers by question id, ids in the order of their UTF-8 bytes.
  private static func writeAnswers(_ answers: [String: Answer], to writer: inout JSONTextWriter)
    throws
  {
    writer.openObject()
    for id in answers.keys.sorted(by: { SortedJSONEncoder.utf8Order($0, $1) < 0 }) {
      guard let answer = answers[id] else { continue }
      writer.key(id)
      try writeAnswer(answer, to: &writer)
    }
    writer.closeObject()
  }

  /// An answer as `AnswerFormat3` encodes it without its history (the head leaves histories to
  /// the end of the file).
  private static func writeAnswer(_ answer: Answer, to writer: inout JSONTextWriter) throws {
    writer.openObject()
    if let action = answer.action {
      writer.key("action")
      try writeAction(action, to: &writer)
    }
    if let answeredAt = answer.answeredAt {
      writer.key("answeredAt")
      writer.string(Timestamp.format(answeredAt))
    }
    if !answer.claims.isEmpty {
      writer.key("claims")
      try SortedJSONEncoder.write(answer.claims.map(ClaimFormat3.init), to: &writer)
    }
    if let conflict = answer.conflict {
      writer.key("conflict")
      try SortedJSONEncoder.write(ConflictFormat3(conflict), to: &writer)
    }
    writer.key("evidence")
    if answer.evidence.isEmpty {
      writer.openArray()
      writer.closeArray()
    } else {
      try SortedJSONEncoder.write(answer.evidence.map(EvidenceFormat3.init), to: &writer)
    }
    writer.key("flagged")
    writer.bool(answer.flagged)
    writer.key("note")
    writer.string(answer.note)
    if answer.reverify {
      writer.key("reverify")
      writer.bool(true)
    }
    if let value = answer.value {
      writer.key("value")
      switch value {
      case .choice(let id): writeSingle("choice", id, to: &writer)
      case .text(let text): writeSingle("text", text, to: &writer)
      case .date(let day): writeSingle("date", day, to: &writer)
      case .choices, .number, .derogation:
        try SortedJSONEncoder.write(FileFormat2.Value(value), to: &writer)
      }
    }
    writer.closeObject()
  }

  /// `FileFormat2.Action`: the acceptance only when one of its fields is given.
  private static func writeAction(_ action: PlanAction, to writer: inout JSONTextWriter) throws {
    let format = FileFormat2.Action(action)
    writer.openObject()
    if let acceptance = format.acceptance {
      writer.key("acceptance")
      try SortedJSONEncoder.write(acceptance, to: &writer)
    }
    writer.key("due_date")
    writer.string(format.dueDate)
    writer.key("owner")
    writer.string(format.owner)
    writer.key("reference")
    writer.string(format.reference)
    writer.key("status")
    writer.string(format.status)
    writer.closeObject()
  }

  /// An object of one string member (a value's choice, text or day).
  private static func writeSingle(_ key: String, _ text: String, to writer: inout JSONTextWriter) {
    writer.openObject()
    writer.key(key)
    writer.string(text)
    writer.closeObject()
  }
}
