import ArgumentParser
import AssessmentCore
import AssessmentStore
import Foundation

@main
struct CloudAssess: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: name,
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

  static let name = "cloud-assess"

  /// Parses the command line and runs the command it names. A line that starts with a
  /// subcommand's name is parsed by that subcommand as the root of its own tree
  /// (``parsedDirectly(_:)``); anything else, and anything that subcommand does not take
  /// (help, the version, an error), goes to the whole tree as before, which says it as it always
  /// has. Errors from the command itself are reported as the whole tree reports them.
  static func main() {
    let arguments = Array(CommandLine.arguments.dropFirst())
    guard var command = parsedDirectly(arguments) else { return main(nil) }
    do {
      try command.run()
    } catch {
      exit(withError: error)
    }
  }

  /// The command `arguments` name when they start with the name of one of the subcommands and
  /// that subcommand (or one of its own) parses the rest alone; nil otherwise.
  ///
  /// Why: parsing through the whole tree first parses the root, reflects over the default
  /// subcommand's options (``Start``'s) and tries two more parses for
  /// `--generate-completion-script`, each asking the Swift runtime questions whose first
  /// asking walks every protocol conformance record of the program: about eight million
  /// instructions, one to two milliseconds, at every start (docs/performance.md). The subcommands name `cloud-assess` as their super-command, which
  /// is what makes swift-argument-parser skip the completion-script parses when one is the
  /// root; the tree ignores it below its root. The result is the command the whole tree would
  /// give (tests compare them); a help request or an error is never answered here.
  static func parsedDirectly(_ arguments: [String]) -> ParsableCommand? {
    if let merge = Merge.fromGitDriverLine(arguments) { return merge }
    guard let name = arguments.first,
      let subcommand = configuration.subcommands.first(where: {
        $0.configuration.commandName == name
      }),
      let command = try? subcommand.parseAsRoot(Array(arguments.dropFirst()))
    else { return nil }
    // Below the subcommand, the parser adds a `help` of its own, which the whole tree has
    // only at its root: only commands of the tree are taken.
    let parsed = ObjectIdentifier(type(of: command))
    return commandTypes(below: subcommand).contains { ObjectIdentifier($0) == parsed }
      ? command : nil
  }

  /// `command` and every command below it.
  private static func commandTypes(below command: ParsableCommand.Type) -> [ParsableCommand.Type] {
    [command] + command.configuration.subcommands.flatMap(commandTypes(below:))
  }
}

enum CloudAssessVersion {
  static let current = "0.1.0"
}
