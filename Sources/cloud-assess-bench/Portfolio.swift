import AssessmentCore
import AssessmentStore
import Foundation

/// `cloud-assess list` over a portfolio of saved sessions of the built-in questionnaire (the
/// target: 1,000 sessions listed in at most 200 ms): each complete, with a few actions, written
/// as the wizard writes them (with their abstract), then the same files without their abstract
/// (as a version-1 file or one with a journal is read: decoded whole).
enum Portfolio {
  static func run(count: Int, runs: Int) throws {
    let loaded = try BuiltinQuestionnaires.resolve(nil)
    let questionnaire = loaded.questionnaire
    let directory = NSTemporaryDirectory() + "cloud-assess-portfolio-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let store = SessionStore(directory: directory)
    try store.ensureDirectory()
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    var answers: [String: Answer] = [:]
    for question in questionnaire.questions {
      switch question.type {
      case .compliance:
        answers[question.id] = Answer(
          value: .choice("compliant"), note: "vu au contrat", answeredAt: start)
      case .yesno: answers[question.id] = Answer(value: .choice("no"), answeredAt: start)
      case .single:
        answers[question.id] = Answer(value: .choice(question.options[0].id), answeredAt: start)
      default: continue
      }
    }
    var records: [SessionRecord] = []
    for index in 0..<count {
      var record = SessionRecord(
        id: String(format: "s%05d", index),
        questionnaire: QuestionnaireReference(
          id: questionnaire.id, version: questionnaire.version, digest: loaded.digest),
        metadata: SessionMetadata(
          organisation: "ONSS", assessor: "A", provider: "Provider \(index % 37)",
          service: "Service \(index)",
          created: start, updated: start.addingTimeInterval(Double(index))),
        phase: .finished, cursorQuestionID: nil, answers: answers)
      let gap = questionnaire.questions.filter { $0.type == .compliance }[index % 20].id
      record.answers[gap]?.value = .choice("partial")
      record.answers[gap]?.action = PlanAction(
        owner: "DPO", dueDate: "2027-0\(index % 9 + 1)-15", reference: "T-\(index)")
      records.append(record)
    }
    let binary =
      ((CommandLine.arguments[0] as NSString).deletingLastPathComponent) + "/cloud-assess"
    func measure(_ label: String) throws {
      var times: [Double] = []
      for _ in 0..<runs {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = [
          "list", "--format", "csv", "--sessions-dir", directory, "--as-of", "2027-05-01",
        ]
        process.standardOutput = FileHandle.nullDevice
        let begin = Date()
        try process.run()
        process.waitUntilExit()
        times.append(Date().timeIntervalSince(begin) * 1000)
      }
      times.sort()
      print(
        String(
          format: "list of %d sessions, %@: median %.0f ms, max %.0f ms (%d runs)", count, label,
          times[times.count / 2], times.last ?? 0, runs))
    }
    for var record in records {
      record.abstract = record.makeAbstract(questionnaire)
      try store.save(record, to: try store.path(for: record.id))
    }
    try measure("with their abstract")
    for record in records { try store.save(record, to: try store.path(for: record.id)) }
    try measure("without abstract (each file decoded whole)")
  }
}
