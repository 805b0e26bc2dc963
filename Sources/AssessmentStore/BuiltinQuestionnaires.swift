import AssessmentCore
import Foundation

/// The questionnaires compiled into the binary (from `Questionnaires/`, by
/// `scripts/embed-questionnaires`).
public enum BuiltinQuestionnaires {
  /// The questionnaire used when none is named.
  public static let defaultID = "be-socsec-cloud"

  /// The file names and YAML texts, as embedded.
  public static var sources: [(name: String, text: String)] { BuiltinQuestionnaireSources.all }

  /// Loads every built-in questionnaire.
  public static func all() throws(StoreError) -> [LoadedQuestionnaire] {
    var result: [LoadedQuestionnaire] = []
    for source in sources {
      result.append(try load(source))
    }
    return result
  }

  /// A built-in questionnaire: its compiled model (validated when it was generated, and equal to
  /// what the loader reads, as a test checks), or, without one, its YAML parsed and validated.
  static func load(_ source: (name: String, text: String)) throws(StoreError) -> LoadedQuestionnaire {
    if let compiled = BuiltinQuestionnaireModels.all[source.name] {
      return LoadedQuestionnaire(questionnaire: compiled.make(), source: "builtin:" + source.name, digest: compiled.digest)
    }
    return try QuestionnaireLoader.load(data: Data(source.text.utf8), source: "builtin:" + source.name)
  }

  /// The built-in questionnaire with this id.
  public static func load(id: String) throws(StoreError) -> LoadedQuestionnaire {
    for source in sources where source.name == id + ".yaml" {
      return try load(source)
    }
    for loaded in try all() where loaded.questionnaire.id == id {
      return loaded
    }
    throw .unknownQuestionnaire(id, known: sources.map { String($0.name.dropLast(5)) })
  }

  /// A questionnaire named by built-in id or by path; nil means the default.
  public static func resolve(_ reference: String?) throws(StoreError) -> LoadedQuestionnaire {
    guard let reference else { return try load(id: defaultID) }
    if reference.contains("/") || reference.hasSuffix(".yaml") || reference.hasSuffix(".yml") {
      return try QuestionnaireLoader.load(path: reference)
    }
    return try load(id: reference)
  }
}
