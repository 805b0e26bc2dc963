import ArgumentParser
import AssessmentStore
import Foundation

/// What `cloud-assess` alone does: the start screen.
struct Start: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "start",
    _superCommandName: CloudAssess.name,
    abstract: "Open the start screen: a new assessment, a saved one, or quit (the default).")

  @Option(
    help: ArgumentHelp(
      "The questionnaire for a new assessment (built-in id or YAML file), also used to open the saved sessions made with it.",
      valueName: "id|path"))
  var questionnaire: String?

  @OptionGroup var sessions: SessionsOptions
  @OptionGroup var interface: InterfaceOptions
  @OptionGroup var person: PersonOptions

  func run() throws {
    try Interactive.start(
      store: sessions.store(as: person), questionnaire: questionnaire,
      language: interface.resolvedLanguage, offersNew: true, plain: interface.plain)
  }
}
