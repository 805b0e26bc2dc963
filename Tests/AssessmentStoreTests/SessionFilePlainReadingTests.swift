import AssessmentCore
import Foundation
import Testing

@_spi(Fuzzing) @testable import AssessmentStore

/// The direct reading of plain session files (SessionFile+PlainReading.swift) against the
/// `Codable` decoding it stands in for: on every file it accepts, the same record; on any other,
/// it gives up and `SessionFile.decode` answers exactly as `Codable` does.
@Suite struct SessionFilePlainReadingTests {
  // Times in binary fractions of a second: they come back from the file exactly.
  let t0 = Date(timeIntervalSince1970: 1_800_000_000.125)

  /// Every kind of value and field the format has, with texts that need escaping.
  /// `exoticNumbers`: numbers the writer spells with an exponent or 16 digits, left to `Codable`.
  func record(_ variant: Int, exoticNumbers: Bool = false) -> SessionRecord {
    let texts = [
      "", "plain", "quote \" backslash \\ slash / tab \t", "lines\nand\r\nbreaks\r",
      "accents éèà «»",
      "emoji 📦 and ZWJ 👩‍💻", "control \u{01}\u{1F} and DEL \u{7F}", "NUL \u{0} inside",
      "  spaces around  ",
      "combining e\u{301} and %1", "<script>alert('x')</script> & co",
    ]
    func text(_ index: Int) -> String { texts[(index + variant) % texts.count] }
    let numbers: [Double] =
      exoticNumbers
      ? [1e20, 1e-7, 4_503_599_627_370_497, 0.1 + 0.2]
      : [0, -0.5, 12.5, 123_456.789, -3, 0.1, 2.25]
    var answers: [String: Answer] = [:]
    for index in 0..<24 {
      var answer = Answer(
        answeredAt: index % 3 == 0 ? nil : t0.addingTimeInterval(Double(index) * 61.25))
      switch (index + variant) % 6 {
      case 0: answer.value = .choice(["compliant", "partial", "na", "yes", text(index)][index % 5])
      case 1: answer.value = .choices(index % 2 == 0 ? [] : ["a", text(index), "c"])
      case 2: answer.value = .text(text(index))
      case 3: answer.value = .number(numbers[index % numbers.count])
      case 4:
        answer.value = .derogation(
          DerogationRecord(
            reference: text(index), grantedBy: "Comité", grantedOn: "2026-01-15",
            scope: text(index + 1),
            measures: "", expiresOn: index % 2 == 0 ? "2027-12-31" : "not a day"))
      default: answer.value = nil
      }
      answer.note = text(index + 2)
      answer.evidence =
        index % 4 == 0
        ? []
        : [
          EvidenceRecord(reference: text(index)),
          EvidenceRecord(reference: "contrat.pdf §\(index)"),
        ]
      answer.flagged = index % 5 == 0
      answer.reverify = index % 7 == 0
      if index % 3 == 1 {
        answer.action = PlanAction(
          owner: text(index + 3), dueDate: index % 2 == 0 ? "2026-12-31" : "",
          status: ActionStatus.allCases[index % 4],
          reference: text(index + 4), acceptedBy: index % 2 == 0 ? "RSSI" : "", acceptedOn: "",
          acceptanceReason: index % 2 == 0 ? text(index + 5) : "", acceptedUntil: "")
      }
      answers["q\(index)_\(variant)"] = answer
    }
    return SessionRecord(
      id: "20261130-101500-ab\(variant % 10)\(variant / 10)",
      questionnaire: QuestionnaireReference(
        id: "be-socsec-cloud", version: "2.0.0", digest: String(repeating: "c", count: 64),
        path: variant % 2 == 0 ? nil : "/home/me/q \"x\".yaml"),
      metadata: SessionMetadata(
        organisation: text(0), assessor: text(1), provider: text(2), service: text(3), created: t0,
        updated: t0.addingTimeInterval(3600.5)),
      phase: Phase.allCases[variant % Phase.allCases.count],
      cursorQuestionID: variant % 3 == 0 ? nil : "q1_\(variant)", answers: answers,
      previous: variant % 2 == 0
        ? nil : PreviousAssessment(id: "20251130-101500-0000", path: "/tmp/a b.json"),
      abstract: variant % 4 == 3
        ? nil
        : SessionAbstract(
          questionnaire: "be-socsec-cloud", organisation: text(0), provider: text(2),
          service: text(3),
          created: t0, updated: t0, phase: "questions", answered: 12, applicable: 24,
          verdict: "not_acceptable", pendingDue: ["2026-12-31", ""],
          recheckFrom: variant % 2 == 0 ? nil : "2027-12-31"))
  }

