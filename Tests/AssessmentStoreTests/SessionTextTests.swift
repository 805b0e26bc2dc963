import AssessmentCore
import Foundation
import Testing

@_spi(Fuzzing) @testable import AssessmentStore

/// Session files and journal lines are written by `SortedJSONEncoder`; these hold them to the
/// text `JSONEncoder` wrote before it, byte for byte, on every session the tests have: the rich
/// record of format 3, the fixtures, the fuzzer's corpus, and random variations of them.
@Suite struct SessionTextTests {

  func expectSameText(_ record: SessionRecord, _ name: String) throws {
    let written = try SessionFile.encode(record)
    let expected = try SessionFile.encodeWithJSONEncoder(record)
    #expect(
      String(decoding: written, as: UTF8.self) == String(decoding: expected, as: UTF8.self),
      "\(name): the file")
    var empty = record
    empty.answers = [:]
    empty.signOffs = []
    empty.identificationHistory = []
    let line = try SessionFile.journalEntry(from: empty, to: record)
    let expectedLine = try SessionFile.journalEntry(
      from: empty, to: record, changed: nil
    ) { [UInt8](try SortedJSONEncoder.reference(pretty: false).encode($0)) }
    #expect(
      String(decoding: line, as: UTF8.self) == String(decoding: expectedLine, as: UTF8.self),
      "\(name): the journal line")
  }

  /// Every session the tests keep as files: fixtures and the session fuzzer's corpus.
  static func sessionFiles() throws -> [(String, SessionRecord)] {
    var found: [(String, SessionRecord)] = []
    for folder in [
      "/Tests/Fixtures/sessions", "/Tests/Fixtures/sessions-v1", "/Fuzz/Corpus/session",
    ] {
      let directory = repositoryRoot + folder
      for name in try FileManager.default.contentsOfDirectory(atPath: directory).sorted() {
        let path = directory + "/" + name
        guard let data = FileManager.default.contents(atPath: path),
          let record = try? SessionFile.decode(data, path: path)
        else { continue }
        found.append((folder + "/" + name, record))
      }
    }
    return found
  }

  @Test func theRichRecordAndEveryKeptSession() throws {
    let files = try Self.sessionFiles()
    // The fixtures and the corpus's readable files: fewer would mean the folders moved.
    #expect(files.count >= 20)
    try expectSameText(Format3Tests.rich(), "rich")
    for (name, record) in files { try expectSameText(record, name) }
  }

  @Test func randomVariationsOfTheRichRecord() throws {
    var random = MergePropertyTests.Generator(state: 20_261_206)
    let texts = [
      "", "\"", "\\", "/", "\n\r\t", "\u{0}\u{1}\u{1F}\u{7F}", "é 雲 🌩", "\u{2028}", "a/b\\c",
    ]
    for round in 0..<40 {
      var record = Format3Tests.rich()
      for id in record.answers.keys.sorted() {
        guard var answer = record.answers[id] else { continue }
        let text = texts[Int(random.next() % UInt64(texts.count))]
        switch random.next() % 7 {
        case 0: answer.note = text + " \(round)"
        case 1: answer.value = .number(Double(Int64(random.next() % 2_000_000)) / 8 - 125_000)
        case 2: answer.value = .text(text)
        case 3:
          answer.answeredAt = Date(
            timeIntervalSince1970: Double(random.next() % 4_000_000_000) / 1000)
        case 4: answer.evidence.append(EvidenceRecord(reference: text))
        case 5: answer.value = .date("20\(10 + round)-0\(1 + round % 9)-1\(round % 10)")
        default: answer.flagged.toggle()
        }
        record.answers[id] = answer
      }
      record.answers["q\(round)"] = Answer(value: .text(texts[round % texts.count]))
      record.metadata.service = texts[(round + 3) % texts.count]
      try expectSameText(record, "variation \(round)")
    }
  }
}
