import ArgumentParser
import AssessmentCore
import AssessmentFrontEnd
import AssessmentReports
import AssessmentStore
import AssessmentTUI
import Foundation
import QuestionnaireFormat

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `cloud-assess-bench`: the figures of docs/performance.md. Build in release first
/// (`scripts/benchmark` does both).
@main
struct Benchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cloud-assess-bench",
    abstract:
      "Measure cloud-assess on synthetic questionnaires of 150, 1,200 and 10,000 questions.",
    discussion: """
      Each size is measured in a child process of its own, so that its peak memory is its own. \
      The built-in questionnaire is then measured end to end (process start to first frame, \
      'cloud-assess summary' of a complete session) against a floor: a Swift program that only \
      reads the questionnaire file and prints its size. The figures are checked against the \
      targets of docs/performance.md.
      """)

  @Option(help: "Questionnaire sizes, comma-separated.")
  var sizes = "150,1200,10000"

  @Option(help: "Samples per keystroke kind.")
  var keystrokes = 1000

  @Option(help: "Samples per autosave.")
  var saves = 300

  @Option(help: "Runs of each end-to-end command.")
  var runs = 15

  @Option(help: "Where to write the JSON results.")
  var json = ".build/cloud-assess-bench.json"

  @Option(help: .hidden)
  var child: Int?

  @Option(
    help: ArgumentHelp(
      "Measure only `cloud-assess list` over this many saved sessions of the built-in questionnaire.",
      valueName: "n"))
  var portfolio: Int?
  @Option(
    help: ArgumentHelp(
      "Print the synthetic questionnaire of this many questions (YAML) and stop, e.g. to profile the loader on it.",
      valueName: "n"))
  var printSynthetic: Int?

  @Option(
    help: ArgumentHelp(
      "Save a session file over and over (the crash tests kill this).", valueName: "path"))
  var saveLoop: String?

  @Option(help: ArgumentHelp("With --save-loop: stop after this many saves.", valueName: "n"))
  var count: Int?

  @Option(
    help: ArgumentHelp(
      "With --save-loop: a file-size limit (RLIMIT_FSIZE) until the first refused save.",
      valueName: "bytes"))
  var fileSizeLimit: Int?

  @Option(
    help: ArgumentHelp(
      "With --save-loop: the journal size that triggers a full rewrite.", valueName: "bytes"))
  var compactionThreshold = 16_384

  @Option(
    help: ArgumentHelp(
      "Check that the session holds save N or N + 1 of --save-loop.", valueName: "path"))
  var verifySaves: String?

  @Option(
    help: ArgumentHelp("With --verify-saves: the last save reported complete.", valueName: "n"))
  var reported = 0

  func run() throws {
    if let saveLoop {
      try SaveLoop.run(
        path: saveLoop, count: count, fileSizeLimit: fileSizeLimit,
        compactionThreshold: compactionThreshold)
      return
    }
    if let verifySaves {
      try SaveLoop.verify(path: verifySaves, reported: reported)
      return
    }
    if let portfolio {
      try Portfolio.run(count: portfolio, runs: runs)
      return
    }
    if let printSynthetic {
      FileHandle.standardOutput.write(
        Data(Synthetic.questionnaireYAML(questions: printSynthetic).utf8))
      return
    }
    if let child {
      let result = try SizeBenchmark(questions: child, keystrokes: keystrokes, saves: saves).run()
      FileHandle.standardOutput.write(try JSONEncoder().encode(result))
      return
    }
    let sizeList = sizes.split(separator: ",").compactMap {
      Int($0.trimmingCharacters(in: .whitespaces))
    }
    guard !sizeList.isEmpty, sizeList.allSatisfy({ $0 >= 5 }) else {
      throw ValidationError(
        "--sizes takes whole numbers of at least 5, comma-separated (e.g. 150,1200,10000)")
    }
    var results: [SizeResult] = []
    for size in sizeList {
      FileHandle.standardError.write(Data("measuring \(size) questions…\n".utf8))
      results.append(try runChild(size: size))
    }
    FileHandle.standardError.write(Data("measuring the built-in questionnaire end to end…\n".utf8))
    let endToEnd = try EndToEnd(runs: runs).run()
    var report = Report(
      machine: Machine.describe(), date: ISO8601DateFormatter().string(from: Date()),
      sizes: results, endToEnd: endToEnd)
    report.targets = Targets.check(report)
    print(report.table())
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    let data = try encoder.encode(report)
    try FileManager.default.createDirectory(
      atPath: (json as NSString).deletingLastPathComponent.isEmpty
        ? "." : (json as NSString).deletingLastPathComponent,
      withIntermediateDirectories: true)
    try data.write(to: URL(fileURLWithPath: json))
    FileHandle.standardError.write(Data("results written to \(json)\n".utf8))
  }

  private func runChild(size: Int) throws -> SizeResult {
    let process = Process()
    process.executableURL = URL(
      fileURLWithPath: CommandLine.arguments[0].contains("/")
        ? CommandLine.arguments[0] : Bundle.main.executablePath ?? CommandLine.arguments[0])
    process.arguments = [
      "--child", "\(size)", "--keystrokes", "\(keystrokes)", "--saves", "\(saves)",
    ]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw ValidationError(
        "the measurement of \(size) questions failed (status \(process.terminationStatus))")
    }
    return try JSONDecoder().decode(SizeResult.self, from: data)
  }
}

