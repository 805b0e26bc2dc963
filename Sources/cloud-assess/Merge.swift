import ArgumentParser
import AssessmentCore
import AssessmentStore
import Foundation

struct Merge: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    _superCommandName: CloudAssess.name,
    abstract: "Merge two copies of a session against their common copy (git's merge driver).",
    discussion: """
      Question by question: a change on one side is taken, the same change on both sides is \
      taken once, different changes are a conflict kept inside the session with both sides, to \
      be resolved in the wizard. The result is written over OURS. Exits 0 when merged, 1 when \
      it holds conflicts, 2 when nothing was merged (OURS untouched). Set up by \
      'cloud-assess git-setup'; see docs/team.md.
      """)

  @Argument(help: ArgumentHelp("The common copy (git's %O; may be empty).", valueName: "base"))
  var base: String

  @Argument(help: ArgumentHelp("Our copy, replaced by the result (git's %A).", valueName: "ours"))
  var ours: String

  @Argument(help: ArgumentHelp("Their copy (git's %B).", valueName: "theirs"))
  var theirs: String

  @Argument(
    help: ArgumentHelp(
      "The session's path in the working tree (git's %P), to name it and to check that it is not open in the wizard.",
      valueName: "path"))
  var path: String?

  func run() throws {
    let language = environmentLanguage
    let result: SessionMerge.Result
    do {
      result = try SessionMerge.mergeFiles(base: base, ours: ours, theirs: theirs, path: path)
    } catch {
      complain(error.message(language), language: language)
      throw ExitCode(2)
    }
    guard result.needsResolution else { return }
    let name = path ?? ours
    if !result.conflicts.isEmpty {
      warn(
        MergeMessages.answerConflicts.format(
          language, name, MergeNoun.answers(result.conflicts.count, language),
          result.conflicts.joined(separator: ", ")), language: language)
    }
    for conflict in result.identificationConflicts {
      warn(
        MergeMessages.identificationConflict.format(
          language, name, conflict.field.rawValue, conflict.ours, conflict.theirs),
        language: language)
    }
    throw ExitCode.failure
  }
}

extension Merge {
  /// The command of git's merge-driver line, `merge BASE OURS THEIRS [PATH]` with no option,
  /// built without the argument parser; nil for any other line, which the parser takes.
  ///
  /// Why: git runs the driver once for every session file both sides changed, and the argument
  /// parser's look at a command reflects over its properties and asks the Swift runtime
  /// questions whose first asking walks every protocol conformance record of the program:
  /// about eight million instructions, a tenth of a merge, more than reading a session
  /// (docs/performance.md). A line of plain operands means one thing only; the tests compare
  /// what this gives with what the parser gives, and anything else (an option, a help request,
  /// a wrong count, an operand that starts with a dash) goes to the parser.
  static func fromGitDriverLine(_ arguments: [String]) -> Merge? {
    guard arguments.first == "merge", (4...5).contains(arguments.count),
      arguments.dropFirst().allSatisfy({ !$0.hasPrefix("-") })
    else { return nil }
    var merge = Merge()
    merge.base = arguments[1]
    merge.ours = arguments[2]
    merge.theirs = arguments[3]
    merge.path = arguments.count == 5 ? arguments[4] : nil
    return merge
  }
}
