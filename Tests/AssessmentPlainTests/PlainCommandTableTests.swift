import AssessmentCore
import Foundation
import Testing

@testable import AssessmentPlain

/// The README's table of plain mode's commands names every command in its three languages, and
/// names no command the parser does not know.
@Suite struct PlainCommandTableTests {
  /// The command names of each row's first column (the words in backquotes, without the
  /// arguments' placeholders).
  func readmeCommands() throws -> [[String]] {
    let readme = try String(
      contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
          "README.md"), encoding: .utf8)
    let lines = readme.components(separatedBy: "\n")
    let start = try #require(
      lines.firstIndex { $0.hasPrefix("| command (fr / en / nl) | what it does") })
    return lines[(start + 2)...].prefix { $0.hasPrefix("|") }.map { row in
      let cell = String(row.split(separator: "|", omittingEmptySubsequences: false)[1])
      let quoted = cell.split(separator: "`", omittingEmptySubsequences: false).enumerated()
        .filter { $0.offset % 2 == 1 }.map { String($0.element) }
      return quoted.map { $0.split(separator: " ").first.map(String.init) ?? "" }
        .filter { !$0.hasPrefix("[") && $0 != "TEXT" && $0 != "ID" }
    }
  }

  @Test func everyCommandIsInTheReadmeInEachLanguage() throws {
    let rows = try readmeCommands()
    #expect(rows.count == PlainCommand.allCases.count, "one row per command")
    let named = Set(rows.flatMap { $0 })
    for command in PlainCommand.allCases {
      for language in InterfaceLanguage.allCases {
        for name in command.names(language) {
          #expect(named.contains(name), "\(name) (\(command)) is not in the README's table")
        }
      }
    }
  }

  @Test func theReadmeNamesNoUnknownCommand() throws {
    let known = Set(
      PlainCommand.allCases.flatMap { command in
        InterfaceLanguage.allCases.flatMap { command.names($0) }
      })
    for name in try readmeCommands().flatMap({ $0 }) {
      #expect(known.contains(name), "the README names `\(name)`, which is no command")
    }
  }
}
