import Foundation

/// One step of an ordinal scale (likelihood, impact or risk level), with its name per language.
public struct ScaleLevel: Equatable, Sendable {
  public var id: String
  public var label: LocalizedText

  public init(id: String, label: LocalizedText) {
    self.id = id
    self.label = label
  }
}

/// Raises or lowers the impact of the questions that protect `dimensions`, and of the questions
/// named in `questions`, when `when` holds.
public struct ImpactAdjustment: Equatable, Sendable {
  public var when: Condition
  public var dimensions: [SecurityDimension]
  /// Questions moved whatever they protect.
  public var questions: [String]
  public var shift: Int
  public var reason: LocalizedText

  public init(
    when: Condition, dimensions: [SecurityDimension], questions: [String] = [], shift: Int,
    reason: LocalizedText
  ) {
    self.when = when
    self.dimensions = dimensions
    self.questions = questions
    self.shift = shift
    self.reason = reason
  }
}

/// The risk method, declared as data in the questionnaire so an institution can change it
/// without code. See `docs/risk-model.md`.
public struct RiskModel: Equatable, Sendable {
  /// Ascending: the first is the least likely.
  public var likelihood: [ScaleLevel]
  /// Ascending: the first is the mildest.
  public var impact: [ScaleLevel]
  /// Ascending risk levels: the first is the lowest.
  public var levels: [ScaleLevel]
  /// `matrix[likelihood id][impact index]` is a level id.
  public var matrix: [String: [String]]
  /// For each answer (`compliant`, `partial`, `noncompliant`, `unknown`, `unanswered`) a likelihood id.
  public var answerLikelihood: [String: String]
  /// For each severity, the impact id it starts from.
  public var severityImpact: [Severity: String]
  public var impactAdjustments: [ImpactAdjustment]
  /// The lowest level that makes a gap block acceptance ("not acceptable").
  public var notAcceptableFrom: String
  /// The lowest level that makes a gap a condition of acceptance.
  public var conditionsFrom: String

  public init(
    likelihood: [ScaleLevel], impact: [ScaleLevel], levels: [ScaleLevel],
    matrix: [String: [String]], answerLikelihood: [String: String],
    severityImpact: [Severity: String], impactAdjustments: [ImpactAdjustment],
    notAcceptableFrom: String? = nil, conditionsFrom: String? = nil
  ) {
    self.likelihood = likelihood
    self.impact = impact
    self.levels = levels
    self.matrix = matrix
    self.answerLikelihood = answerLikelihood
    self.severityImpact = severityImpact
    self.impactAdjustments = impactAdjustments
    self.notAcceptableFrom = notAcceptableFrom ?? levels.last?.id ?? ""
    self.conditionsFrom =
      conditionsFrom ?? (levels.count > 1 ? levels[1].id : levels.first?.id ?? "")
  }

  /// The rank of a level id (0 = lowest), or nil for an unknown id.
  public func levelRank(_ id: String) -> Int? { levels.firstIndex { $0.id == id } }

  /// The answer keys `answerLikelihood` must cover.
  public static let answerKeys = ["compliant", "partial", "noncompliant", "unknown", "unanswered"]

  /// The method used when a questionnaire declares none: five likelihoods, four impacts, four
  /// levels, the answer mapping of `docs/risk-model.md`, and no impact adjustment.
  public static let standard: RiskModel = {
    func level(_ id: String, _ fr: String, _ en: String, _ nl: String) -> ScaleLevel {
      ScaleLevel(id: id, label: LocalizedText(["fr": fr, "en": en, "nl": nl]))
    }
    return RiskModel(
      likelihood: [
        level("very_low", "Très faible", "Very low", "Zeer laag"),
        level("low", "Faible", "Low", "Laag"),
        level("medium", "Moyenne", "Medium", "Gemiddeld"),
        level("high", "Élevée", "High", "Hoog"),
        level("very_high", "Très élevée", "Very high", "Zeer hoog"),
      ],
      impact: [
        level("low", "Faible", "Low", "Laag"),
        level("medium", "Moyen", "Medium", "Gemiddeld"),
        level("high", "Élevé", "High", "Hoog"),
        level("critical", "Critique", "Critical", "Kritiek"),
      ],
      levels: [
        level("low", "Faible", "Low", "Laag"),
        level("medium", "Moyen", "Medium", "Gemiddeld"),
        level("high", "Élevé", "High", "Hoog"),
        level("critical", "Critique", "Critical", "Kritiek"),
      ],
      matrix: [
        "very_low": ["low", "low", "low", "medium"],
        "low": ["low", "low", "medium", "high"],
        "medium": ["low", "medium", "high", "high"],
        "high": ["medium", "high", "high", "critical"],
        "very_high": ["medium", "high", "critical", "critical"],
      ],
      answerLikelihood: [
        "compliant": "very_low", "partial": "medium", "unknown": "high", "unanswered": "high",
        "noncompliant": "very_high",
      ],
      severityImpact: [.low: "low", .medium: "medium", .high: "high", .critical: "critical"],
      impactAdjustments: []
    )
  }()
}

/// A finding that is not a matter of degree: when `when` holds, the verdict is "not acceptable"
/// (at worst "acceptable with conditions" for a rule based on good practice or policy).
public struct BlockingRule: Equatable, Sendable {
  public var id: String
  public var refs: [String]
  public var when: Condition
  /// The questions the assessor should look at (the summary links to the first visible one).
  public var questions: [String]
  public var message: LocalizedText
  public var remediation: LocalizedText
  public var derogation: DerogationRule
  /// Where the rule comes from when the reference text does not demand it (a stricter policy
  /// reading, good practice, the law); nil: the reference text demands it. A rule based on good
  /// practice or policy makes the verdict at worst "acceptable with conditions".
  public var basis: RequirementBasis?

  public init(
    id: String, refs: [String], when: Condition, questions: [String], message: LocalizedText,
    remediation: LocalizedText, derogation: DerogationRule = .unspecified,
    basis: RequirementBasis? = nil
  ) {
    self.derogation = derogation
    self.basis = basis
    self.id = id
    self.refs = refs
    self.when = when
    self.questions = questions
    self.message = message
    self.remediation = remediation
  }
}

extension BlockingRule {
  /// Whether a risk acceptance of `questionID`'s gap is refused: the rule names the question and
  /// holds, or the reference text allows no exception to it (`derogation: none`) and it would
  /// hold were the answer non-compliant (the point is in the rule's scope).
  public func refusesAcceptance(of questionID: String, _ answer: (String) -> AnswerValue?) -> Bool {
    guard questions.contains(questionID) else { return false }
    if when.evaluate(answer) { return true }
    guard derogation == .none else { return false }
    let gap = AnswerValue.choice(ComplianceValue.noncompliant.rawValue)
    return when.evaluate { $0 == questionID ? gap : answer($0) }
  }
}

/// Whether a blocking finding can be waived by a derogation.
public enum DerogationRule: Equatable, Sendable {
  /// The questionnaire says nothing.
  case unspecified
  /// The reference text allows none: the report says so.
  case none
  /// Waived while the record answering this `derogation` question is valid.
  case question(String)
}

/// A named risk of the register (the guideline's Annex D) and the questions that mitigate it.
public struct RegisterRisk: Equatable, Sendable {
  public var id: String
  public var refs: [String]
  public var title: LocalizedText
  public var mitigatedBy: [String]

  public init(id: String, refs: [String], title: LocalizedText, mitigatedBy: [String]) {
    self.id = id
    self.refs = refs
    self.title = title
    self.mitigatedBy = mitigatedBy
  }
}
