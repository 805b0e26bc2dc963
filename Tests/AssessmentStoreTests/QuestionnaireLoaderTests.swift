import AssessmentCore
import Foundation
import Testing

@testable import AssessmentStore
@testable import QuestionnaireFormat

@Suite struct QuestionnaireLoaderTests {
  @Test func loadsTheSmallFixture() throws {
    let loaded = try QuestionnaireLoader.load(path: fixturePath("small.yaml"))
    let questionnaire = loaded.questionnaire
    #expect(questionnaire.id == "small")
    #expect(questionnaire.languages == ["fr", "en", "nl"])
    #expect(questionnaire.sections.map(\.id) == ["scoping", "contract", "privacy"])
    #expect(questionnaire.questions.count == 7)
    let restitution = try #require(questionnaire.question("restitution"))
    #expect(restitution.type == .compliance)
    #expect(restitution.severity == .high)
    #expect(restitution.protects == [.availability, .integrity])
    #expect(restitution.refs == ["2.2.3.b"])
    #expect(restitution.text["fr"] == "Restitution des données.")
    #expect(questionnaire.sections[2].when == .not(.equals("personal_data", "no")))
    #expect(questionnaire.question("deployment_model")?.options.map(\.id) == ["public", "private"])
    #expect(loaded.digest.count == 64)
  }

  let yesno = """
        - id: p
          type: yesno
          text: {fr: "p", en: "p"}
          help: {fr: "h", en: "h"}
    """

