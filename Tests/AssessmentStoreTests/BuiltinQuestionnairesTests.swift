import AssessmentCore
import Foundation
import Testing

@testable import AssessmentStore

@Suite struct BuiltinQuestionnairesTests {
  /// The questionnaires under Questionnaires/ (directories and .yaml files), by name.
  func questionnairesOnDisk() throws -> [String: String] {
    let directory = repositoryRoot + "/Questionnaires"
    var found: [String: String] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: directory)
    where !name.hasPrefix(".") {
      var isDirectory: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: directory + "/" + name, isDirectory: &isDirectory)
      if isDirectory.boolValue {
        found[name] = directory + "/" + name
      } else if name.hasSuffix(".yaml") {
        found[String(name.dropLast(5))] = directory + "/" + name
      }
    }
    return found
  }

  @Test func compiledModelsEqualWhatTheLoaderReadsFromQuestionnaires() throws {
    let onDisk = try questionnairesOnDisk()
    #expect(BuiltinQuestionnaires.ids == onDisk.keys.sorted())
    for (id, path) in onDisk {
      let parsed = try QuestionnaireLoader.load(path: path)
      let compiled = try BuiltinQuestionnaires.load(id: id)
      #expect(parsed.questionnaire.id == id)
      #expect(
        compiled.digest == parsed.digest, "\(id): the compiled digest differs from the loader's")
      #expect(compiled.questionnaire == parsed.questionnaire, "\(id): the compiled model differs")
    }
  }

  /// The built-in questionnaire's parts put back into one file (as the retired
  /// scripts/assemble-questionnaire did) are the same questionnaire with the same digest.
  @Test func theBuiltinQuestionnaireInOneFileIsTheSameQuestionnaire() throws {
    let directory = repositoryRoot + "/Questionnaires/" + BuiltinQuestionnaires.defaultID
    let parts = try FileManager.default.contentsOfDirectory(atPath: directory + "/sections")
      .filter { $0.hasSuffix(".yaml") }.sorted()
    #expect(parts.count == 9)
    var text =
      try String(contentsOfFile: directory + "/questionnaire.yaml", encoding: .utf8)
      + "\nsections:\n"
    for part in parts {
      text += try String(contentsOfFile: directory + "/sections/" + part, encoding: .utf8) + "\n"
    }
    let single = try QuestionnaireLoader.load(data: Data(text.utf8), source: "assembled.yaml")
    let builtin = try BuiltinQuestionnaires.load(id: BuiltinQuestionnaires.defaultID)
    #expect(single.questionnaire == builtin.questionnaire)
    #expect(single.digest == builtin.digest)
  }

  @Test func theDefaultQuestionnaireLoadsAndIsValid() throws {
    let loaded = try BuiltinQuestionnaires.resolve(nil)
    #expect(loaded.questionnaire.id == BuiltinQuestionnaires.defaultID)
    #expect(loaded.questionnaire.languages == ["fr", "en", "nl"])
    #expect(loaded.source == "builtin:\(BuiltinQuestionnaires.defaultID)")
    #expect(loaded.file == nil)
  }

  @Test func aDirectoryIsResolvedAsAPath() throws {
    let path = repositoryRoot + "/Questionnaires/" + BuiltinQuestionnaires.defaultID
    let loaded = try BuiltinQuestionnaires.resolve(path)
    #expect(loaded.file == path)
    #expect(
      loaded.digest == (try BuiltinQuestionnaires.load(id: BuiltinQuestionnaires.defaultID)).digest)
  }

  @Test func unknownIDsSayWhatExists() {
    #expect(
      throws: StoreError.unknownQuestionnaire("nope", known: [BuiltinQuestionnaires.defaultID])
    ) {
      try BuiltinQuestionnaires.resolve("nope")
    }
  }
}
