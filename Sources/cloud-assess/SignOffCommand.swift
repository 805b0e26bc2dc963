import ArgumentParser
import AssessmentCore
import AssessmentReports
import AssessmentStore
import Foundation

/// `cloud-assess sign-off`: management's decision on an assessment, recorded in its session.
struct SignOffCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sign-off",
    _superCommandName: CloudAssess.name,
    abstract:
      "Record management's decision on an assessment (accept, accept with conditions, refuse).",
    discussion: """
      The decision of the person or body entitled to decide, with the reference of its minutes \
      or decision, and the digest of the content it was taken on (answers, derogations, action \
      plan): the summary, the reports and `list` say when the content changed since. An \
      acceptance that contradicts the verdict is refused, with the blocking findings named; a \
      blocking finding covered by a derogation that counts does not prevent it. A new decision \
      supersedes the previous one, which stays in the session file.
      """)

  enum DecisionArgument: String, ExpressibleByArgument, CaseIterable {
    case accept
    case acceptWithConditions = "accept-with-conditions"
    case refuse

    var decision: SignOff.Decision {
      switch self {
      case .accept: return .accept
      case .acceptWithConditions: return .acceptWithConditions
      case .refuse: return .refuse
      }
    }
  }

  @Argument(help: ArgumentHelp("A session id or the path of a session file.", valueName: "session"))
  var session: String

  @Option(help: ArgumentHelp("Who decided (a person or a body).", valueName: "name"))
  var by: String

  @Option(help: ArgumentHelp("Their role or function.", valueName: "role"))
  var role: String

  @Option(help: "accept, accept-with-conditions or refuse.")
  var decision: DecisionArgument

  @Option(
    help: ArgumentHelp("The reference of the minutes or the decision number.", valueName: "ref"))
  var reference: String

  @Option(
    name: .customLong("on"),
    help: ArgumentHelp("The day of the decision, YYYY-MM-DD (default today).", valueName: "date"))
  var day: String?

  @Option(
    help: ArgumentHelp(
      "The conditions (required with accept-with-conditions).", valueName: "text"))
  var conditions: String = ""

  @OptionGroup var relocated: RelocatedQuestionnaire

  @OptionGroup var sessions: SessionsOptions
  @OptionGroup var interface: InterfaceOptions
  @OptionGroup var person: PersonOptions

  func run() throws {
    let language = interface.resolvedLanguage
    let store = sessions.store(as: person)
    let now = Interactive.now()
    let today = String(Timestamp.format(now).prefix(10))
    let day = (self.day ?? today).trimmingCharacters(in: .whitespaces)
    let opened: OpenSession
    do {
      opened = try store.openForWriting(
        path: try store.path(for: session), questionnaire: relocated.questionnaire)
    } catch {
      throw fail(error, language: language)
    }
    let wizard = Wizard(questionnaire: opened.questionnaire.questionnaire)
    let state = opened.wizardState(wizard)
    // Derogations are judged on the day of the decision: the one that counted then.
    let asOf = Day.isValid(day) ? Timestamp.parse(day + "T12:00:00.000Z") : nil
    let report = SummaryReport.assemble(
      questionnaire: opened.questionnaire.questionnaire, digest: opened.questionnaire.digest,
      state: state, asOf: asOf ?? now, answeredUnderVersion: nil, previous: nil,
      language: language)
    if let problem = SignOff.problem(
      by: by, role: role, decision: decision.decision, reference: reference, on: day,
      conditions: conditions, summary: report.summary, today: today)
    {
      // Refused: the session is left as it was found.
      opened.release()
      let lines = report.problemLines(problem, decision: decision.decision)
      complain(lines.joined(separator: "\n"), language: language)
      throw ExitCode.failure
    }
    defer { opened.close(final: state, lastSaveFailed: false) }
    do {
      let signOff = try opened.recordSignOff(
        by: by, role: role, decision: decision.decision, reference: reference, on: day,
        conditions: conditions, at: now)
      writeOut(
        TeamPhrase.signOffSaved.format(language, report.decisionSentence(signOff)) + "\n")
    } catch {
      throw fail(error, language: language)
    }
  }
}
