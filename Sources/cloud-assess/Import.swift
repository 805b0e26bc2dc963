import ArgumentParser
import AssessmentCore
import AssessmentStore
import Foundation
import QuestionnaireFormat

/// `import`: a framework kept by another tool, made a questionnaire directory.
struct Import: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    _superCommandName: CloudAssess.name,
    abstract: "Convert a framework from another tool into a questionnaire directory.",
    subcommands: [ImportCISOAssistant.self])
}

struct ImportCISOAssistant: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ciso-assistant",
    abstract: "Convert a CISO Assistant framework library (YAML) into a questionnaire directory.",
    discussion:
      "The directory is what validate, new --questionnaire and every command accept. The library's copyright and provider are printed in every report made with it. See docs/import-ciso-assistant.md."
  )

  @Argument(help: ArgumentHelp("The library file (YAML).", valueName: "library"))
  var library: String

  @Option(help: ArgumentHelp("The questionnaire directory to write.", valueName: "dir"))
  var output: String

  @Option(
    help: ArgumentHelp(
      "The URN of the framework to import, when the library holds several.", valueName: "urn"))
  var framework: String?

  @Option(
    name: .customLong("lang"),
    help: ArgumentHelp(
      "The questionnaire's languages, comma-separated, the first authoritative (default: the library's own, then fr, nl, en where translated).",
      valueName: "languages"))
  var languages: String?

  @Flag(help: "Replace the output directory if it exists.")
  var force = false

  func run() throws {
    let language = environmentLanguage
    let chosen = languages.map {
      $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
        !$0.isEmpty
      }
    }
    if let chosen, chosen.isEmpty || Set(chosen).count != chosen.count {
      complain(Messages.importBadLanguages.format(language, languages ?? ""), language: language)
      throw ExitCode.failure
    }
    // Refused before the work, and again by the writer (which alone decides).
    if !force, FileManager.default.fileExists(atPath: output) {
      complain(Messages.importExists.format(language, output), language: language)
      throw ExitCode.failure
    }
    let converted: CISOAssistantImport.Converted
    do {
      converted = try CISOAssistantImport.convert(
        path: library,
        options: CISOAssistantImport.Options(framework: framework, languages: chosen))
    } catch .invalid(let problems) {
      for problem in problems {
        FileHandle.standardError.write(
          Data(
            "\(problem.file):\(problem.line):\(problem.column): error: \(problem.kind.message(language))\n"
              .utf8))
      }
      FileHandle.standardError.write(
        Data((Messages.importNothingWritten.format(language, output) + "\n").utf8))
      throw ExitCode.failure
    } catch .unreadable(let path, let reason) {
      complain(Messages.importUnreadable.format(language, path, reason), language: language)
      throw ExitCode.failure
    }
    do {
      try QuestionnaireDirectoryWriter.write(
        converted.files.map { ($0.path, $0.text) }, to: output, replacing: force)
    } catch {
      let message: String
      switch error {
      case .exists(let path): message = Messages.importExists.format(language, path)
      case .notADirectory(let path): message = Messages.importNotADirectory.format(language, path)
      case .noParent(let path): message = Messages.importNoParent.format(language, path)
      case .failed(let path, let reason):
        message = Messages.importWriteFailed.format(language, path, reason)
      }
      complain(message, language: language)
      throw ExitCode.failure
    }
    for lost in converted.lost { warn(lost.message(language), language: language) }
    let questionnaire = converted.questionnaire
    print(
      Messages.importWritten.format(
        language, output, questionnaire.id, questionnaire.version,
        CountedNoun.section.format(questionnaire.sections.count, language),
        CountedNoun.question.format(questionnaire.questions.count, language),
        questionnaire.languages.joined(separator: ", ")))
  }
}
