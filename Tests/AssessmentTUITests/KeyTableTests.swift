import Foundation
import Testing

@testable import AssessmentFrontEnd

/// The README's key table names every key of the question screen's table, and names no key
/// there that the table does not bind (for the keys of the question screen).
@Suite struct KeyTableTests {
  /// The first column of the README's key table, one set of key names per row.
  func readmeKeys() throws -> [Set<String>] {
    let readme = try String(contentsOfFile: testsDirectory + "/../README.md", encoding: .utf8)
    let lines = readme.components(separatedBy: "\n")
    let start = try #require(lines.firstIndex(of: "| keys | action |"))
    return lines[(start + 2)...].prefix { $0.hasPrefix("|") }.map { row in
      let cell = row.split(separator: "|", omittingEmptySubsequences: false)[1]
      let words = cell.split(whereSeparator: { " ,()".contains($0) }).map(String.init)
      return Set(words.filter { $0 != "or" && $0 != "and" })
    }
  }

  @Test func everyKeyOfTheQuestionScreenIsInTheReadme() throws {
    let named = try readmeKeys().reduce(into: Set<String>()) { $0.formUnion($1) }
    for binding in App.questionKeys {
      let names = binding.action == .pick ? ["1–9"] : binding.keys.map(\.readmeName)
      for name in names {
        #expect(named.contains(name), "\(name) (\(binding.action)) is not in the README's key table")
      }
    }
  }

  @Test func theTableBindsEachKeyOnce() {
    let keys = App.questionKeys.flatMap(\.keys)
    #expect(Set(keys.map(\.readmeName)).count == keys.count)
  }
}
