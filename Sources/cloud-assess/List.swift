import ArgumentParser
import AssessmentCore
import AssessmentStore
import Foundation

struct List: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List the saved sessions, newest first.")

  @OptionGroup var sessions: SessionsOptions

  @Option(help: "text or json.")
  var format: OutputFormat = .text

  struct Row: Encodable {
    var id: String
    var path: String
    var organisation: String
    var provider: String
    var service: String
    var questionnaire: String
    var answered: Int
    var applicable: Int?
    var phase: String
    var updated: String
  }

  func run() throws {
    let store = sessions.store
    var questionnaires: [String: Questionnaire] = [:]
    if let all = try? BuiltinQuestionnaires.all() {
      for loaded in all { questionnaires[loaded.questionnaire.id] = loaded.questionnaire }
    }
    var rows: [Row] = []
    var broken: [(String, StoreError)] = []
    for entry in store.list() {
      switch entry.result {
      case .failure(let error):
        broken.append((entry.path, error))
      case .success(let record):
        var answered = record.answers.values.filter(\.isAnswered).count
        var applicable: Int?
        if let questionnaire = questionnaires[record.questionnaire.id] {
          let wizard = Wizard(questionnaire: questionnaire)
          let progress = wizard.progress(record.wizardState(wizard))
          answered = progress.answered
          applicable = progress.applicable
        }
        rows.append(
          Row(
            id: record.id, path: entry.path, organisation: record.metadata.organisation,
            provider: record.metadata.provider, service: record.metadata.service,
            questionnaire: record.questionnaire.id, answered: answered, applicable: applicable,
            phase: record.phase.rawValue, updated: Self.format(record.metadata.updated)))
      }
    }
    switch format {
    case .json:
      print(try jsonText(rows))
    case .text:
      if rows.isEmpty && broken.isEmpty {
        print("No saved sessions in \(store.directory). Start one with 'cloud-assess new'.")
      } else if !rows.isEmpty {
        let table = [["ID", "PROVIDER", "SERVICE", "PROGRESS", "LAST CHANGE"]]
          + rows.map {
            [
              $0.id, $0.provider, $0.service,
              Self.progressText($0),
              $0.updated,
            ]
          }
        print(TextTable.render(table))
      }
    }
    for (path, error) in broken {
      warn("skipped \(path): \(error.errorDescription ?? "\(error)")")
    }
  }

  static func progressText(_ row: Row) -> String {
    let count = row.applicable.map { "\(row.answered)/\($0)" } ?? "\(row.answered) answered"
    return row.phase == Phase.finished.rawValue ? count + " (finished)" : count
  }

  /// Local time, `yyyy-MM-dd HH:mm` (without a date formatter per session listed).
  static func format(_ date: Date) -> String {
    let local = date.addingTimeInterval(Double(TimeZone.current.secondsFromGMT(for: date)))
    return String(Timestamp.formatMinutes(local).dropLast(4))
  }
}
