import AssessmentCore
import Foundation
import QuestionnaireFormat
import SystemSupport

/// A questionnaire and what identifies its source.
public struct LoadedQuestionnaire: Sendable {
  public var questionnaire: Questionnaire
  /// Where it came from: a path (a YAML file or a questionnaire directory), or `builtin:ID`.
  public var source: String
  /// SHA-256 of the canonical form of its content, lowercase hex: the same whatever files it is
  /// split into (docs/questionnaire-format.md, "Digest").
  public var digest: String
  /// The absolute path of the YAML file or directory it was read from; nil for a built-in
  /// questionnaire.
  public var file: String?

  public init(questionnaire: Questionnaire, source: String, digest: String, file: String? = nil) {
    self.questionnaire = questionnaire
    self.source = source
    self.digest = digest
    self.file = file
  }

  /// Whether `digest` is what earlier versions of cloud-assess recorded for this very content,
  /// before the digest was taken of the canonical content: the SHA-256 of the file's bytes (a
  /// single file, read again), or of the built-in questionnaire's single file as it was then.
  /// Sessions saved by them are not told their questionnaire changed when it did not.
  public func hadDigest(_ digest: String) -> Bool {
    if file == nil, source.hasPrefix("builtin:") {
      return BuiltinQuestionnaires.formerDigests[questionnaire.id]?.contains(digest) ?? false
    }
    guard let file, let bytes = try? FileContents.read(file) else { return false }
    return QuestionnaireFiles.sha256(of: bytes) == digest
  }

  /// `path` made absolute (against the current directory) and standardized (`.`, `..`, `//`).
  public static func absolute(_ path: String) -> String {
    let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    return URL(fileURLWithPath: full).standardizedFileURL.path
  }
}

/// Reads a questionnaire (a YAML file, or a directory of them: docs/questionnaire-format.md) and
/// validates all of it, collecting every problem with its file, line and column instead of
/// stopping at the first. The reading itself is `QuestionnaireFormat`'s (shared with
/// `questionnaire-codegen`); this maps its errors to ``StoreError``.
public enum QuestionnaireLoader {
  /// Questionnaires (all their files together) larger than this are refused before parsing.
  public static let maximumFileSize = QuestionnaireFiles.maximumSize
  /// Walking more YAML nodes than this is refused (alias bombs expand when walked).
  public static let maximumNodes = QuestionnaireFiles.maximumNodes

  /// Loads a questionnaire file or directory.
  public static func load(path: String) throws(StoreError) -> LoadedQuestionnaire {
    let read: ReadQuestionnaire
    do {
      read = try QuestionnaireFiles.read(path: path)
    } catch {
      throw storeError(error)
    }
    return LoadedQuestionnaire(
      questionnaire: read.questionnaire, source: path, digest: read.digest,
      file: LoadedQuestionnaire.absolute(path))
  }

  /// Loads a questionnaire from the bytes of one YAML file; `source` names it in messages.
  public static func load(data: Data, source: String) throws(StoreError) -> LoadedQuestionnaire {
    do {
      let read = try QuestionnaireFiles.read(data: data, source: source)
      return LoadedQuestionnaire(
        questionnaire: read.questionnaire, source: source, digest: read.digest)
    } catch {
      throw storeError(error)
    }
  }

  /// Parses and validates the YAML text of one file.
  public static func parse(_ text: String, source: String) throws(StoreError) -> Questionnaire {
    do {
      return try QuestionnaireFiles.parse(text, source: source)
    } catch {
      throw storeError(error)
    }
  }

  static func storeError(_ error: FormatError) -> StoreError {
    switch error {
    case .unreadable(let path, let reason):
      return .questionnaireUnreadable(path: path, reason: reason)
    case .invalid(let problems):
      return .questionnaireInvalid(problems)
    }
  }
}
