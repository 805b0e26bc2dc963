import AssessmentCore
import Foundation
import Testing

@testable import AssessmentStore
@testable import QuestionnaireFormat

/// Questionnaires made of a directory: `questionnaire.yaml` and `sections/*.yaml`.
@Suite struct QuestionnaireDirectoryTests {
  let top = """
    # The top file: every key but the sections.
    format: 1
    id: t
    version: "1"
    languages: [fr, en]
    title: {fr: "T", en: "T"}

    """

  func section(_ id: String, questions: [String]) -> String {
    var text = """
      - id: \(id)
        title: {fr: "S", en: "S"}
        questions:

      """
    for question in questions {
      text += """
            - id: \(question)
              type: yesno
              text: {fr: "p", en: "p"}
              help: {fr: "h", en: "h"}

        """
    }
    return text
  }

  /// A questionnaire directory with these files (relative paths → text); removed by the caller.
  func directory(_ files: [String: String]) throws -> String {
    let path = temporaryDirectory() + "/q"
    for (name, text) in files {
      let file = path + "/" + name
      try FileManager.default.createDirectory(
        atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try text.write(toFile: file, atomically: true, encoding: .utf8)
    }
    return path
  }

  func problems(_ path: String) -> [String] {
    do {
      _ = try QuestionnaireLoader.load(path: path)
      return []
    } catch .questionnaireInvalid(let problems) {
      return problems.map { $0.description }
    } catch {
      return ["\(error)"]
    }
  }

  @Test func readsThePartsInFileNameOrder() throws {
    let path = try directory([
      "questionnaire.yaml": top,
      "sections/20-b.yaml": section("b", questions: ["q3"]),
      "sections/10-a.yaml": section("a", questions: ["q1", "q2"]),
      "sections/README.md": "not a part",
    ])
    defer {
      try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
    }
    let loaded = try QuestionnaireLoader.load(path: path)
    #expect(loaded.questionnaire.sections.map(\.id) == ["a", "b"])
    #expect(loaded.questionnaire.questions.map(\.id) == ["q1", "q2", "q3"])
    #expect(loaded.file == path)
  }

  @Test func aProblemInAPartNamesThatPartsFileLineAndColumn() throws {
    var part = section("b", questions: ["q3"])
    part = part.replacingOccurrences(of: "type: yesno", with: "type: yesnoo")
    let path = try directory([
      "questionnaire.yaml": top,
      "sections/10-a.yaml": section("a", questions: ["q1"]),
      "sections/20-b.yaml": part,
    ])
    defer {
      try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
    }
    #expect(
      problems(path) == [
        "\(path)/sections/20-b.yaml:5:13: [q3] unknown type 'yesnoo'; use one of compliance, single, multiple, yesno, text, number, derogation, date"
      ])
  }

