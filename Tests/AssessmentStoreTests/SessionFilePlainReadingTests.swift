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
  /// `format3: false`: only what format 2 holds.
  func record(_ variant: Int, exoticNumbers: Bool = false, format3: Bool = true) -> SessionRecord {
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
      switch (index + variant) % 7 {
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
      case 5: answer.value = .date("2027-0\(index % 9 + 1)-\(10 + index % 18)")
      default: answer.value = nil
      }
      answer.note = text(index + 2)
      answer.evidence =
        index % 4 == 0
        ? []
        : [
          EvidenceRecord(reference: text(index)),
          EvidenceRecord(
            reference: "contrat.pdf §\(index)", issuedOn: index % 3 == 0 ? "" : "2024-02-29",
            validUntil: index % 2 == 0 ? "2027-12-31" : "",
            file: index % 5 == 1 ? EvidenceFile(path: text(index + 1), sha256: digest) : nil),
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
      if format3 {
        addFormat3(to: &answer, index, text)
      } else {
        answer.evidence = answer.evidence.map { EvidenceRecord(reference: $0.reference) }
      }
      answers["q\(index)_\(variant)"] = answer
    }
    let t0 = self.t0
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
          recheckFrom: variant % 2 == 0 ? nil : "2027-12-31"),
      identificationHistory: !format3 || variant % 6 == 5
        ? []
        : [
          IdentificationChange(at: t0, by: text(4), fields: [.organisation: text(5)]),
          IdentificationChange(
            at: t0.addingTimeInterval(2.5), by: "",
            fields: variant % 2 == 0 ? [:] : [.assessor: text(6), .service: "", .provider: "p"]),
        ],
      signOffs: !format3 || variant % 4 == 2
        ? []
        : [
          SignOff(
            by: text(7), role: text(8), decision: SignOff.Decision.allCases[variant % 3],
            reference: "PV-\(variant)", on: "2026-12-10", conditions: text(9),
            contentDigest: digest, recordedAt: t0, recordedBy: text(10))
        ])
  }

  let digest = String(repeating: "9f", count: 32)

  /// Claims, history and a conflict, varied with the answer's index.
  func addFormat3(to answer: inout Answer, _ index: Int, _ text: (Int) -> String) {
    let values: [AnswerValue?] = [
      .choice("partial"), nil, .text(text(index)), .number(-0.5), .choices(["a", text(index)]),
      .derogation(DerogationRecord(reference: text(index), expiresOn: "2027-01-01")),
    ]
    func value(_ offset: Int) -> AnswerValue? { values[(index + offset) % values.count] }
    let evidence = [
      EvidenceRecord(reference: text(index + 3), validUntil: "2026-06-30"),
      EvidenceRecord(
        reference: "SOC 2", issuedOn: "2026-01-01",
        file: EvidenceFile(path: "/p/\(text(index))", sha256: digest)),
    ]
    if index % 3 != 2 {
      answer.claims = (0..<(index % 3 + 1)).map { claim in
        ProviderClaim(
          value: value(claim), explanation: claim == 0 ? text(index + 4) : "",
          evidence: Array(evidence.prefix(claim + index % 2)), remarks: text(index + claim),
          importedAt: t0.addingTimeInterval(Double(claim) * 86_400.25), workbookSHA256: digest,
          cell: "Questions!F\(index + 3)")
      }
    }
    let origins = AnswerChange.Origin.allCases
    answer.history = (0..<(index % 6)).map { step in
      var parts: [AnswerChange.Part] = []
      if (index + step) % 2 == 0 { parts.append(.value(value(step))) }
      if step % 3 == 1 { parts.append(.note(text(index + step))) }
      if step % 4 == 2 { parts.append(.evidence(Array(evidence.prefix(step % 3)))) }
      if step % 5 == 3 {
        parts.append(.action(step % 2 == 0 ? nil : PlanAction(owner: text(step), status: .done)))
      }
      if step % 2 == 1 { parts.append(.flagged(step % 4 == 1)) }
      if step % 6 == 4 { parts.append(.claim(value(step + 1))) }
      return AnswerChange(
        at: t0.addingTimeInterval(Double(step) * 0.5), by: step % 4 == 3 ? "" : text(index + step),
        origin: origins[(index + step) % origins.count], parts: parts)
    }
    if index % 5 == 2 {
      answer.conflict = AnswerConflict(
        ours: AnswerConflict.Side(
          value: value(0), note: text(index), evidence: evidence, flagged: true,
          action: PlanAction(owner: "o", dueDate: "2026-12-31"), by: text(index + 1), at: t0),
        theirs: AnswerConflict.Side(value: value(1)))
    }
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
      // A file of format 2, as the previous cloud-assess wrote it: read directly too.
      let older = try SortedJSONEncoder.reference(pretty: true).encode(
        SessionFile.FileFormat2(record(variant, format3: false)))
      var migrated = record(variant, format3: false)
      migrated.abstract = nil
      #expect(PlainSessionReader.record(older) == migrated, "variant \(variant), format 2")
      #expect(outcome(older, directly: false) == .record(migrated), "variant \(variant), format 2")
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

  /// Dates in every form RFC 3339 allows and some it does not, in place of one written by the
  /// program: the same date, or the same refusal, read directly or by `Codable`.
  @Test func readsDatesAsCodableDoes() throws {
    let written = String(decoding: try SessionFile.encode(record(1)), as: UTF8.self)
    let target = try #require(written.range(of: "\"created\" : \""))
    let dates = [
      "2026-11-20T10:00:00.000Z", "2024-02-29T23:59:59.999Z", "2024-02-29T23:59:60.500Z",
      "2026-02-29T10:00:00.000Z", "2026-11-20T24:00:00.000Z", "2026-11-20T10:60:00.000Z",
      "2026-11-31T10:00:00.000Z", "2026-13-01T10:00:00.000Z", "0000-01-01T00:00:00.000Z",
      "1969-12-31T23:59:59.999Z", "9999-12-31T23:59:59.999Z", "2026-11-20T10:00:00.000z",
      "2026-11-20t10:00:00.000Z", "2026-11-20T10:00:00Z", "2026-11-20T10:00:00.1234Z",
      "2026-11-20T10:00:00.000+01:00", "+02026-11-20T10:00:00.000Z", "2026-11-20T1a:00:00.000Z",
      "2026-11-20T10:00:00.00aZ", "2026-11-20 10:00:00.000Z", "2026-11-20T10:00:00.000ZZ",
    ]
    for date in dates {
      var text = written
      let end = try #require(text.range(of: "\"", range: target.upperBound..<text.endIndex))
      text.replaceSubrange(target.upperBound..<end.lowerBound, with: date)
      let data = Data(text.utf8)
      #expect(outcome(data) == outcome(data, directly: false), "\(date)")
    }
  }

  /// Variations of a written file, one fault each: the direct reading gives up on each, and the
  /// answer is `Codable`'s, record or error.
  @Test func leavesEverythingElseToCodable() throws {
    let written = String(decoding: try SessionFile.encode(record(1)), as: UTF8.self)
    let edits: [(String, String)] = [
      ("\"schemaVersion\" : 4", "\"schemaVersion\" : 4, \"schemaVersion\" : 4"),  // a key twice
      // unknown key
      ("\"schemaVersion\" : 4", "\"schemaVersion\" : 4, \"extra\" : [1, {\"a\" : null}]"),
      ("\"schemaVersion\" : 4", "\"schemaVersion\" : 5"),
      ("\"schemaVersion\" : 4", "\"schemaVersion\" : 4.0"),
      ("\"schemaVersion\" : 4", "\"schemaVersion\" : \"4\""),
      ("\"schemaVersion\" : 4", "\"sch\\u0065maVersion\" : 4"),  // escaped key
      // A history without its answer, an empty one, an answer holding its own (format 3's).
      ("\"histories\" : {", "\"histories\" : {\"nosuch\" : [], "),
      ("\"histories\" : {", "\"histories\" : {\"q1_1\" : [], "),
      ("\"answeredAt\" : \"", "\"history\" : [], \"answeredAt\" : \""),
      ("\"histories_at\" : ", "\"histories_at\" : -"),
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
      // Format 3's fields.
      ("\"reference\" : \"", "\"reference\" : null, \"r\" : \""),
      ("{\n          \"reference\" : ", "\"a reference alone\", {\n          \"reference\" : "),
      ("\"valid_until\" : \"", "\"valid_until\" : \"\", \"v\" : \""),
      ("\"issued_on\" : \"", "\"issued_on\" : \"2026-13-01\", \"i\" : \""),
      ("\"sha256\" : \"9f", "\"sha256\" : \"9F"),
      ("\"workbook_sha256\" : \"9f", "\"workbook_sha256\" : \"9f9"),
      ("\"content_digest\" : \"", "\"content_digest\" : null, \"d\" : \""),
      ("\"origin\" : \"", "\"origin\" : \"somewhere\", \"o\" : \""),
      ("\"decision\" : \"", "\"decision\" : \"later\", \"d\" : \""),
      ("\"on\" : \"2026-12-10\"", "\"on\" : \"10/12/2026\""),
      ("\"changes\" : {", "\"changes\" : {\"colour\" : 1, "),
      ("\"changes\" : {", "\"changes\" : {\"note\" : null, "),
      ("\"changes\" : {", "\"changes\" : {\"flagged\" : null, "),
      ("\"changes\" : {", "\"changes\" : {\"evidence\" : null, "),
      ("\"changes\" : {", "\"changes\" : null, \"c\" : {"),
      ("\"claims\" : [", "\"claims\" : null, \"c\" : ["),
      ("\"claims\" : [", "\"claims\" : [{\"cell\" : \"A1\"}, "),
      ("\"explanation\" : \"", "\"explanation\" : null, \"e\" : \""),
      ("\"histories\" : {", "\"histories\" : {\"q1_1\" : [{}], "),
      ("\"conflict\" : {", "\"conflict\" : {\"ours\" : {\"value\" : null}, \"o\" : {"),
      ("\"ours\" : {", "\"ours\" : {\"note\" : null, "),
      ("\"fields\" : {", "\"fields\" : {\"colour\" : \"red\", "),
      ("\"fields\" : {", "\"fields\" : {\"service\" : null, "),
      ("\"identification_history\" : [", "\"identification_history\" : null, \"i\" : ["),
      ("\"signoffs\" : [", "\"signoffs\" : [], \"s\" : ["),
      ("\"signoffs\" : [", "\"signoffs\" : [{}, "),
      // Keys read as bytes: one that differs from a known one in its last byte only is unknown.
      ("\"note\" : \"", "\"notE\" : \""),
      ("\"flagged\" : ", "\"flaggeD\" : "),
      ("\"status\" : \"", "\"statuS\" : \""),
      ("\"reason\" : \"", "\"reasoN\" : \""),
      ("\"question\" : ", "\"questioN\" : "),
    ]
    for (index, (target, replacement)) in edits.enumerated() {
      guard let range = written.range(of: target) else {
        Issue.record("edit \(index): '\(target)' is not in the file")
        continue
      }
      let data = Data(written.replacingCharacters(in: range, with: replacement).utf8)
      #expect(outcome(data) == outcome(data, directly: false), "edit \(index): \(replacement)")
    }
    // A version-4 file labelled 3, 2 or 1: its records and histories are not evidence of those
    // formats. Of its many faults JSONDecoder does not always name the same one (it walks the
    // answers in its dictionary's order), so the records are compared.
    for older in [1, 2, 3] {
      let relabelled = Data(
        written.replacingOccurrences(
          of: "\"schemaVersion\" : 4", with: "\"schemaVersion\" : \(older)"
        ).utf8)
      #expect(PlainSessionReader.record(relabelled) == nil)
      #expect(record(relabelled) == nil && record(relabelled, directly: false) == nil)
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
