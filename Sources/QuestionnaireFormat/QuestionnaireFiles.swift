import AssessmentCore
import Crypto
import Foundation
import SystemSupport

/// A problem found in a questionnaire file, located by file, line and column (1-based).
/// (`AssessmentStore` names it `QuestionnaireProblem`, inside its `StoreError`.)
public struct FormatProblem: Error, Equatable, Sendable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var column: Int
  /// The id of the questionnaire element concerned, when there is one.
  public var id: String?
  public var message: String

  public init(file: String, line: Int, column: Int, id: String? = nil, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.id = id
    self.message = message
  }

  public var description: String {
    "\(file):\(line):\(column): " + (id.map { "[\($0)] " } ?? "") + message
  }
}

typealias QuestionnaireProblem = FormatProblem

/// Why a questionnaire could not be read.
public enum FormatError: Error, Equatable {
  /// Every problem of its content, located, in file order.
  case invalid([FormatProblem])
  /// A file or directory that cannot be read at all, or a directory not laid out as one.
  case unreadable(path: String, reason: String)
}

/// A questionnaire read and validated, with its digest.
public struct ReadQuestionnaire: Sendable {
  public var questionnaire: Questionnaire
  /// SHA-256 of the canonical form of its content, lowercase hex (``CanonicalDigest``).
  public var digest: String
}

/// Reads a questionnaire (one YAML file, or a directory: `questionnaire.yaml` and
/// `sections/*.yaml`), validating all of it and collecting every problem with its file, line and
/// column instead of stopping at the first.
public enum QuestionnaireFiles {
  /// Questionnaires (all their files together) larger than this are refused before parsing.
  public static let maximumSize = 16 * 1024 * 1024
  /// Walking more YAML nodes than this is refused (alias bombs expand when walked).
  public static let maximumNodes = 2_000_000
  /// A directory questionnaire's top file.
  public static let topFileName = "questionnaire.yaml"
  /// A directory questionnaire's folder of section parts.
  public static let sectionsDirectoryName = "sections"

