import AssessmentCore
import Foundation
import Yams

/// A questionnaire and what identifies its source.
public struct LoadedQuestionnaire: Sendable {
  public var questionnaire: Questionnaire
  /// Where it came from: a path, or `builtin:ID`.
  public var source: String
  /// SHA-256 of the source bytes, lowercase hex.
  public var digest: String
  /// The absolute path of the YAML file it was read from; nil for a built-in questionnaire.
  public var file: String?

  public init(questionnaire: Questionnaire, source: String, digest: String, file: String? = nil) {
    self.questionnaire = questionnaire
    self.source = source
    self.digest = digest
    self.file = file
  }

  /// `path` made absolute (against the current directory) and standardized (`.`, `..`, `//`).
  public static func absolute(_ path: String) -> String {
    let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    return URL(fileURLWithPath: full).standardizedFileURL.path
  }
}

/// Reads a questionnaire from YAML and validates all of it, collecting every problem with its
/// position instead of stopping at the first.
public enum QuestionnaireLoader {
  /// Files larger than this are refused before parsing.
  public static let maximumFileSize = 16 * 1024 * 1024
  /// Walking more YAML nodes than this is refused (alias bombs expand when walked).
  public static let maximumNodes = 2_000_000

  /// Loads a questionnaire file.
  public static func load(path: String) throws(StoreError) -> LoadedQuestionnaire {
    let url = URL(fileURLWithPath: path)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .questionnaireUnreadable(path: path, reason: "no such file")
    }
    guard !isDirectory.boolValue else {
      throw .questionnaireUnreadable(path: path, reason: "it is a directory, not a YAML file")
    }
    if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int,
      size > maximumFileSize
    {
      throw .questionnaireUnreadable(
        path: path,
        reason: "the file is \(size) bytes; questionnaires are limited to \(maximumFileSize) bytes")
    }
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw .questionnaireUnreadable(path: path, reason: error.localizedDescription)
    }
    var loaded = try load(data: data, source: path)
    loaded.file = LoadedQuestionnaire.absolute(path)
    return loaded
  }

  /// Loads a questionnaire from its bytes; `source` names it in messages.
  public static func load(data: Data, source: String) throws(StoreError) -> LoadedQuestionnaire {
    guard data.count <= maximumFileSize else {
      throw .questionnaireUnreadable(
        path: source,
        reason: "\(data.count) bytes; questionnaires are limited to \(maximumFileSize) bytes")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      let (line, column) = firstInvalidUTF8(data)
      throw .questionnaireInvalid([
        QuestionnaireProblem(
          file: source, line: line, column: column,
          message: "the file is not valid UTF-8; save it as UTF-8")
      ])
    }
    let questionnaire = try parse(text, source: source)
    return LoadedQuestionnaire(
      questionnaire: questionnaire, source: source, digest: SHA256.hex(of: data))
  }

  /// Parses and validates YAML text.
  public static func parse(_ text: String, source: String) throws(StoreError) -> Questionnaire {
    if let problem = tabIndentation(text, source: source) {
      throw .questionnaireInvalid([problem])
    }
    if let problem = YAMLShape.check(text, source: source) {
      throw .questionnaireInvalid([problem])
    }
    let root: Node
    do {
      // The basic resolver tags every scalar as a string: the reader interprets values itself,
      // and the default resolver's regular expressions cost more than the rest of the parse.
      guard let node = try Yams.compose(yaml: text, .basic) else {
        throw StoreError.questionnaireInvalid([
          QuestionnaireProblem(file: source, line: 1, column: 1, message: "the file is empty")
        ])
      }
      root = node
    } catch let error as StoreError {
      throw error
    } catch {
      throw .questionnaireInvalid([yamlProblem(error, source: source)])
    }
    var reader = QuestionnaireReader(file: source)
    let questionnaire = reader.read(root)
    guard reader.problems.isEmpty, let questionnaire else {
      throw .questionnaireInvalid(sorted(reader.problems))
    }
    return questionnaire
  }

  /// In file order; problems at the same place keep the order they were found in.
  private static func sorted(_ problems: [QuestionnaireProblem]) -> [QuestionnaireProblem] {
    problems.enumerated().sorted {
      ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset)
    }.map(\.element)
  }

  private static func yamlProblem(_ error: Error, source: String) -> QuestionnaireProblem {
    if let error = error as? YamlError {
      switch error {
      case .scanner(let context, let problem, let mark, _),
        .parser(let context, let problem, let mark, _),
        .composer(let context, let problem, let mark, _):
        let detail = context.map { "\($0.text) (line \($0.mark.line)): " } ?? ""
        return QuestionnaireProblem(
          file: source, line: mark.line, column: mark.column,
          message: "YAML syntax: \(detail)\(problem)")
      case .duplicatedKeysInMapping(let duplicates, let context):
        return QuestionnaireProblem(
          file: source, line: context.mark.line, column: context.mark.column,
          message: "duplicate key \(duplicates.joined(separator: ", ")) in the same mapping")
      case .reader(let problem, let offset, _, let yaml):
        let (line, column) = position(ofOffset: offset ?? 0, in: yaml)
        return QuestionnaireProblem(
          file: source, line: line, column: column, message: "YAML reader: \(problem)")
      default:
        return QuestionnaireProblem(file: source, line: 1, column: 1, message: "YAML: \(error)")
      }
    }
    return QuestionnaireProblem(file: source, line: 1, column: 1, message: "YAML: \(error)")
  }

  private static func position(ofOffset offset: Int, in text: String) -> (Int, Int) {
    var line = 1
    var column = 1
    for (index, byte) in text.utf8.enumerated() {
      if index >= offset { break }
      if byte == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
    }
    return (line, column)
  }

  /// YAML forbids tabs in indentation; libyaml's message for it is obscure, so say it plainly.
  private static func tabIndentation(_ text: String, source: String) -> QuestionnaireProblem? {
    // Bytes, not characters: this runs over the whole file before anything else.
    var line = 1
    var column = 0
    var inIndentation = true
    for byte in text.utf8 {
      if byte == UInt8(ascii: "\n") {
        line += 1
        column = 0
        inIndentation = true
        continue
      }
      guard inIndentation else { continue }
      column += 1
      if byte == UInt8(ascii: "\t") {
        return QuestionnaireProblem(
          file: source, line: line, column: column,
          message: "a tab in the indentation; YAML indents with spaces only")
      }
      if byte != UInt8(ascii: " ") { inIndentation = false }
    }
    return nil
  }

  static func firstInvalidUTF8(_ data: Data) -> (Int, Int) {
    var line = 1
    var lineStart = 0
    var index = 0
    let bytes = [UInt8](data)
    while index < bytes.count {
      let byte = bytes[index]
      let length: Int
      switch byte {
      case 0x00...0x7F: length = 1
      case 0xC2...0xDF: length = 2
      case 0xE0...0xEF: length = 3
      case 0xF0...0xF4: length = 4
      default: return (line, index - lineStart + 1)
      }
      guard index + length <= bytes.count,
        bytes[(index + 1)..<(index + length)].allSatisfy({ $0 & 0xC0 == 0x80 }),
        String(bytes: bytes[index..<(index + length)], encoding: .utf8) != nil
      else { return (line, index - lineStart + 1) }
      if byte == UInt8(ascii: "\n") {
        line += 1
        lineStart = index + 1
      }
      index += length
    }
    return (line, 1)
  }
}
