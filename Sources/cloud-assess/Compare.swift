import ArgumentParser
import AssessmentCore
import AssessmentReports
import AssessmentStore
import Foundation

struct Compare: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    _superCommandName: CloudAssess.name,
    abstract: "Compare two assessments of a service (e.g. last year's and this year's).",
    discussion: """
      The verdict then and now, blocking findings added and resolved, compliance per section, the \
      register's levels, questions improved, regressed, new and removed (with their answers), and \
      actions closed, still open and overdue. Two sessions of different questionnaires are compared \
      on the questions they have in common, with a warning. Neither session is changed.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json
  }

  @Argument(help: ArgumentHelp("The earlier session (id or path).", valueName: "old"))
  var old: String

  @Argument(help: ArgumentHelp("The later session (id or path).", valueName: "new"))
  var new: String

  @Option(help: "text, markdown or json.")
  var format: Format = .text

  @Option(
    name: .customLong("as-of"),
    help: ArgumentHelp(
      "The day actions are overdue against, as YYYY-MM-DD; default today.", valueName: "date"))
  var asOf: String?

  @Option(
    help: ArgumentHelp(
      "A questionnaire (built-in id or YAML file) for the sessions made with it that do not record where it is; may be given twice.",
      valueName: "id|path"))
  var questionnaire: [String] = []

  @OptionGroup var sessions: SessionsOptions
  @OptionGroup var interface: InterfaceOptions

  func validate() throws {
    if let asOf, !Day.isValid(asOf) {
      throw ValidationError(
        "--as-of '\(asOf)' is not a date; write it as YYYY-MM-DD, e.g. 2027-03-31")
    }
  }

  func run() throws {
    let language = interface.resolvedLanguage
    let store = sessions.store
    let day = asOf.flatMap { Timestamp.parse($0 + "T12:00:00.000Z") } ?? Date()
    let comparison: Comparison
    do {
      let preferred = try questionnaire.map { try BuiltinQuestionnaires.resolve($0) }
      func side(_ reference: String) throws(StoreError) -> ComparedAssessment {
        let path = try store.path(for: reference)
        return try store.loadAssessment(
          path: path, preferred: preferred, asOf: day, histories: .skipped
        ).compared
      }
      comparison = Comparison(old: try side(old), new: try side(new), language: language)
    } catch {
      throw fail(error, language: language)
    }
    if comparison.commonOnly {
      warn(
        ComparisonPhrase.compareCommonOnly.format(
          language, comparison.old.questionnaire.id, comparison.new.questionnaire.id),
        language: language)
    }
    switch format {
    case .text: print(comparison.text(), terminator: "")
    case .markdown: print(comparison.markdown(), terminator: "")
    case .json: print(try comparison.json(), terminator: "")
    }
  }
}