  @Test func aDuplicateAcrossPartsSaysWhereTheFirstIs() throws {
    let path = try directory([
      "questionnaire.yaml": top,
      "sections/10-a.yaml": section("a", questions: ["q1"]),
      "sections/20-b.yaml": section("b", questions: ["q1"]),
    ])
    defer {
      try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
    }
    #expect(
      problems(path) == [
        "\(path)/sections/20-b.yaml:4:11: [q1] duplicate question id 'q1' (first at \(path)/sections/10-a.yaml:4)"
      ])
  }

  @Test func syntaxErrorsOfEveryFileAreReportedInFileOrder() throws {
    let path = try directory([
      "questionnaire.yaml": top + "description: [a\n",
      "sections/10-a.yaml": section("a", questions: ["q1"]),
      "sections/20-b.yaml": "- id: b\n  title: {fr: \"S\"\n",
    ])
    defer {
      try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
    }
    let found = problems(path)
    #expect(found.count == 2)
    #expect(found.first?.hasPrefix("\(path)/questionnaire.yaml:8:") == true, "\(found)")
    #expect(found.last?.hasPrefix("\(path)/sections/20-b.yaml:3:") == true, "\(found)")
  }

  /// The digest is over the content: the same sections split into other parts, a single file
  /// holding them, other comments, quoting and key order give the same digest; a change does not.
  @Test func aResplitGivesTheSameDigest() throws {
    let a = section("a", questions: ["q1", "q2"])
    let b = section("b", questions: ["q3"])
    let two = try directory([
      "questionnaire.yaml": top, "sections/10-a.yaml": a, "sections/20-b.yaml": b,
    ])
    let one = try directory(["questionnaire.yaml": top, "sections/all.yaml": a + b])
    let three = try directory([
      "questionnaire.yaml": "# Other comments.\n"
        + top.replacingOccurrences(of: "version: \"1\"", with: "version: '1'"),
      "sections/1.yaml": a, "sections/2.yaml": "# The second part.\n" + b,
      "sections/3.yaml": "[]\n",
    ])
    let changed = try directory([
      "questionnaire.yaml": top, "sections/10-a.yaml": a,
      "sections/20-b.yaml": b.replacingOccurrences(
        of: "{fr: \"p\", en: \"p\"}", with: "{fr: \"p\", en: \"P\"}"),
    ])
    defer {
      for path in [two, one, three, changed] {
        try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
      }
    }
    let single = try QuestionnaireLoader.load(
      data: Data(
        ("sections:\n" + a + b + top.replacingOccurrences(of: "format: 1\n", with: "")
          + "format: 1\n").utf8),
      source: "single.yaml")
    let digest = try QuestionnaireLoader.load(path: two).digest
    #expect(try QuestionnaireLoader.load(path: one).digest == digest)
    #expect(try QuestionnaireLoader.load(path: three).digest == digest)
    #expect(single.digest == digest)
    #expect(try QuestionnaireLoader.load(path: changed).digest != digest)
  }

  @Test func theDigestIsTheSHA256OfTheCanonicalJSON() throws {
    // As documented in docs/questionnaire-format.md: Python's
    // json.dumps(yaml.load(text, Loader=yaml.BaseLoader), sort_keys=True, ensure_ascii=False,
    // separators=(",", ":")), encoded as UTF-8.
    let yaml = "b: \"x\\ty\\\"\"\na: [é, '1']\nc:\n  z: |\n    line\n  y: ~\n"
    let json = #"{"a":["é","1"],"b":"x\ty\"","c":{"y":"~","z":"line\n"}}"#
    #expect(throws: StoreError.self) { _ = try QuestionnaireLoader.parse(yaml, source: "x.yaml") }
    var tree = canonical(yaml)
    #expect(tree.json == json)
    #expect(tree.digest == QuestionnaireFiles.sha256(of: Data(json.utf8)))
    tree = canonical("")
    #expect(tree.json == nil)
  }

  /// Texts are checked for characters to escape eight bytes at a time: one at every offset of
  /// the first words is escaped, and keys come out in byte order.
  @Test func theCanonicalJSONEscapesWhereverTheCharacterIs() {
    for (written, escaped) in [
      ("\\\"", "\\\""), ("\\\\", "\\\\"), ("\\n", "\\n"), ("\\x01", "\\u0001"),
      ("\\x1f", "\\u001f"),
    ] {
      for offset in 0..<18 {
        let before =
          String(repeating: "é", count: offset % 3) + String(repeating: "a", count: offset)
        let yaml = "k: \"\(before)\(written)z\"\n"
        #expect(canonical(yaml).json == "{\"k\":\"\(before)\(escaped)z\"}", "\(yaml)")
      }
    }
    #expect(
      canonical("b: 1\nab: 2\nB: 3\né: 4\na: 5\n").json
        == #"{"B":"3","a":"5","ab":"2","b":"1","é":"4"}"#)
  }

  @Test func aDirectoryNotLaidOutAsOneIsAClearError() throws {
    let layout =
      "a questionnaire directory holds questionnaire.yaml (every key but sections) and sections/*.yaml (the sections, in file-name order)"
    let noSections = try directory(["questionnaire.yaml": top])
    let noParts = try directory(["questionnaire.yaml": top, "sections/README.md": "notes"])
    let yml = try directory([
      "questionnaire.yaml": top, "sections/a.yml": section("a", questions: ["q"]),
    ])
    let mappingPart = try directory(["questionnaire.yaml": top, "sections/a.yaml": "id: a\n"])
    let emptyPart = try directory(["questionnaire.yaml": top, "sections/a.yaml": "# nothing yet\n"])
    let sectionsInTop = try directory([
      "questionnaire.yaml": top + "sections: []\n",
      "sections/a.yaml": section("a", questions: ["q"]),
    ])
    defer {
      for path in [noSections, noParts, yml, mappingPart, emptyPart, sectionsInTop] {
        try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
      }
    }
    #expect(
      throws: StoreError.questionnaireUnreadable(
        path: noSections, reason: "sections/ is missing; \(layout)")
    ) {
      try QuestionnaireLoader.load(path: noSections)
    }
    #expect(
      throws: StoreError.questionnaireUnreadable(
        path: noParts + "/sections", reason: "no part file (*.yaml) in it; \(layout)")
    ) {
      try QuestionnaireLoader.load(path: noParts)
    }
    #expect(
      throws: StoreError.questionnaireUnreadable(
        path: yml + "/sections/a.yml", reason: "part files end in .yaml; rename it a.yaml")
    ) {
      try QuestionnaireLoader.load(path: yml)
    }
    #expect(
      problems(mappingPart) == [
        "\(mappingPart)/sections/a.yaml:1:1: a part file holds a list of sections (- id: …), not a mapping"
      ])
    #expect(
      problems(emptyPart) == [
        "\(emptyPart)/sections/a.yaml:1:1: the part is empty; it holds a list of sections (- id: …)"
      ])
    #expect(
      problems(sectionsInTop) == [
        "\(sectionsInTop)/questionnaire.yaml:7:1: in a questionnaire directory the sections are in sections/*.yaml, not in questionnaire.yaml; move them to a part file"
      ])
  }

  /// Earlier versions recorded the SHA-256 of the file's bytes as the digest: a session saved by
  /// them, of an unchanged questionnaire, is not told that its questionnaire changed.
  @Test func sessionsSavedWithTheFormerDigestOfTheSameContentAreNotWarned() throws {
    let path = fixturePath("small.yaml")
    let loaded = try QuestionnaireLoader.load(path: path)
    let state = Wizard(questionnaire: loaded.questionnaire).start(
      at: Date(timeIntervalSince1970: 0))
    var record = SessionRecord(id: "s", questionnaire: loaded, state: state)
    #expect(record.warnings(against: loaded).isEmpty)
    record.questionnaire.digest = QuestionnaireFiles.sha256(
      of: try Data(contentsOf: URL(fileURLWithPath: path)))
    #expect(record.warnings(against: loaded).isEmpty)
    record.questionnaire.digest = String(repeating: "0", count: 64)
    #expect(record.warnings(against: loaded).count == 1)

    let builtin = try BuiltinQuestionnaires.load(id: BuiltinQuestionnaires.defaultID)
    var old = SessionRecord(
      id: "b", questionnaire: builtin,
      state: Wizard(questionnaire: builtin.questionnaire).start(at: Date()))
    old.questionnaire.digest = "cb302179e59c29c7f22abae36fec09ce9bd2e06e10ec64e85c2022573645dd1e"
    #expect(old.warnings(against: builtin).isEmpty)
    old.questionnaire.digest = String(repeating: "0", count: 64)
    #expect(old.warnings(against: builtin).count == 1)
  }

  @Test func anUnreadablePartIsAClearError() throws {
    let path = try directory([
      "questionnaire.yaml": top, "sections/a.yaml": section("a", questions: ["q"]),
    ])
    defer {
      try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
    }
    // A directory where a part file is expected cannot be read as one (permissions do not stop
    // root, who runs CI).
    try FileManager.default.createDirectory(
      atPath: path + "/sections/b.yaml", withIntermediateDirectories: true)
    do {
      _ = try QuestionnaireLoader.load(path: path)
      Issue.record("loaded")
    } catch .questionnaireUnreadable(let file, let reason) {
      #expect(file == path + "/sections/b.yaml")
      #expect(reason.hasPrefix("the file cannot be read"), "\(reason)")
    } catch {
      Issue.record("\(error)")
    }
  }
}

/// The canonical JSON and digest of one YAML text (nil when it does not parse or is empty).
private func canonical(_ yaml: String) -> (json: String?, digest: String?) {
  var tree = YAMLTree()
  let bytes = Array(yaml.utf8)
  let result = bytes.withUnsafeBufferPointer { tree.read($0, file: "x.yaml") }
  guard case .success(let root?) = result else { return (nil, nil) }
  var digest = CanonicalDigest(tree: tree)
  let json = digest.json(of: root)
  var hashing = CanonicalDigest(tree: tree)
  return (json, hashing.hex(of: root))
}