  @Test func reportsDuplicateIDs() {
    #expect(
      problems(questionnaireYAML(yesno + "\n" + yesno)) == [
        "14:11: [p] duplicate question id 'p' (first at line 10)"
      ])
  }

  @Test func reportsMissingTranslationsAndUnknownLanguages() {
    let yaml = questionnaireYAML(
      """
            - id: p
              type: yesno
              text: {fr: "p", de: "p"}
              help: {fr: "h", en: ""}
      """)
    #expect(
      problems(yaml) == [
        "12:15: [p] the question text lacks a translation in en",
        "12:25: [p] the question text has a text in 'de', which is not among the questionnaire's languages (fr, en)",
        "13:29: [p] the help in 'en' is empty",
      ])
  }

  @Test func reportsUnknownTypesSeveritiesDimensionsAndKeys() {
    let yaml = questionnaireYAML(
      """
            - id: c
              type: compliance
              refs: ["2.2.1.a"]
              severity: huge
              protects: [secrecy]
              colour: red
              text: {fr: "c", en: "c"}
              help: {fr: "h", en: "h"}
              remediation: {fr: "r", en: "r"}
            - id: d
              type: essay
              text: {fr: "d", en: "d"}
              help: {fr: "h", en: "h"}
      """)
    let found = problems(yaml)
    #expect(found.count == 4, "no knock-on problems: \(found)")
    #expect(found.contains("13:19: [c] unknown severity 'huge'; use low, medium, high or critical"))
    #expect(
      found.contains(
        "14:19: [c] unknown dimension 'secrecy' in protects; use availability, integrity, confidentiality"
      ))
    #expect(found.contains { $0.hasPrefix("15:9: unknown key 'colour' in a question") })
    #expect(
      found.contains(
        "20:15: [d] unknown type 'essay'; use one of compliance, single, multiple, yesno, text, number, derogation, date"
      ))
  }

  @Test func reportsOptionsOnTheWrongTypeAndMissingOptions() {
    let yaml = questionnaireYAML(
      """
            - id: y
              type: yesno
              text: {fr: "y", en: "y"}
              help: {fr: "h", en: "h"}
              options: [{id: a, label: {fr: a, en: a}}, {id: b, label: {fr: b, en: b}}]
            - id: s
              type: single
              text: {fr: "s", en: "s"}
              help: {fr: "h", en: "h"}
      """)
    #expect(
      problems(yaml) == [
        "14:18: [y] a 'yesno' question takes no options",
        "15:9: [s] a 'single' question needs options",
      ])
  }

  @Test func reportsConditionsOnLaterUnknownOrSelfAndBadValues() {
    let yaml = questionnaireYAML(
      """
            - id: a
              type: yesno
              text: {fr: "a", en: "a"}
              help: {fr: "h", en: "h"}
              when: "b == yes"
            - id: b
              type: yesno
              text: {fr: "b", en: "b"}
              help: {fr: "h", en: "h"}
              when: "b || ghost == x"
            - id: c
              type: yesno
              text: {fr: "c", en: "c"}
              help: {fr: "h", en: "h"}
              when: "a == maybe && (b"
            - id: d
              type: yesno
              text: {fr: "d", en: "d"}
              help: {fr: "h", en: "h"}
              when: "a == maybe"
      """)
    #expect(
      problems(yaml) == [
        "14:16: [a] condition, column 1: 'b' comes later; a condition may refer only to earlier questions",
        "19:16: [b] condition, column 1: a question's condition cannot refer to the question itself",
        "19:21: [b] condition, column 6: unknown question 'ghost'",
        "24:32: [c] condition 'a == maybe && (b': column 17: expected ')' at the end",
        "29:21: [d] condition, column 6: 'maybe' is not an answer of 'a' (yes, no)",
      ])
  }

  @Test func compliancQuestionsNeedTheirRiskData() {
    let yaml = questionnaireYAML(
      """
            - id: c
              type: compliance
              text: {fr: "c", en: "c"}
              help: {fr: "h", en: "h"}
      """)
    #expect(
      problems(yaml) == [
        "10:9: [c] a compliance question needs refs",
        "10:9: [c] a compliance question needs a severity",
        "10:9: [c] a compliance question needs protects (availability, integrity, confidentiality)",
        "10:9: [c] a compliance question needs a remediation",
      ])
  }

  @Test func reportsYAMLSyntaxTabsAndDuplicateKeys() {
    #expect(
      problems("a: [1, 2\nb: 3\n").first?.hasPrefix(
        "2:2: YAML syntax: while parsing a flow sequence (line 1)") == true)
    #expect(
      problems("a: 1\n\tb: 2\n") == ["2:1: a tab in the indentation; YAML indents with spaces only"]
    )
    #expect(
      problems("id: a\nid: b\n") == ["2:1: duplicate key id in the same mapping (first at line 1)"])
    #expect(problems("") == ["1:1: the file is empty"])
    #expect(problems("- a\n- b\n") == ["1:1: the questionnaire must be a mapping (key: value)"])
  }

  /// The bytes are checked eight at a time where they are printable ASCII: what is not (tabs,
  /// controls, DEL, characters libyaml reads specially) is still found wherever it is, and sends
  /// the file to libyaml.
  @Test func checksEveryByteWhereverItIs() {
    let indent = String(repeating: " ", count: 11)
    #expect(
      problems("sections:\n" + indent + "\t- id: a\n") == [
        "2:12: a tab in the indentation; YAML indents with spaces only"
      ])
    for padding in 0..<9 {
      let text = String(repeating: "x", count: padding)
      // DEL and other controls: libyaml's refusal.
      for control in ["\u{7F}", "\u{01}"] {
        let found = problems("x-a: \"\(text)\(control)\"\n")
        #expect(
          found.count == 1 && found[0].contains("control characters are not allowed"),
          "\(padding): \(found)")
      }
      // A tab inside a quoted text is text (libyaml reads it).
      let yaml = questionnaireYAML(yesno).replacingOccurrences(
        of: "version: \"1\"", with: "version: \"1\(text)\t\"")
      #expect(problems(yaml) == [], "\(padding)")
      // U+0085 is a line break for libyaml.
      let broken = problems("x-a: a\(text)\u{85}b: 1\n")
      #expect(broken.contains { $0.hasPrefix("2:1: unknown key 'b'") }, "\(padding): \(broken)")
    }
  }

  /// Found by the fuzzer: keys that are lists or aliases, and chains of anchors each nesting the
  /// previous one, made composing recurse without bound (Fuzz/Crashes/FuzzQuestionnaire/).
  @Test func refusesComplexKeysAndAliasChainsThatNestTooDeep() {
    #expect(problems("? [a]\n: 1\n") == ["1:3: a key must be a plain word, not a list"])
    #expect(problems("? {a: b}\n: 1\n") == ["1:3: a key must be a plain word, not a mapping"])
    #expect(
      problems("x-k: &k a\nx-m: {*k : 1}\n") == [
        "2:7: a key must be a plain word, not an alias (*k)"
      ])
    // Eight anchors of ten levels each: 80 levels once the aliases are counted.
    var chain =
      "x-a0: &a0 " + String(repeating: "[", count: 10) + "1" + String(repeating: "]", count: 10)
      + "\n"
    for level in 1...7 {
      chain +=
        "x-a\(level): &a\(level) " + String(repeating: "[", count: 10) + "*a\(level - 1)"
        + String(repeating: "]", count: 10) + "\n"
    }
    let found = problems(chain)
    #expect(found.count == 1)
    #expect(
      found.first?.hasPrefix("7:") == true
        && found.first?.contains("the alias *a5 nests the document deeper than 64 levels") == true,
      "\(found)")
    #expect(
      problems(String(repeating: "[", count: 70) + String(repeating: "]", count: 70)).first?
        .contains("deeper than 64") == true)
    // Both reproducers the fuzzer kept.
    for name in [
      "crash-alias-chain-key-depth-7200.yaml", "crash-c1eca08816869723e20d932d6bb3cef0eace8715",
    ] {
      let path = repositoryRoot + "/Fuzz/Crashes/FuzzQuestionnaire/" + name
      #expect(throws: StoreError.self) { try QuestionnaireLoader.load(path: path) }
    }
  }

  @Test func refusesInvalidUTF8WithItsPosition() {
    var data = Data("format: 1\nid: caf".utf8)
    data.append(0xE9)
    #expect(
      throws: StoreError.questionnaireInvalid([
        QuestionnaireProblem(
          file: "x.yaml", line: 2, column: 8,
          message: "the file is not valid UTF-8; save it as UTF-8")
      ])
    ) {
      try QuestionnaireLoader.load(data: data, source: "x.yaml")
    }
  }

  @Test func unknownTopLevelKeysAreRejectedButXKeysAreKept() {
    let yaml = questionnaireYAML(yesno, extra: "x-owner: me\ncolour: red\n")
    #expect(problems(yaml).count == 1)
    #expect(problems(yaml).first?.contains("unknown key 'colour' in the questionnaire") == true)
  }

  @Test func missingFileAndDirectoryAreClearErrors() {
    #expect(
      throws: StoreError.questionnaireUnreadable(path: "/nonexistent.yaml", reason: "no such file")
    ) {
      try QuestionnaireLoader.load(path: "/nonexistent.yaml")
    }
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    #expect(
      throws: StoreError.questionnaireUnreadable(
        path: directory,
        reason:
          "questionnaire.yaml is missing; a questionnaire directory holds questionnaire.yaml (every key but sections) and sections/*.yaml (the sections, in file-name order)"
      )
    ) {
      try QuestionnaireLoader.load(path: directory)
    }
  }

  /// The SHA-256 of bytes in lowercase hex (a file's digest as earlier versions recorded it, the
  /// session file's in a report).
  @Test func sha256MatchesKnownVectors() {
    func hex(_ bytes: [UInt8]) -> String { QuestionnaireFiles.sha256(of: Data(bytes)) }
    #expect(hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(
      hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(
      hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    #expect(
      hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
        == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }
}
