import Foundation

/// A problem found in a questionnaire file, located by line and column (1-based).
public struct QuestionnaireProblem: Equatable, Sendable, CustomStringConvertible {
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

/// Every error of the store, with the text the user sees.
public enum StoreError: Error, Equatable, LocalizedError {
  case questionnaireInvalid([QuestionnaireProblem])
  case questionnaireUnreadable(path: String, reason: String)
  case unknownQuestionnaire(String, known: [String])
  case sessionNotFound(String, directory: String)
  case sessionUnreadable(path: String, reason: String)
  case sessionCorrupt(path: String, reason: String)
  case sessionFromTheFuture(path: String, version: Int, supported: Int)
  case sessionLocked(path: String, holder: String)
  case invalidSessionID(String)
  case notARegularFile(path: String)
  case writeFailed(path: String, reason: String)
  case questionnaireMismatch(path: String, expected: String, found: String)

  public var errorDescription: String? {
    switch self {
    case .questionnaireInvalid(let problems):
      let count = problems.count
      return "the questionnaire has \(count) problem\(count == 1 ? "" : "s"):\n"
        + problems.map { "  \($0)" }.joined(separator: "\n")
    case .questionnaireUnreadable(let path, let reason):
      return "cannot read the questionnaire \(path): \(reason)"
    case .unknownQuestionnaire(let id, let known):
      return
        "no built-in questionnaire '\(id)' and no such file; built-in: \(known.joined(separator: ", ")) (or give the path of a YAML file)"
    case .sessionNotFound(let name, let directory):
      return
        "no session '\(name)' in \(directory); 'cloud-assess list' shows the saved sessions"
    case .sessionUnreadable(let path, let reason):
      return "cannot read the session \(path): \(reason)"
    case .sessionCorrupt(let path, let reason):
      if path.hasSuffix(".journal") {
        let session = String(path.dropLast(8)) + ".json"
        return
          "the session journal \(path) is damaged: \(reason). Both files were left untouched; moving the journal aside reopens \(session) as of its last full save (the journal's earlier lines hold the later answers)"
      }
      return
        "the session file \(path) is damaged: \(reason). It was left untouched; restore it from a backup or start a new session"
    case .sessionFromTheFuture(let path, let version, let supported):
      return
        "the session file \(path) has schemaVersion \(version), newer than this cloud-assess understands (\(supported)); upgrade cloud-assess to open it. The file was left untouched"
    case .sessionLocked(let path, let holder):
      return
        "the session \(path) is open in another cloud-assess (\(holder)); close that one first"
    case .invalidSessionID(let id):
      return
        "'\(id)' is not a valid session id: use letters, digits, '-' and '_' only (or give the path of a session file)"
    case .notARegularFile(let path):
      return
        "\(path) is not a regular file (a symbolic link or a directory); cloud-assess neither follows nor replaces it"
    case .writeFailed(let path, let reason):
      return "could not save \(path): \(reason)"
    case .questionnaireMismatch(let path, let expected, let found):
      return
        "the session \(path) was made with the questionnaire '\(expected)', not '\(found)'; open it with --questionnaire \(expected)"
    }
  }
}