  /// Reads a questionnaire file or directory.
  public static func read(path: String) throws(FormatError) -> ReadQuestionnaire {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .unreadable(path: path, reason: "no such file")
    }
    if isDirectory.boolValue { return try readDirectory(path) }
    let data = try contents(path, limit: maximumSize)
    return try read(files: [(path, data)], directory: false)
  }

  /// Reads a questionnaire from the bytes of one YAML file; `source` names it in messages.
  public static func read(data: Data, source: String) throws(FormatError) -> ReadQuestionnaire {
    guard data.count <= maximumSize else {
      throw .unreadable(
        path: source,
        reason: "\(data.count) bytes; questionnaires are limited to \(maximumSize) bytes")
    }
    return try read(files: [(source, data)], directory: false)
  }

  /// The files of a directory questionnaire, in reading order: the top file, then the parts.
  /// Throws when the directory is not laid out as one.
  public static func files(ofDirectory path: String) throws(FormatError) -> [String] {
    let base = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
    let top = base + "/" + topFileName
    let sections = base + "/" + sectionsDirectoryName
    let layout =
      "a questionnaire directory holds \(topFileName) (every key but sections) and \(sectionsDirectoryName)/*.yaml (the sections, in file-name order)"
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: top, isDirectory: &isDirectory),
      !isDirectory.boolValue
    else {
      throw .unreadable(path: base, reason: "\(topFileName) is missing; \(layout)")
    }
    guard FileManager.default.fileExists(atPath: sections, isDirectory: &isDirectory),
      isDirectory.boolValue
    else {
      throw .unreadable(path: base, reason: "\(sectionsDirectoryName)/ is missing; \(layout)")
    }
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: sections)
    } catch {
      throw .unreadable(
        path: sections, reason: "the directory cannot be read: \(error.localizedDescription)")
    }
    var parts: [String] = []
    for name in names where !name.hasPrefix(".") {
      if name.hasSuffix(".yml") {
        throw .unreadable(
          path: sections + "/" + name,
          reason: "part files end in .yaml; rename it \(name.dropLast(4)).yaml")
      }
      if name.hasSuffix(".yaml") { parts.append(name) }
    }
    guard !parts.isEmpty else {
      throw .unreadable(path: sections, reason: "no part file (*.yaml) in it; \(layout)")
    }
    // File-name order, by bytes: independent of the locale.
    parts.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    return [top] + parts.map { sections + "/" + $0 }
  }

  private static func readDirectory(_ path: String) throws(FormatError) -> ReadQuestionnaire {
    var read: [(String, Data)] = []
    var total = 0
    for file in try files(ofDirectory: path) {
      let data = try contents(file, limit: maximumSize - total)
      total += data.count
      read.append((file, data))
    }
    return try self.read(files: read, directory: true)
  }

  private static func contents(_ path: String, limit: Int) throws(FormatError) -> Data {
    if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int,
      size > limit
    {
      throw .unreadable(
        path: path,
        reason: limit == maximumSize
          ? "the file is \(size) bytes; questionnaires are limited to \(maximumSize) bytes"
          : "with this file (\(size) bytes) the questionnaire's files exceed \(maximumSize) bytes, the limit for a questionnaire"
      )
    }
    do {
      return try FileContents.read(path)
    } catch {
      throw .unreadable(path: path, reason: "the file cannot be read: \(error.reason)")
    }
  }

  /// Parses and validates the text of one file.
  public static func parse(_ text: String, source: String) throws(FormatError) -> Questionnaire {
    try read(files: [(source, Data(text.utf8))], directory: false).questionnaire
  }

  /// A directory questionnaire from its files' bytes: the top file, then the parts, in order
  /// (what an importer writes, read back before it is written).
  static func read(parts: [(path: String, data: Data)]) throws(FormatError) -> ReadQuestionnaire {
    try read(files: parts, directory: true)
  }

  /// One file (`directory` false), or a directory's top file and parts, in order.
  private static func read(files: [(path: String, data: Data)], directory: Bool) throws(FormatError)
    -> ReadQuestionnaire
  {
    var tree = YAMLTree()
    tree.reserve(forBytes: files.reduce(0) { $0 + $1.data.count })
    var problems: [QuestionnaireProblem] = []
    var roots: [Node?] = []
    for (path, data) in files {
      let root = data.withUnsafeBytes { raw -> Node? in
        let bytes = raw.bindMemory(to: UInt8.self)
        if let problem = checkText(bytes, source: path) {
          problems.append(problem)
          return nil
        }
        switch tree.read(bytes, file: path) {
        case .success(let root):
          if root == nil {
            problems.append(
              QuestionnaireProblem(
                file: path, line: 1, column: 1,
                message: directory && path != files[0].path
                  ? "the part is empty; it holds a list of sections (- id: …)" : "the file is empty"
              ))
          }
          return root
        case .failure(let problem):
          problems.append(problem)
          return nil
        }
      }
      roots.append(root)
    }
    // A file whose text could not be read has its problem: with none, every file has a root.
    let parsed = roots.compactMap { $0 }
    guard problems.isEmpty, var root = parsed.first else { throw .invalid(problems) }
    if directory {
      // The parts' sections, in order, become the top file's `sections`.
      if tree.kind(root) == .mapping {
        let keys = tree.keys(root)
        if let key = keys.first(where: { tree.text($0) == "sections" }) {
          let raw = tree[key]
          problems.append(
            QuestionnaireProblem(
              file: files[0].path, line: Int(raw.line), column: Int(raw.column),
              message:
                "in a questionnaire directory the sections are in \(sectionsDirectoryName)/*.yaml, not in \(topFileName); move them to a part file"
            ))
        }
      }
      var sequences: [Node] = []
      for part in parsed.dropFirst() {
        if tree.kind(part) == .sequence {
          sequences.append(part)
        } else {
          let raw = tree[part]
          problems.append(
            QuestionnaireProblem(
              file: tree.files[Int(raw.file)], line: Int(raw.line), column: Int(raw.column),
              message:
                "a part file holds a list of sections (- id: …), not a \(tree.kind(part) == .mapping ? "mapping" : "single text")"
            ))
        }
      }
      guard problems.isEmpty else { throw .invalid(problems) }
      if tree.kind(root) == .mapping {
        root = tree.adding(
          key: "sections", value: tree.concatenation(of: sequences, at: root), to: root)
      }
    }
    var reader = QuestionnaireReader(tree: tree)
    let questionnaire = reader.read(root)
    let found = reader.problems
    guard found.isEmpty, let questionnaire else {
      throw .invalid(sorted(found, files: tree.files))
    }
    var digest = CanonicalDigest(tree: tree)
    guard let hex = digest.hex(of: root) else {
      throw .invalid([
        QuestionnaireProblem(
          file: files[0].path, line: 1, column: 1,
          message: "the document expands to more than \(maximumNodes) nodes (aliases?); refused")
      ])
    }
    return ReadQuestionnaire(questionnaire: questionnaire, digest: hex)
  }

  /// In file order (the files in reading order); problems at the same place keep the order they
  /// were found in.
  private static func sorted(_ problems: [QuestionnaireProblem], files: [String])
    -> [QuestionnaireProblem]
  {
    var order: [String: Int] = [:]
    for (index, file) in files.enumerated() where order[file] == nil { order[file] = index }
    return problems.enumerated().sorted {
      (order[$0.element.file] ?? 0, $0.element.line, $0.element.column, $0.offset)
        < (order[$1.element.file] ?? 0, $1.element.line, $1.element.column, $1.offset)
    }.map(\.element)
  }

  /// Checks done on the bytes before parsing: valid UTF-8 (located, where libyaml would only say
  /// "invalid"), no tab in the indentation (libyaml's message for it is obscure, so say it
  /// plainly).
  private static func checkText(_ bytes: UnsafeBufferPointer<UInt8>, source: String)
    -> QuestionnaireProblem?
  {
    guard UTF8Check.isValid(bytes) else {
      let (line, column) = UTF8Check.firstInvalid(Data(buffer: bytes))
      return QuestionnaireProblem(
        file: source, line: line, column: column,
        message: "the file is not valid UTF-8; save it as UTF-8")
    }
    var line = 1
    var lineStart = 0
    var inIndentation = true
    for (index, byte) in bytes.enumerated() {
      switch byte {
      case UInt8(ascii: "\n"):
        line += 1
        lineStart = index + 1
        inIndentation = true
      case UInt8(ascii: " "):
        continue
      case UInt8(ascii: "\t") where inIndentation:
        return QuestionnaireProblem(
          file: source, line: line, column: index - lineStart + 1,
          message: "a tab in the indentation; YAML indents with spaces only")
      default:
        inIndentation = false
      }
    }
    return nil
  }

  /// SHA-256 of bytes, lowercase hex: of a questionnaire file's bytes (the digest that earlier
  /// versions recorded in sessions, `LoadedQuestionnaire.hadDigest`), of the session file a
  /// report is made from.
  public static func sha256(of data: Data) -> String {
    SHA256.hash(data: data).hexDigits
  }
}
