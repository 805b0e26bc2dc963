import ArgumentParser
import AssessmentCore
import AssessmentStore
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

struct Summary: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the risk summary of a session (text, Markdown or JSON).",
    discussion: "The JSON form is described by docs/summary.schema.json.")

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json
  }

  @Argument(help: ArgumentHelp("A session id or the path of a session file.", valueName: "session"))
  var session: String

  @Option(help: "text, markdown or json.")
  var format: Format = .text

  @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
  var output: String?

  @Option(
    help: ArgumentHelp(
      "The session's questionnaire, when it is not where the session recorded it (a YAML file or a built-in id).",
      valueName: "id|path"))
  var questionnaire: String?

  @Option(
    name: .customLong("as-of"),
    help: ArgumentHelp(
      "The day derogations are judged against (their expiry), as YYYY-MM-DD; default today.",
      valueName: "date"))
  var asOf: String?

  func validate() throws {
    if let asOf, !DerogationRecord.isDay(asOf) {
      throw ValidationError("--as-of '\(asOf)' is not a date; write it as YYYY-MM-DD, e.g. 2026-11-30")
    }
  }

  @OptionGroup var sessions: SessionsOptions
  @OptionGroup var interface: InterfaceOptions

  func run() throws {
    let store = sessions.store
    let language = interface.resolvedLanguage
    let report: SummaryReport
    do {
      let path = try store.path(for: session)
      let record = try store.load(path: path)
      let loaded = try SessionQuestionnaire.resolve(record, sessionPath: path, explicit: questionnaire)
      for warning in record.warnings(against: loaded, language: language) { warn(warning) }
      let wizard = Wizard(questionnaire: loaded.questionnaire)
      let state = record.wizardState(wizard)
      let day = asOf.flatMap { Timestamp.parse($0 + "T12:00:00.000Z") } ?? Date()
      var made = SummaryReport(
        questionnaire: loaded.questionnaire,
        summary: RiskEngine(questionnaire: loaded.questionnaire).summarize(state, asOf: day),
        answers: state.answers, language: language, digest: loaded.digest)
      if record.questionnaire.version != loaded.questionnaire.version {
        made.answeredUnderVersion = record.questionnaire.version
      }
      if let previous = record.previous {
        made.changesSince = Self.changes(since: previous, store: store, current: ComparedAssessment(
          id: record.id, questionnaire: loaded.questionnaire, state: state, asOf: day), language: language)
      }
      report = made
    } catch {
      throw fail(error, language: language)
    }
    let text: String
    switch format {
    case .text:
      let color = output == nil && isatty(STDOUT_FILENO) == 1 && Interactive.allowColor
      text = report.text(color: color)
    case .markdown:
      text = report.markdown()
    case .json:
      text = try report.json()
    }
    if let output {
      do {
        try SessionStore.writeAtomically(Data(text.utf8), to: output)
      } catch {
        throw fail(error, language: language)
      }
    } else {
      FileHandle.standardOutput.write(Data(text.utf8))
    }
  }

  /// The re-assessment's "changes since" section: the previous session compared with this one,
  /// or why it cannot be.
  static func changes(
    since previous: PreviousAssessment, store: SessionStore, current: ComparedAssessment,
    language: InterfaceLanguage
  ) -> ChangesSince {
    do {
      let path = FileManager.default.fileExists(atPath: previous.path) ? previous.path : try store.path(for: previous.id)
      let record = try store.load(path: path)
      let loaded = try SessionQuestionnaire.resolve(record, sessionPath: path)
      let wizard = Wizard(questionnaire: loaded.questionnaire)
      let old = ComparedAssessment(
        id: record.id, questionnaire: loaded.questionnaire, state: record.wizardState(wizard),
        asOf: Timestamp.parse(current.summary.asOf + "T12:00:00.000Z") ?? Date())
      return Comparison(old: old, new: current, language: language).changesSince()
    } catch {
      return ChangesSince(
        title: previous.id, lines: [PlanPhrase.changesSinceMissing.format(language, previous.id, previous.path)])
    }
  }
}
