import AssessmentCore
import Foundation
import Testing

@testable import AssessmentStore

/// Every reference of the directive index (kept as `Tests/Fixtures/required-refs.txt`, taken from
/// `shared/directive-index.yaml`) is cited by a question's refs, or for Annex D's risks by the
/// register.
@Suite struct CoverageTests {
  @Test
  func everyIndexReferenceIsCovered() throws {
    let required = try String(
      contentsOfFile: repositoryRoot + "/Tests/Fixtures/required-refs.txt", encoding: .utf8
    )
    .split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    #expect(required.count == 111)
    let questionnaire = try BuiltinQuestionnaires.resolve(nil).questionnaire
    let cited = Set(questionnaire.questions.flatMap(\.refs) + questionnaire.risks.flatMap(\.refs))
    let missing = required.filter { !cited.contains($0) }
    #expect(missing.isEmpty, "not covered: \(missing.joined(separator: ", "))")
  }

  @Test func everyCitedReferenceExistsInTheIndex() throws {
    let required = Set(
      try String(
        contentsOfFile: repositoryRoot + "/Tests/Fixtures/required-refs.txt", encoding: .utf8
      )
      .split(separator: "\n").map(String.init))
    let questionnaire = try BuiltinQuestionnaires.resolve(nil).questionnaire
    let unknown = questionnaire.questions.flatMap(\.refs).filter { !required.contains($0) }
    #expect(unknown.isEmpty, "refs not in the index: \(unknown)")
  }
}
