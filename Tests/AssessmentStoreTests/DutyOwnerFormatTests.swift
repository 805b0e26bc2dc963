import AssessmentCore
import Foundation
import Testing

@testable import AssessmentStore

/// `owner`: who must act on a point (provider, organisation or both), on a question, a section or
/// the whole questionnaire.
@Suite struct DutyOwnerFormatTests {
  /// Two sections: `a` without an owner, `b` with `sectionOwner`; `top` the questionnaire's line.
  func yaml(
    top: String = "", sectionOwner: String = "organisation", questionOwner: String = "shared"
  )
    -> String
  {
    """
    format: 1
    id: t
    version: "1"
    languages: [fr, en]
    title: {fr: "T", en: "T"}
    \(top)
    sections:
      - id: a
        title: {fr: "A", en: "A"}
        questions:
          - id: a1
            type: yesno
            text: {fr: "a", en: "a"}
            help: {fr: "h", en: "h"}
      - id: b
        title: {fr: "B", en: "B"}
        owner: \(sectionOwner)
        questions:
          - id: b1
            type: yesno
            text: {fr: "b", en: "b"}
            help: {fr: "h", en: "h"}
          - id: b2
            type: yesno
            owner: \(questionOwner)
            text: {fr: "b", en: "b"}
            help: {fr: "h", en: "h"}
    """
  }

  @Test func theQuestionThenTheSectionThenTheQuestionnaireDecide() throws {
    let questionnaire = try QuestionnaireLoader.parse(
      yaml(top: "owner: organisation"), source: "q.yaml")
    #expect(questionnaire.owner == .organisation)
    #expect(questionnaire.sections[0].owner == nil)
    #expect(questionnaire.sections[1].owner == .organisation)
    #expect(questionnaire.question("b2")?.owner == .shared)
    #expect(questionnaire.question("b1")?.owner == nil)
    #expect((0..<3).map { questionnaire.owner(at: $0) } == [.organisation, .organisation, .shared])
    let other = try QuestionnaireLoader.parse(
      yaml(top: "owner: shared", sectionOwner: "provider", questionOwner: "organisation"),
      source: "q.yaml"
    )
    #expect((0..<3).map { other.owner(at: $0) } == [.shared, .provider, .organisation])
    #expect(other.owner(of: "b2") == .organisation)
    #expect(other.owner(ofSection: 0) == .shared)
  }

  @Test func withoutAnyOwnerTheProviderActs() throws {
    let questionnaire = try QuestionnaireLoader.parse(
      questionnaireYAML(
        """
              - id: p
                type: yesno
                text: {fr: "p", en: "p"}
                help: {fr: "h", en: "h"}
        """), source: "q.yaml"
    )
    #expect(questionnaire.owner == .provider)
    #expect(questionnaire.owner(at: 0) == .provider)
  }

  @Test func anUnknownOwnerIsRefusedWhereverItIsWritten() {
    let found = problems(yaml(top: "owner: both", sectionOwner: "client", questionOwner: "vendor"))
    #expect(found.count == 3, "\(found)")
    #expect(found.contains("6:8: unknown owner 'both'; use provider, organisation or shared"))
    #expect(
      found.contains("17:12: [b] unknown owner 'client'; use provider, organisation or shared"))
    #expect(
      found.contains("25:16: [b2] unknown owner 'vendor'; use provider, organisation or shared"))
  }

  @Test func aSharedPointHasItsOwnActionLabel() throws {
    let questionnaire = try QuestionnaireLoader.parse(
      yaml(top: "labels:\n  shared_action: {fr: \"À convenir\", en: \"To agree\"}"),
      source: "q.yaml"
    )
    #expect(questionnaire.labels.sharedAction?["en"] == "To agree")
  }
}
