import AssessmentCore
import AssessmentStore
import Foundation
import QuestionnaireFormat

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The built-in questionnaire, end to end, against the floor.
struct EndToEndResult: Codable {
  var floor: Timing
  var firstFrame: Timing
  var summary: Timing
  /// `cloud-assess merge` of two complete sessions (git's merge driver, docs/team.md).
  var merge: Timing
  var firstFrameRatio: Double
  var summaryRatio: Double
  var mergeRatio: Double
}

struct EndToEnd {
  var runs: Int

  func run() throws -> EndToEndResult {
    let directory = NSTemporaryDirectory() + "cloud-assess-bench-e2e-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let binDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .path
    let floorBinary = binDirectory + "/bench-floor"
    let binary = binDirectory + "/cloud-assess"
    for path in [floorBinary, binary] where !FileManager.default.isExecutableFile(atPath: path) {
      throw Processes.Failure(
        description: "\(path) is missing: build every product first (swift build -c release)")
    }

    // The built-in questionnaire's files, for the floor to read (from the repository, where
    // scripts/benchmark runs).
    let questionnaireDirectory = "Questionnaires/" + BuiltinQuestionnaires.defaultID
    let questionnaireFiles: [String]
    do {
      questionnaireFiles = try QuestionnaireFiles.files(ofDirectory: questionnaireDirectory)
    } catch {
      throw Processes.Failure(
        description:
          "\(questionnaireDirectory): \(error); run the benchmark from the repository (scripts/benchmark)"
      )
    }

    // A complete session of the built-in questionnaire.
    let loaded = try BuiltinQuestionnaires.resolve(nil)
    let date = Date(timeIntervalSince1970: 1_795_000_000)
    var state = Wizard(questionnaire: loaded.questionnaire).start(at: date)
    state.metadata.organisation = "Institution"
    state.metadata.assessor = "Assessor"
    state.metadata.provider = "Provider"
    state.metadata.service = "Service"
    state.answers = Synthetic.answers(for: loaded.questionnaire, at: date)
    state.phase = .finished
    let sessions = directory + "/sessions"
    let store = SessionStore(directory: sessions)
    try store.ensureDirectory()
    let record = SessionRecord(id: "complete", questionnaire: loaded, state: state)
    try store.save(record, to: sessions + "/complete.json")
    // Two people's copies of it, each complete, merged against it as git's driver merges them:
    // one changed notes across the questionnaire, the other changed answers, without conflicts.
    var ours = record
    var theirs = record
    for (index, id) in record.answers.keys.sorted().enumerated() {
      if index % 3 == 0 { ours.answers[id]?.note = "vérifié sur place \(index)" }
      if index % 3 == 1 { theirs.answers[id]?.flagged = true }
    }
    let mergeFiles = (base: directory + "/base.json", ours: directory + "/ours.json")
    let oursData = try SessionFile.encode(ours)
    try SessionFile.encode(record).write(to: URL(fileURLWithPath: mergeFiles.base))
    try SessionFile.encode(theirs).write(to: URL(fileURLWithPath: directory + "/theirs.json"))

    let environment = ["LANG": "C.UTF-8", "NO_COLOR": "1", "CLOUD_ASSESS_SESSIONS": sessions]
    let marker = Phrase.identificationTitle.text(.en)
    // The three commands in turn, round after round (two rounds of warm-up first), so that each
    // ratio compares the same moments of the machine: on a shared virtual machine the floor
    // alone moves by a quarter from one minute to the next, and measured one command after the
    // other the ratios moved with it.
    var floor: [Double] = []
    var summary: [Double] = []
    var frames: [Double] = []
    var merges: [Double] = []
    for round in 0..<(runs + 2) {
      let floorMs = try Clock.measureOnce {
        try Processes.run(floorBinary, questionnaireFiles, environment: environment)
      }
      let summaryMs = try Clock.measureOnce {
        try Processes.run(binary, ["summary", "complete"], environment: environment)
      }
      let frameMs = try Processes.timeToText(
        marker, binary, ["new", "--lang", "en"], environment: environment)
      // The merge writes over OURS: a fresh copy each round, outside the measure.
      try oursData.write(to: URL(fileURLWithPath: mergeFiles.ours))
      let mergeMs = try Clock.measureOnce {
        try Processes.run(
          binary,
          [
            "merge", mergeFiles.base, mergeFiles.ours, directory + "/theirs.json",
            sessions + "/complete.json",
          ],
          environment: environment)
      }
      guard round >= 2 else { continue }
      floor.append(floorMs)
      summary.append(summaryMs)
      frames.append(frameMs)
      merges.append(mergeMs)
    }
    let floorTiming = Timing(
      name: "floor: read the questionnaire file, print its size", durations: floor)
    let frameTiming = Timing(
      name: "cloud-assess new: process start to first frame", durations: frames)
    let summaryTiming = Timing(
      name: "cloud-assess summary of a complete session", durations: summary)
    let mergeTiming = Timing(
      name: "cloud-assess merge of two complete sessions", durations: merges)
    return EndToEndResult(
      floor: floorTiming, firstFrame: frameTiming, summary: summaryTiming, merge: mergeTiming,
      firstFrameRatio: frameTiming.medianMs / floorTiming.medianMs,
      summaryRatio: summaryTiming.medianMs / floorTiming.medianMs,
      mergeRatio: mergeTiming.medianMs / floorTiming.medianMs)
  }
}

