import AssessmentCore
import Foundation
import QuestionnaireFormat
import Testing

@testable import AssessmentStore

/// The `date` question type, read from a questionnaire and kept in a session file.
@Suite struct DateTypeTests {
  static func yaml(when: String? = nil) -> String {
    """
    format: 1
    id: dates
    version: "1"
    languages: [en]
    title: {en: Dates}
    sections:
      - id: s
        title: {en: S}
        questions:
          - id: reviewed_on
            type: date
            text: {en: "Reviewed on?"}
            help: {en: "The day of the last review."}
          - id: later
            type: text
            text: {en: "Later"}
            help: {en: "-"}
    """ + (when.map { "\n        when: \"\($0)\"" } ?? "") + "\n"
  }

  @Test func aDateQuestionIsRead() throws {
    let questionnaire = try QuestionnaireFiles.parse(Self.yaml(), source: "dates.yaml")
    #expect(questionnaire.question("reviewed_on")?.type == .date)
    let question = try #require(questionnaire.question("reviewed_on"))
    #expect(questionnaire.fits(.date("2027-03-31"), question))
    #expect(!questionnaire.fits(.date("2027-02-30"), question))
    #expect(!questionnaire.fits(.text("2027-03-31"), question))
  }

  @Test func aConditionMayAskOnlyWhetherADateIsAnswered() throws {
    _ = try QuestionnaireFiles.parse(Self.yaml(when: "answered(reviewed_on)"), source: "d.yaml")
    #expect {
      try QuestionnaireFiles.parse(Self.yaml(when: "reviewed_on == x"), source: "d.yaml")
    } throws: { error in
      "\(error)".contains("is a date question; only answered() applies")
    }
  }

  @Test func aDateAnswerIsWrittenAsADayAndReadBack() throws {
    let record = SessionRecord(
      id: "20261130-101500-abcd",
      questionnaire: QuestionnaireReference(id: "dates", version: "1", digest: "00"),
      metadata: SessionMetadata(created: t0, updated: t0), phase: .questions,
      cursorQuestionID: nil,
      answers: ["reviewed_on": Answer(value: .date("2027-03-31"))])
    let data = try SessionFile.encode(record)
    #expect(
      String(decoding: data, as: UTF8.self).contains(#""date":"2027-03-31""#)
        || String(decoding: data, as: UTF8.self).contains(#""date" : "2027-03-31""#))
    #expect(
      try SessionFile.decode(data, path: "s.json").answers["reviewed_on"]?.value
        == .date("2027-03-31"))
  }

  @Test func aFileHoldingSomethingElseThanADayIsRefused() throws {
    let record = SessionRecord(
      id: "20261130-101500-abcd",
      questionnaire: QuestionnaireReference(id: "dates", version: "1", digest: "00"),
      metadata: SessionMetadata(created: t0, updated: t0), phase: .questions,
      cursorQuestionID: nil,
      answers: ["reviewed_on": Answer(value: .date("2027-03-31"))])
    let text = String(decoding: try SessionFile.encode(record), as: UTF8.self)
      .replacingOccurrences(of: "2027-03-31", with: "2027-02-30")
    #expect(throws: (any Error).self) { try SessionFile.decode(Data(text.utf8), path: "s.json") }
  }
}
