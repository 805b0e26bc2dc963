import ArgumentParser
import AssessmentCore
import AssessmentStore
import Foundation

@main
struct CloudAssess: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cloud-assess",
    abstract:
      "Assess a cloud service provider against the Belgian social-security cloud directives.",
    discussion: """
      Walks an information-security assessor through the directives screen by screen, saves every \
      answer as it is given, and ends with a risk summary.
      Sessions live in $CLOUD_ASSESS_SESSIONS, else $XDG_DATA_HOME/cloud-assess/sessions, else \
      ~/.local/share/cloud-assess/sessions (or --sessions-dir).
      """,
    version: CloudAssessVersion.current,
    // Every subcommand names itself (`commandName`): without it, the argument parser derives
    // each name from its type's name by reflection (`String(describing:)`) at every start, for
    // the whole command tree: protocol-conformance look-ups of the Swift runtime, which walk
    // every conformance record of the program, before any command runs.
    subcommands: [
      Start.self, New.self, Resume.self, Summary.self, List.self, Compare.self, Validate.self,
      Questionnaires.self, Import.self, Provider.self, History.self, SignOffCommand.self,
      GitSetupCommand.self, Merge.self,
    ],
    defaultSubcommand: Start.self
  )
}

enum CloudAssessVersion {
  static let current = "0.1.0"
}
