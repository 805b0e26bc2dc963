import ArgumentParser
import AssessmentStore
import Foundation

struct Questionnaires: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "questionnaires",
    _superCommandName: CloudAssess.name,
    abstract: "List the built-in questionnaires.")

  @Option(help: "text or json.")
  var format: OutputFormat = .text

  func run() throws {
    let all: [LoadedQuestionnaire]
    do {
      all = try BuiltinQuestionnaires.all()
    } catch {
      throw fail(error)
    }
    switch format {
    case .json:
      let rows = all.map {
        [
          "id": $0.questionnaire.id, "version": $0.questionnaire.version,
          "languages": $0.questionnaire.languages.joined(separator: ","),
          "questions": String($0.questionnaire.questions.count), "digest": $0.digest,
          "default": String($0.questionnaire.id == BuiltinQuestionnaires.defaultID),
        ]
      }
      print(try jsonText(rows))
    case .text:
      let table =
        [["ID", "VERSION", "LANGUAGES", "QUESTIONS", "TITLE"]]
        + all.map {
          [
            $0.questionnaire.id
              + ($0.questionnaire.id == BuiltinQuestionnaires.defaultID ? " (default)" : ""),
            $0.questionnaire.version, $0.questionnaire.languages.joined(separator: ","),
            String($0.questionnaire.questions.count),
            $0.questionnaire.text($0.questionnaire.title, "en"),
          ]
        }
      print(TextTable.render(table))
    }
  }
}

func jsonText<T: Encodable>(_ value: T) throws -> String {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
  return String(decoding: try encoder.encode(value), as: UTF8.self)
}

/// Left-aligned columns separated by two spaces.
enum TextTable {
  static func render(_ rows: [[String]]) -> String {
    let columns = rows.map(\.count).max() ?? 0
    var widths = [Int](repeating: 0, count: columns)
    for row in rows {
      for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
    }
    return rows.map { row in
      row.enumerated().map { index, cell in
        index == row.count - 1
          ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
      }.joined(separator: "  ")
    }.joined(separator: "\n")
  }
}
