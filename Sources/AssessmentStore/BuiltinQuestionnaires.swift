import AssessmentCore
import Foundation

/// The questionnaires compiled into the binary: every questionnaire under `Questionnaires/` (a
/// directory or a single .yaml file, named after its id), compiled at build time by the
/// `BuiltinQuestionnaires` plugin (`questionnaire-codegen`) into `BuiltinQuestionnaireModels`.
public enum BuiltinQuestionnaires {
  /// The questionnaire used when none is named.
  public static let defaultID = "be-socsec-cloud"

  /// Digests that earlier versions recorded in sessions for the current content (the SHA-256 of
  /// the single file it was then, before digests were taken of the canonical content): the content is unchanged, so opening them warns of nothing.
  static let formerDigests: [String: Set<String>] = [
    "be-socsec-cloud": ["cb302179e59c29c7f22abae36fec09ce9bd2e06e10ec64e85c2022573645dd1e"]
  ]

  /// The ids of the built-in questionnaires, sorted.
  public static var ids: [String] { BuiltinQuestionnaireModels.all.keys.sorted() }

  /// Loads every built-in questionnaire, in the order of their ids.
  public static func all() throws(StoreError) -> [LoadedQuestionnaire] {
    var result: [LoadedQuestionnaire] = []
    for id in ids { result.append(try load(id: id)) }
    return result
  }

  /// The built-in questionnaire with this id: its compiled model, validated when it was
  /// generated, and equal to what the loader reads from `Questionnaires/` (a test checks it).
  public static func load(id: String) throws(StoreError) -> LoadedQuestionnaire {
    guard let compiled = BuiltinQuestionnaireModels.all[id] else {
      throw .unknownQuestionnaire(id, known: ids)
    }
    return made.questionnaire(id) {
      LoadedQuestionnaire(
        questionnaire: compiled.make(), source: "builtin:" + id, digest: compiled.digest)
    }
  }

  /// Each built-in questionnaire is made once in a process and kept until it ends: a value that
  /// never changes, which a command may ask for several times (`list` for every session whose
  /// abstract it recomputes, `merge` and the wizard for their abstracts), and whose thousands of
  /// allocations would otherwise be made and freed each time.
  private static let made = Made()

  private final class Made: @unchecked Sendable {
    // Guards `questionnaires`: what makes the class safe to share.
    private let lock = NSLock()
    private var questionnaires: [String: LoadedQuestionnaire] = [:]

    func questionnaire(_ id: String, make: () -> LoadedQuestionnaire) -> LoadedQuestionnaire {
      lock.lock()
      defer { lock.unlock() }
      if let known = questionnaires[id] { return known }
      let new = make()
      questionnaires[id] = new
      return new
    }
  }

  /// Whether `id` names a built-in questionnaire.
  public static func contains(_ id: String) -> Bool { BuiltinQuestionnaireModels.all[id] != nil }

  /// A questionnaire named by built-in id or by path (a YAML file or a questionnaire directory);
  /// nil means the default. A reference with a `/` or ending in `.yaml` or `.yml` is a path; so
  /// is one that names no built-in questionnaire but an existing file or directory.
  public static func resolve(_ reference: String?) throws(StoreError) -> LoadedQuestionnaire {
    guard let reference else { return try load(id: defaultID) }
    if reference.utf8.contains(UInt8(ascii: "/")) || reference.hasSuffix(".yaml")
      || reference.hasSuffix(".yml")
      || (!contains(reference) && FileManager.default.fileExists(atPath: reference))
    {
      return try QuestionnaireLoader.load(path: reference)
    }
    return try load(id: reference)
  }
}
