import ArgumentParser
import AssessmentCore
import AssessmentStore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

struct GitSetupCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "git-setup",
    _superCommandName: CloudAssess.name,
    abstract: "Prepare a folder of sessions in a git repository for merging (once per clone).",
    discussion: """
      Writes the folder's .gitattributes (session files merged by 'cloud-assess merge') and \
      .gitignore (journals, locks, migration copies), each as a marked block that leaves the \
      rest of the file alone, and registers the driver in the repository's configuration with \
      the absolute path of this cloud-assess. Git does not read drivers from committed files: \
      every clone runs git-setup. Running it again changes nothing, or updates the path after \
      cloud-assess moved. See docs/team.md.
      """)

  @Argument(
    help: ArgumentHelp(
      "The folder of the sessions, in a git working tree (default: the current folder).",
      valueName: "dir"))
  var directory: String = "."

  func run() throws {
    let language = environmentLanguage
    let outcome: GitSetup.Outcome
    do {
      outcome = try GitSetup.run(directory: directory, executable: Self.executablePath())
    } catch {
      complain(error.message(language), language: language)
      throw ExitCode.failure
    }
    for path in outcome.written { print(MergeMessages.fileWritten.format(language, path)) }
    for path in outcome.unchanged { print(MergeMessages.fileUnchanged.format(language, path)) }
    let summary: MergeMessages =
      outcome.configured || !outcome.written.isEmpty ? .gitSetupDone : .gitSetupUnchanged
    print(summary.format(language, outcome.repository, directory, outcome.driver))
    print(MergeMessages.driverNotShared.text(language))
  }

  /// The absolute path of the running program: git runs the driver from hooks and graphical
  /// tools whose PATH may not hold cloud-assess.
  static func executablePath() -> String {
    var buffer = [CChar](repeating: 0, count: 4096)
    let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    if count > 0 {
      return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
    let argument = CommandLine.arguments[0]
    guard argument.contains("/") else { return argument }
    return URL(fileURLWithPath: argument).standardizedFileURL.path
  }
}