/// The figures for one questionnaire size.
struct SizeResult: Codable {
  var questions: Int
  var questionnaireBytes: Int
  var sessionBytes: Int
  /// The same session with a history of five changes per answer.
  var historySessionBytes: Int?
  var timings: [Timing]
  var peakMemoryMiB: Double
  /// The loaded questionnaire's model in memory.
  var modelMiB: Double?
}

/// Measures one size in this process.
struct SizeBenchmark {
  var questions: Int
  var keystrokes: Int
  var saves: Int

  func run() throws -> SizeResult {
    let directory = NSTemporaryDirectory() + "cloud-assess-bench-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let yaml = Synthetic.questionnaireYAML(questions: questions)
    let questionnairePath = directory + "/synthetic.yaml"
    try yaml.write(toFile: questionnairePath, atomically: true, encoding: .utf8)
    var timings: [Timing] = []
    let loads = questions >= 10_000 ? 10 : 30

    // Questionnaire load and validation, from the file.
    var lastLoaded: LoadedQuestionnaire?
    timings.append(
      Timing(
        name: "questionnaire load + validation",
        durations: try Clock.measure(times: loads, warmup: 1, into: &lastLoaded) {
          try QuestionnaireLoader.load(path: questionnairePath)
        }))
    guard let loaded = lastLoaded else {
      throw Processes.Failure(description: "the questionnaire was not loaded")
    }
    // A CISO Assistant library converted (read, mapped, the questionnaire read back), at the
    // catalogue size only: its size is the library's, not this column's.
    if questions == Targets.catalogueSize {
      let library = Data(Synthetic.cisoAssistantLibraryYAML().utf8)
      var converted: CISOAssistantImport.Converted?
      timings.append(
        Timing(
          name: "import ciso-assistant (\(Synthetic.libraryNodes) nodes)",
          durations: try Clock.measure(times: 10, warmup: 1, into: &converted) {
            try CISOAssistantImport.convert(library, source: "synthetic-library.yaml")
          }))
    }
    let questionnaire = loaded.questionnaire
    // What the model keeps in memory: the heap in use grows by this much with one more model
    // loaded (the reader's tree is freed before the load returns).
    let heapBefore = heapInUse()
    let another = try QuestionnaireLoader.load(path: questionnairePath)
    let modelBytes = heapInUse() - heapBefore
    withExtendedLifetime(another) {}

    // A complete session with notes on half the answers, saved and loaded back.
    let store = SessionStore(directory: directory)
    let date = Date(timeIntervalSince1970: 1_795_000_000)
    let wizard = Wizard(questionnaire: questionnaire)
    var wizardState = wizard.start(at: date)
    wizardState.metadata.organisation = "Institution publique de sécurité sociale"
    wizardState.metadata.assessor = "Équipe sécurité"
    wizardState.metadata.provider = "Fournisseur"
    wizardState.metadata.service = "Service"
    wizardState.answers = Synthetic.answers(for: questionnaire, at: date)
    wizardState.phase = .questions
    var record = SessionRecord(id: "bench", questionnaire: loaded, state: wizardState)
    let sessionPath = directory + "/bench.json"
    try store.save(record, to: sessionPath)
    let sessionBytes =
      (try FileManager.default.attributesOfItem(atPath: sessionPath)[.size] as? Int) ?? 0
    var lastRecord: SessionRecord?
    timings.append(
      Timing(
        name: "session load",
        durations: try Clock.measure(times: loads, warmup: 1, into: &lastRecord) {
          try store.load(path: sessionPath)
        }))
    guard let loadedRecord = lastRecord else {
      throw Processes.Failure(description: "the session was not loaded")
    }
    record = loadedRecord

    // The same session with a history of five changes per answer, loaded in turns with the one
    // without: history may add at most 10 % (docs/performance.md).
    var withHistory = record
    for (index, id) in record.answers.keys.sorted().enumerated() {
      guard let answer = record.answers[id] else { continue }
      withHistory.answers[id]?.history = Synthetic.history(of: answer, index: index, at: date)
    }
    let historyPath = directory + "/bench-history.json"
    try store.save(withHistory, to: historyPath)
    // Read as a summary, a list or a comparison reads it (the histories skipped), and whole, as
    // the wizard, a merge or the history command reads it.
    var without: [Double] = []
    var with: [Double] = []
    var whole: [Double] = []
    for round in 0..<(3 * loads + 3) {
      let duration: Double
      switch round % 3 {
      case 0: duration = try Clock.measureOnce { _ = try store.load(path: sessionPath) }
      case 1:
        duration = try Clock.measureOnce {
          _ = try store.load(path: historyPath, histories: .skipped)
        }
      default: duration = try Clock.measureOnce { _ = try store.load(path: historyPath) }
      }
      guard round >= 3 else { continue }
      switch round % 3 {
      case 0: without.append(duration)
      case 1: with.append(duration)
      default: whole.append(duration)
      }
    }
    timings.append(Timing(name: "session load, in turns with the next", durations: without))
    timings.append(
      Timing(name: "session load with history (5 changes per answer)", durations: with))
    timings.append(
      Timing(name: "session load with history, read whole (the wizard, merge)", durations: whole))

    // The first screen: from the loaded record to a drawn frame.
    let terminal = MemoryTerminal(width: 80, height: 24)
    var app = App(questionnaire: questionnaire, fileDigest: EvidenceFiles.digest(ofFileAt:))
    var state = app.makeState(record.wizardState(app.wizard), language: .fr)
    timings.append(
      Timing(
        name: "first screen",
        durations: Clock.measure(times: 20, warmup: 2) { _ in
          app = App(questionnaire: questionnaire, fileDigest: EvidenceFiles.digest(ofFileAt:))
          state = app.makeState(record.wizardState(app.wizard), language: .fr)
          state.width = 80
          state.height = 24
          Screen(app: app).draw(state, on: terminal)
        }))

    // Keystrokes: event → reduce → redraw, in the middle of the questionnaire.
    let screen = Screen(app: app)
    let now = date.addingTimeInterval(60)
    _ = app.send(
      &state, .questionJumped(questionnaire.questions[questionnaire.questions.count / 2].id))
    timings.append(
      Timing(
        name: "keystroke: next/previous question",
        durations: Clock.measure(times: keystrokes) { index in
          _ = app.handle(&state, index % 2 == 0 ? .right : .left, now: now)
          screen.draw(state, on: terminal)
        }))
    timings.append(
      Timing(
        name: "keystroke: answer",
        durations: Clock.measure(times: keystrokes) { index in
          _ = app.handle(&state, .character(index % 2 == 0 ? "2" : "3"), now: now)
          screen.draw(state, on: terminal)
        }))
    _ = app.handle(&state, .tab, now: now)
    timings.append(
      Timing(
        name: "keystroke: typing in a note",
        durations: Clock.measure(times: keystrokes) { index in
          _ = app.handle(&state, index % 50 == 49 ? .backspace : .character("é"), now: now)
          screen.draw(state, on: terminal)
        }))
    _ = app.handle(&state, .escape, now: now)

    // One autosave after an answer: what the runner does on the `.save` effect (append to the
    // journal; the journal is folded in when it passes its threshold, which these saves include).
    let writer = SessionWriter(path: sessionPath, persisted: record)
    var saveDurations: [Double] = []
    for index in 0..<(saves + 3) {
      _ = app.handle(&state, .character(index % 2 == 0 ? "1" : "2"), now: now)
      let start = Clock.nowMs()
      record.update(from: state.wizard, questionnaire: questionnaire)
      try writer.save(record, changed: state.wizard.unsaved.ids)
      _ = app.send(&state, .saveSucceeded(at: now))
      if index >= 3 { saveDurations.append(Clock.nowMs() - start) }
    }
    timings.append(Timing(name: "autosave after an answer", durations: saveDurations))
    try writer.compact()
    timings.append(
      Timing(
        name: "full rewrite (leaving, compaction)",
        durations: try Clock.measure(times: 10, warmup: 1) { _ in try writer.compact() }))

    // The summary: risk computation and text rendering.
    let complete = record.wizardState(app.wizard)
    func report() -> SummaryReport {
      SummaryReport.assemble(
        questionnaire: questionnaire, digest: loaded.digest, state: complete, asOf: nil,
        answeredUnderVersion: nil, previous: nil, language: .fr)
    }
    timings.append(
      Timing(
        name: "summary (risk + text)",
        durations: Clock.measure(times: 20, warmup: 2) { _ in
          _ = report().text(color: false)
        }))
    // The reports (docs/performance.md): each from the summary model, risk computation included.
    let provenance = ReportProvenance(
      sessionID: "bench", sessionSHA256: loaded.digest, produced: Date())
    timings.append(
      Timing(
        name: "report: HTML (risk + built-in template)",
        durations: try Clock.measure(times: 10, warmup: 1) { _ in
          _ = try HTMLReport.render(report().htmlModel(provenance))
        }))
    timings.append(
      Timing(
        name: "report: CSV (risk + rows)",
        durations: Clock.measure(times: 10, warmup: 1) { _ in _ = report().csv() }))
    timings.append(
      Timing(
        name: "report: OSCAL (risk + JSON)",
        durations: try Clock.measure(times: 10, warmup: 1) { _ in _ = try report().oscal(provenance)
        }))
    timings += try ProviderWorkbookBench.timings(
      questionnaire, digest: loaded.digest, label: "synthetic")
    timings += try ProviderWorkbookBench.builtin()
    return SizeResult(
      questions: questionnaire.questions.count, questionnaireBytes: yaml.utf8.count,
      sessionBytes: sessionBytes,
      historySessionBytes: (try FileManager.default.attributesOfItem(atPath: historyPath)[.size]
        as? Int) ?? 0, timings: timings, peakMemoryMiB: peakMemoryMiB(),
      modelMiB: Double(modelBytes) / 1_048_576)
  }
}
