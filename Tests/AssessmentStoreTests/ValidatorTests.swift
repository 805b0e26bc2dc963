import AssessmentCore
import Foundation
import Testing

@testable import AssessmentStore

/// The validator refuses what the engine cannot use, and says so where it is.
@Suite struct ValidatorTests {
  let sizes = """
        - id: size
          type: single
          text: {fr: "t", en: "t"}
          help: {fr: "h", en: "h"}
          options:
            - {id: 1-9, label: {fr: a, en: a}}
            - {id: 10-50, label: {fr: b, en: b}}
            - {id: 1a, label: {fr: c, en: c}}
            - {id: 1.5.2, label: {fr: d, en: d}}
            - {id: Z_9, label: {fr: e, en: e}}
    """

  func question(_ id: String, when: String) -> String {
    """
        - id: \(id)
          type: yesno
          text: {fr: "t", en: "t"}
          help: {fr: "h", en: "h"}
          when: \(when)
    """
  }

  /// The questionnaire id names its directory and session files: the format's
  /// `[a-z0-9][a-z0-9_.-]*`, no capitals (issue 21).
  @Test func aQuestionnaireIdWithCapitalsOrAStrayFirstCharacterIsRefused() {
    let valid = questionnaireYAML(sizes)
    #expect(problems(valid) == [])
    for bad in ["Mini-LONG", ".hidden", "-x", "a b"] {
      let yaml = valid.replacingOccurrences(of: "id: t\n", with: "id: \"\(bad)\"\n")
      #expect(
        problems(yaml) == [
          "2:5: [\(bad)] the questionnaire id '\(bad)' must match [a-z0-9][a-z0-9_.-]* (lowercase letters, digits, '_', '.', '-')"
        ],
        "\(bad)")
    }
    for good in ["mini-long", "be-socsec-cloud", "v1.2_x", "9a"] {
      #expect(
        problems(valid.replacingOccurrences(of: "id: t\n", with: "id: \(good)\n")) == [], "\(good)")
    }
  }

  @Test func everyValidOptionIdCanBeNamedInACondition() throws {
    let yaml = questionnaireYAML(
      sizes + "\n" + question("a", when: "\"size == 10-50\"") + "\n"
        + question("b", when: "\"size in [1a, 1.5.2, 1-9] || size != Z_9\""))
    #expect(problems(yaml) == [])
    let questionnaire = try QuestionnaireLoader.parse(yaml, source: "q.yaml")
    let a = try #require(questionnaire.question("a")?.when)
    #expect(a.evaluate { _ in .choice("10-50") })
    #expect(!a.evaluate { _ in .choice("1-9") })
    let b = try #require(questionnaire.question("b")?.when)
    #expect(b.evaluate { _ in .choice("1.5.2") })
  }

  @Test func anUnknownOptionInAConditionIsReportedAtTheValue() {
    // `when: "size == 10-5O"` at column 13: the value starts 9 characters into the condition.
    let yaml = questionnaireYAML(sizes + "\n" + question("a", when: "\"size == 10-5O\""))
    #expect(
      problems(yaml) == [
        "24:22: [a] condition, column 9: '10-5O' is not an answer of 'size' (1-9, 10-50, 1a, 1.5.2, Z_9)"
      ])
  }

  @Test func aConditionSyntaxErrorIsReportedAtItsColumn() {
    let yaml = questionnaireYAML(sizes + "\n" + question("a", when: "size == 1-9 && (size"))
    #expect(
      problems(yaml) == [
        "24:33: [a] condition 'size == 1-9 && (size': column 21: expected ')' at the end"
      ])
  }

  @Test func anUnquotedNegationIsAYAMLTagAndGetsAHint() {
    let yaml = questionnaireYAML(sizes + "\n" + question("a", when: "!(size == 1a)"))
    let found = problems(yaml)
    #expect(found.count == 1, "\(found)")
    #expect(found.first?.hasPrefix("24:13: [a] ") == true, "\(found)")
    #expect(
      found.first?.contains(
        "YAML reads a value starting with '!' as a tag; quote the condition: when: \"!(size == 1a)\""
      ) == true, "\(found)")
  }

  @Test func scoringKeysOnlyOnComplianceQuestions() {
    let yaml = questionnaireYAML(
      """
            - id: p
              type: yesno
              severity: high
              protects: [availability]
              remediation: {fr: "r", en: "r"}
              text: {fr: "t", en: "t"}
              help: {fr: "h", en: "h"}
      """)
    #expect(
      problems(yaml) == [
        "12:9: [p] 'severity' applies only to compliance questions (this one is 'yesno'); remove it, or make the question a compliance one",
        "13:9: [p] 'protects' applies only to compliance questions (this one is 'yesno'); remove it, or make the question a compliance one",
        "14:9: [p] 'remediation' applies only to compliance questions (this one is 'yesno'); remove it, or make the question a compliance one",
      ])
  }

  @Test func aMisspeltKeyComesFirstAndAloneWithASuggestion() {
    let yaml = questionnaireYAML(
      """
            - id: c
              type: compliance
              refs: ["1"]
              protects: [integrity]
              remediation: {fr: "r", en: "r"}
              text: {fr: "t", en: "t"}
              help: {fr: "h", en: "h"}
              sevrity: high
      """)
    let found = problems(yaml)
    #expect(
      found.first == "17:9: unknown key 'sevrity' in a question; did you mean 'severity'?",
      "\(found)")
    #expect(found.count == 1, "the missing severity is a consequence of the typo: \(found)")
  }

  @Test func aQuestionListedTwiceInARiskOrABlockingRuleIsRefused() {
    let compliance = """
            - id: c
              type: compliance
              refs: ["1"]
              severity: high
              protects: [integrity]
              remediation: {fr: "r", en: "r"}
              text: {fr: "t", en: "t"}
              help: {fr: "h", en: "h"}
      """
    let extra = """
      risks:
        - id: R1
          title: {fr: "r", en: "r"}
          mitigated_by: [c, c]
      blocking:
        - id: B1
          refs: ["1"]
          when: "c == noncompliant"
          questions: [c, c]
          message: {fr: "m", en: "m"}
          remediation: {fr: "r", en: "r"}
      """
    let found = problems(questionnaireYAML(compliance, extra: extra))
    #expect(found.contains("21:23: [R1] mitigated_by lists 'c' twice"), "\(found)")
    #expect(found.contains("26:20: [B1] questions lists 'c' twice"), "\(found)")
  }

  @Test func aBlockingRuleCarriesItsBasis() throws {
    let compliance = """
            - id: c
              type: compliance
              refs: ["1"]
              severity: high
              protects: [integrity]
              remediation: {fr: "r", en: "r"}
              text: {fr: "t", en: "t"}
              help: {fr: "h", en: "h"}
      """
    func rule(_ basis: String) -> String {
      """
      blocking:
        - id: B1
          refs: ["1"]
          basis: \(basis)
          when: "c == noncompliant"
          message: {fr: "m", en: "m"}
          remediation: {fr: "r", en: "r"}
      """
    }
    let yaml = questionnaireYAML(compliance, extra: rule("policy"))
    #expect(problems(yaml) == [])
    #expect(
      try QuestionnaireLoader.parse(yaml, source: "q.yaml").blockingRules.first?.basis == .policy)
    let wrong = problems(questionnaireYAML(compliance, extra: rule("guideline")))
    #expect(
      wrong.contains {
        $0.hasSuffix("[B1] unknown basis 'guideline'; use law, good_practice or policy")
      }, "\(wrong)")
  }
}

