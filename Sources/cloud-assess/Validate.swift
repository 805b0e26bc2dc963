import ArgumentParser
import AssessmentCore
import AssessmentStore
import Foundation

struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    _superCommandName: CloudAssess.name,
    abstract: "Check a questionnaire file (default: the built-in questionnaire).",
    discussion: "Exits 0 when valid, 1 with every problem located by file, line and column.")

  @Argument(help: ArgumentHelp("A questionnaire YAML file or a built-in id.", valueName: "path"))
  var path: String?

  func run() throws {
    let language = environmentLanguage
    do {
      let loaded = try BuiltinQuestionnaires.resolve(path)
      let questionnaire = loaded.questionnaire
      print(
        Messages.questionnaireValid.format(
          language, loaded.source, questionnaire.id, questionnaire.version,
          CountedNoun.section.format(questionnaire.sections.count, language),
          CountedNoun.question.format(questionnaire.questions.count, language),
          questionnaire.languages.joined(separator: ", ")))
    } catch .questionnaireInvalid(let problems) {
      for problem in problems {
        FileHandle.standardError.write(
          Data(
            "\(problem.file):\(problem.line):\(problem.column): error: \(problem.id.map { "[\($0)] " } ?? "")\(problem.message)\n"
              .utf8))
      }
      let count =
        problems.count == 1
        ? Messages.oneProblemFound.format(language)
        : Messages.problemsFound.format(language, String(problems.count))
      FileHandle.standardError.write(Data((count + "\n").utf8))
      throw ExitCode.failure
    } catch {
      throw fail(error, language: language)
    }
  }
}
