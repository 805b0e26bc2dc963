import ArgumentParser
import AssessmentCore
import AssessmentReports
import AssessmentStore
import Foundation

struct List: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    _superCommandName: CloudAssess.name,
    abstract: "List the saved sessions, newest first, with their verdict and actions.",
    discussion: """
      Each session file carries a small abstract written when it is saved, so the list reads a few \
      kilobytes per session; a session with a journal, without an abstract (an older format) or \
      whose derogation or risk acceptance expired since is read whole.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv
  }

  @OptionGroup var sessions: SessionsOptions

  @OptionGroup var interface: InterfaceOptions

  @Option(help: "text, json or csv.")
  var format: Format = .text

  @Option(
    help: ArgumentHelp(
      "A questionnaire (built-in id or YAML file) to count the progress of the sessions made with it, when they do not record where it is.",
      valueName: "id|path"))
  var questionnaire: String?

  @Option(
    name: .customLong("as-of"),
    help: ArgumentHelp(
      "The day actions are overdue against, as YYYY-MM-DD; default today.", valueName: "date"))
  var asOf: String?

  func validate() throws {
    if let asOf, !Day.isValid(asOf) {
      throw ValidationError(
        "--as-of '\(asOf)' is not a date; write it as YYYY-MM-DD, e.g. 2027-03-31")
    }
  }

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
    /// ISO 8601 (RFC 3339), UTC, in JSON and CSV; local `yyyy-MM-dd HH:mm` in the text table.
    var created: String
    var updated: String
    /// `acceptable`, `acceptable_with_conditions`, `not_acceptable`; nil without questionnaire.
    var verdict: String?
    var openActions: Int
    var overdueActions: Int
    var expiredEvidence: Int
    /// Management's decision in force (`decision`, `on`, `by`, `out_of_date`, `changed_since`).
    var decision: DecisionAbstract?
  }

  func run() throws {
    let store = sessions.store
    let language = interface.resolvedLanguage
    var preferred: LoadedQuestionnaire?
    do {
      if let questionnaire { preferred = try BuiltinQuestionnaires.resolve(questionnaire) }
    } catch {
      throw fail(error, language: language)
    }
    var catalog = QuestionnaireCatalog(preferred: preferred)
    let day = asOf ?? String(Timestamp.format(Date()).prefix(10))
    var rows: [Row] = []
    var broken: [(String, StoreError)] = []
    let machine = format != .text
    for entry in store.portfolio(
      day: day, questionnaire: { catalog.questionnaire(for: $0, sessionPath: $1) })
    {
      switch entry.result {
      case .failure(let error):
        broken.append((entry.path, error))
      case .success(let row):
        rows.append(
          Row(
            id: row.id, path: row.path, organisation: row.organisation, provider: row.provider,
            service: row.service, questionnaire: row.questionnaire, answered: row.answered,
            applicable: row.applicable, phase: row.phase,
            created: machine ? Timestamp.format(row.created) : Self.format(row.created),
            updated: machine ? Timestamp.format(row.updated) : Self.format(row.updated),
            verdict: row.verdict, openActions: row.pending, overdueActions: row.overdue,
            expiredEvidence: row.expiredEvidence,
            decision: row.decision))
      }
    }
    switch format {
    case .json:
      print(try jsonText(rows))
    case .csv:
      let header = [
        "id", "provider", "service", "organisation", "questionnaire", "answered", "applicable",
        "phase",
        "verdict", "open_actions", "overdue_actions", "expired_evidence", "created", "updated",
        "path",
        "decision", "decision_on", "decision_by", "decision_out_of_date", "changed_since_decision",
      ]
      var lines = [header.joined(separator: ",")]
      for row in rows {
        lines.append(
          [
            row.id, row.provider, row.service, row.organisation, row.questionnaire,
            "\(row.answered)",
            row.applicable.map(String.init) ?? "", row.phase, row.verdict ?? "",
            "\(row.openActions)",
            "\(row.overdueActions)", "\(row.expiredEvidence)", row.created, row.updated, row.path,
            row.decision?.decision ?? "", row.decision?.on ?? "", row.decision?.by ?? "",
            row.decision.map { $0.outOfDate ? "true" : "false" } ?? "",
            row.decision.map { "\($0.changedSince)" } ?? "",
          ].map(Self.csvField).joined(separator: ","))
      }
      print(lines.joined(separator: "\r\n"), terminator: "\r\n")
    case .text:
      if rows.isEmpty && broken.isEmpty {
        print(Messages.noSessions.format(language, store.directory))
      } else if !rows.isEmpty {
        let headings = Messages.listHeadings.text(language).split(separator: "\t").map(String.init)
        let table =
          [headings]
          + rows.map {
            [
              $0.id, $0.provider, $0.service, Self.progressText($0, language),
              Self.verdictText($0.verdict, language),
              "\($0.openActions)", "\($0.overdueActions)", "\($0.expiredEvidence)", $0.updated,
              Self.decisionText($0.decision, language),
            ]
          }
        print(TextTable.render(table))
        // A decision taken on other content is flagged, each on its own line.
        for row in rows {
          guard let decision = row.decision, decision.outOfDate else { continue }
          let said =
            decision.changedSince > 0
            ? TeamPhrase.decisionOutOfDate.format(
              language, decision.on, decision.by, decision.changedSince)
            : TeamPhrase.decisionOutOfDateUncounted.format(language, decision.on, decision.by)
          print(
            "\(TeamPhrase.decisionListOutOfDate.text(language)) \(row.id)\(language.colon)\(said)")
        }
      }
    }
    for (path, error) in broken {
      warn(Messages.skipped.format(language, path, error.message(language)), language: language)
    }
  }

  static func verdictText(_ verdict: String?, _ language: InterfaceLanguage) -> String {
    switch verdict.flatMap(Verdict.init(rawValue:)) {
    case .acceptable?: return Phrase.verdictAcceptable.text(language)
    case .acceptableWithConditions?: return Phrase.verdictConditions.text(language)
    case .notAcceptable?: return Phrase.verdictNotAcceptable.text(language)
    case nil: return "—"
    }
  }

  /// The decision in force, short: "accepted 2026-12-10", with "(!)" when the content changed
  /// since (the line after the table says how).
  static func decisionText(_ decision: DecisionAbstract?, _ language: InterfaceLanguage) -> String {
    guard let decision, let kind = SignOff.Decision(rawValue: decision.decision) else {
      return "—"
    }
    return kind.words(language) + " " + decision.on + (decision.outOfDate ? " (!)" : "")
  }

  /// RFC 4180: quoted when it holds a comma, a quote or a line break; a leading `=`, `+`, `-`,
  /// `@` is prefixed with `'` so that a spreadsheet does not run it as a formula.
  static func csvField(_ text: String) -> String {
    var value = text
    if let first = value.first, "=+-@".contains(first) { value = "'" + value }
    guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return value
    }
    return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  static func progressText(_ row: Row, _ language: InterfaceLanguage) -> String {
    let count =
      row.applicable.map { "\(row.answered)/\($0)" }
      ?? Messages.listAnswered.format(language, row.answered)
    return row.phase == Phase.finished.rawValue
      ? Messages.listFinished.format(language, count) : count
  }

  /// Local time, `yyyy-MM-dd HH:mm` (without a date formatter per session listed).
  static func format(_ date: Date) -> String {
    let local = date.addingTimeInterval(Double(TimeZone.current.secondsFromGMT(for: date)))
    return String(Timestamp.formatMinutes(local).dropLast(4))
  }
}
