import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Nothing lost: saves killed at random moments, saves refused by a file-size limit, and hostile
/// session and questionnaire files. docs/reliability.md says what each test proves.
@Suite struct ReliabilityTests {
  /// The torture and benchmark binary, beside `cloud-assess`.
  var benchPath: String {
    (binaryPath as NSString).deletingLastPathComponent + "/cloud-assess-bench"
  }

  // MARK: - Crash during save

  /// 200 runs of the save loop, each killed (SIGKILL) once it has reported its first save, after
  /// a further delay drawn from a seeded generator: the kills land during journal appends, full
  /// rewrites and restarts, the same delays on every run of the test. What is checked holds on
  /// any machine, fast or slow: after each kill the files hold the last save reported or the one
  /// under way, and every run saves at least once more than the one before it.
  @Test func aSaveKilledAtAnyMomentLeavesTheStateBeforeOrAfterIt() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let session = directory + "/torture.json"
    let log = directory + "/log.txt"
    var generator = SplitMix64(seed: 0x5EED_C10D)
    var reported = 0
    for round in 1...200 {
      _ = FileManager.default.createFile(atPath: log, contents: nil)
      let process = Process()
      process.executableURL = URL(fileURLWithPath: benchPath)
      // A small journal threshold, so that kills also land in the full rewrites.
      process.arguments = ["--save-loop", session, "--compaction-threshold", "8192"]
      process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
      process.standardError = FileHandle.nullDevice
      try process.run()
      let delay = UInt32.random(in: 0...20_000, using: &generator)
      let saved = waitForLine(startingWith: "saved ", in: log, seconds: 60)
      usleep(delay)
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      #expect(saved, "kill \(round): the save loop reported no save within 60 s")
      if !saved { break }
      let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
      let last = try #require(
        lines.last(where: { $0.hasPrefix("saved ") }).flatMap { Int($0.dropFirst(6)) })
      #expect(
        last > reported, "kill \(round) (\(delay) µs): each run saves after what the file held")
      reported = last
      let check = try runBinary(
        benchPath, ["--verify-saves", session, "--reported", "\(reported)"])
      #expect(
        check.status == 0, "kill \(round) (\(delay) µs after the first save): \(check.stderr)")
      if check.status != 0 { break }
      // The next run starts from what the file holds, which may be one save further.
      if let held = Int(
        check.stdout.split(separator: " ").last?.trimmingCharacters(in: .whitespacesAndNewlines)
          ?? "")
      {
        reported = held
      }
    }
  }

  /// Whether a line of `path` starts with `prefix` within `seconds` (polled every millisecond).
  private func waitForLine(startingWith prefix: String, in path: String, seconds: Double) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if let text = try? String(contentsOfFile: path, encoding: .utf8),
        text.split(separator: "\n").contains(where: { $0.hasPrefix(prefix) })
      {
        return true
      }
      usleep(1_000)
    }
    return false
  }

  // MARK: - Disk full

  @Test func aSaveRefusedByAFileSizeLimitKeepsTheFileAndTheAnswersAndTheNextSucceeds() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let session = directory + "/limited.json"
    let result = try runBinary(
      benchPath, ["--save-loop", session, "--count", "12", "--file-size-limit", "3000"])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    let refused = try #require(lines.firstIndex { $0.hasPrefix("refused ") }, "\(lines)")
    #expect(lines[refused].contains("File too large"))
    #expect(lines[refused + 1].hasPrefix("files hold "), "the previous state is intact")
    #expect(
      lines[refused + 2].hasPrefix("retried "),
      "the answers were kept and saved once space returned")
    #expect(lines.last == "saved 12")
    let check = try runBinary(benchPath, ["--verify-saves", session, "--reported", "12"])
    #expect(check.stdout == "holds 12\n", "\(check.stderr)")
  }

  // MARK: - Hostile session files

  static let validSession = repositoryRoot + "/Tests/Fixtures/sessions/mixed.json"
  static let questionnaire = repositoryRoot + "/Tests/Fixtures/risk.yaml"

  static func hostileSessions() throws -> [(String, Data, String)] {
    let valid = try String(contentsOfFile: validSession, encoding: .utf8)
    func replacing(_ old: String, _ new: String) -> Data {
      precondition(valid.contains(old), old)
      return Data(valid.replacingOccurrences(of: old, with: new).utf8)
    }
    let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
    var invalidUTF8 = Data(valid.utf8)
    invalidUTF8.insert(contentsOf: [0xC3, 0x28], at: 40)
    let hugeNote =
      "{\"schemaVersion\": 1, \"note\": \"" + String(repeating: "x", count: 50_000_000) + "\"}"
    return [
      ("truncated", Data(valid.utf8.prefix(valid.utf8.count / 2)), "not valid JSON"),
      ("wrong types", replacing("\"flagged\": false", "\"flagged\": \"no\""), "wrong type"),
      ("missing field", replacing("\"phase\"", "\"phaze\""), "phase is missing"),
      ("50 MB note", Data(hugeNote.utf8), "over the limit"),
      (
        "200,000-character note",
        replacing(
          "\"Aucun outil utilisé hors DSI : service unique géré par l'IT.\"",
          "\"" + String(repeating: "n", count: 200_000) + "\""), "over the limit"
      ),
      (
        "1e308 as a version", replacing("\"schemaVersion\": 1", "\"schemaVersion\": 1e308"),
        "does not fit its field"
      ),
      ("a number beyond Double", replacing("\"flagged\": false", "\"flagged\": 1e999"), "session"),
      ("nesting 10,000 deep", Data(deep.utf8), "Too many nested"),
      ("invalid UTF-8", invalidUTF8, "invalid UTF-8 at line"),
      ("future schemaVersion", replacing("\"schemaVersion\": 1", "\"schemaVersion\": 99"), "99"),
      (
        "an id with ../", replacing("\"id\": \"mixed\"", "\"id\": \"../../etc/passwd\""),
        "not a valid session id"
      ),
    ]
  }

  @Test func hostileSessionFilesAreRefusedClearlyAndLeftUntouched() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    for (name, data, expected) in try Self.hostileSessions() {
      let path = directory + "/hostile.json"
      try data.write(to: URL(fileURLWithPath: path))
      for command in [["summary", path], ["resume", path]] {
        let result = try runCLI(command + ["--questionnaire", Self.questionnaire])
        #expect(result.status == 1, "\(name), \(command[0]): status \(result.status)")
        #expect(result.stderr.hasPrefix("cloud-assess: error: "), "\(name), \(command[0])")
        #expect(
          result.stderr.contains(path) || result.stderr.contains("hostile"),
          "\(name): names the file: \(result.stderr.prefix(300))")
        #expect(
          result.stderr.contains(expected), "\(name), \(command[0]): \(result.stderr.prefix(300))")
        #expect(
          !result.stderr.contains("terminal"), "\(name): the file is checked before the terminal")
        #expect(result.stderr.utf8.count < 2_000, "\(name): a message, not a dump")
        #expect(
          FileManager.default.contents(atPath: path) == data, "\(name): the file is unchanged")
      }
    }
  }

  @Test func aSymlinkOrADirectoryInPlaceOfASessionIsRefusedUntouched() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let target = directory + "/real.json"
    try FileManager.default.copyItem(atPath: Self.validSession, toPath: target)
    symlink(target, directory + "/link.json")
    try FileManager.default.createDirectory(
      atPath: directory + "/dir.json", withIntermediateDirectories: false)
    for name in ["link.json", "dir.json"] {
      for command in ["summary", "resume"] {
        let result = try runCLI([
          command, directory + "/" + name, "--questionnaire", Self.questionnaire,
        ])
        #expect(result.status == 1, "\(name) \(command)")
        #expect(
          result.stderr.contains("not a regular file"), "\(name) \(command): \(result.stderr)")
      }
    }
    #expect(
      FileManager.default.contents(atPath: target)
        == FileManager.default.contents(atPath: Self.validSession))
  }

  // MARK: - Hostile questionnaires

  @Test func hostileQuestionnairesGiveLocatedErrors() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let header = """
      format: 1
      id: hostile
      version: "1"
      languages: [fr, en]
      title: {fr: "T", en: "T"}

      """
    func question(_ id: String, when: String? = nil) -> String {
      """
            - id: \(id)
              type: yesno
              text: {fr: "q", en: "q"}
              help: {fr: "h", en: "h"}
      """ + (when.map { "\n        when: \"\($0)\"" } ?? "")
    }
    func questionnaire(_ questions: [String]) -> String {
      header + "sections:\n  - id: s\n    title: {fr: \"S\", en: \"S\"}\n    questions:\n"
        + questions.joined(separator: "\n") + "\n"
    }
    var bomb =
      header
      + "x-a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
    for level in 1...9 {
      bomb +=
        "x-a\(level): &a\(level) ["
        + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
    }
    bomb += "sections: *a9\n"
    let cases: [(String, String, String)] = [
      // Aliases are not copied when the YAML is composed, and the reader stops at the first
      // level whose shape is wrong, so a billion laughs costs nothing; the node budget
      // (docs/reliability.md) bounds any walk that would go deeper.
      ("alias bomb", bomb, "must be a mapping"),
      (
        "duplicate ids", questionnaire([question("a"), question("a")]),
        "duplicate question id 'a' (first at line 10)"
      ),
      (
        "unknown id in a condition", questionnaire([question("a", when: "nowhere == yes")]),
        "nowhere"
      ),
      (
        "a cycle of conditions",
        questionnaire([question("a", when: "b == yes"), question("b", when: "a == yes")]), "b"
      ),
      (
        "tabs for indentation",
        questionnaire([question("a")]).replacingOccurrences(
          of: "\n    questions:", with: "\n\tquestions:"), "tab"
      ),
    ]
    for (name, text, expected) in cases {
      let path = directory + "/hostile.yaml"
      try text.write(toFile: path, atomically: true, encoding: .utf8)
      let result = try runCLI(["validate", path])
      #expect(result.status == 1, "\(name): \(result.stdout)")
      #expect(
        result.stderr.contains(path + ":"), "\(name) is located: \(result.stderr.prefix(300))")
      #expect(result.stderr.contains(expected), "\(name): \(result.stderr.prefix(400))")
      #expect(result.stderr.split(separator: "\n").count < 50, "\(name): bounded output")
    }
    // Invalid UTF-8, located.
    var bytes = Data(questionnaire([question("a")]).utf8)
    bytes.insert(contentsOf: [0xFF, 0xFE], at: 30)
    try bytes.write(to: URL(fileURLWithPath: directory + "/utf8.yaml"))
    let utf8 = try runCLI(["validate", directory + "/utf8.yaml"])
    #expect(utf8.status == 1)
    #expect(
      utf8.stderr.contains("/utf8.yaml:3:9:") && utf8.stderr.contains("UTF-8"), "\(utf8.stderr)")
    // 100 MB: refused from its size, before it is read (a sparse file costs no disk).
    let large = directory + "/large.yaml"
    _ = FileManager.default.createFile(atPath: large, contents: nil)
    let handle = try #require(FileHandle(forWritingAtPath: large))
    try handle.truncate(atOffset: 100_000_000)
    try handle.close()
    let huge = try runCLI(["validate", large])
    #expect(huge.status == 1)
    #expect(
      huge.stderr.contains("100000000 bytes") && huge.stderr.contains("limited to"),
      "\(huge.stderr)")
  }
}

/// A small seeded generator (SplitMix64), so that random delays are the same on every run.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