enum Machine {
  static func describe() -> String {
    var parts: [String] = []
    if let cpu = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
      let line = cpu.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
      let name = line.split(separator: ":", maxSplits: 1).last
    {
      parts.append(name.trimmingCharacters(in: .whitespaces))
    }
    parts.append("\(ProcessInfo.processInfo.activeProcessorCount) cores")
    parts.append(
      String(format: "%.0f GiB", Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824))
    var name = utsname()
    uname(&name)
    let system = withUnsafeBytes(of: &name.sysname) {
      String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self)
    }
    let release = withUnsafeBytes(of: &name.release) {
      String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self)
    }
    parts.append("\(system) \(release)")
    return parts.joined(separator: ", ")
  }
}

struct Report: Codable {
  var machine: String
  var date: String
  var sizes: [SizeResult]
  var endToEnd: EndToEndResult
  var targets: [TargetCheck] = []

  /// The sizes side by side, then the end-to-end figures, then the targets.
  func table() -> String {
    func ms(_ value: Double) -> String { String(format: value < 10 ? "%.3f" : "%.1f", value) }
    func pad(_ text: String, _ width: Int) -> String {
      text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
    func left(_ text: String, _ width: Int) -> String {
      text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }
    var lines = ["machine: \(machine)", ""]
    var header = pad("operation (ms: median / p99)", 36)
    for size in sizes { header += left("\(size.questions) q", 22) }
    lines.append(header)
    // Every size's operations, in order (some are measured at one size only).
    var names: [String] = []
    for size in sizes {
      for timing in size.timings where !names.contains(timing.name) { names.append(timing.name) }
    }
    for name in names {
      var line = pad(name, 36)
      for size in sizes {
        let timing = size.timings.first { $0.name == name }
        line += left(timing.map { "\(ms($0.medianMs)) / \(ms($0.p99Ms))" } ?? "-", 22)
      }
      lines.append(line)
    }
    var memory = pad("peak memory (MiB)", 36)
    var model = pad("questionnaire model in memory (MiB)", 36)
    var files = pad("questionnaire / session / + history (KiB)", 36)
    for size in sizes {
      memory += left(String(format: "%.1f", size.peakMemoryMiB), 22)
      model += left(size.modelMiB.map { String(format: "%.1f", $0) } ?? "-", 22)
      files += left(
        "\(size.questionnaireBytes / 1024) / \(size.sessionBytes / 1024) / "
          + (size.historySessionBytes.map { "\($0 / 1024)" } ?? "-"), 22)
    }
    lines += [memory, model, files, ""]
    let end = endToEnd
    lines.append("built-in questionnaire, end to end (ms: median / p99)")
    for timing in [end.floor, end.firstFrame, end.summary, end.merge] {
      lines.append(pad(timing.name, 56) + left("\(ms(timing.medianMs)) / \(ms(timing.p99Ms))", 20))
    }
    lines.append(
      String(
        format: "first frame / floor: %.2f×   summary / floor: %.2f×   merge / floor: %.2f×",
        end.firstFrameRatio, end.summaryRatio, end.mergeRatio))
    lines += ["", Targets.table(targets)]
    return lines.joined(separator: "\n")
  }
}