  enum Outcome: Equatable {
    case record(SessionRecord)
    case error(String)
  }

  /// What `decode` says of `data`: the record, or the error's message; with `directly: false`,
  /// by `JSONDecoder` alone.
  func outcome(_ data: Data, directly: Bool = true) -> Outcome {
    do {
      return .record(
        try SessionFile.decode(data, path: "f.json", readingPlainFilesDirectly: directly))
    } catch {
      return .error(error.message(.en))
    }
  }

  func record(_ data: Data, directly: Bool = true) -> SessionRecord? {
    try? SessionFile.decode(data, path: "f.json", readingPlainFilesDirectly: directly)
  }

  @Test func readsWhatTheWriterWritesAsCodableDoes() throws {
    for variant in 0..<12 {
      let data = try SessionFile.encode(record(variant))
      let plain = PlainSessionReader.record(data)
      #expect(plain != nil, "variant \(variant): a file as written is read directly")
      #expect(outcome(data, directly: false) == plain.map(Outcome.record), "variant \(variant)")
      #expect(plain == record(variant), "variant \(variant)")
      // Numbers written with an exponent: left to `Codable`, with the same result.
      let exotic = try SessionFile.encode(record(variant, exoticNumbers: true))
      #expect(
        outcome(exotic) == outcome(exotic, directly: false), "variant \(variant), exotic numbers")
      #expect(
        outcome(exotic) == .record(record(variant, exoticNumbers: true)),
        "variant \(variant), exotic numbers")
    }
  }

  @Test func readsTheFixturesAndTheFuzzCorpusAsCodableDoes() throws {
    var files: [String] = []
    for directory in [
      "Tests/Fixtures/sessions", "Tests/Fixtures/sessions-v1", "Fuzz/Corpus/session",
      "Fuzz/Crashes/FuzzSession",
    ] {
      let path = repositoryRoot + "/" + directory
      for name in try FileManager.default.contentsOfDirectory(atPath: path).sorted() {
        files.append(path + "/" + name)
      }
    }
    #expect(files.count > 20)
    var readDirectly = 0
    for file in files {
      let data = try Data(contentsOf: URL(fileURLWithPath: file))
      if let plain = PlainSessionReader.record(data) {
        readDirectly += 1
        #expect(outcome(data, directly: false) == .record(plain), "\(file)")
      }
      // Records, not errors: of several faults in a file, JSONDecoder does not always name the
      // same one (Fuzz/README.md).
      #expect(record(data) == record(data, directly: false), "\(file)")
    }
    #expect(readDirectly >= 7, "the fixtures, version 1 and 2, are plain files")
  }

  /// Invalid UTF-8 in a string, a key or an escaped string: the direct reading gives up (it does
  /// not replace the bytes, as `String(decoding:as:)` would), and the file is refused with the
  /// line and column of the first bad byte, as when the whole file is checked first.
  @Test func givesUpAtInvalidUTF8AndTheFileIsRefusedWithItsPlace() throws {
    let written = Array(try SessionFile.encode(record(1)))
    func replacing(_ target: String, with replacement: [UInt8]) -> Data? {
      let needle = Array(target.utf8)
      guard
        let start = (0...(written.count - needle.count)).first(where: {
          written[$0..<$0 + needle.count].elementsEqual(needle)
        })
      else { return nil }
      return Data(written[..<start] + replacement + written[(start + needle.count)...])
    }
    let cases: [(String, [UInt8])] = [
      // a lead byte without its follower
      ("\"choice\" : \"", Array("\"choice\" : \"".utf8) + [0xC3, 0x28]),
      ("\"note\" : \"", Array("\"note\" : \"".utf8) + [0xED, 0xA0, 0x80]),  // an encoded surrogate
      ("\"note\" : \"", Array("\"note\" : \"\\n".utf8) + [0xFF]),  // after an escape
      ("\"flagged\"", Array("\"flag".utf8) + [0xE9] + Array("d\"".utf8)),  // in a key (Latin-1 é)
    ]
    for (index, (target, replacement)) in cases.enumerated() {
      guard let data = replacing(target, with: replacement) else {
        Issue.record("case \(index): '\(target)' is not in the file")
        continue
      }
      #expect(PlainSessionReader.record(data) == nil, "case \(index)")
      guard case .error(let message) = outcome(data) else {
        Issue.record("case \(index): read")
        continue
      }
      #expect(message.contains("invalid UTF-8 at line"), "case \(index): \(message)")
      #expect(outcome(data) == outcome(data, directly: false), "case \(index)")
    }
  }

  /// Variations of a written file, one fault each: the direct reading gives up on each, and the
  /// answer is `Codable`'s, record or error.
  @Test func leavesEverythingElseToCodable() throws {
    let written = String(decoding: try SessionFile.encode(record(1)), as: UTF8.self)
    let edits: [(String, String)] = [
      ("\"schemaVersion\" : 2", "\"schemaVersion\" : 2, \"schemaVersion\" : 2"),  // a key twice
      // unknown key
      ("\"schemaVersion\" : 2", "\"schemaVersion\" : 2, \"extra\" : [1, {\"a\" : null}]"),
      ("\"schemaVersion\" : 2", "\"schemaVersion\" : 3"),
      ("\"schemaVersion\" : 2", "\"schemaVersion\" : 1"),
      ("\"schemaVersion\" : 2", "\"schemaVersion\" : 2.0"),
      ("\"schemaVersion\" : 2", "\"schemaVersion\" : \"2\""),
      ("\"schemaVersion\" : 2", "\"sch\\u0065maVersion\" : 2"),  // escaped key
      ("\"phase\" : \"", "\"phase\" : \"x"),
      ("\"flagged\" : false", "\"flagged\" : 0"),
      ("\"flagged\" : false", "\"flagged\" : null"),
      ("\"note\" : \"", "\"note\" : null, \"x\" : \""),
      ("\"evidence\" : [", "\"evidence\" : [null, "),
      ("\"status\" : \"", "\"status\" : \"closed"),
      ("\"status\" : \"", "\"status\" : null, \"s\" : \""),
      ("\"choice\" : \"", "\"choice\" : \"\\ud83d\\udce6"),  // surrogate pair
      ("\"choice\" : \"", "\"choice\" : \"\\u00e9\\n"),
      ("\"choice\" : \"", "\"choice\" : \"\\u+0e9"),  // not four hexadecimal digits
      ("\"choice\" : \"", "\"choice\" : \"\\u00E9\\x"),  // not an escape
      ("\"choice\" : \"", "\"text\" : \"a\", \"choice\" : \""),  // two kinds of value
      ("\"number\" : ", "\"number\" : 1e3, \"n\" : "),
      ("\"number\" : ", "\"number\" : -0.0, \"n\" : "),
      ("\"created\" : \"", "\"created\" : \"2026"),
      ("\"cursor\" : {", "\"cursor\" : null, \"c\" : {"),
      ("\"previous\" : {", "\"previous\" : null, \"p\" : {"),
      ("\"abstract\" : {", "\"abstract\" : null, \"a\" : {"),
      ("\"answeredAt\" : \"", "\"answeredAt\" : null, \"t\" : \""),
      ("{\n", "\u{FEFF}{\n"),  // a byte-order mark
      ("{\n", "{\n\"id\" : \"bad id\", "),
    ]
    for (index, (target, replacement)) in edits.enumerated() {
      guard let range = written.range(of: target) else {
        Issue.record("edit \(index): '\(target)' is not in the file")
        continue
      }
      let data = Data(written.replacingCharacters(in: range, with: replacement).utf8)
      #expect(outcome(data) == outcome(data, directly: false), "edit \(index): \(replacement)")
    }
    // Cut anywhere: never a different answer.
    let bytes = Array(written.utf8)
    for length in stride(from: 0, to: bytes.count, by: 97) {
      let data = Data(bytes[..<length])
      #expect(PlainSessionReader.record(data) == nil)
      #expect(outcome(data) == outcome(data, directly: false), "cut at \(length)")
    }
  }
}
