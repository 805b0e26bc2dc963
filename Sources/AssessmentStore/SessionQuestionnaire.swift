import AssessmentCore
import Foundation

/// Which questionnaire a saved session opens with: the one named on the command line, else the
/// file the session records, else the built-in questionnaire of that id.
public enum SessionQuestionnaire {
  /// - Parameters:
  ///   - record: the session, read from `sessionPath`.
  ///   - explicit: `--questionnaire` of `resume` or `summary`; it must be the session's
  ///     questionnaire.
  ///   - preferred: a questionnaire already loaded (the start screen's or `list`'s
  ///     `--questionnaire`), used when it is the session's.
  public static func resolve(
    _ record: SessionRecord, sessionPath: String, explicit: String? = nil,
    preferred: LoadedQuestionnaire? = nil
  ) throws(StoreError) -> LoadedQuestionnaire {
    let reference = record.questionnaire
    if let explicit {
      let loaded = try BuiltinQuestionnaires.resolve(explicit)
      guard loaded.questionnaire.id == reference.id else {
        throw .questionnaireMismatch(
          path: sessionPath, expected: reference.id, found: loaded.questionnaire.id,
          pass: value(for: reference))
      }
      return loaded
    }
    if let preferred, preferred.questionnaire.id == reference.id,
      reference.path == nil || preferred.file == reference.path
        || preferred.digest == reference.digest
    {
      return preferred
    }
    if let file = reference.path {
      guard FileManager.default.fileExists(atPath: file) else {
        throw .questionnaireFileMissing(path: sessionPath, id: reference.id, file: file)
      }
      let loaded = try QuestionnaireLoader.load(path: file)
      guard loaded.questionnaire.id == reference.id else {
        throw .questionnaireFileReplaced(
          path: sessionPath, id: reference.id, file: file, found: loaded.questionnaire.id)
      }
      return loaded
    }
    guard isBuiltin(reference.id) else {
      throw .questionnaireNotRecorded(path: sessionPath, id: reference.id)
    }
    return try BuiltinQuestionnaires.load(id: reference.id)
  }

  /// The `--questionnaire` value that opens a session of this reference, when one is known.
  public static func value(for reference: QuestionnaireReference) -> String? {
    if let path = reference.path { return path }
    return isBuiltin(reference.id) ? reference.id : nil
  }

  static func isBuiltin(_ id: String) -> Bool {
    BuiltinQuestionnaires.contains(id)
  }

  /// The record pointing at the file `loaded` was read from, when it is a file other than the
  /// one recorded (the assessor gave the new place of a moved questionnaire); nil when nothing
  /// changes.
  public static func relocated(_ record: SessionRecord, to loaded: LoadedQuestionnaire)
    -> SessionRecord?
  {
    guard let file = loaded.file, loaded.questionnaire.id == record.questionnaire.id,
      file != record.questionnaire.path
    else { return nil }
    var updated = record
    updated.questionnaire.path = file
    return updated
  }
}

/// Open questionnaires by session, loading each file or built-in questionnaire once (for lists
/// of sessions); a session whose questionnaire cannot be loaded has none.
public struct QuestionnaireCatalog {
  private let preferred: LoadedQuestionnaire?
  private var cache: [String: Questionnaire?] = [:]

  public init(preferred: LoadedQuestionnaire? = nil) {
    self.preferred = preferred
  }

  public mutating func questionnaire(for record: SessionRecord, sessionPath: String)
    -> Questionnaire?
  {
    let key = (record.questionnaire.path ?? "builtin:") + "\u{0}" + record.questionnaire.id
    if let cached = cache[key] { return cached }
    let loaded = try? SessionQuestionnaire.resolve(
      record, sessionPath: sessionPath, preferred: preferred)
    cache[key] = .some(loaded?.questionnaire)
    return loaded?.questionnaire
  }
}
