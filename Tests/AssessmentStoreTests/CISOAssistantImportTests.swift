import AssessmentCore
import Foundation
import QuestionnaireFormat
import Testing

/// The conversion of CISO Assistant framework libraries (written for these tests, in the
/// library format) into questionnaires: the mapping of docs/import-ciso-assistant.md, and bad
/// input refused with its place.
@Suite struct CISOAssistantImportTests {
  static let fixture = fixturePath("ciso-assistant/small-framework.yaml")

  static func converted(_ options: CISOAssistantImport.Options = .init()) throws
    -> CISOAssistantImport.Converted
  {
    try CISOAssistantImport.convert(path: fixture, options: options)
  }

  /// A minimal library around `nodes` (YAML items of `requirement_nodes`, indented 4).
  static func library(_ nodes: String, header: String = "", groups: String = "") -> String {
    """
    urn: urn:test:risk:library:mini
    locale: en
    ref_id: mini
    name: Mini
    copyright: Test authors
    provider: Tests
    version: 1
    \(header)
    objects:
      framework:
        urn: urn:test:risk:framework:mini
        ref_id: mini
        name: Mini framework
    \(groups)
        requirement_nodes:
    \(nodes)
    """
  }

  static func problems(_ text: String, _ options: CISOAssistantImport.Options = .init())
    -> [CISOAssistantImport.Problem]
  {
    do {
      _ = try CISOAssistantImport.convert(Data(text.utf8), source: "lib.yaml", options: options)
      return []
    } catch {
      if case .invalid(let problems) = error { return problems }
      return []
    }
  }

  // MARK: - The mapping

  @Test func theLibrarysLanguagesBecomeTheQuestionnairesItsOwnFirst() throws {
    let questionnaire = try Self.converted().questionnaire
    #expect(questionnaire.languages == ["fr", "nl"])
    #expect(questionnaire.title.resolve("nl", fallbacks: []) == "Klein testkader")
    let chosen = try Self.converted(.init(languages: ["nl", "fr"])).questionnaire
    #expect(chosen.languages == ["nl", "fr"])
  }

  @Test func nonAssessableNodesAreSectionsAndTheScopeComesFirst() throws {
    let questionnaire = try Self.converted().questionnaire
    #expect(questionnaire.sections.map(\.id) == ["scope", "gv_po", "pr_ac"])
    let policy = questionnaire.sections[1]
    #expect(policy.title.resolve("fr", fallbacks: []) == "GV.PO Politique")
    #expect(policy.refs == ["GV.PO"])
    // The parents above the section, and its description, introduce it.
    let introduction = policy.introduction?.resolve("nl", fallbacks: []) ?? ""
    #expect(introduction.contains("GV BESTUREN"))
    #expect(introduction.contains("Het beveiligingsbeleid is beschreven en wordt gevolgd."))
  }

