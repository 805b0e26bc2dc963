import ArgumentParser
import Testing

@testable import cloud_assess

/// `CloudAssess.main` parses a line that starts with a subcommand's name with that subcommand
/// alone (`parsedDirectly`). It must give the command the whole tree gives, and leave to the
/// tree everything it answers itself: help, the version, completion scripts, errors.
struct DispatchTests {
  /// A command as the tests compare it: its type and every stored value, wrappers included.
  func described(_ command: ParsableCommand) -> String {
    var text = ""
    dump(command, to: &text)
    return text
  }

  static let taken: [[String]] = [
    ["start"],
    ["start", "--plain", "--lang", "nl", "--as", "Jan Peeters", "--sessions-dir", "/tmp/s"],
    ["start", "--questionnaire", "own.yaml"],
    ["new", "--from", "2025", "--questionnaire", "be-socsec-cloud", "--lang=fr"],
    ["resume", "20261207-0102-abcd", "--plain"],
    ["resume"],
    ["summary", "s1", "--format", "html", "--output", "out.html", "--template", "t.mustache"],
    ["summary", "s1", "--format", "csv", "--csv-delimiter", ";", "--bom", "--as-of", "2027-01-31"],
    ["summary", "--print-template"],
    ["list", "--format", "json", "--as-of", "2027-03-31"],
    ["compare", "old", "new", "--questionnaire", "a.yaml", "--questionnaire", "b.yaml"],
    ["validate", "q.yaml"],
    ["validate"],
    ["questionnaires", "--format", "json"],
    ["history", "s1", "sla_availability", "--format", "json"],
    [
      "sign-off", "s1", "--by", "A. Dupont", "--role", "Comité de direction", "--decision",
      "accept-with-conditions", "--reference", "PV 2026/12", "--on", "2026-12-10",
      "--conditions", "Chiffrement d'ici mars",
    ],
    ["git-setup", "sessions"],
    ["git-setup"],
    ["merge", "%O", "%A", "%B", "sessions/s1.json"],
    ["merge", "base", "ours", "theirs"],
    // A value that is also a command's name is a value below the root.
    ["merge", "summary", "ours", "theirs", "help"],
    // A command of commands says what it holds (its `run` asks for its help).
    ["provider"],
    ["import"],
    ["provider", "export", "s1", "--output", "s1.xlsx", "--deadline", "2027-01-15"],
    ["provider", "import", "s1", "s1.xlsx", "--dry-run", "--as", "Provider"],
    ["import", "ciso-assistant", "lib.yaml", "--output", "q", "--lang", "fr,nl", "--force"],
  ]

  @Test(arguments: taken)
  func aSubcommandParsedAloneIsWhatTheWholeTreeGives(_ arguments: [String]) throws {
    let whole = try CloudAssess.parseAsRoot(arguments)
    let direct = try #require(CloudAssess.parsedDirectly(arguments))
    #expect(described(direct) == described(whole))
  }

  /// git's merge-driver lines, which `merge` takes without the parser, give what the parser
  /// gives; the merge lines that are not plain operands go to the parser.
  static let gitDriverLines: [[String]] = [
    ["merge", ".merge_file_a1", ".merge_file_b2", ".merge_file_c3", "sessions/s1.json"],
    ["merge", "base", "ours", "theirs"],
    ["merge", "summary", "ours", "theirs", "help"],
    ["merge", "b a s e", "ours.json", "théirs", "sessions/évaluation 2027.json"],
    ["merge", "", "ours", "theirs", ""],
  ]

  @Test(arguments: gitDriverLines)
  func gitsDriverLineIsWhatTheParserGives(_ arguments: [String]) throws {
    let whole = try CloudAssess.parseAsRoot(arguments)
    let direct = try #require(Merge.fromGitDriverLine(arguments))
    #expect(described(direct) == described(whole))
  }

  static let notGitDriverLines: [[String]] = [
    ["merge", "base", "ours"],
    ["merge", "base", "ours", "theirs", "path", "extra"],
    ["merge", "-", "ours", "theirs"],
    ["merge", "base", "ours", "theirs", "-h"],
    ["merge", "--", "base", "ours", "theirs"],
    ["merge", "base", "ours", "theirs", "--"],
    ["merge", "base", "--help", "ours", "theirs"],
    ["summary", "base", "ours", "theirs"],
    ["Merge", "base", "ours", "theirs"],
  ]

  @Test(arguments: notGitDriverLines)
  func otherMergeLinesGoToTheParser(_ arguments: [String]) {
    #expect(Merge.fromGitDriverLine(arguments) == nil)
  }

  /// What the whole tree answers itself, and errors, whose messages name the command as the
  /// tree names it.
  static let left: [[String]] = [
    [],
    ["--plain"],
    ["--version"],
    ["--help"],
    ["help", "merge"],
    ["merge", "--help"],
    ["merge", "-h"],
    ["merge", "--version"],
    ["merge", "a", "b"],
    ["merge", "a", "b", "c", "d", "e"],
    ["merge", "--generate-completion-script", "bash"],
    ["merge", "--experimental-dump-help"],
    ["summary", "s1", "--format", "pdf"],
    ["summary", "s1", "--csv-delimiter", "ab"],
    ["summary"],
    ["list", "--as-of", "tomorrow"],
    ["provider", "help", "export"],
    ["provider", "export", "--help"],
    ["frobnicate"],
    ["Merge", "a", "b", "c"],
  ]

  @Test(arguments: left)
  func helpVersionAndErrorsAreTheWholeTrees(_ arguments: [String]) {
    #expect(CloudAssess.parsedDirectly(arguments) == nil)
  }

  @Test func everySubcommandNamesItselfAndItsSuperCommand() {
    for command in CloudAssess.configuration.subcommands {
      #expect(command.configuration.commandName != nil, "\(command)")
      #expect(command.configuration._superCommandName == CloudAssess.name, "\(command)")
    }
  }
}