/// `min`, `max` and `integer` on number questions.
@Suite struct NumberBoundsTests {
  @Test func boundsAreReadAndChecked() throws {
    let yaml = questionnaireYAML(
      """
            - id: n
              type: number
              min: 0
              max: 12.5
              integer: true
              text: {fr: "t", en: "t"}
              help: {fr: "h", en: "h"}
      """)
    let questionnaire = try QuestionnaireLoader.parse(yaml, source: "q.yaml")
    let question = try #require(questionnaire.question("n"))
    #expect(question.minimum == 0)
    #expect(question.maximum == 12.5)
    #expect(question.integer)
  }

  @Test func badBoundsAreLocated() {
    let yaml = questionnaireYAML(
      """
            - id: n
              type: number
              min: 10
              max: 0x10
              integer: yes
              text: {fr: "t", en: "t"}
              help: {fr: "h", en: "h"}
            - id: m
              type: number
              min: 10
              max: 2
              text: {fr: "t", en: "t"}
              help: {fr: "h", en: "h"}
            - id: y
              type: yesno
              max: 2
              text: {fr: "t", en: "t"}
              help: {fr: "h", en: "h"}
      """)
    #expect(
      problems(yaml) == [
        "13:14: [n] max must be a number written with a point, e.g. 0 or 12.5: “0x10” is hexadecimal: write the number in decimal",
        "14:18: [n] integer must be true or false, not 'yes'",
        "20:14: [m] max (2) is below min (10); no answer could be given",
        "25:9: [y] 'max' applies only to number questions (this one is 'yesno')",
      ])
  }
}
