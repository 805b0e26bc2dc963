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

  @Option(
    help: ArgumentHelp(
      "A questionnaire (built-in id or YAML file) to count the progress of the sessions made with it, when they do not record where it is.",
      valueName: "id|path"))
  var questionnaire: String?

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
    /// ISO 8601 (RFC 3339), UTC, in JSON; local `yyyy-MM-dd HH:mm` in the text table.
    var created: String
    var updated: String
  }

  func run() throws {
    let store = sessions.store
    let language = environmentLanguage
    var preferred: LoadedQuestionnaire?
    do {
      if let questionnaire { preferred = try BuiltinQuestionnaires.resolve(questionnaire) }
    } catch {
      throw fail(error, language: language)
    }
    var catalog = QuestionnaireCatalog(preferred: preferred)
    var rows: [Row] = []
    var broken: [(String, StoreError)] = []
    for entry in store.list() {
      switch entry.result {
      case .failure(let error):
        broken.append((entry.path, error))
      case .success(let record):
        var answered = record.answers.values.filter(\.isAnswered).count
        var applicable: Int?
        if let questionnaire = catalog.questionnaire(for: record, sessionPath: entry.path) {
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
            phase: record.phase.rawValue,
            created: format == .json ? Timestamp.format(record.metadata.created) : Self.format(record.metadata.created),
            updated: format == .json ? Timestamp.format(record.metadata.updated) : Self.format(record.metadata.updated)))
      }
    }
    switch format {
    case .json:
      print(try jsonText(rows))
    case .text:
      if rows.isEmpty && broken.isEmpty {
        print(Messages.noSessions.format(language, store.directory))
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
      warn(Messages.skipped.format(language, path, error.message(language)))
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
