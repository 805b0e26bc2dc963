import AssessmentCore
import Foundation
import Testing

@testable import AssessmentStore

@Suite struct BuiltinQuestionnairesTests {
  @Test func embeddedCopiesMatchTheYAMLFiles() throws {
    let directory = repositoryRoot + "/Questionnaires"
    let files = try FileManager.default.contentsOfDirectory(atPath: directory)
      .filter { $0.hasSuffix(".yaml") }.sorted()
    #expect(BuiltinQuestionnaires.sources.map(\.name) == files)
    for source in BuiltinQuestionnaires.sources {
      let onDisk = try String(contentsOfFile: directory + "/" + source.name, encoding: .utf8)
      #expect(
        source.text == onDisk,
        "\(source.name) changed: run scripts/embed-questionnaires")
    }
  }

  @Test func compiledModelsEqualWhatTheLoaderReadsFromTheYAML() throws {
    let directory = repositoryRoot + "/Questionnaires"
    #expect(Set(BuiltinQuestionnaireModels.all.keys) == Set(BuiltinQuestionnaires.sources.map(\.name)))
    for source in BuiltinQuestionnaires.sources {
      let compiled = try #require(BuiltinQuestionnaireModels.all[source.name])
      let onDisk = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + source.name))
      let parsed = try QuestionnaireLoader.load(data: onDisk, source: source.name)
      #expect(compiled.digest == parsed.digest, "\(source.name) changed: run scripts/embed-questionnaires")
      #expect(compiled.make() == parsed.questionnaire, "\(source.name): the compiled model differs")
      #expect(try BuiltinQuestionnaires.load(id: parsed.questionnaire.id).digest == parsed.digest)
    }
  }

  @Test func theDefaultQuestionnaireLoadsAndIsValid() throws {
    let loaded = try BuiltinQuestionnaires.resolve(nil)
    #expect(loaded.questionnaire.id == BuiltinQuestionnaires.defaultID)
    #expect(loaded.questionnaire.languages == ["fr", "en", "nl"])
    #expect(loaded.source == "builtin:\(BuiltinQuestionnaires.defaultID).yaml")
  }

  @Test func unknownIDsSayWhatExists() {
    #expect(throws: StoreError.unknownQuestionnaire("nope", known: [BuiltinQuestionnaires.defaultID])) {
      try BuiltinQuestionnaires.resolve("nope")
    }
  }
}