  @Test func anAssessableNodeIsAComplianceQuestionCitingItsParents() throws {
    let questionnaire = try Self.converted().questionnaire
    let question = try #require(questionnaire.question("gv_po_1"))
    #expect(question.type == .compliance)
    #expect(question.refs == ["GV.PO-1"])
    #expect(question.severity == .medium)
    #expect(question.protects == [.availability, .integrity, .confidentiality])
    #expect(
      question.text.resolve("fr", fallbacks: [])
        == "Une politique de sécurité est approuvée par la direction.")
    let help = question.help.resolve("fr", fallbacks: [])
    #expect(help.contains("Elle est revue chaque année."))
    #expect(help.contains("Preuves typiques :\nLe document signé."))
    #expect(
      questionnaire.citation("GV.PO-1", "nl") == "GV BESTUREN › GV.PO Beleid › GV.PO-1")
  }

  @Test func theNodesQuestionsBecomeQuestionsOfOurTypesBeforeTheRequirement() throws {
    let questionnaire = try Self.converted().questionnaire
    let ids = questionnaire.sections[1].questions.map(\.id)
    #expect(
      ids == [
        "gv_po_1_q1", "gv_po_1_q2", "gv_po_1", "gv_po_1_score", "gv_po_2_q1", "gv_po_2_q2",
        "gv_po_2", "gv_po_2_score",
      ])
    let types = [
      "gv_po_1_q1", "gv_po_1_q2", "gv_po_2_q1", "gv_po_2_q2", "pr_ac_1_q1", "pr_ac_1_q2",
    ]
    .map { questionnaire.question($0)?.type }
    #expect(types == [.single, .date, .multiple, .text, .number, .yesno])
    let choice = try #require(questionnaire.question("gv_po_1_q1"))
    #expect(choice.options.map(\.id) == ["c1", "c2", "c3"])
    #expect(choice.options[2].label.resolve("nl", fallbacks: []) == "Nee")
    // Each choice's result, in the requirement's help, on our scale.
    let help = try #require(questionnaire.question("gv_po_1")).help.resolve("en", fallbacks: [])
    #expect(help.contains("“Oui” → Compliant") || help.contains("« Oui » → Conforme"))
    let french = try #require(questionnaire.question("gv_po_1")).help.resolve("fr", fallbacks: [])
    #expect(french.contains("« En partie » → Partiellement conforme"))
  }

  @Test func dependsOnBecomesAConditionAnyAsInAllAsAnd() throws {
    let questionnaire = try Self.converted().questionnaire
    func visible(_ id: String, _ answers: [String: AnswerValue]) -> Bool {
      let visibility = questionnaire.visibility(
        answers: answers.mapValues { Answer(value: $0) })
      return questionnaire.index(of: id).map { visibility[$0] } ?? false
    }
    #expect(!visible("gv_po_1_q2", [:]))
    #expect(visible("gv_po_1_q2", ["gv_po_1_q1": .choice("c2")]))
    #expect(!visible("gv_po_1_q2", ["gv_po_1_q1": .choice("c3")]))
    #expect(!visible("gv_po_2_q2", ["gv_po_2_q1": .choices(["c1"])]))
    #expect(visible("gv_po_2_q2", ["gv_po_2_q1": .choices(["c1", "c2"])]))
  }

  @Test func implementationGroupsScopeTheRequirementsAndChoicesSelectThem() throws {
    let questionnaire = try Self.converted().questionnaire
    let scope = try #require(questionnaire.question("implementation_groups"))
    #expect(scope.type == .multiple)
    #expect(scope.options.map(\.id) == ["B", "A"])
    #expect(scope.options[0].label.resolve("nl", fallbacks: []) == "B — basis")
    func visible(_ id: String, _ answers: [String: AnswerValue]) -> Bool {
      let visibility = questionnaire.visibility(
        answers: answers.mapValues { Answer(value: $0) })
      return questionnaire.index(of: id).map { visibility[$0] } ?? false
    }
    // Unanswered: every requirement is shown.
    #expect(visible("gv_po_2", [:]) && visible("pr_ac_1", [:]))
    let basic: [String: AnswerValue] = ["implementation_groups": .choices(["B"])]
    #expect(!visible("gv_po_2", basic))
    #expect(visible("pr_ac_1", basic))
    #expect(!visible("pr_ac_1", ["implementation_groups": .choices(["A"])]))
    // A choice that selects group A shows A's requirements that follow it.
    var selected = basic
    selected["gv_po_1_q1"] = .choice("c1")
    #expect(visible("gv_po_2", selected))
  }

  @Test func scoresAreAnOptionalAnswerAndTheirLevelsAreInTheDescription() throws {
    let questionnaire = try Self.converted().questionnaire
    let score = try #require(questionnaire.question("pr_ac_1_score"))
    #expect(score.type == .single && score.optional)
    #expect(score.options.map(\.id) == ["s1", "s2", "s3"])
    #expect(score.options[1].label.resolve("fr", fallbacks: []) == "2 — Défini")
    let description = questionnaire.description?.resolve("nl", fallbacks: []) ?? ""
    #expect(description.contains("2 — Gedefinieerd: Het is beschreven."))
  }

  @Test func theOwnersNoticeAndADefaultRiskMethodWithoutBlockingRules() throws {
    let converted = try Self.converted()
    let questionnaire = converted.questionnaire
    let notice = questionnaire.notice?.resolve("fr", fallbacks: []) ?? ""
    #expect(notice.contains("© Auteurs des essais de cloud-assess"))
    #expect(notice.contains("Essais"))
    #expect(notice.contains("urn:test:risk:library:small-framework"))
    #expect(questionnaire.description?.resolve("fr", fallbacks: []).contains(notice) == true)
    // The standard method, written out: the same scales, matrix and thresholds.
    let model = questionnaire.riskModel
    let standard = RiskModel.standard
    #expect(model.levels.map(\.id) == standard.levels.map(\.id))
    #expect(model.matrix == standard.matrix)
    #expect(model.answerLikelihood == standard.answerLikelihood)
    #expect(model.severityImpact == standard.severityImpact)
    #expect(model.notAcceptableFrom == standard.notAcceptableFrom)
    #expect(model.conditionsFrom == standard.conditionsFrom)
    #expect(questionnaire.blockingRules.isEmpty)
    #expect(questionnaire.owner == .organisation)
    let top = try #require(converted.files.first)
    #expect(top.path == "questionnaire.yaml")
    #expect(top.text.contains("risk_model:") && top.text.contains("severity: medium"))
  }

  @Test func aMissingTranslationIsGivenInTheLibrarysLanguage() throws {
    let text = Self.library(
      """
          - urn: urn:test:risk:req_node:mini:a
            assessable: true
            ref_id: A
            description: Only in English.
      """, header: "translations:\n  fr:\n    name: Mini FR")
    let converted = try CISOAssistantImport.convert(Data(text.utf8), source: "lib.yaml")
    let questionnaire = converted.questionnaire
    #expect(questionnaire.languages == ["en", "fr"])
    #expect(questionnaire.question("a")?.text.resolve("fr", fallbacks: []) == "Only in English.")
  }

  @Test func nestingDeeperThanSectionsKeepsEveryParentInTheCitation() throws {
    var nodes = ""
    var parent: String?
    for level in 1...5 {
      nodes += "    - urn: urn:test:risk:req_node:mini:l\(level)\n"
      nodes += "      assessable: \(level == 5)\n"
      nodes += "      ref_id: L\(level)\n      name: Level \(level)\n"
      if let parent { nodes += "      parent_urn: \(parent)\n" }
      parent = "urn:test:risk:req_node:mini:l\(level)"
    }
    let questionnaire = try CISOAssistantImport.convert(
      Data(Self.library(nodes).utf8), source: "lib.yaml"
    ).questionnaire
    #expect(questionnaire.sections.map(\.id) == ["l4"])
    #expect(
      questionnaire.citation("L5", "en")
        == "L1 Level 1 › L2 Level 2 › L3 Level 3 › L4 Level 4 › L5 Level 5")
    #expect(
      questionnaire.sections[0].introduction?.resolve("en", fallbacks: []).hasPrefix(
        "L1 Level 1 › L2 Level 2 › L3 Level 3") == true)
  }

  @Test func hostileTextCannotChangeTheStructureWritten() throws {
    let text = Self.library(
      #"""
          - urn: urn:test:risk:req_node:mini:a
            assessable: true
            ref_id: "A\"] \n- id: evil"
            description: "Line one\nsections: []\n\"quoted\" \\ \u0007 \u2028 end"
      """#)
    let converted = try CISOAssistantImport.convert(Data(text.utf8), source: "lib.yaml")
    let question = try #require(converted.questionnaire.questions.first)
    #expect(question.text.resolve("en", fallbacks: []).hasPrefix("Line one\nsections: []"))
    #expect(converted.questionnaire.questions.count == 1)
  }

  // MARK: - Bad input

  @Test func notALibraryIsSaidWithItsPlace() {
    let questionnaire =
      (try? String(contentsOfFile: fixturePath("small.yaml"), encoding: .utf8)) ?? ""
    let found = Self.problems(questionnaire)
    #expect(found.count == 1)
    #expect(found.first?.kind == .notALibrary(missing: "urn, objects"))
    #expect(
      Self.problems("just: [a, b").first.map { $0.line > 0 && "\($0.kind)".contains("yaml") }
        == true)
    #expect(Self.problems("- a\n- b\n").first?.kind == .notALibrary(missing: "urn, objects"))
  }

  @Test(arguments: ["risk_matrix", "requirement_mapping_sets", "reference_controls"])
  func aLibraryOfAnotherKindIsRefused(kind: String) {
    let text = "urn: urn:test:risk:library:x\nlocale: en\nobjects:\n  \(kind):\n    - urn: x\n"
    let found = Self.problems(text)
    #expect(found.map(\.kind) == [.notAFramework(holds: [kind])])
    #expect(found.first?.line == 4)
    #expect(found.first?.message(.fr).contains("seuls les référentiels s'importent") == true)
  }

  @Test func missingAndDuplicateURNsAreLocated() {
    let missing = Self.problems(
      Self.library(
        """
            - urn: urn:test:risk:req_node:mini:a
              assessable: true
            - assessable: true
              ref_id: B
        """))
    #expect(missing.map(\.kind) == [.missingURN(what: "a requirement node")])
    #expect(missing.first?.line == 18 && missing.first?.column == 7)
    let duplicate = Self.problems(
      Self.library(
        """
            - urn: urn:test:risk:req_node:mini:a
              assessable: true
            - urn: urn:test:risk:req_node:mini:a
              assessable: true
        """))
    #expect(
      duplicate.map(\.kind) == [.duplicateURN("urn:test:risk:req_node:mini:a", firstLine: 16)])
    #expect(duplicate.first?.line == 18)
  }

  @Test func aParentThatDoesNotExistOrThatLoopsIsLocated() {
    let unknown = Self.problems(
      Self.library(
        """
            - urn: urn:test:risk:req_node:mini:a
              assessable: true
              parent_urn: urn:test:risk:req_node:mini:nowhere
        """))
    #expect(
      unknown.map(\.kind) == [
        .unknownParent(
          "urn:test:risk:req_node:mini:nowhere", child: "urn:test:risk:req_node:mini:a")
      ])
    #expect(unknown.first?.line == 18 && unknown.first?.column == 19)
    // a → b → a.
    let loopNodes = """
          - urn: urn:test:risk:req_node:mini:a
            assessable: false
            parent_urn: urn:test:risk:req_node:mini:b
          - urn: urn:test:risk:req_node:mini:b
            assessable: true
            parent_urn: urn:test:risk:req_node:mini:a
      """
    let loop = Self.problems(Self.library(loopNodes))
    #expect(loop.count == 1)
    #expect(
      loop.first?.kind
        == .parentLoop([
          "urn:test:risk:req_node:mini:a", "urn:test:risk:req_node:mini:b",
          "urn:test:risk:req_node:mini:a",
        ]))
    #expect(loop.first?.line == 18)
    // A node whose parents lead into a loop, without being in it: the loop is reported once,
    // at its first node, with its own nodes only.
    let into = Self.problems(
      Self.library(
        """
            - urn: urn:test:risk:req_node:mini:c
              assessable: true
              parent_urn: urn:test:risk:req_node:mini:a

        """ + loopNodes))
    #expect(
      into.map(\.kind) == [
        .parentLoop([
          "urn:test:risk:req_node:mini:a", "urn:test:risk:req_node:mini:b",
          "urn:test:risk:req_node:mini:a",
        ])
      ])
  }

  @Test func questionsWhoseURNHasNoQuestionPartAreNumberedInTheirNode() throws {
    let text = Self.library(
      """
          - urn: urn:test:risk:req_node:mini:a
            ref_id: A
            assessable: true
            questions:
              urn:test:q:alpha:
                type: text
                text: First
              urn:test:q:beta:
                type: text
                text: Second
          - urn: urn:test:risk:req_node:mini:b
            ref_id: B
            assessable: true
            questions:
              urn:test:q:gamma:
                type: text
                text: Third
      """)
    let converted = try CISOAssistantImport.convert(
      Data(text.utf8), source: "lib.yaml", options: .init())
    let ids = converted.questionnaire.questions.map(\.id)
    #expect(ids.contains("a_q1") && ids.contains("a_q2") && ids.contains("b_q1"), "\(ids)")
  }

  @Test func anUnknownQuestionTypeIsLocated() {
    let found = Self.problems(
      Self.library(
        """
            - urn: urn:test:risk:req_node:mini:a
              assessable: true
              questions:
                urn:test:risk:req_node:mini:a:question:1:
                  type: essay
                  text: Write
        """))
    #expect(
      found.map(\.kind) == [
        .unknownQuestionType(
          "essay", known: ["unique_choice", "multiple_choice", "text", "number", "date", "boolean"])
      ])
    #expect(found.first?.line == 20 && found.first?.column == 17)
    #expect(found.first?.message(.nl).contains("onbekend vraagtype ‘essay’") == true)
  }

  @Test func severalFrameworksNeedOneChosenAndAnUnknownLanguageIsRefused() throws {
    let unknown = Self.problems(
      (try? String(contentsOfFile: Self.fixture, encoding: .utf8)) ?? "",
      .init(framework: "urn:nope"))
    #expect(unknown.first.map { "\($0.kind)".contains("frameworkNotFound") } == true)
    let language = Self.problems(
      (try? String(contentsOfFile: Self.fixture, encoding: .utf8)) ?? "", .init(languages: ["de"]))
    #expect(language.map(\.kind) == [.unknownLanguage("de", available: ["fr", "nl"])])
  }

  @Test func anAliasBombIsRefusedWithoutExpandingIt() throws {
    // A node of 100 kB of text, named 3,000 times: 300 MB once expanded.
    let long = String(repeating: "x", count: 100_000)
    var text = "urn: u\nobjects:\n  framework:\n    urn: f\n    requirement_nodes:\n"
    text += "    - &node {urn: n, assessable: true, description: \(long)}\n"
    text += String(repeating: "    - *node\n", count: 3_000)
    let started = Date()
    let found = Self.problems(text)
    #expect(Date().timeIntervalSince(started) < 5)
    #expect(found.contains { $0.kind == .tooMuchText(CISOAssistantImport.maximumTextBytes) })
    #expect(found.count <= CISOAssistantImport.maximumProblems)
  }

  @Test func aFileTooLargeIsRefusedBeforeParsing() {
    let data = Data(count: CISOAssistantImport.maximumSize + 1)
    #expect {
      try CISOAssistantImport.convert(data, source: "big.yaml")
    } throws: { error in
      guard case .invalid(let problems) = error as? CISOAssistantImport.Failure else {
        return false
      }
      return problems.first.map {
        if case .tooLarge = $0.kind { return true } else { return false }
      } ?? false
    }
  }
}
