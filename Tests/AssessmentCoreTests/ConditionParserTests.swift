import Testing

@testable import AssessmentCore

@Suite struct ConditionParserTests {
  private func parse(_ source: String) throws -> Condition {
    try ConditionParser.parse(source).condition
  }

  @Test func parsesEveryForm() throws {
    #expect(try parse("personal_data == yes") == .equals("personal_data", "yes"))
    #expect(try parse("a != b") == .not(.equals("a", "b")))
    #expect(
      try parse("deployment in [public, hybrid]") == .isIn("deployment", ["public", "hybrid"]))
    #expect(try parse("deployment not in [private]") == .not(.isIn("deployment", ["private"])))
    #expect(try parse("!derogation_granted") == .not(.isYes("derogation_granted")))
    #expect(try parse("answered(q_id)") == .answered("q_id"))
    #expect(try parse("n >= 3") == .compare("n", .greaterOrEqual, 3))
    #expect(try parse("n < -2.5") == .compare("n", .less, -2.5))
    #expect(try parse("n <= 1") == .compare("n", .lessOrEqual, 1))
    #expect(try parse("n > 1") == .compare("n", .greater, 1))
  }

  @Test func precedenceIsNotThenAndThenOr() throws {
    #expect(
      try parse("a || b && !c")
        == .or(.isYes("a"), .and(.isYes("b"), .not(.isYes("c")))))
    #expect(
      try parse("(a || b) && c")
        == .and(.or(.isYes("a"), .isYes("b")), .isYes("c")))
  }

  @Test func descriptionParsesBackToTheSameCondition() throws {
    for source in [
      "a == yes", "(a || b) && c", "!(a && b)", "x not in [p, q] || answered(y)", "n > 3",
      "a != b && !c",
    ] {
      let condition = try parse(source)
      #expect(try parse(condition.description) == condition, "\(source) → \(condition)")
    }
  }

  /// Every option id the format allows (`[A-Za-z0-9][A-Za-z0-9_.-]*`) can be compared with.
  @Test func valuesStartingWithADigitAreOptionIds() throws {
    #expect(try parse("size == 10-50") == .equals("size", "10-50"))
    #expect(try parse("size in [1a, 1.5.2, 2]") == .isIn("size", ["1a", "1.5.2", "2"]))
    #expect(try parse("n >= -1.5") == .compare("n", .greaterOrEqual, -1.5))
    #expect(throws: ConditionSyntaxError(message: "expected a number after '<'", column: 5)) {
      try ConditionParser.parse("n < 1.5.2")
    }
  }

  @Test func recordsReferencesWithColumns() throws {
    let result = try ConditionParser.parse("a == x && (bb in [y, z] || answered(c))")
    #expect(
      result.references == [
        ConditionReference(
          questionID: "a", values: ["x"], column: 1, use: .value, valueColumns: [6]),
        ConditionReference(
          questionID: "bb", values: ["y", "z"], column: 12, use: .value, valueColumns: [19, 22]),
        ConditionReference(questionID: "c", values: [], column: 37, use: .answered),
      ])
  }

  @Test(arguments: [
    ("", 1, "empty condition"),
    ("a ==", 5, "expected a value at the end"),
    ("a = b", 3, "unexpected '=' (did you mean '=='?)"),
    ("a & b", 3, "unexpected '&' (did you mean '&&'?)"),
    ("(a", 3, "expected ')' at the end"),
    ("a in [x", 8, "expected ']' or ',' at the end"),
    ("a in x", 6, "expected '[', found 'x'"),
    ("a b", 3, "unexpected 'b'"),
    ("a == yes $", 10, "unexpected character '$'"),
    ("a not b", 7, "expected 'in' after 'not'"),
    ("n > x", 5, "expected a number after '>'"),
    ("&& a", 1, "expected a question id, '!' or '(', found '&&'"),
  ])
  func syntaxErrorsPointAtTheColumn(source: String, column: Int, message: String) {
    #expect(throws: ConditionSyntaxError(message: message, column: column)) {
      try ConditionParser.parse(source)
    }
  }

  @Test func refusesHostileNesting() {
    let deep = String(repeating: "(", count: 10_000) + "a" + String(repeating: ")", count: 10_000)
    #expect(throws: ConditionSyntaxError.self) { try ConditionParser.parse(deep) }
    let nots = String(repeating: "!", count: 200) + "a"
    #expect(throws: ConditionSyntaxError.self) { try ConditionParser.parse(nots) }
  }

  @Test func evaluatesAgainstAnswers() throws {
    let answers: [String: AnswerValue] = [
      "p": .choice("yes"), "d": .choice("public"), "m": .choices(["x", "y"]), "n": .number(4),
    ]
    func holds(_ source: String) throws -> Bool {
      try parse(source).evaluate { answers[$0] }
    }
    #expect(try holds("p"))
    #expect(try holds("p == yes && d in [public, hybrid]"))
    #expect(try !holds("d == private"))
    #expect(try holds("d != private"))
    #expect(try holds("missing != no"), "!= holds for an unanswered question")
    #expect(try !holds("missing == no"))
    #expect(try !holds("missing"))
    #expect(try holds("!missing"))
    #expect(try holds("m == y"), "multiple: == tests membership")
    #expect(try holds("m in [z, x]"))
    #expect(try holds("n > 3 && n <= 4 && n == 4"))
    #expect(try holds("answered(n) && !answered(missing)"))
    #expect(try holds("d == private || (p && n >= 4)"))
  }
}

@Suite struct InterfaceLanguageTests {
  @Test func followsLCAllThenLCMessagesThenLang() {
    #expect(InterfaceLanguage.from(variable: ["LANG": "fr_BE.UTF-8"].lookup) == .fr)
    #expect(InterfaceLanguage.from(variable: ["LANG": "nl_BE.UTF-8"].lookup) == .nl)
    #expect(InterfaceLanguage.from(variable: ["LANG": "de_DE.UTF-8"].lookup) == .en)
    #expect(InterfaceLanguage.from(variable: ["LC_ALL": "nl_BE", "LANG": "fr_BE"].lookup) == .nl)
    #expect(
      InterfaceLanguage.from(
        variable: ["LC_ALL": "", "LC_MESSAGES": "fr_FR", "LANG": "en_US"].lookup) == .fr)
    #expect(InterfaceLanguage.from(variable: [String: String]().lookup) == .en)
  }

  @Test func everyPhraseExistsInEveryLanguage() {
    for phrase in Phrase.allCases {
      for language in InterfaceLanguage.allCases {
        #expect(!phrase.text(language).isEmpty, "\(phrase) in \(language)")
      }
    }
  }
}

extension Dictionary where Key == String, Value == String {
  /// The dictionary as an environment lookup (`InterfaceLanguage.from(variable:)`).
  func lookup(_ name: String) -> String? { self[name] }
}
